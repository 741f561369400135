/* clean.c - the cleaner's entry point: raw bytes of a document to clean
 * text (valid UTF-8, NFC, paragraphs separated by a blank line) and a map
 * from every text byte back to its raw byte. HTML goes through main-text
 * extraction, plain text through residue removal. Never fails on bad input:
 * the worst case is an empty text. */
#include <string.h>
#include <strings.h>
#include "text.h"
#include "clean_internal.h"
#include "../base/arena.h"

static dyad_status no_memory(dyad_doc *doc, dyad_error *err) {
    dyad_error_set(err, DYAD_ENOMEM, doc->input ? doc->input : "-", doc->input_line,
                   doc->input_offset, "out of memory while cleaning the document");
    return DYAD_ENOMEM;
}

/* Does raw start with markup rather than text? Readers usually say so; this
 * catches HTML handed over as TEXT (a JSONL "text" holding "<p>...</p>"). */
static int looks_like_html(const char *raw, size_t n) {
    size_t i = 0;
    if (n >= 3 && (unsigned char)raw[0] == 0xEF && (unsigned char)raw[1] == 0xBB) i = 3;
    while (i < n && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n')) i++;
    if (i >= n || raw[i] != '<') return 0;
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<p>", "<p ",
                                         "<div", "<article", "<section", "<h1", "<h2", "<table",
                                         "<ul>", "<span", "<meta", "<!--"};
    for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
        size_t l = strlen(starts[k]);
        if (n - i >= l && !strncasecmp(raw + i, starts[k], l)) return 1;
    }
    return 0;
}

dyad_status text_clean(dyad_doc *doc, dyad_error *err) {
    const char *raw = doc->raw ? doc->raw : "";
    size_t n = doc->raw ? doc->raw_len : 0;
    if (n > UINT32_MAX - 16) n = UINT32_MAX - 16; /* the map holds 32-bit offsets */
    clean_text out = {0};
    if (doc->content == DYAD_FMT_HTML || looks_like_html(raw, n)) {
        if (html_extract(doc, &out)) return no_memory(doc, err);
    } else {
        clean_text norm;
        if (clean_normalize(doc->arena, raw, NULL, n, &norm)) return no_memory(doc, err);
        const char *title = NULL;
        if (clean_residue(doc->arena, &norm, &out, &title)) return no_memory(doc, err);
        if (!doc->title && title) doc->title = title;
    }
    doc->text = out.text;
    doc->text_len = out.len;
    doc->text_to_raw = out.map;
    return DYAD_OK;
}
