/* write_events.c - event writers: JSONL (every field of dyad_event, with the
 * spans' text), TSV (one flat row per event, header on request) and the GDELT
 * 2.0 Events and Mentions column layouts. */
#include <inttypes.h>
#include <string.h>
#include "base/util.h"
#include "ontology.h"

static void put_doc_id(FILE *out, const dyad_doc *doc, int json) {
    char tmp[600];
    const char *id = doc->id;
    if (!id) {
        snprintf(tmp, sizeof tmp, "%s#%ld", doc->input ? doc->input : "-", doc->input_line);
        id = tmp;
    }
    if (json) json_put_cstr(out, id);
    else fputs(id, out);
}

static int span_ok(const dyad_doc *doc, dyad_span s) {
    return doc->text && s.len && (size_t)s.off + s.len <= doc->text_len;
}

/* TSV cells must stay on one line and in one column */
static void put_tsv_text(FILE *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        fputc(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch, out);
    }
}

static void put_span_json(FILE *out, const dyad_doc *doc, const char *name, dyad_span s) {
    fprintf(out, ",\"%s_text\":", name);
    if (span_ok(doc, s)) json_put_str(out, doc->text + s.off, s.len);
    else fputs("\"\"", out);
}

static void write_jsonl(FILE *out, const dyad_doc *doc) {
    for (size_t i = 0; i < doc->nevents; i++) {
        const dyad_event *e = &doc->events[i];
        fputs("{\"doc\":", out);
        put_doc_id(out, doc, 1);
        fprintf(out, ",\"sentence\":%u,\"date\":", e->sentence + 1);
        json_put_cstr(out, e->date ? e->date : "");
        fputs(",\"source\":", out);
        json_put_cstr(out, e->source ? e->source : "");
        fputs(",\"target\":", out);
        json_put_cstr(out, e->target ? e->target : "");
        fputs(",\"code\":", out);
        json_put_cstr(out, e->code);
        fputs(",\"root\":", out);
        json_put_cstr(out, e->root);
        fprintf(out, ",\"quad\":%d,\"goldstein\":%.1f,\"plover\":", e->quad, e->goldstein);
        json_put_cstr(out, e->plover ? e->plover : "");
        put_span_json(out, doc, "source", e->source_span);
        put_span_json(out, doc, "target", e->target_span);
        put_span_json(out, doc, "verb", e->verb_span);
        fprintf(out, ",\"source_off\":%u,\"source_len\":%u,\"target_off\":%u,\"target_len\":%u"
                     ",\"verb_off\":%u,\"verb_len\":%u,\"modality\":",
                e->source_span.off, e->source_span.len, e->target_span.off, e->target_span.len,
                e->verb_span.off, e->verb_span.len);
        json_put_cstr(out, e->modality ? e->modality : "asserted");
        fputs(",\"rule\":", out);
        json_put_cstr(out, e->rule ? e->rule : "");
        fprintf(out, ",\"confidence\":%.2f}\n", e->confidence);
    }
}

static const char tsv_header[] =
    "doc\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tplover\tmodality\tconfidence"
    "\tsource_text\ttarget_text\tverb_text\trule\n";

static void put_span_tsv(FILE *out, const dyad_doc *doc, dyad_span s) {
    fputc('\t', out);
    if (span_ok(doc, s)) put_tsv_text(out, doc->text + s.off, s.len);
}

static void write_tsv(FILE *out, const dyad_doc *doc) {
    for (size_t i = 0; i < doc->nevents; i++) {
        const dyad_event *e = &doc->events[i];
        put_doc_id(out, doc, 0);
        fprintf(out, "\t%u\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%s\t%s\t%.2f", e->sentence + 1, e->date ? e->date : "",
                e->source ? e->source : "", e->target ? e->target : "", e->code, e->root, e->quad, e->goldstein,
                e->plover ? e->plover : "", e->modality ? e->modality : "asserted", e->confidence);
        put_span_tsv(out, doc, e->source_span);
        put_span_tsv(out, doc, e->target_span);
        put_span_tsv(out, doc, e->verb_span);
        fputc('\t', out);
        if (e->rule) put_tsv_text(out, e->rule, strlen(e->rule));
        fputc('\n', out);
    }
}

/* A stable 63-bit id from the document and the event's index */
static uint64_t global_event_id(const dyad_doc *doc, size_t i) {
    char tmp[600];
    int n = doc->id ? snprintf(tmp, sizeof tmp, "%s", doc->id)
                    : snprintf(tmp, sizeof tmp, "%s#%ld", doc->input ? doc->input : "-", doc->input_line);
    uint64_t h = hash_bytes(tmp, n > 0 ? (size_t)n : 0);
    return ((h & ((1ULL << 43) - 1)) << 20) | (i & 0xFFFFF);
}

