/* wordnet.c - the tagger's WordNet lexicon: which parts of speech WordNet
 * lists a word under, as a base form (index.noun/verb/adj/adv, single words
 * only) or as an inflection of one - regular plurals and verb forms made by
 * the usual spelling rules, irregular ones from the *.exc files. Read from
 * Debian's wordnet-base files at training time and stored in the tagger's
 * model as an open-addressing table of 20-bit fingerprints and classes
 * (nlp_internal.h: wordnet_entry). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"

/* word hash -> WN_* class bits, while reading */
typedef struct wn_map {
    uint64_t *keys;  /* lowercase hash | 1, 0 empty */
    uint16_t *cls;
    uint64_t cap, n;
} wn_map;

/* add cls to the word's classes; 0 ok (words of 64 bytes and more are
 * skipped), -1 out of memory */
static int wn_add(wn_map *m, const char *w, size_t n, unsigned cls) {
    if (n < 1 || n > 63) return 0;
    if (m->cap < 2 * m->n + 2) {
        uint64_t cap = m->cap ? m->cap * 2 : 65536;
        uint64_t *keys = calloc(cap, sizeof *keys);
        uint16_t *cl = calloc(cap, sizeof *cl);
        if (!keys || !cl) {
            free(keys);
            free(cl);
            return -1;
        }
        for (uint64_t i = 0; i < m->cap; i++) {
            if (!m->keys[i]) continue;
            uint64_t j = m->keys[i] & (cap - 1);
            while (keys[j]) j = (j + 1) & (cap - 1);
            keys[j] = m->keys[i];
            cl[j] = m->cls[i];
        }
        free(m->keys);
        free(m->cls);
        m->keys = keys, m->cls = cl, m->cap = cap;
    }
    uint64_t h = nlp_lower_hash(w, n) | 1, mask = m->cap - 1, j = h & mask;
    while (m->keys[j] && m->keys[j] != h) j = (j + 1) & mask;
    if (!m->keys[j]) {
        m->keys[j] = h;
        m->n++;
    }
    m->cls[j] |= (uint16_t)cls;
    return 0;
}

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* base + suffix ("s", "ed", "ing") by the regular spelling rules: "study" ->
 * "studies", "studied"; "watch" -> "watches"; "move" -> "moved", "moving" */
static int wn_add_inflected(wn_map *m, const char *base, size_t n, const char *suffix, unsigned cls) {
    if (n < 2 || n > 63) return 0;
    char buf[80];
    memcpy(buf, base, n);
    char last = base[n - 1], prev = base[n - 2];
    size_t keep = n;
    const char *add = suffix;
    if (last == 'y') {
        if (!is_vowel(prev) && !strcmp(suffix, "s")) keep = n - 1, add = "ies";
        else if (!is_vowel(prev) && !strcmp(suffix, "ed")) keep = n - 1, add = "ied";
    } else if (!strcmp(suffix, "s")) {
        if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's'))) add = "es";
    } else if (!strcmp(suffix, "ed")) {
        if (last == 'e') add = "d";
    } else if (last == 'e' && prev != 'e') {
        keep = n - 1; /* "making", not "makeing" */
    }
    size_t al = strlen(add);
    memcpy(buf + keep, add, al);
    return wn_add(m, buf, keep + al, cls);
}

uint32_t *wordnet_classes(const char *dir, uint64_t *nslots) {
    static const struct { const char *file; unsigned cls; int verb, plural; } idx[] = {
        {"index.noun", WN_NOUN, 0, 1}, {"index.verb", WN_VERB, 1, 0}, {"index.adj", WN_ADJ, 0, 0}, {"index.adv", WN_ADV, 0, 0}};
    /* irregular forms: the first word of each line */
    static const struct { const char *file; unsigned cls; } exc[] = {
        {"noun.exc", WN_PLURAL}, {"verb.exc", WN_VERB_ED}, {"adj.exc", WN_ADJ_CMP}};
    wn_map m = {0};
    char path[1100], line[4096];
    int rc = 0, ok = 1;
    for (size_t i = 0; i < 4 && ok; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, idx[i].file);
        FILE *f = fopen(path, "r");
        if (!f) continue;
        while (fgets(line, sizeof line, f)) {
            if (line[0] == ' ') continue; /* the licence at the top */
            size_t n = strcspn(line, " ");
            if (!n || memchr(line, '_', n)) continue; /* collocations */
            rc = wn_add(&m, line, n, idx[i].cls);
            if (!rc && idx[i].plural) rc = wn_add_inflected(&m, line, n, "s", WN_PLURAL);
            if (!rc && idx[i].verb) {
                rc = wn_add_inflected(&m, line, n, "s", WN_VERB_S);
                if (!rc) rc = wn_add_inflected(&m, line, n, "ed", WN_VERB_ED);
                if (!rc) rc = wn_add_inflected(&m, line, n, "ing", WN_VERB_ING);
            }
            if (rc) {
                ok = 0;
                break;
            }
        }
        fclose(f);
    }
    for (size_t i = 0; i < 3 && ok; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, exc[i].file);
        FILE *f = fopen(path, "r");
        if (!f) continue;
        while (fgets(line, 512, f)) {
            size_t n = strcspn(line, " \n");
            if (!n || memchr(line, '_', n)) continue;
            if (wn_add(&m, line, n, exc[i].cls)) {
                ok = 0;
                break;
            }
        }
        fclose(f);
    }
    uint64_t slots = 16;
    while (slots * 2 < 3 * m.n) slots *= 2;
    uint32_t *tab = m.n && ok ? calloc(slots, sizeof *tab) : NULL;
    if (tab) {
        for (uint64_t i = 0; i < m.cap; i++) {
            uint64_t key = m.keys[i];
            if (!key) continue;
            uint64_t j = key & (slots - 1);
            while (tab[j]) j = (j + 1) & (slots - 1);
            tab[j] = wordnet_entry(key, m.cls[i]);
        }
        *nslots = slots;
    }
    free(m.keys);
    free(m.cls);
    return tab;
}

uint32_t wordnet_lookup(const uint32_t *tab, uint64_t mask, uint64_t h) {
    if (!tab) return 0;
    uint32_t fp = wordnet_entry(h, 0);
    for (uint64_t j = (h | 1) & mask;; j = (j + 1) & mask) {
        uint32_t e = tab[j];
        if (!e) return 0;
        if ((e & ~(uint32_t)WN_CLASS_MASK) == fp) return e & WN_CLASS_MASK;
    }
}
