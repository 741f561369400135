/* html_select.c - the page's blocks and elements, and the choice of the
 * main text among them.
 *
 * Scoring: a block of prose (25+ bytes, few links) is worth 1 + its commas +
 * its length in hundreds (max 3); it gives that to the block elements above
 * it, less the further up (as readability does on a tree). Choice: each
 * element's score is adjusted by its tag, its class/id hint and its link
 * density; the best element, its siblings that score well or hold plain
 * paragraphs, and containers elsewhere with its class (an article split
 * around a figure) form the main region; the region's blocks that are still
 * boilerplate (hinted, link lists, furniture words, fragments) are dropped;
 * the rest are the paragraphs. A class hint on an element that holds most of
 * the page's prose is not believed; when the hints leave almost nothing, the
 * choice is made again without them. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html_blocks.h"
#include "clean_internal.h"

void hp_init(html_page *p) { memset(p, 0, sizeof *p); }

void hp_free(html_page *p) {
    buf_free(&p->text);
    free(p->map);
    free(p->blocks);
    free(p->elems);
    memset(p, 0, sizeof *p);
}

int hp_reserve(html_page *p, size_t extra) {
    if (buf_reserve(&p->text, extra + 1)) {
        p->failed = 1;
        return -1;
    }
    if (p->map_cap < p->text.cap) {
        uint32_t *m = realloc(p->map, p->text.cap * sizeof *m);
        if (!m) {
            p->failed = 1;
            return -1;
        }
        p->map = m;
        p->map_cap = p->text.cap;
    }
    return 0;
}

int hp_add_block(html_page *p, uint32_t off, uint32_t len, uint32_t links, uint16_t flags,
                 const html_frame *frames, int n) {
    if (p->nblocks >= HP_MAX_BLOCKS) return 0; /* beyond any real page: dropped */
    if (p->nblocks == p->blocks_cap) {
        size_t cap = p->blocks_cap ? p->blocks_cap * 2 : 256;
        html_block *b = realloc(p->blocks, cap * sizeof *b);
        if (!b) return -1;
        p->blocks = b;
        p->blocks_cap = cap;
    }
    html_block *b = &p->blocks[p->nblocks++];
    b->off = off;
    b->len = len;
    b->link_chars = links;
    b->flags = flags;
    b->elem = n > 0 ? frames[n - 1].elem : 0;
    b->bad_elem = n > 0 ? frames[n - 1].bad_elem : UINT32_MAX;
    int level = -1; /* the block's own element first, then its containers */
    for (int k = 0; k < HB_LEVELS; k++) b->anc[k] = UINT32_MAX;
    for (int i = n - 1; i >= 0 && level < HB_LEVELS; i--) {
        if (!frames[i].is_block) continue;
        if (level >= 0) b->anc[level] = frames[i].elem;
        level++;
    }
    return 0;
}

static uint8_t kind_of(const char *t) {
    static const struct { const char *tag; uint8_t kind; } kinds[] = {
        {"div", EK_DIV}, {"p", EK_P}, {"article", EK_ARTICLE}, {"section", EK_SECTION},
        {"td", EK_TD}, {"pre", EK_PRE}, {"blockquote", EK_QUOTE}, {"ul", EK_LIST},
        {"ol", EK_LIST}, {"li", EK_LIST}, {"dl", EK_LIST}, {"dd", EK_LIST}, {"dt", EK_LIST},
        {"h1", EK_HEADING}, {"h2", EK_HEADING}, {"h3", EK_HEADING}, {"h4", EK_HEADING},
        {"h5", EK_HEADING}, {"h6", EK_HEADING}, {"th", EK_HEADING}, {"form", EK_FORM},
        {"main", EK_MAIN}, {"body", EK_BODY}, {"span", EK_INLINE}, {"a", EK_INLINE},
        {"b", EK_INLINE}, {"i", EK_INLINE}, {"em", EK_INLINE}, {"strong", EK_INLINE}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcasecmp(t, kinds[i].tag)) return kinds[i].kind;
    return EK_OTHER;
}

uint32_t hp_add_elem(html_page *p, uint32_t parent, const char *tag, int hint, int depth,
                     uint32_t class_hash) {
    /* beyond any real page: later elements count as their parent (best effort) */
    if (p->nelems >= HP_MAX_ELEMS) return parent != UINT32_MAX ? parent : 0;
    if (p->nelems == p->elems_cap) {
        size_t cap = p->elems_cap ? p->elems_cap * 2 : 512;
        html_elem *e = realloc(p->elems, cap * sizeof *e);
        if (!e) return UINT32_MAX;
        p->elems = e;
        p->elems_cap = cap;
    }
    html_elem *e = &p->elems[p->nelems];
    memset(e, 0, sizeof *e);
    e->parent = parent;
    e->first_block = e->end_block = (uint32_t)p->nblocks;
    e->hint = (int8_t)hint;
    e->kind = kind_of(tag);
    e->depth = (uint16_t)(depth > 65535 ? 65535 : depth);
    e->class_hash = class_hash;
    return (uint32_t)p->nelems++;
}

