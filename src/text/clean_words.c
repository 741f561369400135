/* clean_words.c - the word classes the cleaners use as features (function
 * words, page-furniture vocabulary) and the features of one line of text.
 * The lists are sorted so a lookup is a binary search over constant data. */
#include <stdlib.h>
#include <string.h>
#include "clean_internal.h"

/* English function words frequent in news prose and rare in page furniture. */
static const char *const stop_words[] = {
    "a", "about", "after", "against", "al", "also", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "during", "each", "had", "has", "have", "he", "her",
    "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "last",
    "may", "more", "most", "much", "must", "not", "of", "on", "one", "only", "or", "other",
    "our", "over", "said", "says", "she", "should", "since", "so", "some", "such", "than",
    "that", "the", "their", "them", "there", "these", "they", "this", "those", "through",
    "to", "told", "two", "under", "until", "up", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "will", "with", "would", "year", "you"};

/* Words of page furniture: labels, prompts and buttons. One feature among
 * many: a report may say "share" or "photo" too. */
static const char *const ui_words[] = {
    "ad", "ads", "advertisement", "advertising", "afp", "alamy", "all", "ap", "app", "article",
    "articles", "audio", "back", "bloomberg", "bookmark", "browser", "caption", "click",
    "close", "comment", "comments", "contact", "continue", "conversation", "cookie",
    "cookies", "copy", "copyright", "credit", "discussion", "download", "editing",
    "editor", "email", "epa", "facebook", "feedback", "file", "follow", "gallery", "getty",
    "google", "here", "home", "image", "images", "instagram", "join", "leave", "like",
    "link", "linkedin", "listen", "loading", "log", "login", "menu", "minute", "minutes",
    "more", "most", "must", "newsletter", "newsletters", "next", "now", "photo",
    "photograph", "photos", "pinterest", "play", "podcast", "policy", "popular", "post",
    "posted", "previous", "print", "privacy", "read", "recommended", "reddit", "register",
    "related", "replies", "reply", "reporting", "reserved", "reuters", "rights", "save",
    "scroll", "search", "see", "share", "shares", "sign", "skip", "sponsored", "stories",
    "story", "subscribe", "subscription", "tap", "telegram", "terms", "top", "topics",
    "trending", "tweet", "twitter", "updated", "video", "videos", "view", "watch",
    "whatsapp", "writing", "x", "youtube"};

/* Furniture words that a report almost never uses. */
static const char *const strong_ui_words[] = {
    "advertisement", "bookmark", "cookie", "cookies", "facebook", "instagram", "linkedin",
    "login", "newsletter", "newsletters", "pinterest", "reddit", "subscribe", "subscription",
    "whatsapp"};

static int cmp_word(const void *key, const void *elem) {
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* Lowercase ASCII copy of w into buf; 0 when w is too long or not ASCII letters. */
static int lower_word(const char *w, size_t n, char *buf, size_t cap) {
    if (n == 0 || n >= cap) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        else if (c < 'a' || c > 'z') return 0;
        buf[i] = (char)c;
    }
    buf[n] = 0;
    return 1;
}

static int in_list(const char *w, size_t n, const char *const *list, size_t count) {
    char buf[24];
    if (!lower_word(w, n, buf, sizeof buf)) return 0;
    return bsearch(buf, list, count, sizeof *list, cmp_word) != NULL;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
int word_is_stop(const char *w, size_t n) { return in_list(w, n, stop_words, COUNT(stop_words)); }
int word_is_ui(const char *w, size_t n) { return in_list(w, n, ui_words, COUNT(ui_words)); }
int word_is_strong_ui(const char *w, size_t n) {
    return in_list(w, n, strong_ui_words, COUNT(strong_ui_words));
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }
static int is_alpha_start(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* Closing quotes and brackets that may follow a sentence's final mark. */
static size_t skip_closers_back(const unsigned char *s, size_t end) {
    for (;;) {
        if (end >= 1 && (s[end - 1] == '"' || s[end - 1] == '\'' || s[end - 1] == ')' ||
                         s[end - 1] == ']' || s[end - 1] == '*')) {
            end--;
            continue;
        }
        /* ” ’ » (E2 80 9D, E2 80 99, C2 BB) */
        if (end >= 3 && s[end - 3] == 0xE2 && s[end - 2] == 0x80 && (s[end - 1] == 0x9D || s[end - 1] == 0x99)) {
            end -= 3;
            continue;
        }
        if (end >= 2 && s[end - 2] == 0xC2 && s[end - 1] == 0xBB) {
            end -= 2;
            continue;
        }
        return end;
    }
}

void text_features_of(const char *str, size_t n, text_features *f) {
    const unsigned char *s = (const unsigned char *)str;
    memset(f, 0, sizeof *f);
    size_t b = 0, e = n;
    while (b < e && is_space(s[b])) b++;
    while (e > b && is_space(s[e - 1])) e--;
    f->chars = (int)(e - b);
    if (b == e) {
        f->no_letters = 1;
        return;
    }
    size_t end = skip_closers_back(s, e);
    if (end > b) {
        unsigned char last = s[end - 1];
        f->ends_sentence = last == '.' || last == '!' || last == '?' ||
                           (end - b >= 3 && s[end - 3] == 0xE2 && s[end - 2] == 0x80 && s[end - 1] == 0xA6);
        f->ends_colon = last == ':';
    }
    /* time or duration only: digits and colons, at least one colon */
    int colons = 0, others = 0;
    for (size_t i = b; i < e; i++) {
        if (s[i] == ':') colons++;
        else if (s[i] < '0' || s[i] > '9') others++;
    }
    f->time_only = colons > 0 && others == 0;
    size_t i = b;
    int word_index = 0;
    while (i < e) {
        while (i < e && is_space(s[i])) i++;
        if (i >= e) break;
        size_t ws = i;
        while (i < e && !is_space(s[i])) i++;
        /* the word without surrounding punctuation */
        size_t a = ws, z = i;
        while (a < z && !is_alpha_start(s[a]) && !(s[a] >= '0' && s[a] <= '9') && s[a] < 0x80) a++;
        while (z > a && !is_alpha_start(s[z - 1]) && !(s[z - 1] >= '0' && s[z - 1] <= '9') && s[z - 1] < 0x80) z--;
        if (z == a) continue;
        f->words++;
        int letters = 0;
        for (size_t k = a; k < z; k++) {
            if (is_alpha_start(s[k]) || s[k] >= 0x80) letters++;
            else if (s[k] >= '0' && s[k] <= '9') f->digits++;
        }
        f->letters += letters;
        if (s[a] >= 'A' && s[a] <= 'Z') f->upper_initial++;
        else if (s[a] >= 'a' && s[a] <= 'z') f->has_lower_word = 1;
        if (f->words <= 60 || f->stop * 4 < f->words) { /* long prose: enough evidence */
            size_t wl = z - a;
            if (word_is_stop((const char *)s + a, wl)) f->stop++;
            else if (word_is_ui((const char *)s + a, wl)) {
                f->ui++;
                if (word_is_strong_ui((const char *)s + a, wl)) f->strong_ui++;
            }
        }
        /* "RELATED:", "Photo:", "Read more:" - a label of one to three words */
        if (word_index < 3 && i > ws && s[i - 1] == ':' && i < e) f->prefix_label = word_index + 1;
        word_index++;
    }
    f->no_letters = f->letters == 0;
}
