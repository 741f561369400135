/* analyze.c - load the analyzer's models (tagger required; lemmatizer and
 * parser optional) and run them over a document's sentences in place. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "nlp.h"
#include "nlp_internal.h"

struct dy_models {
    char tagger_path[1024], lemmatizer_path[1024], parser_path[1024];
    nlp_tagger tagger;
    nlp_lemmatizer lemmatizer;
    nlp_parser parser;
    int has_lemmatizer, has_parser;
    int *tag_to_parser; /* tagger class -> the parser's tag id */
};

dy_models *nlp_models_load(const char *dir, dyad_error *err) {
    dy_models *m = calloc(1, sizeof *m);
    if (!m) {
        dyad_error_set(err, DYAD_ENOMEM, dir, 0, -1, "out of memory");
        return NULL;
    }
    snprintf(m->tagger_path, sizeof m->tagger_path, "%s/tagger.dyad", dir);
    snprintf(m->lemmatizer_path, sizeof m->lemmatizer_path, "%s/lemmatizer.dyad", dir);
    snprintf(m->parser_path, sizeof m->parser_path, "%s/parser.dyad", dir);
    if (!path_exists(m->tagger_path)) {
        dyad_error_set(err, DYAD_EMODEL, m->tagger_path, 0, -1, "no tagger model: tagging and parsing are skipped");
        free(m);
        return NULL;
    }
    if (tagger_load(&m->tagger, m->tagger_path, err)) goto fail;
    if (path_exists(m->lemmatizer_path)) {
        if (lemmatizer_load(&m->lemmatizer, m->lemmatizer_path, err)) goto fail;
        m->has_lemmatizer = 1;
    }
    if (path_exists(m->parser_path)) {
        if (parser_load(&m->parser, m->parser_path, err)) goto fail;
        m->has_parser = 1;
        m->tag_to_parser = malloc(m->tagger.nclasses * sizeof *m->tag_to_parser);
        if (!m->tag_to_parser) goto fail;
        for (uint32_t i = 0; i < m->tagger.nclasses; i++) {
            m->tag_to_parser[i] = (int)m->parser.ntags; /* unknown to the parser */
            for (uint32_t j = 0; j < m->parser.ntags; j++)
                if (!strcmp(m->tagger.upos[i], m->parser.tag_names[2 * j]) &&
                    !strcmp(m->tagger.xpos[i], m->parser.tag_names[2 * j + 1])) {
                    m->tag_to_parser[i] = (int)j;
                    break;
                }
        }
    }
    return m;
fail:
    if (!err->status) dyad_error_set(err, DYAD_ENOMEM, dir, 0, -1, "out of memory loading models");
    nlp_models_free(m);
    return NULL;
}

void nlp_models_free(dy_models *m) {
    if (!m) return;
    tagger_free(&m->tagger);
    if (m->has_lemmatizer) lemmatizer_free(&m->lemmatizer);
    if (m->has_parser) parser_free(&m->parser);
    free(m->tag_to_parser);
    free(m);
}

int nlp_models_has_parser(const dy_models *m) { return m && m->has_parser; }

/* Headlines in title case or capitals ("China Warns Japan Against Joining
 * Pact") look like runs of names to a tagger trained on ordinary text: such a
 * sentence is tagged from its lowercased words. A title-case line counts as a
 * headline only when a function word inside it is capitalised too, so that
 * names and titles ("Business Development Manager") keep their capitals. */
static int is_function_word(const char *f) {
    static const char *const words[] = {"the", "of", "in", "to", "against", "and", "for", "on", "with", "at",
                                        "by", "from", "a", "an", "over", "as", "after", "into", "is", "are",
                                        "will", "says", "amid", "about", NULL};
    for (const char *const *w = words; *w; w++)
        if (!strcasecmp(f, *w)) return 1;
    return 0;
}

static int is_headline(const dyad_token *toks, int n) {
    int words = 0, capital = 0, allcaps = 0, capital_function = 0;
    for (int i = 0; i < n; i++) {
        const unsigned char *f = (const unsigned char *)toks[i].form;
        if (!f || !((*f >= 'a' && *f <= 'z') || (*f >= 'A' && *f <= 'Z'))) continue;
        words++;
        if (*f < 'A' || *f > 'Z') continue;
        capital++;
        int lower = 0;
        for (const unsigned char *p = f; *p; p++) lower |= *p >= 'a' && *p <= 'z';
        allcaps += !lower;
        if (i > 0 && is_function_word((const char *)f)) capital_function++;
    }
    if (words >= 3 && allcaps * 5 >= words * 4) return 1;
    return words >= 4 && capital * 5 >= words * 4 && capital_function > 0;
}

