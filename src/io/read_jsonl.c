/* read_jsonl.c - one JSON object per line: {"id","date","title","text",
 * "url","source"}, only "text" required. Lines are read with a limit, so a
 * runaway line is reported and skipped without being held in memory; blank
 * lines are skipped; .jsonl.gz works through the source. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include "read_int.h"
#include "../base/arena.h"

#define JSONL_LINE_LIMIT ((size_t)64 << 20)

static int blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) return 0;
    return 1;
}

/* a string (or number, for ids) member copied into the arena, else NULL */
static const char *member(dyad_doc *doc, json_t *obj, const char *key) {
    json_t *v = json_object_get(obj, key);
    if (json_is_string(v)) return arena_strndup(doc->arena, json_string_value(v), json_string_length(v));
    if (json_is_integer(v)) return arena_printf(doc->arena, "%lld", (long long)json_integer_value(v));
    return NULL;
}

static int jsonl_next(dy_reader *r, dyad_doc *doc, dyad_error *err) {
    for (;;) {
        long line = r->src.line;
        long long off = r->src.offset;
        int rc = src_getline(&r->src, &r->line, JSONL_LINE_LIMIT);
        if (rc == 0) {
            if (r->src.truncated) {
                dyad_error_set(err, DYAD_EFORMAT, r->path, r->src.line, r->src.offset,
                               "compressed input ends early (truncated gzip)");
                return READ_FATAL;
            }
            return READ_END;
        }
        reader_input_name(r, doc);
        doc->input_line = line;
        doc->input_offset = off;
        if (rc < 0) {
            dyad_error_set(err, DYAD_ENOMEM, r->path, line, off,
                           "line is longer than %zu MiB; skipped", JSONL_LINE_LIMIT >> 20);
            return READ_BAD_DOC;
        }
        if (blank(r->line.data, r->line.len)) continue;
        r->records++;
        json_error_t jerr;
        json_t *obj = json_loadb(r->line.data, r->line.len, JSON_ALLOW_NUL, &jerr);
        if (!obj) {
            dyad_error_set(err, DYAD_EFORMAT, r->path, line, off + (jerr.position > 0 ? jerr.position : 0),
                           "not JSON: %s (column %d)", jerr.text, jerr.column);
            return READ_BAD_DOC;
        }
        json_t *text = json_object_get(obj, "text");
        if (!json_is_object(obj) || !json_is_string(text)) {
            json_decref(obj);
            dyad_error_set(err, DYAD_EFORMAT, r->path, line, off,
                           "no \"text\" string in this record; each line needs {\"text\": \"...\"}");
            return READ_BAD_DOC;
        }
        char *raw = arena_strndup(doc->arena, json_string_value(text), json_string_length(text));
        if (!raw) {
            json_decref(obj);
            dyad_error_set(err, DYAD_ENOMEM, r->path, line, off, "out of memory");
            return READ_FATAL;
        }
        doc->raw = raw;
        doc->raw_len = json_string_length(text);
        doc->content = DYAD_FMT_TEXT;
        doc->id = member(doc, obj, "id");
        doc->title = member(doc, obj, "title");
        doc->url = member(doc, obj, "url");
        doc->source = member(doc, obj, "source");
        const char *date = member(doc, obj, "date");
        char day[11];
        if (date && date_normalize(date, day) == 0) doc->date = arena_strdup(doc->arena, day);
        json_decref(obj);
        return READ_DOC;
    }
}

int read_jsonl_init(dy_reader *r, dyad_error *err) {
    (void)err;
    r->next = jsonl_next;
    return 0;
}
