/* read_petrxml.c - PETRARCH-style validation records: each
 * <Sentence date="YYYYMMDD" id=... category=... [evaluate="false"]> is one
 * document whose raw text is the <Text> content with whitespace collapsed;
 * doc->extra is a dy_record with the expected codings and the <Parse>.
 * These files are not always well-formed XML, so they are scanned by hand:
 * records inside <!-- --> are ignored, a broken record is reported with its
 * line and the scan goes on with the next <Sentence>. The <Config option=
 * value=> settings met between records hold for the records after them
 * (doc->code_options), and the file's <Include> list goes with every record. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "read_int.h"
#include "../base/arena.h"

#define PETRXML_LIMIT ((size_t)512 << 20)

#define NOT_FOUND SIZE_MAX

/* the next occurrence of a marker at or after the scan position: found once
 * and reused (the position only grows), so many records scan in linear time */
typedef struct hit_cache { size_t pos; int valid; } hit_cache;

enum { MAX_CONFIG = 16, CONFIG_TEXT = 48 };

typedef struct xml_scan {
    size_t pos;
    long line;
    size_t line_pos;
    int loaded;
    hit_cache comment, close;
    struct { char name[CONFIG_TEXT], value[CONFIG_TEXT]; } config[MAX_CONFIG];
    int nconfig;
    char include[512];   /* " A B C " or "" */
} xml_scan;

static size_t find_cached(const char *d, size_t len, size_t from, const char *lit, hit_cache *c) {
    if (c->valid && (c->pos == NOT_FOUND || c->pos >= from)) return c->pos;
    size_t n = strlen(lit);
    const char *hit = from < len && len - from >= n ? memmem(d + from, len - from, lit, n) : NULL;
    c->valid = 1;
    c->pos = hit ? (size_t)(hit - d) : NOT_FOUND;
    return c->pos;
}

static long line_at(dy_reader *r, xml_scan *x, size_t pos) {
    const char *d = r->data.data;
    for (size_t i = x->line_pos; i < pos; i++) x->line += d[i] == '\n';
    x->line_pos = pos;
    return x->line;
}

static const char *find(const char *p, const char *end, const char *lit) {
    size_t n = strlen(lit);
    return end - p >= (ptrdiff_t)n ? memmem(p, (size_t)(end - p), lit, n) : NULL;
}

/* attribute name="v" or name = 'v' inside the tag [p, end): the value's
 * bytes [*vb, return), or NULL */
static const char *attr_span(const char *p, const char *end, const char *name, const char **vb) {
    size_t n = strlen(name);
    for (const char *q = p; (q = find(q, end, name)) != NULL; q += n) {
        if (q > p && q[-1] != ' ' && q[-1] != '\t' && q[-1] != '\n' && q[-1] != '\r') continue;
        const char *v = q + n;
        while (v < end && (*v == ' ' || *v == '\t')) v++;
        if (v >= end || *v != '=') continue;
        v++;
        while (v < end && (*v == ' ' || *v == '\t')) v++;
        if (v >= end || (*v != '"' && *v != '\'')) continue;
        char quote = *v++;
        const char *close = memchr(v, quote, (size_t)(end - v));
        if (!close) return NULL;
        *vb = v;
        return close;
    }
    return NULL;
}

static const char *attr(dyad_doc *doc, const char *p, const char *end, const char *name) {
    const char *vb, *ve = attr_span(p, end, name, &vb);
    return ve ? arena_strndup(doc->arena, vb, (size_t)(ve - vb)) : NULL;
}

/* the value into a fixed buffer, cut to cap-1 bytes */
static int attr_copy(const char *p, const char *end, const char *name, char *out, size_t cap) {
    const char *vb, *ve = attr_span(p, end, name, &vb);
    if (!ve) return 0;
    size_t len = (size_t)(ve - vb) < cap ? (size_t)(ve - vb) : cap - 1;
    memcpy(out, vb, len);
    out[len] = 0;
    return 1;
}