/* What a block of prose is worth: 1 + its commas + its length in hundreds
 * (max 3); 0 for boilerplate, short or link text. */
static float block_score(const html_page *p, const html_block *b, uint16_t bad_mask) {
    if (b->flags & bad_mask) return 0;
    if (b->len < 25 || b->link_chars * 2 > b->len) return 0;
    if (((b->flags & HB_HEADING_MASK) >> HB_HEADING_SHIFT) == 1) return 0; /* the title is no evidence */
    const unsigned char *s = (const unsigned char *)p->text.data + b->off;
    int commas = 0;
    for (uint32_t i = 0; i < b->len; i++) {
        commas += s[i] == ',';
        /* ideographic and fullwidth commas: 、 ， */
        if (s[i] == 0xE3 && i + 2 < b->len && s[i + 1] == 0x80 && s[i + 2] == 0x81) commas++;
        if (s[i] == 0xEF && i + 2 < b->len && s[i + 1] == 0xBC && s[i + 2] == 0x8C) commas++;
    }
    return 1.0f + (float)commas + (float)(b->len / 100 < 3 ? b->len / 100 : 3);
}

/* Every prose block gives its score to the block elements above it. */
static void score_blocks(html_page *p, uint16_t bad_mask) {
    for (size_t i = 0; i < p->nelems; i++) p->elems[i].score = 0;
    for (size_t bi = 0; bi < p->nblocks; bi++) {
        const html_block *b = &p->blocks[bi];
        float score = block_score(p, b, bad_mask);
        if (score <= 0) continue;
        for (int level = 0; level < HB_LEVELS && b->anc[level] != UINT32_MAX; level++) {
            float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
            p->elems[b->anc[level]].score += score / div;
        }
    }
}

/* A class or id hint is not believed on an element that holds most of the
 * page's prose (a wrapper named "has-sidebar" or "widget" around the
 * article): its blocks lose the hint. */
static int disbelieve_wrapper_hints(html_page *p) {
    float *prefix = malloc((p->nblocks + 1) * sizeof *prefix);
    if (!prefix) return -1;
    prefix[0] = 0;
    for (size_t i = 0; i < p->nblocks; i++)
        prefix[i + 1] = prefix[i] + block_score(p, &p->blocks[i], HB_SKIP | HB_BAD);
    float total = prefix[p->nblocks];
    for (size_t i = 0; i < p->nblocks; i++) {
        html_block *b = &p->blocks[i];
        if (!(b->flags & HB_BADCLASS) || b->bad_elem == UINT32_MAX) continue;
        const html_elem *e = &p->elems[b->bad_elem];
        if (prefix[e->end_block] - prefix[e->first_block] >= 0.5f * total)
            b->flags &= (uint16_t)~HB_BADCLASS;
    }
    free(prefix);
    return 0;
}

/* The adjusted score readability gives a candidate container. */
static float final_score(const html_elem *e) {
    float init = 0;
    switch (e->kind) {
    case EK_DIV: init = 5; break;
    case EK_PRE: case EK_TD: case EK_QUOTE: init = 3; break;
    case EK_LIST: case EK_FORM: init = -3; break;
    case EK_HEADING: init = -5; break;
    default: break;
    }
    float hint = e->hint > 0 ? 25.0f * (float)e->hint : e->hint < 0 ? -25.0f : 0.0f;
    if (hint > 0 && e->chars < 1000) hint *= (float)e->chars / 1000.0f; /* a hint names no article in a few words */
    float ld = e->chars ? (float)e->link_chars / (float)e->chars : 0;
    return (e->score + init + hint) * (1.0f - ld);
}

/* A block inside the region that is still page furniture. */
static int block_is_boilerplate(const html_page *p, const html_block *b, uint16_t bad_mask) {
    if (b->flags & bad_mask) return 1;
    int heading = (b->flags & HB_HEADING_MASK) >> HB_HEADING_SHIFT;
    if (heading == 1) return 1; /* the title: added separately */
    text_features f;
    text_features_of(p->text.data + b->off, b->len, &f);
    if (f.words == 0 || f.no_letters) return 1;
    /* link lists; but a sentence of 100+ bytes around its links is prose */
    uint32_t own = b->len - b->link_chars;
    int prose = own >= 100 && f.ends_sentence;
    if (b->link_chars * 2 > b->len && !prose) return 1;
    if (b->link_chars * 4 > b->len && f.words < 30 && !(own >= 60 && f.ends_sentence)) return 1;
    if (f.strong_ui && f.words <= 40) return 1;
    if (f.ui * 3 >= f.words && f.words <= 15) return 1;
    if (f.time_only) return 1;
    if (!heading && f.words < 3 && f.chars < 20 && !f.ends_sentence) return 1;
    return 0;
}

