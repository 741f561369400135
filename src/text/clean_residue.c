/* clean_residue.c - plain text copied from a news page still carries the
 * page around the report: photo labels, video durations, captions and
 * headlines repeated, related-story headlines, "Read More", share and
 * subscribe prompts, cookie notices, bylines, comment sections.
 *
 * The method is general, not a list of strings: the text is cut into units
 * (a line, or a hard-wrapped block of lines), each unit gets features
 * (words, sentence-final punctuation, lowercase words, function-word and
 * furniture-word shares, repetition, position), and a unit is kept when it
 * reads as prose of the report. The report's sentences end with sentence
 * punctuation and contain function words; residue is short, unpunctuated,
 * repeated, or made of furniture vocabulary. The first headline-like line is
 * kept as the title paragraph. One pass over the bytes, no regex, memory from
 * the document's arena. */
#include <string.h>
#include "clean_internal.h"
#include "../base/arena.h"
#include "../base/util.h"

#define RESIDUE_MAX_LINES 200000 /* more lines than any page; bounds the memory per line */

typedef struct unit {
    uint32_t b, e;      /* trimmed byte range in the input */
    uint32_t block;     /* blocks are separated by blank lines */
    uint64_t hash;
    text_features f;
    int prose, keep, title, comments_marker;
} unit;

static int is_blank_char(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

static size_t first_word_len(const char *s, uint32_t b, uint32_t e) {
    uint32_t i = b;
    while (i < e && s[i] != ' ' && s[i] != '\t') i++;
    return i - b;
}

/* A cheap hash to find repeated units (equal ones are then compared):
 * the length and up to 16 bytes at each end. */
static uint64_t unit_hash(const char *s, size_t n) {
    uint64_t h = hash_mix(0x9e3779b97f4a7c15ULL, n);
    size_t k = n < 16 ? n : 16;
    return hash_mix(hash_mix(h, hash_bytes(s, k)), hash_bytes(s + n - k, k));
}

static int same_text(const char *s, const unit *a, const unit *b) {
    return a->hash == b->hash && a->e - a->b == b->e - b->b && !memcmp(s + a->b, s + b->b, a->e - a->b);
}

/* Features of a paragraph from those of its lines: counts add up, the end
 * is the last line's. */
static void features_add(text_features *f, const text_features *next) {
    f->words += next->words;
    f->letters += next->letters;
    f->digits += next->digits;
    f->upper_initial += next->upper_initial;
    f->stop += next->stop;
    f->ui += next->ui;
    f->strong_ui += next->strong_ui;
    if (next->last_ui) f->last_ui = f->words - next->words + next->last_ui;
    f->chars += 1 + next->chars;
    f->ends_sentence = next->ends_sentence;
    f->ends_colon = next->ends_colon;
    f->has_lower_word |= next->has_lower_word;
    f->time_only = 0;
    f->no_letters = f->letters == 0;
}

/* Split into lines, then join the lines of hard-wrapped paragraphs: a line
 * that ends no sentence and was broken only because the next word would not
 * fit in the block's width (or the next line goes on in lowercase). */
static size_t cut_units(const char *s, size_t n, unit *u, size_t cap) {
    size_t nu = 0;
    uint32_t block = 0;
    int prev_blank = 1;
    size_t i = 0;
    while (i < n && nu < cap) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t le = nl ? (size_t)(nl - s) : n;
        size_t b = i, e = le;
        while (b < e && is_blank_char((unsigned char)s[b])) b++;
        while (e > b && is_blank_char((unsigned char)s[e - 1])) e--;
        if (b == e) {
            prev_blank = 1;
        } else {
            if (prev_blank) block++;
            memset(&u[nu], 0, sizeof u[nu]);
            u[nu].b = (uint32_t)b;
            u[nu].e = (uint32_t)e;
            u[nu].block = block;
            text_features_of(s + b, e - b, &u[nu].f);
            nu++;
            prev_blank = 0;
        }
        i = le + 1;
    }
    /* the width of each block: its longest line (units are in block order) */
    size_t out = 0;
    for (size_t k = 0; k < nu;) {
        size_t end = k;
        uint32_t width = 0;
        while (end < nu && u[end].block == u[k].block) {
            if (u[end].e - u[end].b > width) width = u[end].e - u[end].b;
            end++;
        }
        size_t j = k;
        while (j < end) {
            /* lines j..run_end-1 form one wrapped paragraph */
            size_t run_end = j + 1;
            while (run_end < end) {
                uint32_t prev_len = u[run_end - 1].e - u[run_end - 1].b;
                const text_features lf = u[run_end - 1].f;
                unsigned char c0 = (unsigned char)s[u[run_end].b];
                int lower = c0 >= 'a' && c0 <= 'z';
                int full = prev_len + 1 + first_word_len(s, u[run_end].b, u[run_end].e) > width;
                if (lf.ends_sentence || !lf.has_lower_word || prev_len < 40 || !(full || lower)) break;
                run_end++;
            }
            /* a paragraph ends a sentence; otherwise these were separate lines */
            const text_features last = u[run_end - 1].f;
            if (run_end - j > 1 && (last.ends_sentence || last.ends_colon)) {
                unit joined = u[j];
                joined.e = u[run_end - 1].e;
                for (size_t m = j + 1; m < run_end; m++) features_add(&joined.f, &u[m].f);
                u[out++] = joined;
                j = run_end;
            } else {
                u[out++] = u[j++];
            }
        }
        k = end;
    }
    return out;
}

