/* html_extract.c - the main text of a news page from libxml2's HTML push
 * parser with SAX callbacks (no tree: building one costs several times the
 * parse). Script and style bodies, half of a page's bytes, are not even fed
 * to the parser.
 *
 * While parsing: text is collected into blocks (a block ends at every
 * block-level tag and <br>; table cells of a row stay on one line); each
 * block remembers its link text, the block elements above it and the flags
 * inherited from its ancestors: boilerplate by tag (nav, footer, aside,
 * header, figcaption), by class/id/role (comments, share, related, sidebar,
 * ads, captions...), content hints (article, story, itemprop=articleBody).
 * Scripts, styles, form controls and hidden elements are skipped. Metadata
 * (html_meta.c) is gathered on the way.
 * After parsing, html_select.c chooses the main text among the blocks. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include "clean_internal.h"
#include "html_internal.h"
#include "html_blocks.h"
#include "../base/arena.h"
#include "../base/util.h"

#define MAX_FRAMES 256 /* deeper elements share the innermost tracked frame */

typedef html_frame frame;

#define HINT_CACHE_SIZE 256
typedef struct hint_cache_entry { uint32_t class_hash; uint16_t flags; int hint; } hint_cache_entry;

typedef struct feed_seg { size_t fed, raw; } feed_seg; /* parser offset -> raw offset */

typedef struct parse_state {
    htmlParserCtxtPtr ctxt;
    dyad_doc *doc;
    html_page *page;
    frame frames[MAX_FRAMES];
    int depth;                 /* real depth; frames hold min(depth, MAX_FRAMES) */
    size_t block_start;        /* text offset where the open block began */
    uint32_t block_links;      /* link bytes in the open block */
    int pending_space;
    dy_buf title, h1, jsonld;
    int h1_done;
    uint32_t h1_raw;           /* where the first h1's text starts in raw */
    html_meta meta;
    hint_cache_entry hint_cache[HINT_CACHE_SIZE];
    feed_seg *segs;
    size_t nsegs, segs_cap, fed;
} parse_state;

/* ---- tag and attribute classes ---------------------------------------- */

/* What a tag means to the extractor, looked up once per start and end tag. */
enum {
    TK_BLOCK = 1 << 0,  /* ends the open block; a container for scoring */
    TK_CELL = 1 << 1,   /* td/th: a container, but a row is one line of text */
    TK_SKIP = 1 << 2,   /* its text is never prose: scripts, styles, controls, media */
    TK_BAD = 1 << 3,    /* boilerplate by tag: nav, footer, aside, header, figcaption */
    TK_BR = 1 << 4,
    TK_PAGE = 1 << 5,   /* html, body: page-wide classes say nothing */
    TK_BODY = 1 << 6,
    TK_TITLE = 1 << 7,
    TK_A = 1 << 8,
    TK_PRE = 1 << 9,
    TK_LI = 1 << 10,
    TK_SCRIPT = 1 << 11
};
typedef struct tag_kind { const char *name; uint16_t kinds; } tag_kind;
static const tag_kind tag_kinds[] = { /* sorted by name */
    {"a", TK_A}, {"address", TK_BLOCK}, {"article", TK_BLOCK}, {"aside", TK_BLOCK | TK_BAD},
    {"audio", TK_SKIP}, {"blockquote", TK_BLOCK}, {"body", TK_BLOCK | TK_PAGE | TK_BODY},
    {"br", TK_BR}, {"button", TK_SKIP}, {"canvas", TK_SKIP}, {"caption", TK_BLOCK},
    {"center", TK_BLOCK}, {"dd", TK_BLOCK}, {"details", TK_BLOCK}, {"dialog", TK_SKIP},
    {"div", TK_BLOCK}, {"dl", TK_BLOCK}, {"dt", TK_BLOCK}, {"embed", TK_SKIP},
    {"fieldset", TK_BLOCK}, {"figcaption", TK_BLOCK | TK_BAD}, {"figure", TK_BLOCK},
    {"footer", TK_BLOCK | TK_BAD}, {"form", TK_BLOCK}, {"h1", TK_BLOCK}, {"h2", TK_BLOCK},
    {"h3", TK_BLOCK}, {"h4", TK_BLOCK}, {"h5", TK_BLOCK}, {"h6", TK_BLOCK},
    {"head", TK_SKIP}, {"header", TK_BLOCK | TK_BAD}, {"hr", TK_BLOCK},
    {"html", TK_BLOCK | TK_PAGE}, {"iframe", TK_SKIP}, {"input", TK_SKIP}, {"label", TK_SKIP},
    {"li", TK_BLOCK | TK_LI}, {"main", TK_BLOCK}, {"map", TK_SKIP}, {"math", TK_SKIP},
    {"menu", TK_BLOCK | TK_BAD}, {"nav", TK_BLOCK | TK_BAD}, {"noscript", TK_SKIP},
    {"object", TK_SKIP}, {"ol", TK_BLOCK}, {"option", TK_SKIP}, {"p", TK_BLOCK},
    {"pre", TK_BLOCK | TK_PRE}, {"script", TK_SKIP | TK_SCRIPT}, {"section", TK_BLOCK},
    {"select", TK_SKIP}, {"style", TK_SKIP}, {"summary", TK_BLOCK}, {"svg", TK_SKIP},
    {"table", TK_BLOCK}, {"tbody", TK_BLOCK}, {"td", TK_BLOCK | TK_CELL}, {"template", TK_SKIP},
    {"textarea", TK_SKIP}, {"tfoot", TK_BLOCK}, {"th", TK_BLOCK | TK_CELL}, {"thead", TK_BLOCK},
    {"title", TK_TITLE}, {"tr", TK_BLOCK}, {"ul", TK_BLOCK}, {"video", TK_SKIP}};

