/* html_extract.c - the main text of a news page, scored as libxml2's HTML
 * push parser streams SAX events (no tree: building one costs several times
 * the parse).
 *
 * While parsing: text is collected into blocks (a block ends at every
 * block-level tag and <br>); each open element keeps its text and link
 * length; every prose-like block adds a score to the block elements above
 * it (its container fully, the next ones less), as readability does on a
 * tree. Elements whose tag, class or id says navigation, footer, sharing,
 * related links, comments, captions or ads mark their blocks as boilerplate;
 * scripts, styles and forms' controls are skipped.
 * After parsing (html_select.c): the best container and its good siblings
 * form the main region; its blocks are filtered once more (link density,
 * furniture words) and joined as paragraphs. */
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
    html_meta meta;
} parse_state;

/* ---- tag and attribute classes ---------------------------------------- */

static int tag_in(const char *tag, const char *const *list) {
    for (; *list; list++)
        if (!strcasecmp(tag, *list)) return 1;
    return 0;
}

static const char *const skip_tags[] = {"script", "style", "noscript", "template", "svg", "math",
                                        "iframe", "object", "embed", "canvas", "button", "select",
                                        "option", "textarea", "input", "label", "head", "video",
                                        "audio", "map", "dialog", NULL};
static const char *const bad_tags[] = {"nav", "footer", "aside", "header", "figcaption", "menu", NULL};
static const char *const block_tags[] = {
    "p", "div", "section", "article", "main", "body", "blockquote", "li", "ul", "ol", "dl", "dd",
    "dt", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6",
    "pre", "figure", "figcaption", "header", "footer", "nav", "aside", "form", "fieldset",
    "address", "hr", "center", "caption", "details", "summary", "html", NULL};

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

