/* sentences.c - group tokens into sentences.
 *
 * A sentence ends at a blank line, at terminal punctuation (. ! ? ... and the
 * closing quotes or brackets glued to it) unless a lowercase word follows, or
 * after an abbreviation that can end a sentence (U.S., Inc.) when the next
 * word typically opens one. Titles (Gen., Mr., Jan.) and initials never end a
 * sentence. Datelines ("WASHINGTON (Reuters) -") carry no terminal
 * punctuation, so they stay with the sentence they open. */
#include <string.h>
#include <utf8proc.h>
#include "segment.h"
#include "../base/util.h"

/* very long runs without punctuation are cut so later stages stay linear */
#define MAX_SENTENCE_TOKENS 400

static int is_terminal(const dyad_token *t) {
    char c = t->form[0];
    if (c != '.' && c != '!' && c != '?' && c != '\xE2') return 0; /* most tokens */
    if (t->len == 3 && !memcmp(t->form, "\xE2\x80\xA6", 3)) return 1; /* ... as one character */
    for (uint32_t i = 0; i < t->len; i++)
        if (t->form[i] != '.' && t->form[i] != '!' && t->form[i] != '?') return 0;
    return t->len > 0;
}

static int is_emoticon(const dyad_token *t) {
    if (t->form[0] != ':' && t->form[0] != ';') return 0;
    static const char *const faces[] = {":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", NULL};
    for (int i = 0; faces[i]; i++)
        if (strlen(faces[i]) == t->len && !memcmp(faces[i], t->form, t->len)) return 1;
    return 0;
}

/* punctuation that never opens a sentence: it stays with the one before */
static int continues_sentence(const dyad_token *t) {
    return (t->len == 1 && strchr(",;.", t->form[0])) || is_emoticon(t);
}

static int is_closing(const dyad_token *t) {
    const char *f = t->form;
    if (t->len == 1) return strchr(")]}\"'", f[0]) != NULL;
    if (t->len == 2) return !memcmp(f, "''", 2) || !memcmp(f, "\xC2\xBB", 2);
    return t->len == 3 && (!memcmp(f, "\xE2\x80\x9D", 3) || !memcmp(f, "\xE2\x80\x99", 3));
}

/* a closing quote or bracket glued to terminal punctuation; a straight
 * quote glued to the next word opens the next sentence instead ("end."Next) */
static int closes_sentence(const dyad_doc *doc, size_t k) {
    const dyad_token *t = &doc->tokens[k];
    if (!is_closing(t)) return 0;
    if ((t->form[0] == '"' || t->form[0] == '\'') && t->len == 1 && !t->space_after && k + 1 < doc->ntokens) {
        unsigned char c = (unsigned char)doc->tokens[k + 1].form[0];
        return !(c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
    }
    return 1;
}

static int starts_lower(const dyad_token *t) {
    const unsigned char *f = (const unsigned char *)t->form;
    if (f[0] < 0x80) return f[0] >= 'a' && f[0] <= 'z';
    uint32_t cp;
    utf8_decode(f, t->len, &cp);
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

static int starts_upper(const dyad_token *t) {
    const unsigned char *f = (const unsigned char *)t->form;
    if (f[0] < 0x80) return f[0] >= 'A' && f[0] <= 'Z';
    uint32_t cp;
    utf8_decode(f, t->len, &cp);
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

/* two or more newlines between the tokens: a paragraph break */
static int blank_line_between(const dyad_doc *doc, const dyad_token *a, const dyad_token *b) {
    if (b->off - (a->off + a->len) < 2) return 0;
    int newlines = 0;
    for (uint32_t i = a->off + a->len; i < b->off; i++)
        if (doc->text[i] == '\n' && ++newlines >= 2) return 1;
    return 0;
}

/* an abbreviation with its period (U.S., Inc.) followed by a typical opener */
static int abbrev_ends_sentence(const dyad_token *abbr, const dyad_token *next) {
    if (abbr->len <= 2) return 0; /* an initial */
    if (abbrev_is_title(abbr->form, abbr->len - 1)) return 0;
    if (abbr->len == 4 && !memcmp(abbr->form, "etc.", 4)) return starts_upper(next); /* ends a list */
    return starts_upper(next) && word_opens_sentence(next->form, next->len);
}

static int form_is(const dyad_token *t, const char *lit) {
    size_t n = strlen(lit);
    return t->len == n && !memcmp(t->form, lit, n);
}

/* "Regards," "Thanks," closing a message before the signature */
static int sign_off(const dyad_doc *doc, size_t i) {
    if (i == 0 || !form_is(&doc->tokens[i], ",")) return 0;
    const dyad_token *w = &doc->tokens[i - 1];
    return form_is(w, "Regards") || form_is(w, "Thanks") || form_is(w, "Sincerely") || form_is(w, "Cheers") ||
           form_is(w, "regards");
}

/* "08/16/2000 03:48 PM": a message header's time stamp ends a unit */
static int header_stamp(const dyad_doc *doc, size_t i) {
    if (i < 2) return 0;
    const dyad_token *t = &doc->tokens[i];
    if (!form_is(t, "AM") && !form_is(t, "PM")) return 0;
    const dyad_token *time = t - 1, *date = t - 2;
    return memchr(time->form, ':', time->len) && memchr(date->form, '/', date->len) &&
           date->form[0] >= '0' && date->form[0] <= '9';
}

static int add_sentence(dyad_doc *doc, size_t first, size_t last) {
    dyad_sentence *s = dyad_doc_add_sentence(doc);
    if (!s) return -1;
    const dyad_token *a = &doc->tokens[first], *b = &doc->tokens[last];
    s->first_token = (uint32_t)first;
    s->ntokens = (uint32_t)(last - first + 1);
    s->off = a->off;
    s->len = b->off + b->len - a->off;
    return 0;
}

dyad_status sent_split(dyad_doc *doc, dyad_error *err) {
    size_t nt = doc->ntokens, first = 0;
    for (size_t i = 0; i < nt; i++) {
        const dyad_token *t = &doc->tokens[i];
        int boundary = i + 1 == nt || i + 1 - first >= MAX_SENTENCE_TOKENS;
        if (!boundary && blank_line_between(doc, t, t + 1)) boundary = 1;
        if (!boundary && is_terminal(t)) {
            size_t j = i;
            while (j + 1 < nt && !doc->tokens[j].space_after && closes_sentence(doc, j + 1)) j++;
            /* web text often starts a sentence in lowercase; only an
             * ellipsis before a lowercase word is read as a pause */
            int ellipsis = t->len > 1 && t->form[0] == '.';
            const dyad_token *next = j + 1 < nt ? &doc->tokens[j + 1] : NULL;
            /* after a quoted question the sentence may go on: "Why?" he asked */
            int pause = ellipsis || j > i;
            if (!next || ((!pause || !starts_lower(next)) && !continues_sentence(next))) {
                boundary = 1;
                i = j;
            }
        }
        if (!boundary && is_emoticon(t) && !starts_lower(t + 1)) boundary = 1;
        if (!boundary && (sign_off(doc, i) || header_stamp(doc, i)) && starts_upper(t + 1)) boundary = 1;
        if (!boundary && (t->flags & TOK_ABBREV) && abbrev_ends_sentence(t, t + 1)) boundary = 1;
        if (boundary) {
            if (add_sentence(doc, first, i)) {
                dyad_error_set(err, DYAD_ENOMEM, doc->input ? doc->input : "-", doc->input_line, -1,
                               "out of memory while splitting sentences");
                return DYAD_ENOMEM;
            }
            first = i + 1;
        }
    }
    return DYAD_OK;
}