/* the <Config .../> and <Include> tags in [p, end), between two records */
static void read_settings(xml_scan *x, const char *p, const char *end) {
    for (; (p = find(p, end, "<")) != NULL; p++) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt) return;
        if (!strncmp(p, "<Include>", 9)) {
            const char *close = find(gt, end, "</Include>");
            if (close) snprintf(x->include, sizeof x->include, " %.*s ", (int)(close - gt - 1), gt + 1);
            continue;
        }
        if (strncmp(p, "<Config", 7) || (p[7] != ' ' && p[7] != '\t' && p[7] != '\n')) continue;
        char name[CONFIG_TEXT], value[CONFIG_TEXT];
        if (!attr_copy(p, gt, "option", name, sizeof name) || !attr_copy(p, gt, "value", value, sizeof value)) continue;
        int k = 0;
        while (k < x->nconfig && strcmp(x->config[k].name, name)) k++;
        if (k == MAX_CONFIG) continue;
        if (k == x->nconfig) x->nconfig++;
        memcpy(x->config[k].name, name, sizeof name);
        memcpy(x->config[k].value, value, sizeof value);
    }
}

/* "name=value" lines of the settings in force, in the document's arena */
static int settings_to_doc(const xml_scan *x, dyad_doc *doc, dy_record *rec) {
    if (x->include[0] && !(rec->include = arena_strdup(doc->arena, x->include))) return -1;
    if (!x->nconfig) return 0;
    char *out = arena_alloc(doc->arena, (size_t)x->nconfig * (2 * CONFIG_TEXT + 2) + 1), *o = out;
    if (!out) return -1;
    for (int k = 0; k < x->nconfig; k++) o += sprintf(o, "%s=%s\n", x->config[k].name, x->config[k].value);
    doc->code_options = out;
    return 0;
}