static int cmp_tag(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const tag_kind *)elem)->name);
}

/* libxml2 gives HTML element names in lowercase. */
static uint16_t tag_kinds_of(const char *name) {
    const tag_kind *k = bsearch(name, tag_kinds, sizeof tag_kinds / sizeof tag_kinds[0], sizeof tag_kinds[0], cmp_tag);
    return k ? k->kinds : 0;
}

/* Does a lowercase class/id string contain word as a whole dash/space/underscore token? */
static int has_token(const char *s, const char *word) {
    size_t wl = strlen(word);
    for (const char *p = s; (p = strstr(p, word)) != NULL; p++) {
        int left = p == s || p[-1] == '-' || p[-1] == '_' || p[-1] == ' ';
        char r = p[wl];
        int right = r == 0 || r == '-' || r == '_' || r == ' ';
        if (left && right) return 1;
    }
    return 0;
}

static int has_any(const char *s, const char *const *list) {
    for (; *list; list++)
        if (strstr(s, *list)) return 1;
    return 0;
}

/* Boilerplate hints in class and id names (substrings), and content hints. */
static const char *const bad_hints[] = {
    "comment", "share", "sharing", "social", "related", "sidebar", "widget", "advert", "promo",
    "sponsor", "byline", "caption", "breadcrumb", "subscribe", "newsletter", "cookie", "popup",
    "modal", "banner", "masthead", "footer", "navigation", "navbar", "menu", "outbrain",
    "taboola", "recommend", "signup", "sign-up", "disqus", "trending", "toolbar", "skip-link",
    "most-read", "mostread", "most-popular", "more-stories", "read-more", "readmore", "tags",
    "credit", "author", "pagination", "pager", "hidden", "print", "login", "paywall", "rail",
    "teaser", "tooltip", "overlay", "gdpr", "consent", "breaking", "ticker", "footnote", NULL};
static const char *const good_hints[] = {"article", "content", "story", "entry", "post-body",
                                         "main", "text", "prose", "body", NULL};

/* Attribute names come lowercase from libxml2's HTML parser.
 * with_names 0: only hidden/style/itemprop/role (class and id names matter
 * on block elements, and matching them is the costly part) */