static int push_block(dy_buf *t, uint32_t **map, size_t *map_cap, const html_page *p, const html_block *b) {
    size_t need = t->len + b->len + 2;
    if (need > *map_cap) {
        size_t cap = *map_cap ? *map_cap * 2 : 4096;
        while (cap < need) cap *= 2;
        uint32_t *m = realloc(*map, cap * sizeof *m);
        if (!m) return -1;
        *map = m;
        *map_cap = cap;
    }
    if (t->len) {
        (*map)[t->len] = (*map)[t->len + 1] = p->map[b->off];
        if (buf_push(t, "\n\n", 2)) return -1;
    }
    memcpy(*map + t->len, p->map + b->off, b->len * sizeof **map);
    return buf_push(t, p->text.data + b->off, b->len);
}

/* One choice of the main text; bad_mask: the block flags that mean boilerplate. */
static int select_pass(html_page *p, uint16_t bad_mask, dy_buf *text, uint32_t **map, size_t *map_cap) {
    score_blocks(p, bad_mask);
    size_t best = SIZE_MAX;
    float best_score = 0;
    for (size_t i = 0; i < p->nelems; i++) {
        if (p->elems[i].score <= 0) continue;
        float s = final_score(&p->elems[i]);
        if (best == SIZE_MAX || s > best_score) {
            best = i;
            best_score = s;
        }
    }
    uint8_t *in_region = calloc(p->nblocks, 1);
    if (!in_region) return -1;
    if (best == SIZE_MAX) {
        memset(in_region, 1, p->nblocks); /* no prose anywhere: whatever is not furniture */
    } else {
        const html_elem *t = &p->elems[best];
        memset(in_region + t->first_block, 1, t->end_block - t->first_block);
        float threshold = best_score * 0.2f > 10.0f ? best_score * 0.2f : 10.0f;
        if (t->parent != UINT32_MAX) {
            for (size_t i = t->parent + 1; i < p->nelems; i++) {
                const html_elem *s = &p->elems[i];
                if (s->parent != t->parent || i == best) continue;
                float ld = s->chars ? (float)s->link_chars / (float)s->chars : 1;
                int take = s->score > 0 && final_score(s) >= threshold;
                if (!take && s->kind == EK_P && s->chars > 80 && ld < 0.25f) take = 1;
                if (take) memset(in_region + s->first_block, 1, s->end_block - s->first_block);
            }
        }
        /* an article split around figures or ads goes on in containers of the
         * same class elsewhere in the page */
        if (t->class_hash) {
            for (size_t i = 0; i < p->nelems; i++) {
                const html_elem *s = &p->elems[i];
                if (i == best || s->class_hash != t->class_hash || s->kind != t->kind || s->score <= 0) continue;
                if (s->first_block >= t->first_block && s->end_block <= t->end_block) continue;
                memset(in_region + s->first_block, 1, s->end_block - s->first_block);
            }
        }
    }
    int rc = 0;
    for (size_t i = 0; i < p->nblocks && !rc; i++) {
        if (!in_region[i] || block_is_boilerplate(p, &p->blocks[i], bad_mask)) continue;
        rc = push_block(text, map, map_cap, p, &p->blocks[i]);
    }
    free(in_region);
    return rc;
}

#define HB_MIN_MAIN_TEXT 150 /* under this, class/id hints may have hidden the article */

int hp_select(html_page *p, dy_buf *text, uint32_t **map, size_t *len) {
    *map = NULL;
    *len = 0;
    size_t map_cap = 0;
    if (p->nblocks == 0) return 0;
    if (disbelieve_wrapper_hints(p)) return -1;
    if (select_pass(p, HB_SKIP | HB_BAD | HB_BADCLASS, text, map, &map_cap)) return -1;
    if (text->len < HB_MIN_MAIN_TEXT) {
        dy_buf t2 = {0};
        uint32_t *m2 = NULL;
        size_t cap2 = 0;
        if (select_pass(p, HB_SKIP | HB_BAD, &t2, &m2, &cap2)) {
            buf_free(&t2);
            free(m2);
            return -1;
        }
        if (t2.len > text->len) {
            buf_free(text);
            free(*map);
            *text = t2;
            *map = m2;
        } else {
            buf_free(&t2);
            free(m2);
        }
    }
    *len = text->len;
    return 0;
}
