/* html_meta.c - a page's metadata as the parser streams by: title
 * (og:title, then <title>, then the first h1), publication date
 * (article:published_time, JSON-LD datePublished, <time datetime>, meta
 * date/pubdate) and URL (canonical link, then og:url). Candidates are
 * kept by priority; html_meta_apply fills only what the document lacks. */
#include <string.h>
#include <strings.h>
#include "html_internal.h"
#include "../base/arena.h"
#include "../base/util.h"

static const char *attr_get(const char *const *attrs, const char *name) {
    if (!attrs) return NULL;
    for (size_t i = 0; attrs[i]; i += 2)
        if (!strcasecmp(attrs[i], name)) return attrs[i + 1] ? attrs[i + 1] : "";
    return NULL;
}

/* Keep value when its priority beats the one held (lower number wins). */
/* A value date_normalize may read: not too long, no run of more than 8
 * digits (no date has one, and long runs overflow its digit parser). */
static int plausible_date(const char *v) {
    int run = 0;
    size_t n = 0;
    for (; v[n]; n++) {
        run = (v[n] >= '0' && v[n] <= '9') ? run + 1 : 0;
        if (run > 8 || n > 64) return 0;
    }
    return n >= 6;
}

static void offer_date(html_meta *m, dyad_arena *a, const char *value, int prio) {
    if (!value || (m->date && m->date_prio <= prio) || !plausible_date(value)) return;
    char d[11];
    if (date_normalize(value, d)) return;
    m->date = arena_strdup(a, d);
    m->date_prio = prio;
}

static void offer_str(dyad_arena *a, const char **slot, const char *value) {
    if (*slot || !value) return;
    while (*value == ' ' || *value == '\t' || *value == '\n' || *value == '\r') value++;
    if (*value) *slot = arena_strdup(a, value);
}

void html_meta_start(html_meta *m, dyad_arena *a, const char *tag, const char *const *attrs) {
    if (!strcasecmp(tag, "meta")) {
        const char *key = attr_get(attrs, "property");
        if (!key) key = attr_get(attrs, "name");
        if (!key) key = attr_get(attrs, "itemprop");
        const char *content = attr_get(attrs, "content");
        if (!key || !content) return;
        if (!strcasecmp(key, "og:title") || !strcasecmp(key, "twitter:title")) offer_str(a, &m->og_title, content);
        else if (!strcasecmp(key, "og:url")) offer_str(a, &m->og_url, content);
        else if (!strcasecmp(key, "article:published_time") || !strcasecmp(key, "datePublished"))
            offer_date(m, a, content, 0);
        else if (!strcasecmp(key, "date") || !strcasecmp(key, "pubdate") || !strcasecmp(key, "publishdate") ||
                 !strcasecmp(key, "dc.date") || !strcasecmp(key, "dcterms.date") ||
                 !strcasecmp(key, "dc.date.issued") || !strcasecmp(key, "sailthru.date") ||
                 !strcasecmp(key, "parsely-pub-date") || !strcasecmp(key, "article.published"))
            offer_date(m, a, content, 3);
    } else if (!strcasecmp(tag, "link")) {
        const char *rel = attr_get(attrs, "rel");
        if (rel && !strcasecmp(rel, "canonical")) offer_str(a, &m->canonical, attr_get(attrs, "href"));
    } else if (!strcasecmp(tag, "time")) {
        offer_date(m, a, attr_get(attrs, "datetime"), 2);
    }
}

/* JSON-LD: the first "datePublished": "..." anywhere in the script. A
 * string search, not a parse: the blocks are often invalid JSON. */
void html_meta_jsonld(html_meta *m, dyad_arena *a, const char *s, size_t n) {
    static const char key[] = "\"datePublished\"";
    const char *end = s + n;
    const char *p = memmem(s, n, key, sizeof key - 1);
    if (!p) return;
    p += sizeof key - 1;
    while (p < end && (*p == ' ' || *p == ':' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    if (p >= end || *p != '"') return;
    p++;
    const char *q = memchr(p, '"', (size_t)(end - p));
    if (!q || q - p > 64) return;
    char buf[72];
    memcpy(buf, p, (size_t)(q - p));
    buf[q - p] = 0;
    offer_date(m, a, buf, 1);
}

void html_meta_apply(const html_meta *m, dyad_doc *doc) {
    if (!doc->title) doc->title = m->og_title ? m->og_title : m->title_tag ? m->title_tag : m->h1;
    if (!doc->date) doc->date = m->date;
    if (!doc->url) doc->url = m->canonical ? m->canonical : m->og_url;
}