static uint16_t attr_flags(const char *const *attrs, int *hint, int with_names) {
    uint16_t f = 0;
    *hint = 0;
    if (!attrs) return 0;
    char cls[512];
    size_t cl = 0;
    for (size_t i = 0; attrs[i]; i += 2) {
        const char *name = attrs[i], *val = attrs[i + 1] ? attrs[i + 1] : "";
        if (!strcmp(name, "class") || !strcmp(name, "id")) {
            if (!with_names) continue;
            for (const char *p = val; *p && cl + 2 < sizeof cls; p++) {
                char c = *p;
                cls[cl++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            }
            if (cl + 1 < sizeof cls) cls[cl++] = ' '; /* many class/id attributes: keep room for the NUL */
        } else if (!strcmp(name, "hidden")) {
            f |= HB_SKIP;
        } else if (!strcmp(name, "style")) {
            if (strstr(val, "display:none") || strstr(val, "display: none")) f |= HB_SKIP;
        } else if (!strcmp(name, "itemprop") && !strcasecmp(val, "articleBody")) {
            f |= HB_GOOD;
            *hint = 2;
        } else if (!strcmp(name, "role") &&
                   (!strcasecmp(val, "navigation") || !strcasecmp(val, "contentinfo") ||
                    !strcasecmp(val, "complementary") || !strcasecmp(val, "banner"))) {
            f |= HB_BAD;
        }
    }
    cls[cl] = 0;
    if (cl) {
        int bad = has_any(cls, bad_hints) || has_token(cls, "ad") || has_token(cls, "ads") ||
                  has_token(cls, "nav") || has_token(cls, "aside") || has_token(cls, "meta");
        int good = has_any(cls, good_hints);
        if (bad && !good) {
            f |= HB_BADCLASS;
            *hint = -1;
        } else if (good && !bad && *hint == 0) {
            *hint = 1;
        }
    }
    return f;
}

/* ---- text and blocks --------------------------------------------------- */

/* The raw offset of the parser's position minus len_back bytes. The parser
 * sees the page without script bodies and NUL bytes: segments map its
 * offsets back to raw ones. */
static uint32_t raw_pos(parse_state *st, size_t len_back) {
    xmlParserInputPtr in = st->ctxt ? st->ctxt->input : NULL;
    if (!in || !in->cur || !in->base || st->doc->raw_len == 0 || st->nsegs == 0) return 0;
    size_t pos = (size_t)in->consumed + (size_t)(in->cur - in->base);
    pos = pos >= len_back ? pos - len_back : 0;
    size_t lo = 0, hi = st->nsegs;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (st->segs[mid].fed <= pos) lo = mid;
        else hi = mid;
    }
    size_t raw = st->segs[lo].raw + (pos - st->segs[lo].fed);
    return (uint32_t)(raw < st->doc->raw_len ? raw : st->doc->raw_len - 1);
}

static void flush_block(parse_state *st) {
    html_page *pg = st->page;
    size_t len = pg->text.len - st->block_start;
    if (len > 0) {
        const frame *top = &st->frames[(st->depth < MAX_FRAMES ? st->depth : MAX_FRAMES) - 1];
        int nf = st->depth < MAX_FRAMES ? st->depth : MAX_FRAMES;
        if (hp_add_block(pg, (uint32_t)st->block_start, (uint32_t)len, st->block_links, top->flags,
                         st->frames, nf))
            pg->failed = 1;
        /* the text and link length of every open element */
        int n = st->depth < MAX_FRAMES ? st->depth : MAX_FRAMES;
        for (int i = 0; i < n; i++) {
            html_elem *e = &pg->elems[st->frames[i].elem];
            e->chars += (uint32_t)len;
            e->link_chars += st->block_links;
        }
    }
    st->block_start = pg->text.len;
    st->block_links = 0;
    st->pending_space = 0;
}

