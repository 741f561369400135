/* test_tagger_rules.c - the tagger's rules for sentences in which its
 * weights found no finite verb, with the committed models. */
#include <string.h>
#include "check.h"
#include "base/arena.h"
#include "nlp/nlp.h"

static dy_models *models(void) {
    dyad_error err;
    dyad_error_clear(&err);
    dy_models *m = nlp_models_load(check_path("models"), &err);
    if (!m) check_fail(__FILE__, __LINE__, "models did not load: %s", err.message);
    return m;
}

/* one sentence, tokens separated by single spaces, analyzed */
static dyad_doc *sentence(const dy_models *m, const char *text) {
    dyad_doc *doc = dyad_doc_new();
    char *copy = arena_strdup(doc->arena, text);
    dyad_sentence *s = dyad_doc_add_sentence(doc);
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        dyad_doc_add_token(doc)->form = w;
    s->ntokens = (uint32_t)doc->ntokens;
    doc->given_tokens = 1;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(nlp_analyze(m, doc, &err), DYAD_OK);
    return doc;
}

static const dyad_token *word(const dyad_doc *d, const char *form) {
    for (size_t i = 0; i < d->ntokens; i++)
        if (!strcmp(d->tokens[i].form, form)) return &d->tokens[i];
    check_fail(__FILE__, __LINE__, "no token '%s'", form);
    return &d->tokens[0];
}

/* A past tense after a long or bare subject is the sentence's verb, not a
 * reduced relative: the sentence has no other. */
TEST(tagger_verbless_sentence_takes_participle_as_past_tense) {
    dy_models *m = models();
    if (!m) return;
    dyad_doc *d = sentence(m, "Thousands of people marched in the capital on Sunday .");
    CHECK_STR(word(d, "marched")->xpos, "VBD");
    CHECK_STR(word(d, "marched")->deprel, "root");
    CHECK_STR(word(d, "Thousands")->deprel, "nsubj");
    dyad_doc_free(d);
    d = sentence(m, "Algerian authorities suspended publication of the newspaper .");
    CHECK_STR(word(d, "suspended")->xpos, "VBD");
    CHECK_STR(word(d, "authorities")->deprel, "nsubj");
    dyad_doc_free(d);
    nlp_models_free(m);
}

/* Before a later finite verb, a participle with an object or "to" after it
 * is the verb: a passive reduced relative takes neither. */
TEST(tagger_participle_with_object_before_a_later_verb_is_past_tense) {
    dy_models *m = models();
    if (!m) return;
    dyad_doc *d = sentence(m, "Rebel units threatened to shell the town if government forces launched an attack .");
    CHECK_STR(word(d, "threatened")->xpos, "VBD");
    CHECK_STR(word(d, "threatened")->deprel, "root");
    CHECK_STR(word(d, "units")->deprel, "nsubj");
    dyad_doc_free(d);
    d = sentence(m, "The United States suspended food aid to the region over fears it was helping the militants .");
    CHECK_STR(word(d, "suspended")->xpos, "VBD");
    CHECK_STR(word(d, "aid")->deprel, "obj");
    dyad_doc_free(d);
    nlp_models_free(m);
}

/* A reduced relative in a sentence with its own verb, and a participle after
 * an auxiliary, stay participles. */
TEST(tagger_participles_with_a_finite_verb_stay_participles) {
    dy_models *m = models();
    if (!m) return;
    dyad_doc *d = sentence(m, "The man arrested on Sunday was released by police .");
    CHECK_STR(word(d, "arrested")->xpos, "VBN");
    CHECK_STR(word(d, "released")->xpos, "VBN");
    dyad_doc_free(d);
    d = sentence(m, "Having been warned by the army , the villagers left .");
    CHECK_STR(word(d, "warned")->xpos, "VBN");
    dyad_doc_free(d);
    nlp_models_free(m);
}