/* CAMEO actor code -> GDELT's country / known group / type columns */
static void gdelt_actor(FILE *out, const dyad_doc *doc, const char *code, dyad_span span) {
    size_t n = code ? strlen(code) : 0;
    char country[4] = "", group[4] = "", types[3][4] = {"", "", ""};
    size_t pos = 0;
    int nt = 0;
    if (n >= 3) {
        if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3) ||
            !strncmp(code, "MNC", 3)) {
            memcpy(types[nt++], code, 3);
            if (n >= 6) memcpy(group, code + 3, 3);
            pos = n >= 6 ? 6 : 3;
        } else if (!strncmp(code, "---", 3)) {
            pos = 3;
        } else if (!cameo_is_role(code)) {
            memcpy(country, code, 3);
            pos = 3;
        }
    }
    for (; pos + 3 <= n && nt < 3; pos += 3)
        if (cameo_is_role(code + pos)) memcpy(types[nt++], code + pos, 3);
    fprintf(out, "%s\t", code ? code : "");
    if (span_ok(doc, span)) put_tsv_text(out, doc->text + span.off, span.len);
    fprintf(out, "\t%s\t%s\t\t\t\t%s\t%s\t%s\t", country, group, types[0], types[1], types[2]);
}

static void compact_date(const char *iso, char out[9]) {
    if (iso && strlen(iso) >= 10) snprintf(out, 9, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
    else snprintf(out, 9, "00000000");
}

static void write_gdelt(FILE *out, const dyad_doc *doc) {
    for (size_t i = 0; i < doc->nevents; i++) {
        const dyad_event *e = &doc->events[i];
        char day[9];
        compact_date(e->date, day);
        int32_t days = 0, jan1 = 0;
        double frac = 0;
        char y0[16];
        snprintf(y0, sizeof y0, "%.4s-01-01", day);
        if (e->date && !date_parse(e->date, &days) && !date_parse(y0, &jan1))
            frac = (days - jan1) / 365.0;
        int year = (day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0');
        fprintf(out, "%" PRIu64 "\t%s\t%.6s\t%.4s\t%.4f\t", global_event_id(doc, i), day, day, day, year + frac);
        gdelt_actor(out, doc, e->source, e->source_span);
        gdelt_actor(out, doc, e->target, e->target_span);
        char base[4];
        snprintf(base, sizeof base, "%.3s", e->code);
        fprintf(out, "%d\t%s\t%s\t%s\t%d\t%.1f\t1\t1\t1\t0", e->sentence == 0, e->code, base, e->root, e->quad,
                e->goldstein);
        for (int g = 0; g < 24; g++) fputc('\t', out); /* three geo blocks of 8 columns */
        fprintf(out, "\t%s000000\t", day);
        const char *url = doc->url ? doc->url : doc->input ? doc->input : "";
        put_tsv_text(out, url, strlen(url));
        fputc('\n', out);
    }
}

/* byte offset -> character offset (GDELT counts characters) */
static long char_offset(const dyad_doc *doc, dyad_span s) {
    if (!span_ok(doc, s)) return -1;
    long chars = 0;
    for (uint32_t i = 0; i < s.off; i++)
        if (((unsigned char)doc->text[i] & 0xC0) != 0x80) chars++;
    return chars;
}

dyad_status dyad_write_gdelt_mentions(FILE *out, const dyad_doc *doc) {
    if (!out || !doc) return DYAD_EINVAL;
    const char *url = doc->url ? doc->url : doc->input ? doc->input : "";
    const char *source = doc->source ? doc->source : "";
    for (size_t i = 0; i < doc->nevents; i++) {
        const dyad_event *e = &doc->events[i];
        char day[9];
        compact_date(e->date, day);
        fprintf(out, "%" PRIu64 "\t%s000000\t%s000000\t1\t", global_event_id(doc, i), day, day);
        put_tsv_text(out, source, strlen(source));
        fputc('\t', out);
        put_tsv_text(out, url, strlen(url));
        fprintf(out, "\t%u\t%ld\t%ld\t%ld\t1\t%d\t%zu\t0\n", e->sentence + 1, char_offset(doc, e->source_span),
                char_offset(doc, e->target_span), char_offset(doc, e->verb_span), (int)(e->confidence * 100 + 0.5),
                doc->text_len);
    }
    return ferror(out) ? DYAD_EIO : DYAD_OK;
}

dyad_status dyad_write_events(FILE *out, const dyad_doc *doc, const char *format) {
    if (!out || !format) return DYAD_EINVAL;
    if (!strcmp(format, "tsv-header")) {
        fputs(tsv_header, out);
        return ferror(out) ? DYAD_EIO : DYAD_OK;
    }
    if (!doc) return DYAD_EINVAL;
    if (!strcmp(format, "jsonl")) write_jsonl(out, doc);
    else if (!strcmp(format, "tsv")) write_tsv(out, doc);
    else if (!strcmp(format, "gdelt")) write_gdelt(out, doc);
    else return DYAD_EINVAL;
    return ferror(out) ? DYAD_EIO : DYAD_OK;
}
