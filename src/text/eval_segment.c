/* eval_segment.c - `dyad eval segment GOLD.conllu`: token and sentence F1
 * from raw text, CoNLL 2018 style. The raw text is built from the gold file's
 * `# text` lines as the reference scorer does (documents and paragraphs
 * become blank-line separated blocks) and segmented as one document through
 * dyad_process; spans are compared as offsets in the text with all
 * whitespace removed, and a multi-word token ("don't") counts once, as its
 * surface form, on both sides. Two runs are scored: the segmenter on the
 * gold text taken as clean text (the figure --check holds to its targets),
 * and the whole pipeline with text_clean first, whose residue removal may
 * drop lines of web text. */
#include <stdlib.h>
#include <string.h>
#include "text.h"
#include "segment.h"
#include "../base/util.h"

#define TOKENS_TARGET 99.0
#define SENTENCES_TARGET 85.0

typedef struct span { uint32_t b, e; } span;
typedef struct spans { span *v; size_t n, cap; } spans;

static int spans_add(spans *s, uint32_t b, uint32_t e) {
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 4096;
        span *p = realloc(s->v, nc * sizeof *p);
        if (!p) return -1;
        s->v = p;
        s->cap = nc;
    }
    s->v[s->n++] = (span){b, e};
    return 0;
}

/* Python's str.isspace() for the code points that occur in text */
static int py_space(uint32_t cp) {
    return (cp >= 9 && cp <= 13) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* non-whitespace code points in s[0..n) */
static uint32_t nonspace_len(const char *s, size_t n) {
    uint32_t count = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode((const unsigned char *)s + i, n - i, &cp);
        count += !py_space(cp);
    }
    return count;
}

typedef struct gold {
    dy_buf text;          /* the raw text, as segment_eval.py make-text builds it */
    spans tokens, sentences;
} gold;

static void gold_free(gold *g) {
    buf_free(&g->text);
    free(g->tokens.v);
    free(g->sentences.v);
}

/* one pass over the gold file: the raw text and the gold spans */
static int gold_read(const char *data, size_t len, gold *g) {
    dy_buf para = {0};
    uint32_t pos = 0, sent_start = 0;
    long skip_until = 0;
    int in_sentence = 0, rc = 0;
    for (size_t i = 0; i < len && !rc;) {
        const char *line = data + i;
        const char *nl = memchr(line, '\n', len - i);
        size_t ll = nl ? (size_t)(nl - line) : len - i;
        i += ll + (nl != NULL);
        if (ll == 0) {
            if (in_sentence) rc |= spans_add(&g->sentences, sent_start, pos);
            in_sentence = 0;
            skip_until = 0; /* a range never reaches into the next sentence */
            continue;
        }
        if (line[0] == '#') {
            int newblock = (ll >= 8 && !memcmp(line, "# newdoc", 8)) || (ll >= 8 && !memcmp(line, "# newpar", 8));
            if (newblock && para.len) {
                rc |= buf_push(&g->text, para.data, para.len) | buf_push(&g->text, "\n\n", 2);
                buf_clear(&para);
            } else if (ll >= 9 && !memcmp(line, "# text = ", 9)) {
                if (para.len) rc |= buf_putc(&para, ' ');
                rc |= buf_push(&para, line + 9, ll - 9);
            }
            continue;
        }
        const char *tab = memchr(line, '\t', ll);
        if (!tab) continue;
        const char *form = tab + 1, *form_end = memchr(form, '\t', ll - (size_t)(form - line));
        if (!form_end) form_end = line + ll;
        size_t idlen = (size_t)(tab - line);
        if (memchr(line, '.', idlen)) continue; /* empty node */
        const char *dash = memchr(line, '-', idlen);
        long id = strtol(line, NULL, 10);
        if (dash) skip_until = strtol(dash + 1, NULL, 10);
        else if (id <= skip_until) continue;
        else skip_until = 0;
        if (!in_sentence) { sent_start = pos; in_sentence = 1; }
        uint32_t n = nonspace_len(form, (size_t)(form_end - form));
        rc |= spans_add(&g->tokens, pos, pos + n);
        pos += n;
    }
    if (in_sentence) rc |= spans_add(&g->sentences, sent_start, pos);
    if (para.len) rc |= buf_push(&g->text, para.data, para.len) | buf_putc(&g->text, '\n');
    buf_free(&para);
    return rc ? -1 : 0;
}