static const char *lowered(dyad_arena *a, const char *form) {
    if (!form) return form;
    char *c = arena_strdup(a, form);
    for (char *p = c; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return c ? c : form;
}

/* A name written in lowercase ("visited mexico") has the lemma the treebank
 * gives it, its usual spelling ("Mexico"), when the unlabeled text always
 * capitalises the word inside sentences; a noun in capitals that the text
 * always capitalises is an acronym and keeps them ("USB", not "usb"). */
static const char *name_spelling(const char *lemma, const char *form, const char *upos, const nlp_word *w,
                                 dyad_arena *a) {
    if (w->caps != 5 || !upos) return lemma;
    if (!strcmp(upos, "NOUN") && (w->flags & W_ALLCAPS) && !strcasecmp(lemma, form)) return form;
    if (strcmp(upos, "PROPN") || strcmp(lemma, form)) return lemma;
    for (const char *p = form; *p; p++)
        if (*p < 'a' || *p > 'z') return lemma;
    char *c = arena_strdup(a, form);
    if (!c) return lemma;
    c[0] = (char)(c[0] - 'a' + 'A');
    return c;
}

/* "'s" before "been" (adverbs between) is "has": "it's been", "she's never been" */
static int is_contracted_has(const dyad_token *toks, int n, int i) {
    const char *f = toks[i].form;
    if (!f || !toks[i].upos || strcmp(toks[i].upos, "AUX") ||
        (strcasecmp(f, "'s") && strcasecmp(f, "\xe2\x80\x99s")))
        return 0;
    for (int j = i + 1; j < n; j++) {
        if (toks[j].form && !strcasecmp(toks[j].form, "been")) return 1;
        if (!toks[j].upos || (strcmp(toks[j].upos, "ADV") && strcmp(toks[j].upos, "PART"))) return 0;
    }
    return 0;
}

static dyad_status analyze_span(const dy_models *m, dyad_doc *doc, dyad_token *toks, int n, dyad_error *err) {
    if (n <= 0) return DYAD_OK;
    dyad_arena *a = doc->arena;
    nlp_word *words = arena_alloc(a, (size_t)n * sizeof *words);
    int *tags = arena_alloc(a, (size_t)n * 4 * sizeof *tags);
    int32_t *scores = arena_alloc(a, nlp_dense_classes(m->tagger.nclasses) * sizeof *scores);
    if (!words || !tags || !scores) goto nomem;
    int headline = is_headline(toks, n);
    for (int i = 0; i < n; i++) nlp_word_features(headline ? lowered(a, toks[i].form) : toks[i].form, &words[i]);
    tagger_tag(&m->tagger, words, n, tags, scores);
    for (int i = 0; i < n; i++) {
        dyad_token *t = &toks[i];
        t->upos = m->tagger.upos[tags[i]];
        t->xpos = m->tagger.xpos[tags[i]];
        if (m->has_lemmatizer) {
            t->lemma = lemmatize(&m->lemmatizer, t->form, t->upos, t->xpos, a);
            if (!t->lemma) goto nomem;
            t->lemma = name_spelling(t->lemma, t->form, t->upos, &words[i], a);
            if (is_contracted_has(toks, n, i)) t->lemma = "have";
        } else if (!t->lemma) {
            t->lemma = t->form;
        }
    }
    if (m->has_parser) {
        int *ptags = tags + n, *heads = tags + 2 * n, *labels = tags + 3 * n;
        for (int i = 0; i < n; i++) ptags[i] = m->tag_to_parser[tags[i]];
        if (parser_parse(&m->parser, words, ptags, n, heads, labels, a)) goto nomem;
        for (int i = 0; i < n; i++) {
            toks[i].head = heads[i];
            toks[i].deprel = m->parser.labels[labels[i]];
        }
    }
    return DYAD_OK;
nomem:
    dyad_error_set(err, DYAD_ENOMEM, doc->input ? doc->input : "-", doc->input_line, -1,
                   "out of memory analysing a sentence of %d tokens", n);
    return DYAD_ENOMEM;
}

dyad_status nlp_analyze(const dy_models *m, dyad_doc *doc, dyad_error *err) {
    if (!m || !doc) return DYAD_OK;
    if (doc->nsentences == 0) return analyze_span(m, doc, doc->tokens, (int)doc->ntokens, err);
    for (size_t s = 0; s < doc->nsentences; s++) {
        const dyad_sentence *se = &doc->sentences[s];
        if ((size_t)se->first_token > doc->ntokens || se->ntokens > doc->ntokens - se->first_token) {
            dyad_error_set(err, DYAD_EINVAL, doc->input ? doc->input : "-", doc->input_line, -1,
                           "sentence %zu points outside the document's tokens", s + 1);
            return DYAD_EINVAL;
        }
        if (se->ntokens > (1u << 24)) continue;
        dyad_status st = analyze_span(m, doc, doc->tokens + se->first_token, (int)se->ntokens, err);
        if (st != DYAD_OK) return st;
    }
    return DYAD_OK;
}