/* Is this unit a comment-section heading ("Leave a Reply", "12 Comments",
 * "Join the conversation")? Short, only furniture/function words and digits,
 * naming comments or replies. */
static int is_comments_marker(const char *s, const unit *u) {
    const text_features *f = &u->f;
    if (f->words == 0 || f->words > 6 || f->ends_sentence) return 0;
    if (f->ui + f->stop + (f->digits ? 1 : 0) < f->words) return 0;
    static const char *const names[] = {"comment", "Comment", "COMMENT", "repl", "Repl", "REPL",
                                        "conversation", "Conversation", "discussion", "Discussion"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t kl = strlen(names[k]);
        for (uint32_t i = u->b; i + kl <= u->e; i++)
            if (memcmp(s + i, names[k], kl) == 0) return 1;
    }
    return 0;
}

/* "By Jane Doe", "By Jane Doe and John Roe, Reuters": a byline alone. */
static int is_byline(const char *s, const unit *u) {
    const text_features *f = &u->f;
    if (f->words < 2 || f->words > 10 || f->ends_sentence) return 0;
    return (u->e - u->b > 3) && (memcmp(s + u->b, "By ", 3) == 0 || memcmp(s + u->b, "BY ", 3) == 0);
}

static int is_bullet(const char *s, const unit *u) {
    unsigned char c = (unsigned char)s[u->b];
    if (c == '-' || c == '*') return 1;
    return u->e - u->b >= 3 && (!memcmp(s + u->b, "\xE2\x80\xA2", 3) || !memcmp(s + u->b, "\xC2\xB7", 2));
}

/* Prose of the report: sentence-final punctuation, some lowercase words and
 * function words, not made of furniture vocabulary. */
static int reads_as_prose(const char *s, const unit *u) {
    const text_features *f = &u->f;
    if (f->words == 0 || f->no_letters) return 0;
    if (f->strong_ui && f->words <= 40) return 0;
    if (f->ui * 3 >= f->words && f->words <= 25) return 0;
    if (f->prefix_label && f->words <= 15 &&
        (!f->ends_sentence || f->upper_initial * 4 >= f->words * 3))
        return 0; /* "RELATED: Title Case Headline", "Photo: Agency" */
    if (is_byline(s, u)) return 0;
    /* unpunctuated and ending in furniture words: "... Photograph: Reuters",
     * "... Watch the video" */
    if (!f->ends_sentence && f->words <= 15 && f->last_ui && f->words - f->last_ui < 5) return 0;
    int looked_up = f->words < 40 ? f->words : 40;
    /* long enough to be a sentence that lost its final mark */
    if (f->words >= 25 && f->has_lower_word && f->stop * 8 >= looked_up) return 1;
    if (f->words >= 16 && f->has_lower_word && f->stop * 5 >= looked_up) return 1;
    if (f->words >= 8 && f->has_lower_word && f->stop * 3 >= looked_up) return 1; /* headlines have few function words */
    if (f->ends_sentence && f->words >= 2 && f->has_lower_word) return 1; /* "He declined." */
    if (f->ends_colon && f->words >= 4 && f->has_lower_word && f->stop > 0) return 1;
    /* list items of the report: a bullet and a clause */
    if (is_bullet(s, u) && f->words >= 5 && f->has_lower_word && f->stop > 0) return 1;
    return 0;
}

/* A headline: several words, letters, not a label, prompt or byline. */
static int reads_as_headline(const char *s, const unit *u) {
    const text_features *f = &u->f;
    if (f->words < 3 || f->words > 30 || f->no_letters || f->time_only) return 0;
    if (f->strong_ui || f->ui * 3 >= f->words || f->prefix_label || is_byline(s, u)) return 0;
    if (f->ends_colon) return 0;
    if (f->last_ui && f->words - f->last_ui < 3) return 0; /* "... Photograph: Agency", "... - video" */
    return f->letters * 2 >= f->chars;
}

