/* html_blocks.h - the page as the HTML extractor sees it: the text of all
 * blocks in one buffer (with raw offsets), the blocks, and the elements with
 * the scores their blocks gave them. Filled by html_extract.c while parsing,
 * read by html_select.c to choose the main text. */
#ifndef DY_HTML_BLOCKS_H
#define DY_HTML_BLOCKS_H
#include <stddef.h>
#include <stdint.h>
#include "../base/util.h"

/* flags of an open element, inherited by what it contains */
#define HB_SKIP 0x0001   /* text never shown or not prose: script, style, controls */
#define HB_BAD 0x0002    /* boilerplate by tag, class, id or role */
#define HB_GOOD 0x0004   /* content by class, id or itemprop */
#define HB_LINK 0x0008   /* inside <a> */
#define HB_TITLE 0x0010  /* the <title> element */
#define HB_JSONLD 0x0020 /* a JSON-LD script */
#define HB_H1 0x0040
#define HB_PRE 0x0080
#define HB_LI 0x0100
#define HB_BODY 0x0200
#define HB_BADCLASS 0x2000 /* boilerplate by class or id only (may be wrong on wrappers) */
#define HB_HEADING_SHIFT 10
#define HB_HEADING_MASK (7u << HB_HEADING_SHIFT) /* 1-6: inside h1..h6 */

#define HP_MAX_ELEMS 1000000  /* elements and blocks tracked per page; a real page has */
#define HP_MAX_BLOCKS 1000000 /* a few thousand */
#define HB_LEVELS 5 /* how far up a block's score goes */

typedef struct html_block {
    uint32_t off, len;     /* bytes in html_page.text */
    uint32_t link_chars;   /* bytes of link text */
    uint32_t elem;         /* innermost element */
    uint32_t anc[HB_LEVELS]; /* block elements above the block's own one, nearest first; UINT32_MAX ends */
    uint32_t bad_elem;     /* innermost element hinted boilerplate by class/id, UINT32_MAX none */
    uint16_t flags;
} html_block;

typedef struct html_elem {
    uint32_t parent;              /* UINT32_MAX for a root */
    uint32_t first_block, end_block;
    uint32_t chars, link_chars;   /* text below it */
    float score;                  /* from the blocks below it */
    uint32_t class_hash;          /* of the class attribute, 0 when none */
    int8_t hint;                  /* -1 boilerplate, 1 content, 2 itemprop=articleBody */
    uint8_t kind;                 /* EK_* */
    uint16_t depth;
} html_elem;

enum { EK_OTHER = 0, EK_DIV, EK_P, EK_ARTICLE, EK_SECTION, EK_TD, EK_PRE, EK_QUOTE, EK_LIST,
       EK_HEADING, EK_FORM, EK_MAIN, EK_BODY, EK_INLINE };

/* An open element during the parse. */
typedef struct html_frame {
    uint32_t elem;
    uint32_t bad_elem;    /* innermost open element hinted boilerplate by class/id */
    uint16_t flags;
    uint8_t is_block;
} html_frame;

typedef struct html_page {
    dy_buf text;
    uint32_t *map;        /* raw offset of each text byte; map_cap entries */
    size_t map_cap;
    html_block *blocks;
    size_t nblocks, blocks_cap;
    html_elem *elems;
    size_t nelems, elems_cap;
    int failed;           /* out of memory somewhere */
} html_page;

void hp_init(html_page *p);
void hp_free(html_page *p);
int hp_reserve(html_page *p, size_t extra);   /* 0 ok */
static inline void hp_push(html_page *p, char c, uint32_t raw) {
    p->map[p->text.len] = raw;
    p->text.data[p->text.len++] = c;
    p->text.data[p->text.len] = 0;
}
/* frames: the open elements, outermost first */
int hp_add_block(html_page *p, uint32_t off, uint32_t len, uint32_t links, uint16_t flags,
                 const html_frame *frames, int nframes);
uint32_t hp_add_elem(html_page *p, uint32_t parent, const char *tag, int hint, int depth,
                     uint32_t class_hash);
/* The main text: kept blocks joined by blank lines (malloc'd text and map). */
int hp_select(html_page *p, dy_buf *text, uint32_t **map, size_t *len);
#endif