/* raw byte -> whitespace-free offset; a predicted span is mapped through
 * text_to_raw so cleaning cannot shift it */
static size_t raw_pos(const dyad_doc *doc, uint32_t text_off) {
    if (!doc->text_to_raw) return text_off;
    if (text_off >= doc->text_len) return doc->raw_len;
    return doc->text_to_raw[text_off];
}

static size_t raw_end(const dyad_doc *doc, uint32_t text_end) {
    if (!doc->text_to_raw) return text_end;
    size_t r = doc->text_to_raw[text_end - 1] + 1;
    while (r < doc->raw_len && ((unsigned char)doc->raw[r] & 0xC0) == 0x80) r++;
    return r;
}

static int predicted_spans(const dyad_doc *doc, const uint32_t *count, spans *tok, spans *sent) {
    int rc = 0;
    for (size_t si = 0; si < doc->nsentences; si++) {
        const dyad_sentence *s = &doc->sentences[si];
        uint32_t sb = 0, se = 0;
        for (uint32_t k = 0; k < s->ntokens; k++) {
            const dyad_token *t = &doc->tokens[s->first_token + k];
            uint32_t b = count[raw_pos(doc, t->off)], e = count[raw_end(doc, t->off + t->len)];
            if (k == 0) sb = b;
            se = e;
            if ((t->flags & TOK_JOINED) && k > 0 && tok->n) tok->v[tok->n - 1].e = e;
            else rc |= spans_add(tok, b, e);
        }
        if (s->ntokens) rc |= spans_add(sent, sb, se);
    }
    return rc;
}

static size_t matches(const spans *g, const spans *p) {
    size_t i = 0, j = 0, tp = 0;
    while (i < g->n && j < p->n) {
        if (g->v[i].b == p->v[j].b && g->v[i].e == p->v[j].e) { tp++; i++; j++; }
        else if (g->v[i].b < p->v[j].b || (g->v[i].b == p->v[j].b && g->v[i].e < p->v[j].e)) i++;
        else j++;
    }
    return tp;
}

static double report(FILE *out, const char *what, const spans *g, const spans *p) {
    size_t tp = matches(g, p);
    double pr = p->n ? 100.0 * tp / p->n : 0, rc = g->n ? 100.0 * tp / g->n : 0;
    double f1 = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
    fprintf(out, "%-12s P %6.2f  R %6.2f  F1 %6.2f   (gold %zu, predicted %zu)\n", what, pr, rc, f1, g->n, p->n);
    return f1;
}

static dyad_status write_pred(const char *path, const dyad_doc *doc, dyad_error *err) {
    FILE *f = fopen(path, "w");
    if (!f) {
        dyad_error_set(err, DYAD_EIO, path, 0, -1, "cannot write predictions");
        return DYAD_EIO;
    }
    dyad_status st = dyad_write_conllu(f, doc);
    if (fclose(f) || st != DYAD_OK) {
        dyad_error_set(err, DYAD_EIO, path, 0, -1, "write failed");
        return DYAD_EIO;
    }
    return DYAD_OK;
}

/* segment raw as one document and score it; with_cleaner: text_clean first
 * (the whole pipeline), else the raw text is taken as the clean text */
