/* html_internal.h - shared by the HTML extractor's files: metadata
 * candidates gathered while the page streams through the parser. */
#ifndef DY_HTML_INTERNAL_H
#define DY_HTML_INTERNAL_H
#include <stddef.h>
#include "dyad.h"

typedef struct html_meta {
    const char *og_title, *title_tag, *h1; /* title candidates, best first */
    const char *canonical, *og_url;        /* url candidates */
    const char *date;                      /* YYYY-MM-DD */
    int date_prio;                         /* lower is better */
} html_meta;

/* A start tag's attributes as libxml2 gives them: name, value, ..., NULL */
void html_meta_start(html_meta *m, dyad_arena *a, const char *tag, const char *const *attrs);
void html_meta_jsonld(html_meta *m, dyad_arena *a, const char *json, size_t n);
void html_meta_apply(const html_meta *m, dyad_doc *doc);
#endif