/* XML character data -> text with entities decoded and whitespace collapsed */
static char *collapse_text(dyad_doc *doc, const char *p, const char *end, size_t *len) {
    char *out = arena_alloc(doc->arena, (size_t)(end - p) + 1);
    if (!out) return NULL;
    size_t n = 0;
    int space = 0;
    while (p < end) {
        char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { space = n > 0; p++; continue; }
        if (space) { out[n++] = ' '; space = 0; }
        if (c == '&') {
            static const struct { const char *ent; char ch; } ents[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
            int done = 0;
            for (size_t i = 0; i < 5 && !done; i++) {
                size_t el = strlen(ents[i].ent);
                if ((size_t)(end - p) >= el && !memcmp(p, ents[i].ent, el)) { out[n++] = ents[i].ch; p += el; done = 1; }
            }
            if (done) continue;
        }
        out[n++] = c;
        p++;
    }
    out[n] = 0;
    *len = n;
    return out;
}

static int add_expected(dyad_doc *doc, dy_record *rec, const char *src, const char *tgt, const char *code) {
    dy_expected *e = arena_grow(doc->arena, rec->expected, rec->nexpected, rec->nexpected + 1, sizeof *e);
    if (!e) return -1;
    rec->expected = e;
    e[rec->nexpected++] = (dy_expected){src ? src : "", tgt ? tgt : "", code ? code : ""};
    return 0;
}

/* one record [b, e) = "<Sentence ...> ... </Sentence>" */
static int parse_record(dyad_doc *doc, const char *b, const char *e) {
    const char *tag_end = memchr(b, '>', (size_t)(e - b));
    if (!tag_end) return -1;
    dy_record *rec = arena_calloc(doc->arena, 1, sizeof *rec);
    if (!rec) return -1;
    doc->extra = rec;
    doc->id = attr(doc, b, tag_end, "id");
    doc->source = attr(doc, b, tag_end, "source");
    rec->category = attr(doc, b, tag_end, "category");
    const char *ev = attr(doc, b, tag_end, "evaluate");
    rec->evaluate = !(ev && !strcasecmp(ev, "false"));
    const char *date = attr(doc, b, tag_end, "date");
    char day[11];
    if (date && date_normalize(date, day) == 0) doc->date = arena_strdup(doc->arena, day);
    const char *body = tag_end + 1;
    const char *tb = find(body, e, "<Text>"), *te = tb ? find(tb, e, "</Text>") : NULL;
    if (!tb || !te) return -1;
    size_t len;
    char *text = collapse_text(doc, tb + 6, te, &len);
    if (!text) return -1;
    doc->raw = text;
    doc->raw_len = len;
    doc->content = DYAD_FMT_TEXT;
    const char *pb = find(body, e, "<Parse>"), *pe = pb ? find(pb, e, "</Parse>") : NULL;
    if (pb && pe) {
        pb += 7;
        while (pb < pe && (*pb == ' ' || *pb == '\n' || *pb == '\r' || *pb == '\t')) pb++;
        while (pe > pb && (pe[-1] == ' ' || pe[-1] == '\n' || pe[-1] == '\r' || pe[-1] == '\t')) pe--;
        rec->parse = arena_strndup(doc->arena, pb, (size_t)(pe - pb));
    }
    /* codings: skip those inside comments */
    const char *cm = find(body, e, "<!--");
    for (const char *p = body; p < e;) {
        const char *c = find(p, e, "<EventCoding");
        if (cm && cm < p) cm = find(p, e, "<!--");
        if (!c) break;
        if (cm && cm < c) {
            const char *ce = find(cm, e, "-->");
            p = ce ? ce + 3 : e;
            continue;
        }
        const char *ce = memchr(c, '>', (size_t)(e - c));
        if (!ce) return -1;
        if (attr(doc, c, ce, "error")) rec->has_error = 1;
        if (attr(doc, c, ce, "noevents")) rec->noevents = 1;
        const char *code = attr(doc, c, ce, "eventcode");
        if (code && add_expected(doc, rec, attr(doc, c, ce, "sourcecode"), attr(doc, c, ce, "targetcode"), code)) return -1;
        p = ce + 1;
    }
    return 0;
}

static int petrxml_next(dy_reader *r, dyad_doc *doc, dyad_error *err) {
    xml_scan *x = r->state;
    if (!x->loaded) {
        x->loaded = 1;
        x->line = 1;
        if (reader_slurp(r, PETRXML_LIMIT, err)) return READ_FATAL;
    }
    const char *d = r->data.data, *end = d + r->data.len;
    for (;;) {
        const char *p = d + x->pos;
        size_t cm_pos = find_cached(d, r->data.len, x->pos, "<!--", &x->comment);
        const char *s = find(p, end, "<Sentence"), *cm = cm_pos == NOT_FOUND ? NULL : d + cm_pos;
        while (s && s + 9 < end && s[9] != ' ' && s[9] != '>' && s[9] != '\t' && s[9] != '\n' && s[9] != '\r')
            s = find(s + 9, end, "<Sentence"); /* <Sentences> is the container */
        if (s && s + 9 >= end) s = NULL;
        read_settings(x, p, cm && (!s || cm < s) ? cm : s ? s : end);
        if (!s) return READ_END;
        if (cm && cm < s) {
            const char *ce = find(cm + 4, end, "-->");
            x->pos = ce ? (size_t)(ce + 3 - d) : r->data.len;
            continue;
        }
        r->records++;
        reader_input_name(r, doc);
        doc->input_line = line_at(r, x, (size_t)(s - d));
        doc->input_offset = s - d;
        size_t close_pos = find_cached(d, r->data.len, (size_t)(s - d), "</Sentence>", &x->close);
        const char *close = close_pos == NOT_FOUND ? NULL : d + close_pos, *next = find(s + 9, end, "<Sentence ");
        if (!close || (next && next < close)) {
            x->pos = next ? (size_t)(next - d) : r->data.len;
            dyad_error_set(err, DYAD_EFORMAT, r->path, doc->input_line, doc->input_offset,
                           "record %ld: <Sentence> without its </Sentence>", r->records);
            return READ_BAD_DOC;
        }
        x->pos = (size_t)(close + 11 - d);
        if (parse_record(doc, s, close)) {
            dyad_error_set(err, DYAD_EFORMAT, r->path, doc->input_line, doc->input_offset,
                           "record %ld: broken <Sentence> (no <Text>, or an unclosed tag)", r->records);
            return READ_BAD_DOC;
        }
        if (settings_to_doc(x, doc, doc->extra)) {
            dyad_error_set(err, DYAD_ENOMEM, r->path, doc->input_line, doc->input_offset, "out of memory");
            return READ_FATAL;
        }
        return READ_DOC;
    }
}

static void petrxml_free(dy_reader *r) { free(r->state); }

int read_petrxml_init(dy_reader *r, dyad_error *err) {
    r->state = calloc(1, sizeof(xml_scan));
    if (!r->state) {
        dyad_error_set(err, DYAD_ENOMEM, r->path, 0, -1, "out of memory");
        return -1;
    }
    r->next = petrxml_next;
    r->free_state = petrxml_free;
    return 0;
}