static void on_characters(void *user, const xmlChar *ch, int len) {
    parse_state *st = user;
    if (len <= 0 || st->depth == 0) return;
    const frame *top = &st->frames[(st->depth < MAX_FRAMES ? st->depth : MAX_FRAMES) - 1];
    if (top->flags & HB_TITLE) {
        if (st->title.len < 1024) buf_push(&st->title, ch, (size_t)len);
        return;
    }
    if (top->flags & HB_JSONLD) {
        if (st->jsonld.len < (1u << 20)) buf_push(&st->jsonld, ch, (size_t)len);
        return;
    }
    if (top->flags & HB_SKIP) return;
    html_page *pg = st->page;
    uint32_t raw = raw_pos(st, (size_t)len);
    if ((top->flags & HB_H1) && !st->h1_done && st->h1.len < 1024) {
        if (!st->h1.len) st->h1_raw = raw;
        buf_push(&st->h1, ch, (size_t)len);
    }
    uint32_t raw_last = st->doc->raw_len ? (uint32_t)(st->doc->raw_len - 1) : 0;
    if (hp_reserve(pg, (size_t)len + 1)) return;
    int pre = top->flags & HB_PRE;
    for (int i = 0; i < len; i++) {
        char c = (char)ch[i];
        if (!pre && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')) {
            if (pg->text.len > st->block_start) st->pending_space = 1;
            continue;
        }
        if (st->pending_space) {
            hp_push(pg, ' ', raw + (uint32_t)i < raw_last ? raw + (uint32_t)i : raw_last);
            if (top->flags & HB_LINK) st->block_links++;
            st->pending_space = 0;
        }
        if (hp_reserve(pg, 2)) return;
        hp_push(pg, c, raw + (uint32_t)i < raw_last ? raw + (uint32_t)i : raw_last);
        if (top->flags & HB_LINK) st->block_links++;
    }
}

/* Class/id hints of a start tag, remembered per class string: pages repeat
 * the same few class strings many times. */
static uint16_t attr_flags_cached(parse_state *st, const char *const *attrs, uint32_t class_hash, int *hint,
                                  int block) {
    if (!block) return attr_flags(attrs, hint, 0);
    int has_id = 0;
    for (size_t i = 0; attrs && attrs[i]; i += 2)
        if (!strcmp(attrs[i], "id") || !strcmp(attrs[i], "style") || !strcmp(attrs[i], "hidden") ||
            !strcmp(attrs[i], "itemprop") || !strcmp(attrs[i], "role"))
            has_id = 1;
    if (has_id || !class_hash) return attr_flags(attrs, hint, 1);
    hint_cache_entry *c = &st->hint_cache[class_hash % HINT_CACHE_SIZE];
    if (c->class_hash != class_hash) {
        c->class_hash = class_hash;
        c->flags = attr_flags(attrs, &c->hint, 1);
    }
    *hint = c->hint;
    return c->flags;
}