static uint16_t attr_flags(const char *const *attrs, int *hint) {
    uint16_t f = 0;
    *hint = 0;
    if (!attrs) return 0;
    char cls[512];
    size_t cl = 0;
    for (size_t i = 0; attrs[i]; i += 2) {
        const char *name = attrs[i], *val = attrs[i + 1] ? attrs[i + 1] : "";
        if (!strcasecmp(name, "class") || !strcasecmp(name, "id")) {
            for (const char *p = val; *p && cl + 2 < sizeof cls; p++) {
                char c = *p;
                cls[cl++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            }
            cls[cl++] = ' ';
        } else if (!strcasecmp(name, "hidden")) {
            f |= HB_SKIP;
        } else if (!strcasecmp(name, "style")) {
            if (strstr(val, "display:none") || strstr(val, "display: none")) f |= HB_SKIP;
        } else if (!strcasecmp(name, "itemprop") && !strcasecmp(val, "articleBody")) {
            f |= HB_GOOD;
            *hint = 2;
        } else if (!strcasecmp(name, "role") &&
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

static uint32_t raw_pos(parse_state *st, size_t len_back) {
    xmlParserInputPtr in = st->ctxt ? st->ctxt->input : NULL;
    if (!in || !in->cur || !in->base) return 0;
    size_t pos = (size_t)in->consumed + (size_t)(in->cur - in->base);
    pos = pos >= len_back ? pos - len_back : 0;
    if (st->doc->raw_len == 0) return 0;
    return (uint32_t)(pos < st->doc->raw_len ? pos : st->doc->raw_len - 1);
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
    if ((top->flags & HB_H1) && !st->h1_done && st->h1.len < 1024) buf_push(&st->h1, ch, (size_t)len);
    html_page *pg = st->page;
    uint32_t raw = raw_pos(st, (size_t)len);
    if (hp_reserve(pg, (size_t)len + 1)) return;
    int pre = top->flags & HB_PRE;
    for (int i = 0; i < len; i++) {
        char c = (char)ch[i];
        if (!pre && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')) {
            if (pg->text.len > st->block_start) st->pending_space = 1;
            continue;
        }
        if (st->pending_space) {
            hp_push(pg, ' ', raw + (uint32_t)i);
            if (top->flags & HB_LINK) st->block_links++;
            st->pending_space = 0;
        }
        if (hp_reserve(pg, 2)) return;
        hp_push(pg, c, raw + (uint32_t)i);
        if (top->flags & HB_LINK) st->block_links++;
    }
}

static void on_start(void *user, const xmlChar *name_x, const xmlChar **attrs_x) {
    parse_state *st = user;
    html_page *pg = st->page;
    const char *name = (const char *)name_x;
    const char *const *attrs = (const char *const *)attrs_x;
    html_meta_start(&st->meta, st->doc->arena, name, attrs);
    int is_block = tag_in(name, block_tags);
    int is_br = !strcasecmp(name, "br");
    if (is_block || is_br) flush_block(st);
    if (is_br) {
        if (st->depth > 0) st->pending_space = 0;
    }
    if (st->depth >= MAX_FRAMES) {
        st->depth++;
        return;
    }
    uint16_t parent_flags = st->depth ? st->frames[st->depth - 1].flags : 0;
    uint32_t parent_elem = st->depth ? st->frames[st->depth - 1].elem : UINT32_MAX;
    int hint = 0;
    uint16_t f = (uint16_t)(parent_flags & ~(HB_H1 | HB_HEADING_MASK));
    uint16_t af = attr_flags(attrs, &hint);
    if (!strcasecmp(name, "body") || !strcasecmp(name, "html")) { /* page-wide classes say nothing */
        af &= (uint16_t)~HB_BADCLASS;
        hint = 0;
    }
    f |= af;
    if (tag_in(name, skip_tags)) f |= HB_SKIP;
    if (tag_in(name, bad_tags)) f |= HB_BAD;
    if (!strcasecmp(name, "title") && !(parent_flags & HB_BODY)) f |= HB_TITLE;
    if (!strcasecmp(name, "body")) f = (uint16_t)((f & ~HB_SKIP) | HB_BODY);
    if (!strcasecmp(name, "a")) f |= HB_LINK;
    if (!strcasecmp(name, "pre")) f |= HB_PRE;
    if (!strcasecmp(name, "li")) f |= HB_LI;
    if (!strcasecmp(name, "script")) {
        const char *type = NULL;
        for (size_t i = 0; attrs && attrs[i]; i += 2)
            if (!strcasecmp(attrs[i], "type")) type = attrs[i + 1];
        if (type && strstr(type, "ld+json")) f |= HB_JSONLD;
    }
    if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && !name[2]) {
        f |= (uint16_t)(((name[1] - '0') & 7) << HB_HEADING_SHIFT);
        if (name[1] == '1') f |= HB_H1;
    }
    if (hint > 0) f |= HB_GOOD;
    uint32_t id = hp_add_elem(pg, parent_elem, name, hint, st->depth);
    if (id == UINT32_MAX) {
        pg->failed = 1;
        id = 0;
    }
    frame *fr = &st->frames[st->depth++];
    fr->elem = id;
    fr->flags = f;
    fr->is_block = (uint8_t)(is_block != 0);
}

static void on_end(void *user, const xmlChar *name_x) {
    parse_state *st = user;
    if (st->depth == 0) return;
    const char *name = (const char *)name_x;
    if (tag_in(name, block_tags)) flush_block(st);
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
    htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(&sax, st, NULL, 0, NULL,
                                                      utf8 ? XML_CHAR_ENCODING_UTF8 : XML_CHAR_ENCODING_NONE);
    int rc = 0;
    if (ctxt) {
        htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                     HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS |
                                     (utf8 ? HTML_PARSE_IGNORE_ENC : 0));
        st->ctxt = ctxt;
        /* a NUL byte would end the parse early: feed around them */
        size_t i = 0;
        while (i < n) {
            const char *z = memchr(raw + i, 0, n - i);
            size_t end = z ? (size_t)(z - raw) : n;
            if (end > i) htmlParseChunk(ctxt, raw + i, (int)(end - i), 0);
            i = end + 1;
        }
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
    if (!rc && with_title && doc->title && sel_len == 0) {
        /* nothing found: the title is still something to code */
    }
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
            for (size_t k = 0; !rc && k < tl; k++) wmap[k] = 0;
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
    free(st);
    hp_free(&page);
    return rc;
}

int html_extract(dyad_doc *doc, clean_text *out) { return html_extract_ex(doc, out, 1); }