int clean_residue(dyad_arena *a, const clean_text *in, clean_text *out, const char **title) {
    *title = NULL;
    const char *s = in->text;
    size_t n = in->len;
    size_t lines = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + n - p))) != NULL; p++) lines++;
    if (lines > RESIDUE_MAX_LINES) { /* no news page: keep the text as it is */
        *out = *in;
        return 0;
    }
    unit *u = arena_alloc(a, lines * sizeof *u);
    if (!u) return -1;
    size_t nu = cut_units(s, n, u, lines);

    /* features and repetition (open addressing over unit hashes) */
    size_t hcap = 16;
    while (hcap < nu * 2) hcap *= 2;
    uint32_t *slots = arena_calloc(a, hcap, sizeof *slots); /* unit index + 1 */
    if (!slots) return -1;
    size_t prose_chars = 0;
    for (size_t k = 0; k < nu; k++) {
        u[k].hash = unit_hash(s + u[k].b, u[k].e - u[k].b);
        u[k].prose = reads_as_prose(s, &u[k]);
        u[k].comments_marker = is_comments_marker(s, &u[k]);
        if (u[k].prose) prose_chars += u[k].e - u[k].b;
    }
    int *seen_before = arena_calloc(a, nu ? nu : 1, sizeof *seen_before);
    if (!seen_before) return -1;
    for (size_t k = 0; k < nu; k++) {
        size_t h = (size_t)u[k].hash & (hcap - 1);
        while (slots[h]) {
            unit *o = &u[slots[h] - 1];
            if (o->hash == u[k].hash && o->e - o->b == u[k].e - u[k].b &&
                !memcmp(s + o->b, s + u[k].b, o->e - o->b)) {
                seen_before[k] = 1;
                break;
            }
            h = (h + 1) & (hcap - 1);
        }
        if (!slots[h]) slots[h] = (uint32_t)(k + 1);
    }

    /* decide */
    size_t prose_so_far = 0;
    int any_prose = 0, best_headline_score = 0;
    size_t best_headline = SIZE_MAX;
    for (size_t k = 0; k < nu; k++) {
        unit *x = &u[k];
        if (x->comments_marker && any_prose && prose_so_far * 10 >= prose_chars * 6) break;
        if (x->prose) {
            any_prose = 1;
            prose_so_far += x->e - x->b;
            x->keep = !seen_before[k]; /* a pull quote or a sentence repeated: once */
            /* a short caption shown twice in a row (image text, then caption) is residue */
            if (x->f.words < 25 && ((k + 1 < nu && same_text(s, x, &u[k + 1])) || (k > 0 && same_text(s, x, &u[k - 1]))))
                x->keep = 0;
            continue;
        }
        /* the headline: the most headline-like line before the report begins */
        if (!any_prose && reads_as_headline(s, x)) {
            int score = (x->f.words < 15 ? x->f.words : 15) - 3 * x->f.ui;
            if (score > best_headline_score) {
                best_headline_score = score;
                best_headline = k;
            }
        }
    }
    if (best_headline != SIZE_MAX) u[best_headline].keep = u[best_headline].title = 1;
    /* no prose at all (a headline, a record, a list): nothing to protect, so
     * nothing is called residue */
    if (!any_prose)
        for (size_t k = 0; k < nu; k++) u[k].keep = 1;

    /* output: kept units separated by a blank line */
    size_t total = 0;
    for (size_t k = 0; k < nu; k++)
        if (u[k].keep) total += u[k].e - u[k].b + 2;
    out->text = arena_alloc(a, total + 1);
    out->map = arena_alloc(a, (total ? total : 1) * sizeof *out->map);
    if (!out->text || !out->map) return -1;
    size_t len = 0;
    for (size_t k = 0; k < nu; k++) {
        if (!u[k].keep) continue;
        if (len) {
            uint32_t sep_raw = out->map[len - 1];
            out->text[len] = out->text[len + 1] = '\n';
            out->map[len] = out->map[len + 1] = sep_raw;
            len += 2;
        }
        size_t ul = u[k].e - u[k].b;
        memcpy(out->text + len, s + u[k].b, ul);
        memcpy(out->map + len, in->map + u[k].b, ul * sizeof *out->map);
        if (u[k].title) *title = arena_strndup(a, s + u[k].b, ul);
        len += ul;
    }
    out->text[len] = 0;
    out->len = len;
    return 0;
}