static void on_start(void *user, const xmlChar *name_x, const xmlChar **attrs_x) {
    parse_state *st = user;
    html_page *pg = st->page;
    const char *name = (const char *)name_x;
    const char *const *attrs = (const char *const *)attrs_x;
    if (name[0] == 'm' || name[0] == 'l' || name[0] == 't') html_meta_start(&st->meta, st->doc->arena, name, attrs);
    uint16_t tk = tag_kinds_of(name);
    if (tk & TK_CELL) st->pending_space = st->page->text.len > st->block_start;
    else if (tk & (TK_BLOCK | TK_BR)) flush_block(st);
    if (st->depth >= MAX_FRAMES) {
        st->depth++;
        return;
    }
    uint16_t parent_flags = st->depth ? st->frames[st->depth - 1].flags : 0;
    uint32_t parent_elem = st->depth ? st->frames[st->depth - 1].elem : UINT32_MAX;
    uint32_t class_hash = 0;
    for (size_t i = 0; attrs && attrs[i]; i += 2)
        if (!strcmp(attrs[i], "class") && attrs[i + 1] && attrs[i + 1][0])
            class_hash = (uint32_t)hash_bytes(attrs[i + 1], strlen(attrs[i + 1])) | 1u;
    int hint = 0;
    uint16_t f = (uint16_t)(parent_flags & ~(HB_H1 | HB_HEADING_MASK));
    uint16_t af = attrs ? attr_flags_cached(st, attrs, class_hash, &hint, (tk & TK_BLOCK) != 0) : 0;
    if (tk & TK_PAGE) { /* page-wide classes say nothing */
        af &= (uint16_t)~HB_BADCLASS;
        hint = 0;
    }
    f |= af;
    if (tk & TK_SKIP) f |= HB_SKIP;
    if (tk & TK_BAD) f |= HB_BAD;
    if ((tk & TK_TITLE) && !(parent_flags & HB_BODY)) f |= HB_TITLE;
    if (tk & TK_BODY) f = (uint16_t)((f & ~HB_SKIP) | HB_BODY);
    if (tk & TK_A) f |= HB_LINK;
    if (tk & TK_PRE) f |= HB_PRE;
    if (tk & TK_LI) f |= HB_LI;
    if (tk & TK_SCRIPT) {
        const char *type = NULL;
        for (size_t i = 0; attrs && attrs[i]; i += 2)
            if (!strcmp(attrs[i], "type")) type = attrs[i + 1];
        if (type && strstr(type, "ld+json")) f |= HB_JSONLD;
    }
    if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) {
        f |= (uint16_t)(((name[1] - '0') & 7) << HB_HEADING_SHIFT);
        if (name[1] == '1') f |= HB_H1;
    }
    if (hint > 0) f |= HB_GOOD;
    uint32_t id = hp_add_elem(pg, parent_elem, name, hint, st->depth, class_hash);
    if (id == UINT32_MAX) {
        pg->failed = 1;
        id = 0;
    }
    frame *fr = &st->frames[st->depth++];
    fr->bad_elem = (af & HB_BADCLASS) ? id : st->depth > 1 ? st->frames[st->depth - 2].bad_elem : UINT32_MAX;
    fr->elem = id;
    fr->flags = f;
    fr->is_block = (uint8_t)((tk & TK_BLOCK) != 0);
}

static void on_end(void *user, const xmlChar *name_x) {
    parse_state *st = user;
    if (st->depth == 0) return;
    uint16_t tk = tag_kinds_of((const char *)name_x);
    if (tk & TK_CELL) st->pending_space = st->page->text.len > st->block_start;
    else if (tk & TK_BLOCK) flush_block(st);
    if (st->depth > MAX_FRAMES) {
        st->depth--;
        return;
    }
    frame *fr = &st->frames[st->depth - 1];
    if ((fr->flags & HB_H1) && st->h1.len) st->h1_done = 1;
    if (fr->flags & HB_JSONLD && st->jsonld.len) {
        html_meta_jsonld(&st->meta, st->doc->arena, st->jsonld.data, st->jsonld.len);
        buf_clear(&st->jsonld);
    }
    st->page->elems[fr->elem].end_block = (uint32_t)st->page->nblocks;
    st->depth--;
}

static void on_cdata(void *user, const xmlChar *ch, int len) { on_characters(user, ch, len); }

/* Collapse whitespace of a short captured string into the arena. */
static const char *collapse(dyad_arena *a, const dy_buf *b) {
    if (!b->len) return NULL;
    char *out = arena_alloc(a, b->len + 1);
    if (!out) return NULL;
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < b->len; i++) {
        char c = b->data[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = n > 0;
            continue;
        }
        if (space) out[n++] = ' ';
        space = 0;
        out[n++] = c;
    }
    out[n] = 0;
    return n ? out : NULL;
}

/* Feed raw[a, b) to the parser around NUL bytes (a NUL ends libxml2's
 * parse), recording where each piece came from. */
