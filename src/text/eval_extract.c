/* eval_extract.c - `dyad eval extract GROUND.json --html-dir DIR`: score
 * main-text extraction against an article-body benchmark the way its
 * authors do: \w+ tokens, 4-token shingles as multisets, precision and
 * recall per page averaged over pages, F1 of the two means. Pages are
 * DIR/<id>.html or DIR/<id>.html.gz. Also prints the extraction speed. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <zlib.h>
#include "text.h"
#include "clean_internal.h"
#include "../base/util.h"

#define EXTRACT_TARGET_F1 0.96

dyad_status text_eval_extract(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err);

/* A whole (possibly gzip'd) file; NULL when it cannot be read. */
static char *read_page(const char *path, size_t *len) {
    gzFile gz = gzopen(path, "rb");
    if (!gz) return NULL;
    dy_buf b = {0};
    char chunk[65536];
    int n;
    while ((n = gzread(gz, chunk, sizeof chunk)) > 0)
        if (buf_push(&b, chunk, (size_t)n)) break;
    gzclose(gz);
    if (!b.data) buf_push(&b, "", 0);
    *len = b.len;
    return b.data;
}

static int is_word_cp(uint32_t cp) {
    if (cp == '_') return 1;
    if (cp < 0x80) return (cp | 32) - 'a' < 26 || cp - '0' < 10;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorted hashes of the 4-token shingles of s (a text shorter than four
 * tokens is one shingle, as in the reference scorer). */
static uint64_t *shingles(const char *s, size_t n, size_t *count) {
    size_t cap = 64, nt = 0;
    uint64_t *tok = malloc(cap * sizeof *tok);
    size_t i = 0;
    while (tok && i < n) {
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!is_word_cp(cp)) {
            i += (size_t)l;
            continue;
        }
        size_t b = i;
        while (i < n) {
            l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (!is_word_cp(cp)) break;
            i += (size_t)l;
        }
        if (nt == cap) {
            uint64_t *t = realloc(tok, (cap *= 2) * sizeof *tok);
            if (!t) break;
            tok = t;
        }
        tok[nt++] = hash_bytes(s + b, i - b);
    }
    *count = 0;
    if (!tok || nt == 0) return tok;
    size_t ns = nt >= 4 ? nt - 3 : 1;
    uint64_t *sh = malloc(ns * sizeof *sh);
    if (!sh) {
        free(tok);
        return NULL;
    }
    for (size_t k = 0; k < ns; k++) {
        uint64_t h = 0x51ed270b27e3a1a7ULL;
        for (size_t j = k; j < k + 4 && j < nt; j++) h = hash_mix(h, tok[j]);
        sh[k] = h;
    }
    free(tok);
    qsort(sh, ns, sizeof *sh, cmp_u64);
    *count = ns;
    return sh;
}

static size_t multiset_common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
    size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) { common++; i++; j++; }
        else if (a[i] < b[j]) i++;
        else j++;
    }
    return common;
}

dyad_status text_eval_extract(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    (void)e;
    json_error_t jerr;
    json_t *gold = json_load_file(o->gold, 0, &jerr);
    if (!gold || !json_is_object(gold)) {
        dyad_error_set(err, DYAD_EFORMAT, o->gold, gold ? 1 : jerr.line, gold ? -1 : jerr.position,
                       "not a ground-truth JSON object {id: {\"articleBody\": ...}}: %s",
                       gold ? "not an object" : jerr.text);
        json_decref(gold);
        return DYAD_EFORMAT;
    }
    char dir[4096];
    if (o->aux) {
        snprintf(dir, sizeof dir, "%s", o->aux);
    } else {
        const char *slash = strrchr(o->gold, '/');
        int dl = slash ? (int)(slash - o->gold) : 1;
        snprintf(dir, sizeof dir, "%.*s/html", dl, slash ? o->gold : ".");
    }
    FILE *pred = NULL;
    if (o->pred_out && !(pred = fopen(o->pred_out, "w"))) {
        dyad_error_set(err, DYAD_EIO, o->pred_out, 0, -1, "cannot write predictions");
        json_decref(gold);
        return DYAD_EIO;
    }
    if (pred) fputc('{', pred);
    double sum_p = 0, sum_r = 0, seconds = 0, bytes = 0;
    size_t np = 0, nr = 0, pages = 0, missing = 0;
    const char *id;
    json_t *val;
    dyad_doc *doc = dyad_doc_new();
    json_object_foreach(gold, id, val) {
        const char *truth = json_string_value(json_object_get(val, "articleBody"));
        if (!truth) truth = "";
        char path[4400];
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s.html.gz", dir, id);
        char *html = path_exists(path) ? read_page(path, &len) : NULL;
        if (!html) {
            snprintf(path, sizeof path, "%s/%s.html", dir, id);
            html = read_page(path, &len);
        }
        if (!html) {
            missing++;
            continue;
        }
        dyad_doc_reset(doc);
        doc->input = path;
        doc->raw = html;
        doc->raw_len = len;
        doc->content = DYAD_FMT_HTML;
        clean_text body = {0};
        double t0 = now_seconds();
        int rc = html_extract_ex(doc, &body, 0);
        seconds += now_seconds() - t0;
        bytes += (double)len;
        if (rc) body.text = "", body.len = 0;
        size_t nt, nb;
        uint64_t *st = shingles(truth, strlen(truth), &nt);
        uint64_t *sp = shingles(body.text, body.len, &nb);
        size_t tp = multiset_common(st, nt, sp, nb);
        size_t fp = nb - tp, fn = nt - tp;
        if (tp + fp + fn == 0 || (fp == 0 && fn == 0)) {
            sum_p += 1, np++;
            sum_r += 1, nr++;
        } else {
            if (tp + fp) sum_p += (double)tp / (double)(tp + fp), np++;
            if (tp + fn) sum_r += (double)tp / (double)(tp + fn), nr++;
        }
        free(st);
        free(sp);
        if (pred) {
            fputs(pages ? ",\n" : "\n", pred);
            json_put_cstr(pred, id);
            fputs(": {\"articleBody\": ", pred);
            json_put_str(pred, body.text, body.len);
            fputc('}', pred);
        }
        pages++;
        free(html);
    }
    dyad_doc_free(doc);
    json_decref(gold);
    if (pred) {
        fputs("\n}\n", pred);
        fclose(pred);
    }
    double p = np ? sum_p / (double)np : 0, r = nr ? sum_r / (double)nr : 0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    fprintf(out, "pages %zu\n", pages);
    if (missing) fprintf(out, "missing %zu\n", missing);
    fprintf(out, "precision %.3f\nrecall %.3f\nF1 %.3f\n", p, r, f1);
    fprintf(out, "extract_mb_per_s %.1f\n", seconds > 0 ? bytes / 1e6 / seconds : 0.0);
    if (pages == 0) {
        dyad_error_set(err, DYAD_EIO, dir, 0, -1, "no page of the ground truth found in this directory");
        return DYAD_EIO;
    }
    if (o->check && f1 < EXTRACT_TARGET_F1 - 0.005) {
        dyad_error_set(err, DYAD_ETARGET, o->gold, 0, -1, "extraction F1 %.3f is under its target %.3f",
                       f1, EXTRACT_TARGET_F1);
        return DYAD_ETARGET;
    }
    return DYAD_OK;
}
