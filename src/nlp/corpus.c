/* corpus.c - a small CoNLL-U loader for training and evaluating the analyzer:
 * syntactic words only (multiword ranges and empty nodes skipped), with every
 * gold column the trainers need. */
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"

int corpus_add_sentence(nlp_corpus *c, const char *id) {
    if (c->nsents == c->capsents) {
        size_t nc = c->capsents ? c->capsents * 2 : 1024;
        uint32_t *nf = realloc(c->sent_first, nc * sizeof *nf);
        if (!nf) return -1;
        c->sent_first = nf;
        const char **ni = realloc(c->sent_ids, nc * sizeof *ni);
        if (!ni) return -1;
        c->sent_ids = ni;
        c->capsents = nc;
    }
    c->sent_first[c->nsents] = (uint32_t)c->ntoks;
    c->sent_ids[c->nsents++] = id;
    return 0;
}

nlp_gold_tok *corpus_add_token(nlp_corpus *c) {
    if (c->ntoks == c->captoks) {
        size_t ncap = c->captoks ? c->captoks * 2 : 65536;
        nlp_gold_tok *nt = realloc(c->toks, ncap * sizeof *nt);
        if (!nt) return NULL;
        c->toks = nt;
        c->captoks = ncap;
    }
    nlp_gold_tok *t = &c->toks[c->ntoks++];
    memset(t, 0, sizeof *t);
    return t;
}

int corpus_load(nlp_corpus *c, const char *path, dyad_error *err) {
    memset(c, 0, sizeof *c);
    size_t len;
    char *text = file_read_all(path, &len, (size_t)1 << 31, err);
    if (!text) return -1;
    c->arena = arena_new(1 << 20);
    if (!c->arena) { free(text); goto nomem; }
    int in_sent = 0;
    const char *sent_id = NULL;
    long lineno = 0;
    size_t pos = 0;
    while (pos < len) {
        lineno++;
        size_t start = pos;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        pos = nl ? end + 1 : len;
        if (end > start && text[end - 1] == '\r') end--;
        char *line = text + start;
        size_t n = end - start;
        if (n == 0) {
            in_sent = 0;
            sent_id = NULL;
            continue;
        }
        if (line[0] == '#') {
            if (n > 12 && !strncmp(line, "# sent_id = ", 12)) sent_id = arena_strndup(c->arena, line + 12, n - 12);
            continue;
        }
        const char *col[10];
        size_t cl[10];
        int nc = 0;
        size_t a = 0;
        for (size_t i = 0; i <= n && nc < 10; i++)
            if (i == n || line[i] == '\t') {
                col[nc] = line + a;
                cl[nc++] = i - a;
                a = i + 1;
            }
        if (nc < 8) {
            dyad_error_set(err, DYAD_EFORMAT, path, lineno, (long long)start, "expected 10 tab-separated columns");
            free(text);
            corpus_free(c);
            return -1;
        }
        if (memchr(col[0], '-', cl[0]) || memchr(col[0], '.', cl[0])) continue;
        if (!in_sent) {
            if (corpus_add_sentence(c, sent_id)) { free(text); goto nomem; }
            in_sent = 1;
        }
        nlp_gold_tok *t = corpus_add_token(c);
        if (!t) { free(text); goto nomem; }
        t->form = arena_strndup(c->arena, col[1], cl[1]);
        t->lemma = arena_strndup(c->arena, col[2], cl[2]);
        t->upos = arena_strndup(c->arena, col[3], cl[3]);
        t->xpos = arena_strndup(c->arena, col[4], cl[4]);
        t->head = cl[6] && col[6][0] >= '0' && col[6][0] <= '9' ? atoi(col[6]) : -1;
        t->deprel = arena_strndup(c->arena, col[7], cl[7]);
        if (!t->form || !t->deprel) { free(text); goto nomem; }
    }
    free(text);
    /* heads that point outside their sentence are treated as unknown */
    for (size_t s = 0; s < c->nsents; s++) {
        size_t n = corpus_sent_len(c, s);
        for (size_t i = 0; i < n; i++) {
            nlp_gold_tok *t = &c->toks[c->sent_first[s] + i];
            if (t->head > (int)n) t->head = -1;
        }
    }
    return 0;
nomem:
    corpus_free(c);
    dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory loading the treebank");
    return -1;
}

void corpus_free(nlp_corpus *c) {
    if (c->arena) arena_free(c->arena);
    free(c->toks);
    free(c->sent_first);
    free(c->sent_ids);
    memset(c, 0, sizeof *c);
}

void corpus_without_range(const nlp_corpus *c, size_t lo, size_t hi, nlp_corpus *sub) {
    sub->ntoks = sub->nsents = 0;
    for (size_t s = 0; s < c->nsents; s++) {
        if (s >= lo && s < hi) continue;
        size_t first = c->sent_first[s], n = corpus_sent_len(c, s);
        sub->sent_first[sub->nsents++] = (uint32_t)sub->ntoks;
        memcpy(sub->toks + sub->ntoks, c->toks + first, n * sizeof *sub->toks);
        sub->ntoks += n;
    }
}