static void feed_range(parse_state *st, htmlParserCtxtPtr ctxt, const char *raw, size_t a, size_t b) {
    while (a < b) {
        const char *z = memchr(raw + a, 0, b - a);
        size_t end = z ? (size_t)(z - raw) : b;
        if (end > a) {
            if (st->nsegs == st->segs_cap) {
                size_t cap = st->segs_cap ? st->segs_cap * 2 : 64;
                feed_seg *ns = realloc(st->segs, cap * sizeof *ns);
                if (!ns) {
                    st->page->failed = 1;
                    return;
                }
                st->segs = ns;
                st->segs_cap = cap;
            }
            st->segs[st->nsegs].fed = st->fed;
            st->segs[st->nsegs].raw = a;
            st->nsegs++;
            htmlParseChunk(ctxt, raw + a, (int)(end - a), 0);
            st->fed += end - a;
        }
        a = end + 1;
    }
}

/* Is raw[i] the start of the tag <name (any case), followed by a space, / or >? */
static int tag_at(const char *raw, size_t n, size_t i, const char *name, size_t len) {
    if (i + 1 + len >= n || strncasecmp(raw + i + 1, name, len) != 0) return 0;
    char c = raw[i + 1 + len];
    return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r';
}

static const char *find_ci(const char *hay, size_t n, const char *needle, size_t len) {
    for (const char *p = hay; (p = memchr(p, '<', (size_t)(hay + n - p))) != NULL; p++)
        if ((size_t)(hay + n - p) >= len && strncasecmp(p, needle, len) == 0) return p;
    return NULL;
}

/* Feed the page without the bodies of scripts and styles (more than half of
 * a news page's bytes, and never text); JSON-LD scripts are kept for their
 * metadata. Comments are fed whole so a "<script" inside one is no script. */
static void feed_page(parse_state *st, htmlParserCtxtPtr ctxt, const char *raw, size_t n) {
    size_t done = 0, i = 0;
    while (i < n) {
        const char *lt = memchr(raw + i, '<', n - i);
        if (!lt) break;
        i = (size_t)(lt - raw);
        if (i + 4 <= n && !memcmp(raw + i, "<!--", 4)) {
            const char *end = memmem(raw + i + 4, n - i - 4, "-->", 3);
            i = end ? (size_t)(end - raw) + 3 : n;
            continue;
        }
        int script = tag_at(raw, n, i, "script", 6), style = !script && tag_at(raw, n, i, "style", 5);
        if (!script && !style) {
            i++;
            continue;
        }
        const char *gt = memchr(raw + i, '>', n - i);
        if (!gt) break;
        size_t body = (size_t)(gt - raw) + 1;
        if (script && memmem(raw + i, body - i, "ld+json", 7)) { /* metadata: keep */
            i = body;
            continue;
        }
        const char *close = find_ci(raw + body, n - body, script ? "</script" : "</style", script ? 8 : 7);
        if (!close) break;
        feed_range(st, ctxt, raw, done, body);
        done = i = (size_t)(close - raw);
    }
    feed_range(st, ctxt, raw, done, n);
}

/* A page that declares no charset, has valid UTF-8 sequences and only a few
 * bad bytes is UTF-8 with slips: a copy with each bad byte made a space
 * (same length, so offsets stay raw offsets). libxml2 would otherwise read
 * the whole page as Latin-1. NULL when the page is not such a page. */
static char *utf8_with_slips(const char *raw, size_t n) {
    size_t head = n < 4096 ? n : 4096;
    for (size_t i = 0; i + 7 < head; i++)
        if ((raw[i] | 32) == 'c' && !strncasecmp(raw + i, "charset", 7)) return NULL;
    size_t good = 0, bad = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        unsigned char c = (unsigned char)raw[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int l = utf8_decode((const unsigned char *)raw + i, n - i, &cp);
        if (l == 1) bad++;
        else good++;
        i += (size_t)(l > 0 ? l : 1);
    }
    if (good < bad) return NULL;
    char *copy = malloc(n + 1);
    if (!copy) return NULL;
    memcpy(copy, raw, n);
    copy[n] = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        if ((unsigned char)copy[i] < 0x80) {
            i++;
            continue;
        }
        int l = utf8_decode((const unsigned char *)copy + i, n - i, &cp);
        if (l <= 1) {
            copy[i] = ' ';
            l = 1;
        }
        i += (size_t)l;
    }
    return copy;
}