static dyad_status score_run(const dyad_engine *e, const dyad_eval_opts *o, gold *g, int with_cleaner,
                             FILE *out, double *ft, double *fs, dyad_error *err) {
    spans ptok = {0}, psent = {0};
    uint32_t *count = NULL;
    dyad_status st = DYAD_ENOMEM;
    dyad_doc *doc = dyad_doc_new();
    if (!doc) goto done;
    doc->input = o->gold;
    doc->id = "eval";
    doc->content = DYAD_FMT_TEXT;
    doc->raw = g->text.data ? g->text.data : "";
    doc->raw_len = g->text.len;
    if (!with_cleaner) { /* the gold text is clean UTF-8 already */
        doc->text = (char *)doc->raw;
        doc->text_len = doc->raw_len;
    }
    double t0 = now_seconds();
    if ((st = dyad_process(e, doc, DYAD_STAGE_SEGMENT, err)) != DYAD_OK) goto done;
    double secs = now_seconds() - t0;
    /* whitespace-free offset of every raw byte */
    count = malloc((doc->raw_len + 1) * sizeof *count);
    if (!count) { st = DYAD_ENOMEM; goto done; }
    uint32_t c = 0;
    const unsigned char *r = (const unsigned char *)doc->raw;
    for (size_t i = 0; i < doc->raw_len;) {
        uint32_t cp;
        int l = utf8_decode(r + i, doc->raw_len - i, &cp);
        for (int k = 0; k < l; k++) count[i + (size_t)k] = c;
        c += !py_space(cp);
        i += (size_t)l;
    }
    count[doc->raw_len] = c;
    if (predicted_spans(doc, count, &ptok, &psent)) { st = DYAD_ENOMEM; goto done; }
    fprintf(out, "%s (%.1f MB/s):\n", with_cleaner ? "pipeline, text_clean + text_segment" : "segmenter on the raw text",
            secs > 0 ? doc->raw_len / secs / 1e6 : 0.0);
    *ft = report(out, "  tokens", &g->tokens, &ptok);
    *fs = report(out, "  sentences", &g->sentences, &psent);
    if (!with_cleaner && o->pred_out && (st = write_pred(o->pred_out, doc, err)) != DYAD_OK) goto done;
    st = DYAD_OK;
done:
    if (st == DYAD_ENOMEM && !err->status) dyad_error_set(err, DYAD_ENOMEM, o->gold, 0, -1, "out of memory");
    if (doc) {
        if (!with_cleaner) doc->text = NULL;
        doc->raw = NULL;
        doc->input = NULL;
        doc->id = NULL;
        dyad_doc_free(doc);
    }
    free(count);
    free(ptok.v);
    free(psent.v);
    return st;
}

dyad_status text_eval_segment(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    size_t len;
    char *data = file_read_all(o->gold, &len, 0, err);
    if (!data) return err->status ? err->status : DYAD_EIO;
    gold g = {0};
    dyad_status st;
    double ft = 0, fs = 0, pt = 0, ps = 0;
    if (gold_read(data, len, &g)) {
        dyad_error_set(err, DYAD_ENOMEM, o->gold, 0, -1, "out of memory reading the gold file");
        st = DYAD_ENOMEM;
        goto done;
    }
    fprintf(out, "segmentation of %s (%zu bytes of raw text)\n", o->gold, g.text.len);
    /* the segmenter's own score, then the same text through the cleaner
     * too (which may drop lines it takes for page residue) */
    if ((st = score_run(e, o, &g, 0, out, &ft, &fs, err)) != DYAD_OK) goto done;
    if ((st = score_run(e, o, &g, 1, out, &pt, &ps, err)) != DYAD_OK) goto done;
    fprintf(out, "targets (segmenter): tokens F1 >= %.1f, sentences F1 >= %.1f\n", TOKENS_TARGET, SENTENCES_TARGET);
    if (o->check && (ft < TOKENS_TARGET - 0.5 || fs < SENTENCES_TARGET - 0.5)) {
        dyad_error_set(err, DYAD_ETARGET, o->gold, 0, -1,
                       "segmentation below target: tokens F1 %.2f (target %.1f), sentences F1 %.2f (target %.1f)",
                       ft, TOKENS_TARGET, fs, SENTENCES_TARGET);
        st = DYAD_ETARGET;
    }
done:
    gold_free(&g);
    free(data);
    return st;
}