int html_extract_ex(dyad_doc *doc, clean_text *out, int with_title) {
    html_page page;
    hp_init(&page);
    parse_state *st = calloc(1, sizeof *st);
    if (!st) return -1;
    st->doc = doc;
    st->page = &page;
    const char *raw = doc->raw ? doc->raw : "";
    size_t n = doc->raw ? doc->raw_len : 0;
    if (n > INT32_MAX) n = INT32_MAX;

    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_characters;
    sax.ignorableWhitespace = on_characters;
    sax.cdataBlock = on_cdata;
    int utf8 = utf8_valid(raw, n);
    char *repaired = NULL;
    if (!utf8 && (repaired = utf8_with_slips(raw, n)) != NULL) {
        raw = repaired;
        utf8 = 1;
    }
    htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(&sax, st, NULL, 0, NULL,
                                                      utf8 ? XML_CHAR_ENCODING_UTF8 : XML_CHAR_ENCODING_NONE);
    int rc = 0;
    if (ctxt) {
        htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                     HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS |
                                     (utf8 ? HTML_PARSE_IGNORE_ENC : 0));
        st->ctxt = ctxt;
        feed_page(st, ctxt, raw, n);
        htmlParseChunk(ctxt, NULL, 0, 1);
        st->ctxt = NULL;
        while (st->depth > 0) on_end(st, (const xmlChar *)"div"); /* close what is open */
        flush_block(st);
        htmlFreeParserCtxt(ctxt);
    }
    st->meta.title_tag = collapse(doc->arena, &st->title);
    st->meta.h1 = collapse(doc->arena, &st->h1);
    html_meta_apply(&st->meta, doc);

    dy_buf sel = {0};
    uint32_t *sel_map = NULL;
    size_t sel_len = 0;
    if (page.failed || hp_select(&page, &sel, &sel_map, &sel_len)) rc = -1;
    if (!rc) {
        dy_buf withtitle = {0};
        uint32_t *wmap = NULL;
        size_t wlen = sel_len;
        const char *title = with_title ? (st->meta.h1 ? st->meta.h1 : doc->title) : NULL;
        if (title && *title && !(sel_len >= strlen(title) && !memcmp(sel.data, title, strlen(title)))) {
            size_t tl = strlen(title);
            wlen = tl + (sel_len ? 2 + sel_len : 0);
            wmap = malloc((wlen ? wlen : 1) * sizeof *wmap);
            if (!wmap || buf_push(&withtitle, title, tl)) rc = -1;
            uint32_t title_raw = title == st->meta.h1 ? st->h1_raw : 0;
            for (size_t k = 0; !rc && k < tl; k++) wmap[k] = title_raw;
            if (!rc && sel_len) {
                buf_push(&withtitle, "\n\n", 2);
                buf_push(&withtitle, sel.data, sel_len);
                wmap[tl] = wmap[tl + 1] = sel_map[0];
                memcpy(wmap + tl + 2, sel_map, sel_len * sizeof *wmap);
            }
            if (!rc && clean_normalize(doc->arena, withtitle.data, wmap, wlen, out)) rc = -1;
        } else if (clean_normalize(doc->arena, sel.data ? sel.data : "", sel_map, sel_len, out)) {
            rc = -1;
        }
        buf_free(&withtitle);
        free(wmap);
    }
    buf_free(&sel);
    free(sel_map);
    buf_free(&st->title);
    buf_free(&st->h1);
    buf_free(&st->jsonld);
    free(st->segs);
    free(st);
    free(repaired);
    hp_free(&page);
    return rc;
}

int html_extract(dyad_doc *doc, clean_text *out) { return html_extract_ex(doc, out, 1); }
