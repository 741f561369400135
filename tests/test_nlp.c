/* test_nlp.c - the analyzer with the committed models: tags, lemmas and the key
 * dependency relations of news-like sentences; model corruption detection;
 * training and evaluation on a tiny hand-written treebank. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "check.h"
#include "base/arena.h"
#include "base/util.h"
#include "nlp/nlp.h"

static dy_models *load_models(void) {
    dyad_error err;
    dyad_error_clear(&err);
    dy_models *m = nlp_models_load(check_path("models"), &err);
    if (!m) check_fail(__FILE__, __LINE__, "models did not load: %s", err.message);
    return m;
}

/* one sentence, tokens separated by single spaces */
static dyad_doc *analyzed(const dy_models *m, const char *sentence) {
    dyad_doc *doc = dyad_doc_new();
    char *copy = arena_strdup(doc->arena, sentence);
    dyad_sentence *s = dyad_doc_add_sentence(doc);
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        dyad_token *t = dyad_doc_add_token(doc);
        t->form = w;
    }
    s->ntokens = (uint32_t)doc->ntokens;
    doc->given_tokens = 1;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(nlp_analyze(m, doc, &err), DYAD_OK);
    return doc;
}

/* token by form (first match), 1-based index in *pos */
static const dyad_token *tok(const dyad_doc *d, const char *form, int *pos) {
    for (size_t i = 0; i < d->ntokens; i++)
        if (!strcmp(d->tokens[i].form, form)) {
            if (pos) *pos = (int)i + 1;
            return &d->tokens[i];
        }
    check_fail(__FILE__, __LINE__, "no token '%s'", form);
    static const dyad_token none = {.form = "", .head = -1};
    return &none;
}

TEST(nlp_passive_has_nsubj_pass_and_agent) {
    dy_models *m = load_models();
    if (!m) return;
    CHECK(nlp_models_has_parser(m));
    dyad_doc *d = analyzed(m, "The embassy was attacked by protesters .");
    int attacked;
    tok(d, "attacked", &attacked);
    CHECK_STR(tok(d, "embassy", NULL)->deprel, "nsubj:pass");
    CHECK_INT(tok(d, "embassy", NULL)->head, attacked);
    CHECK_STR(tok(d, "was", NULL)->deprel, "aux:pass");
    CHECK_STR(tok(d, "protesters", NULL)->deprel, "obl:agent");
    CHECK_INT(tok(d, "protesters", NULL)->head, attacked);
    CHECK_STR(tok(d, "attacked", NULL)->deprel, "root");
    CHECK_STR(tok(d, "attacked", NULL)->lemma, "attack");
    CHECK_STR(tok(d, "attacked", NULL)->upos, "VERB");
    CHECK_STR(tok(d, "attacked", NULL)->xpos, "VBN");
    dyad_doc_free(d);
    nlp_models_free(m);
}

TEST(nlp_reported_speech_is_ccomp) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "China said Japan should not join the military alliance .");
    int said, join;
    tok(d, "said", &said);
    tok(d, "join", &join);
    CHECK_STR(tok(d, "said", NULL)->deprel, "root");
    CHECK_STR(tok(d, "join", NULL)->deprel, "ccomp");
    CHECK_INT(tok(d, "join", NULL)->head, said);
    CHECK_STR(tok(d, "China", NULL)->deprel, "nsubj");
    CHECK_INT(tok(d, "Japan", NULL)->head, join);
    CHECK_STR(tok(d, "alliance", NULL)->deprel, "obj");
    CHECK_STR(tok(d, "said", NULL)->lemma, "say");
    CHECK_STR(tok(d, "China", NULL)->upos, "PROPN");
    dyad_doc_free(d);
    nlp_models_free(m);
}

TEST(nlp_apposition_and_coordination) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "Mao Ning , the ministry spokeswoman , said Beijing and Moscow opposed the plan .");
    const dyad_token *sp = tok(d, "spokeswoman", NULL);
    CHECK_STR(sp->deprel, "appos");
    CHECK(sp->head == 1 || sp->head == 2);
    int beijing;
    tok(d, "Beijing", &beijing);
    CHECK_STR(tok(d, "Moscow", NULL)->deprel, "conj");
    CHECK_INT(tok(d, "Moscow", NULL)->head, beijing);
    CHECK_STR(tok(d, "and", NULL)->deprel, "cc");
    dyad_doc_free(d);
    nlp_models_free(m);
}

TEST(nlp_possessive_and_particle) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "Australia 's Albanese said the deal was done .");
    int albanese, said;
    tok(d, "Albanese", &albanese);
    tok(d, "said", &said);
    CHECK_STR(tok(d, "Australia", NULL)->deprel, "nmod:poss");
    CHECK_INT(tok(d, "Australia", NULL)->head, albanese);
    CHECK_STR(tok(d, "'s", NULL)->deprel, "case");
    CHECK_STR(tok(d, "Albanese", NULL)->deprel, "nsubj");
    CHECK_INT(tok(d, "Albanese", NULL)->head, said);
    CHECK_STR(tok(d, "done", NULL)->deprel, "ccomp");
    dyad_doc_free(d);
    d = analyzed(m, "He met Australia 's Albanese in Tokyo .");
    tok(d, "Albanese", &albanese);
    CHECK_STR(tok(d, "Australia", NULL)->deprel, "nmod:poss");
    CHECK_INT(tok(d, "Australia", NULL)->head, albanese);
    CHECK_STR(tok(d, "Albanese", NULL)->deprel, "obj");
    dyad_doc_free(d);
    d = analyzed(m, "Protesters set up barricades outside the embassy .");
    CHECK_STR(tok(d, "up", NULL)->deprel, "compound:prt");
    CHECK_STR(tok(d, "barricades", NULL)->deprel, "obj");
    CHECK_STR(tok(d, "barricades", NULL)->lemma, "barricade");
    dyad_doc_free(d);
    nlp_models_free(m);
}

TEST(nlp_question_and_lemmas) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "Will Japan join the talks with other countries ?");
    int join;
    tok(d, "join", &join);
    CHECK_STR(tok(d, "join", NULL)->deprel, "root");
    CHECK_STR(tok(d, "Will", NULL)->deprel, "aux");
    CHECK_INT(tok(d, "Will", NULL)->head, join);
    CHECK_STR(tok(d, "Japan", NULL)->deprel, "nsubj");
    CHECK_STR(tok(d, "talks", NULL)->lemma, "talk");
    CHECK_STR(tok(d, "countries", NULL)->lemma, "country");
    CHECK_STR(tok(d, "?", NULL)->upos, "PUNCT");
    /* every token got a head inside the sentence and exactly one root */
    int roots = 0;
    for (size_t i = 0; i < d->ntokens; i++) {
        CHECK(d->tokens[i].head >= 0 && d->tokens[i].head <= (int)d->ntokens);
        roots += d->tokens[i].head == 0;
    }
    CHECK_INT(roots, 1);
    dyad_doc_free(d);
    nlp_models_free(m);
}

/* A past tense after a long or bare subject is the sentence's verb, not a
 * reduced relative: the sentence has no other. */
TEST(tagger_verbless_sentence_takes_participle_as_past_tense) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "Thousands of people marched in the capital on Sunday .");
    CHECK_STR(tok(d, "marched", NULL)->xpos, "VBD");
    CHECK_STR(tok(d, "marched", NULL)->deprel, "root");
    CHECK_STR(tok(d, "Thousands", NULL)->deprel, "nsubj");
    dyad_doc_free(d);
    d = analyzed(m, "Algerian authorities suspended publication of the newspaper .");
    CHECK_STR(tok(d, "suspended", NULL)->xpos, "VBD");
    CHECK_STR(tok(d, "authorities", NULL)->deprel, "nsubj");
    dyad_doc_free(d);
    nlp_models_free(m);
}

/* Before a later finite verb, a participle with an object or "to" after it
 * is the verb: a passive reduced relative takes neither. */
TEST(tagger_participle_with_object_before_a_later_verb_is_past_tense) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "Rebel units threatened to shell the town if government forces launched an attack .");
    CHECK_STR(tok(d, "threatened", NULL)->xpos, "VBD");
    CHECK_STR(tok(d, "threatened", NULL)->deprel, "root");
    CHECK_STR(tok(d, "units", NULL)->deprel, "nsubj");
    dyad_doc_free(d);
    d = analyzed(m, "The United States suspended food aid to the region over fears it was helping the militants .");
    CHECK_STR(tok(d, "suspended", NULL)->xpos, "VBD");
    CHECK_STR(tok(d, "aid", NULL)->deprel, "obj");
    dyad_doc_free(d);
    nlp_models_free(m);
}

/* A reduced relative in a sentence with its own verb, and a participle after
 * an auxiliary, stay participles. */
TEST(tagger_participles_with_a_finite_verb_stay_participles) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "The man arrested on Sunday was released by police .");
    CHECK_STR(tok(d, "arrested", NULL)->xpos, "VBN");
    CHECK_STR(tok(d, "released", NULL)->xpos, "VBN");
    dyad_doc_free(d);
    d = analyzed(m, "Having been warned by the army , the villagers left .");
    CHECK_STR(tok(d, "warned", NULL)->xpos, "VBN");
    dyad_doc_free(d);
    nlp_models_free(m);
}

TEST(nlp_headline_capitals_still_tagged) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "China Warns Japan Against Joining AUKUS Pact");
    CHECK_STR(tok(d, "Warns", NULL)->upos, "VERB");
    CHECK_STR(tok(d, "Warns", NULL)->lemma, "warn");
    dyad_doc_free(d);
    nlp_models_free(m);
}

static int copy_file(const char *from, const char *to, long truncate_at, long flip_at) {
    size_t len;
    dyad_error err;
    char *data = file_read_all(from, &len, (size_t)1 << 28, &err);
    if (!data) return -1;
    if (truncate_at >= 0 && (size_t)truncate_at < len) len = (size_t)truncate_at;
    if (flip_at >= 0 && (size_t)flip_at < len) data[flip_at] ^= 0x5a;
    FILE *fp = fopen(to, "wb");
    int rc = fp && fwrite(data, 1, len, fp) == len ? 0 : -1;
    if (fp) fclose(fp);
    free(data);
    return rc;
}

/* a models dir with a damaged tagger must fail with DYAD_EMODEL naming the file */
static void expect_corrupt(const char *name, long truncate_at, long flip_at, const char *why) {
    char dir[1024], path[1100];
    snprintf(dir, sizeof dir, "%s/%s", check_tmpdir(), name);
    CHECK(mkdir(dir, 0777) == 0 || path_is_dir(dir));
    snprintf(path, sizeof path, "%s/tagger.dyad", dir);
    CHECK_INT(copy_file(check_path("models/tagger.dyad"), path, truncate_at, flip_at), 0);
    dyad_error err;
    dyad_error_clear(&err);
    dy_models *m = nlp_models_load(dir, &err);
    CHECK(m == NULL);
    CHECK_INT(err.status, DYAD_EMODEL);
    CHECK_CONTAINS(err.input, "tagger.dyad");
    CHECK_CONTAINS(err.message, why);
    nlp_models_free(m);
}

TEST(nlp_corrupt_models_fail_cleanly) {
    expect_corrupt("flip-magic", -1, 0, "magic");
    expect_corrupt("flip-body", -1, 4000, "checksum");
    expect_corrupt("truncated", 1000, -1, "size");
    expect_corrupt("header-only", 20, -1, "truncated");
    expect_corrupt("flip-version", -1, 8, "version");
    dyad_error err;
    dyad_error_clear(&err);
    CHECK(nlp_models_load(check_path("tests/data/nlp/no-such-dir"), &err) == NULL);
    CHECK_INT(err.status, DYAD_EMODEL);
}

TEST(nlp_train_and_eval_tiny_treebank) {
    char dir[1024], args[3000];
    snprintf(dir, sizeof dir, "%s/tiny-models", check_tmpdir());
    dyad_train_opts o = {0};
    o.what = "all";
    o.train = check_path("tests/data/nlp/tiny.conllu");
    o.dev = o.train;
    o.out = dir;
    o.iterations = 4;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(nlp_train(&o, NULL, &err), DYAD_OK);
    dy_models *m = nlp_models_load(dir, &err);
    CHECK(m != NULL);
    if (!m) return;
    CHECK(nlp_models_has_parser(m));
    dyad_doc *d = analyzed(m, "The embassy was attacked by protesters .");
    CHECK_STR(tok(d, "embassy", NULL)->deprel, "nsubj:pass");
    CHECK_STR(tok(d, "protesters", NULL)->lemma, "protester");
    dyad_doc_free(d);
    nlp_models_free(m);
    /* the CLI evaluation on the training data itself must be near perfect */
    char *out = NULL;
    snprintf(args, sizeof args, "eval parse --models '%s' tests/data/nlp/tiny.conllu", dir);
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK_CONTAINS(out, "UPOS 100.00");
    CHECK_CONTAINS(out, "LAS-universal");
    free(out);
    /* a missing training file is an error naming it */
    o.train = check_path("tests/data/nlp/missing.conllu");
    dyad_error_clear(&err);
    CHECK(nlp_train(&o, NULL, &err) != DYAD_OK);
    CHECK_CONTAINS(err.input, "missing.conllu");
}

#include "nlp/nlp_internal.h"

/* the committed lemmatizer and an arena for its lemmas; NULL (a failed
 * check) when it does not load */
static dyad_arena *open_lemmatizer(nlp_lemmatizer *l) {
    dyad_error err;
    dyad_error_clear(&err);
    if (lemmatizer_load(l, check_path("models/lemmatizer.dyad"), &err)) {
        check_fail(__FILE__, __LINE__, "lemmatizer did not load: %s", err.message);
        return NULL;
    }
    return arena_new(4096);
}

static void close_lemmatizer(nlp_lemmatizer *l, dyad_arena *a) {
    arena_free(a);
    lemmatizer_free(l);
}

TEST(nlp_lemmatizer_rules_for_unseen_and_irregular_words) {
    nlp_lemmatizer l;
    dyad_arena *a = open_lemmatizer(&l);
    if (!a) return;
    CHECK_STR(lemmatize(&l, "said", "VERB", "VBD", a), "say");
    CHECK_STR(lemmatize(&l, "went", "VERB", "VBD", a), "go");
    CHECK_STR(lemmatize(&l, "countries", "NOUN", "NNS", a), "country");
    CHECK_STR(lemmatize(&l, "Talks", "NOUN", "NNS", a), "talk");
    CHECK_STR(lemmatize(&l, "provoked", "VERB", "VBN", a), "provoke");
    CHECK_STR(lemmatize(&l, "bombed", "VERB", "VBD", a), "bomb");
    CHECK_STR(lemmatize(&l, "shelling", "VERB", "VBG", a), "shell");
    CHECK_STR(lemmatize(&l, "sanctioned", "VERB", "VBN", a), "sanction");
    CHECK_STR(lemmatize(&l, "better", "ADJ", "JJR", a), "good");
    CHECK_STR(lemmatize(&l, "Aukus", "PROPN", "NNP", a), "Aukus");
    CHECK_STR(lemmatize(&l, "Philippines", "PROPN", "NNPS", a), "Philippines");
    CHECK_STR(lemmatize(&l, "is", "AUX", "VBZ", a), "be");
    /* numbers lose their thousands commas; plural names are singular */
    CHECK_STR(lemmatize(&l, "1,100", "NUM", "CD", a), "1100");
    CHECK_STR(lemmatize(&l, "12,345.50", "NUM", "CD", a), "12345.50");
    CHECK_STR(lemmatize(&l, "1,2", "NUM", "CD", a), "1,2");
    CHECK_STR(lemmatize(&l, "Diaries", "PROPN", "NNPS", a), "Diary");
    CHECK_STR(lemmatize(&l, "Houthis", "PROPN", "NNPS", a), "Houthi");
    CHECK_STR(lemmatize(&l, "Swiss", "PROPN", "NNPS", a), "Swiss");
    /* a name in capitals takes its usual spelling; an acronym stays */
    CHECK_STR(lemmatize(&l, "WASHINGTON", "PROPN", "NNP", a), "Washington");
    CHECK_STR(lemmatize(&l, "NASA", "PROPN", "NNP", a), "NASA");
    /* "-es" goes whole only after a sibilant or o; else only the s */
    CHECK_STR(lemmatize(&l, "departes", "VERB", "VBZ", a), "departe");
    CHECK_STR(lemmatize(&l, "tangoes", "VERB", "VBZ", a), "tango");
    CHECK_STR(lemmatize(&l, "torpedoes", "NOUN", "NNS", a), "torpedo");
    /* numbers in digits, addresses and file names, hashtags: themselves */
    CHECK_STR(lemmatize(&l, "18450", "NUM", "CD", a), "18450");
    CHECK_STR(lemmatize(&l, "alt.animals.dolphins", "NOUN", "NNS", a), "alt.animals.dolphins");
    CHECK_STR(lemmatize(&l, "#audiobooks", "NOUN", "NNS", a), "#audiobooks");
    /* unseen abbreviated months and weekdays: the full name, as the treebank has them */
    CHECK_STR(lemmatize(&l, "Aug.", "PROPN", "NNP", a), "August");
    CHECK_STR(lemmatize(&l, "Thurs", "PROPN", "NNP", a), "Thursday");
    /* no ending detaches but the word is a dictionary entry: itself */
    CHECK_STR(lemmatize(&l, "northwest", "ADJ", "JJS", a), "northwest");
    /* misspellings: swapped, doubled or stretched letters; not other edits */
    CHECK_STR(lemmatize(&l, "releif", "NOUN", "NN", a), "relief");
    CHECK_STR(lemmatize(&l, "commment", "NOUN", "NN", a), "comment");
    CHECK_STR(lemmatize(&l, "appologies", "NOUN", "NNS", a), "apology");
    CHECK_STR(lemmatize(&l, "sooooo", "ADV", "RB", a), "so");
    CHECK_STR(lemmatize(&l, "VERYYY", "ADV", "RB", a), "very");
    CHECK_STR(lemmatize(&l, "darin", "NOUN", "NN", a), "darin");
    /* a capitalised word seen only as a name keeps its capital as a noun */
    CHECK_STR(lemmatize(&l, "Tehran", "NOUN", "NN", a), "Tehran");
    CHECK_STR(lemmatize(&l, "Melanie", "NOUN", "NN", a), "Melanie");
    close_lemmatizer(&l, a);
}

TEST(nlp_news_augmentation_inserts_a_time_phrase_before_the_verb) {
    nlp_corpus c;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(corpus_load(&c, check_path("tests/data/nlp/tiny.conllu"), &err), 0);
    if (err.status) return;
    size_t before = c.nsents;
    long added = corpus_augment_news(&c);
    CHECK(added >= 1);
    CHECK_INT((long)c.nsents, (long)before + added);
    /* "Protesters attacked the embassy ." -> "Protesters on Monday attacked the embassy ." */
    size_t s = 1; /* each copy follows its original */
    CHECK_STR(c.sent_ids[0], "tiny-1");
    CHECK_STR(c.sent_ids[s], "tiny-1-news");
    const nlp_gold_tok *t = c.toks + c.sent_first[s];
    CHECK_INT((long)corpus_sent_len(&c, s), 7);
    CHECK_STR(t[1].form, "on");
    CHECK_STR(t[1].deprel, "case");
    CHECK_INT(t[1].head, 3);
    CHECK_STR(t[2].form, "Monday");
    CHECK_STR(t[2].deprel, "obl");
    CHECK_INT(t[2].head, 4);
    CHECK_STR(t[3].form, "attacked");
    CHECK_INT(t[3].head, 0);
    CHECK_INT(t[0].head, 4);  /* the subject still depends on the verb */
    CHECK_INT(t[4].head, 6);  /* "the" -> "embassy", shifted by two */
    /* "China said Japan should stay out ." gets a dateline hung on "said" */
    size_t dl = 0;
    for (size_t k = 0; k < c.nsents; k++)
        if (c.sent_ids[k] && !strcmp(c.sent_ids[k], "tiny-3-dateline")) dl = k;
    CHECK(dl > 0);
    if (dl) {
        t = c.toks + c.sent_first[dl];
        CHECK_STR(t[0].form, "WASHINGTON");
        CHECK_STR(t[0].deprel, "dep");
        CHECK_STR(t[6].form, "said");
        CHECK_INT(t[0].head, 7);
        CHECK_INT(t[6].head, 0);
        CHECK_STR(t[2].deprel, "list"); /* the agency */
    }
    /* every added sentence is a tree over its own words */
    for (size_t k = 0; k < c.nsents; k++) {
        int n = (int)corpus_sent_len(&c, k), roots = 0;
        for (int i = 0; i < n; i++) {
            int h = c.toks[c.sent_first[k] + i].head;
            CHECK(h >= 0 && h <= n && h != i + 1);
            roots += h == 0;
        }
        CHECK_INT(roots, 1);
    }
    corpus_free(&c);
}

TEST(nlp_unseen_prepositions_stay_prepositions) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "Troops withdrew amid rising tensions , amidst protests in the capital .");
    CHECK_STR(tok(d, "amid", NULL)->upos, "ADP");
    CHECK_STR(tok(d, "amid", NULL)->xpos, "IN");
    CHECK_STR(tok(d, "amid", NULL)->lemma, "amid");
    CHECK_STR(tok(d, "amidst", NULL)->upos, "ADP");
    CHECK_STR(tok(d, "amidst", NULL)->lemma, "amidst");
    int tensions;
    tok(d, "tensions", &tensions);
    CHECK_STR(tok(d, "amid", NULL)->deprel, "case");
    CHECK_INT(tok(d, "amid", NULL)->head, tensions);
    dyad_doc_free(d);
    nlp_models_free(m);
}

TEST(nlp_time_phrase_between_subject_and_verb) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "China on Monday said it would impose sanctions on the United States .");
    int said, monday;
    tok(d, "said", &said);
    tok(d, "Monday", &monday);
    CHECK_STR(tok(d, "said", NULL)->deprel, "root");
    CHECK_STR(tok(d, "China", NULL)->deprel, "nsubj");
    CHECK_INT(tok(d, "China", NULL)->head, said);
    CHECK_STR(tok(d, "Monday", NULL)->deprel, "obl");
    CHECK_INT(tok(d, "Monday", NULL)->head, said);
    CHECK_INT(tok(d, "on", NULL)->head, monday);
    CHECK_STR(tok(d, "impose", NULL)->deprel, "ccomp");
    dyad_doc_free(d);
    d = analyzed(m, "Russia on Tuesday accused Ukraine of attacking a power plant .");
    int accused;
    tok(d, "accused", &accused);
    CHECK_STR(tok(d, "Russia", NULL)->deprel, "nsubj");
    CHECK_INT(tok(d, "Russia", NULL)->head, accused);
    CHECK_STR(tok(d, "Ukraine", NULL)->deprel, "obj");
    CHECK_INT(tok(d, "Ukraine", NULL)->head, accused);
    dyad_doc_free(d);
    nlp_models_free(m);
}

TEST(nlp_opening_single_quote_is_punctuation) {
    dy_models *m = load_models();
    if (!m) return;
    /* read as ', the opening quote after a name looked like a possessive */
    dyad_doc *d = analyzed(m, "China \xe2\x80\x98 gravely concerned \xe2\x80\x99 about reports");
    CHECK_STR(d->tokens[1].upos, "PUNCT");
    CHECK_STR(d->tokens[1].deprel, "punct");
    CHECK_STR(d->tokens[4].upos, "PUNCT");
    int concerned;
    tok(d, "concerned", &concerned);
    CHECK_STR(tok(d, "China", NULL)->deprel, "nsubj");
    CHECK_INT(tok(d, "China", NULL)->head, concerned);
    dyad_doc_free(d);
    nlp_models_free(m);
}

/* Weights as training leaves them and as the run time reads them back from a
 * saved file: a sparse row (one feature deciding between two classes), a
 * dense row (a feature that weighs most classes) and an unknown feature. */
TEST(nlp_weights_saved_rows_score_as_trained) {
    enum { NCLS = 40 };
    nlp_train_weights tw;
    CHECK_INT(tw_init(&tw, NCLS), 0);
    uint64_t sparse = 0x1234567887654321ULL, dense = 0x0badc0ffee15900dULL, unknown = 0x5555aaaa5555aaaaULL;
    for (int i = 0; i < 10; i++) CHECK_INT(tw_update(&tw, &sparse, 1, 3, 5), 0);
    for (int c = 0; c < NCLS - 1; c++) CHECK_INT(tw_update(&tw, &dense, 1, c, c + 1), 0);
    for (int i = 0; i < 100; i++) CHECK_INT(tw_update(&tw, &dense, 1, 0, 0), 0); /* time passes: averages settle */
    nlp_writer w;
    nlp_writer_init(&w, NLP_KIND_PARSER);
    CHECK_INT(tw_save(&tw, &w, 1e6, NULL), 0);
    char path[1024];
    snprintf(path, sizeof path, "%s/weights-test.dyad", check_tmpdir());
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(nlp_writer_save(&w, path, &err), 0);
    nlp_writer_free(&w);
    nlp_file f;
    nlp_weights nw;
    CHECK_INT(nlp_file_open(&f, path, NLP_KIND_PARSER, &err), 0);
    if (err.status) { tw_free(&tw); return; }
    CHECK_INT(nlp_weights_load(&nw, &f, NCLS, &err), 0);
    CHECK_INT((long)nw.layout, LAYOUT_PACKED);
    int32_t s[64];
    memset(s, 0, sizeof s);
    nlp_weights_score(&nw, &sparse, 1, s);
    CHECK(s[3] > 0 && s[5] < 0 && s[4] == 0);
    memset(s, 0, sizeof s);
    nlp_weights_score(&nw, &dense, 1, s);
    /* class 0 only gained, the last class only lost, the rest nearly cancel */
    CHECK(s[0] > 0 && s[NCLS - 1] < 0 && abs(s[NCLS / 2]) * 10 < s[0]);
    memset(s, 0, sizeof s);
    nlp_weights_score(&nw, &unknown, 1, s);
    int nonzero = 0;
    for (int c = 0; c < NCLS; c++) nonzero += s[c] != 0;
    CHECK_INT(nonzero, 0);
    nlp_file_close(&f);
    tw_free(&tw);
}

/* Brown clusters from a small text: words used alike ("cat", "dog") share
 * their path but for the last bit; words used unlike ("cat", "sat") part
 * earlier. Capitalisation inside sentences is counted per word. */
TEST(nlp_brown_clusters_group_words_used_alike) {
    char text[1024], model[1024];
    snprintf(text, sizeof text, "%s/clusters-text.txt", check_tmpdir());
    snprintf(model, sizeof model, "%s/clusters-test.dyad", check_tmpdir());
    FILE *fp = fopen(text, "w");
    CHECK(fp != NULL);
    if (!fp) return;
    static const char *const animals[] = {"cat", "dog"}, *const verbs[] = {"sat", "slept"},
                             *const things[] = {"mat", "rug", "bed"};
    for (int r = 0; r < 4; r++)
        for (int a = 0; a < 2; a++)
            for (int v = 0; v < 2; v++)
                for (int t = 0; t < 3; t++)
                    fprintf(fp, "The %s %s on the %s near Paris in round %d.\n", animals[a], verbs[v], things[t], r);
    fclose(fp);
    dyad_error err;
    dyad_error_clear(&err);
    const char *files[] = {text};
    CHECK_INT(clusters_train(files, 1, model, NULL, &err), 0);
    nlp_clusters c;
    CHECK_INT(clusters_load(&c, model, &err), 0);
    if (err.status) return;
    nlp_word w[5];
    const char *forms[] = {"cat", "Dog", "sat", "paris", "unheard-of"};
    for (int i = 0; i < 5; i++) nlp_word_features(forms[i], &w[i]);
    clusters_apply(&c, w, 5);
    CHECK(w[0].path != 0 && w[1].path != 0);
    CHECK(w[0].path != w[1].path);
    CHECK(w[0].path >> 1 == w[1].path >> 1);
    CHECK(w[0].brown[2] != w[2].brown[2]);
    CHECK(w[0].brown[0] != 0 && w[0].brown[1] != 0);
    CHECK_INT((long)w[3].caps, 5); /* "Paris" is always capitalised */
    CHECK_INT((long)w[0].caps, 1);
    CHECK(w[4].path == 0 && w[4].brown[0] == 0 && w[4].caps == 0);
    clusters_free(&c);
}

TEST(nlp_dateline_does_not_take_the_root) {
    dy_models *m = load_models();
    if (!m) return;
    /* a wire-story opening glued to the first sentence, as segmenters leave it */
    dyad_doc *d = analyzed(m, "WASHINGTON ( Reuters ) - President Joe Biden said on Monday that he would meet "
                              "Chinese leader Xi Jinping next week .");
    int said, monday;
    tok(d, "said", &said);
    tok(d, "Monday", &monday);
    CHECK_STR(tok(d, "said", NULL)->deprel, "root");
    CHECK_INT(tok(d, "WASHINGTON", NULL)->head, said);
    CHECK_INT(tok(d, "Joe", NULL)->head, said);
    CHECK_STR(tok(d, "Joe", NULL)->deprel, "nsubj");
    CHECK_INT(tok(d, "Monday", NULL)->head, said);
    CHECK_INT(tok(d, "meet", NULL)->head, said);
    CHECK_STR(tok(d, "meet", NULL)->deprel, "ccomp");
    dyad_doc_free(d);
    nlp_models_free(m);
}

static void write_text(const char *dir, const char *name, const char *text) {
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    CHECK(fp != NULL);
    if (!fp) return;
    fputs(text, fp);
    fclose(fp);
}

static uint32_t wordnet_class_of(const uint32_t *tab, uint64_t n, const char *word) {
    return wordnet_lookup(tab, n - 1, nlp_lower_hash(word, strlen(word)));
}

/* the tagger's WordNet lexicon lists base forms and their regular and
 * irregular inflections, from files in WordNet's index/exception format */
TEST(nlp_wordnet_lexicon_inflects_base_forms) {
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/wordnet", check_tmpdir());
    CHECK(mkdir(dir, 0777) == 0 || path_is_dir(dir));
    write_text(dir, "index.noun", "  1 This software and database is being provided\n"
                                  "box n 2 1 @ 2 0 02883344 02884182\ncity n 3 3 @ ~ #p 3 1 08524735\n"
                                  "ice_cream n 1 1 @ 1 0 07614500\n");
    write_text(dir, "index.verb", "carry v 40 4 @ ~ * + 40 20 01449974\nhope v 3 2 @ ~ 3 3 01811441\n"
                                  "go v 30 2 @ ~ 30 23 02009433\n");
    write_text(dir, "index.adj", "big a 13 5 ! & ^ = + 13 5 01382086\n");
    write_text(dir, "verb.exc", "went go\n");
    write_text(dir, "adj.exc", "bigger big\n");
    uint64_t n = 0;
    uint32_t *tab = wordnet_classes(dir, &n);
    CHECK(tab != NULL);
    if (!tab) return;
    CHECK_INT(wordnet_class_of(tab, n, "box"), WN_NOUN);
    CHECK_INT(wordnet_class_of(tab, n, "boxes"), WN_PLURAL);
    CHECK_INT(wordnet_class_of(tab, n, "cities"), WN_PLURAL);
    CHECK_INT(wordnet_class_of(tab, n, "carries"), WN_VERB_S);
    CHECK_INT(wordnet_class_of(tab, n, "carried"), WN_VERB_ED);
    CHECK_INT(wordnet_class_of(tab, n, "hoped"), WN_VERB_ED);
    CHECK_INT(wordnet_class_of(tab, n, "hoping"), WN_VERB_ING);
    CHECK_INT(wordnet_class_of(tab, n, "went"), WN_VERB_ED);
    CHECK_INT(wordnet_class_of(tab, n, "big"), WN_ADJ);
    CHECK_INT(wordnet_class_of(tab, n, "bigger"), WN_ADJ_CMP);
    CHECK_INT(wordnet_class_of(tab, n, "zebra"), 0);
    CHECK_INT(wordnet_class_of(tab, n, "ice_cream"), 0); /* phrases are left out */
    free(tab);
    /* no WordNet installed: no table */
    snprintf(dir, sizeof dir, "%s/no-wordnet", check_tmpdir());
    CHECK(wordnet_classes(dir, &n) == NULL);
}

/* every lemma is valid UTF-8, even when a suffix rule would cut into a
 * multi-byte character ("´m" tagged as a verb) */
static int valid_utf8(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0) return 0;
        for (p++; n > 0; n--, p++)
            if ((*p & 0xC0) != 0x80) return 0;
    }
    return 1;
}

TEST(nlp_lemmas_stay_valid_utf8) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *doc = analyzed(m, "I \xc2\xb4m from Brazil , and they \xe2\x80\x99re n\xc3\xa9s \xc3\xa9" "d .");
    for (size_t i = 0; i < doc->ntokens; i++) {
        CHECK(doc->tokens[i].lemma != NULL);
        if (doc->tokens[i].lemma && !valid_utf8(doc->tokens[i].lemma))
            check_fail(__FILE__, __LINE__, "lemma of '%s' is not UTF-8", doc->tokens[i].form);
    }
    dyad_doc_free(doc);
    nlp_models_free(m);
}

/* lemmatizer rules checked with the tag the tagger gives in context: the
 * tag is passed in, so the rule and not the tagger is under test */
static const char *lemma_of(const nlp_lemmatizer *l, const char *form, const char *upos, const char *xpos,
                            dyad_arena *a) {
    const char *lem = lemmatize(l, form, upos, xpos, a);
    return lem ? lem : "(null)";
}

/* "The talks failed beacuse neither side shoul give ground": an unseen
 * word of a closed class one edit from exactly one word of that class */
TEST(nlp_lemma_misspelt_closed_class_words) {
    nlp_lemmatizer l;
    dyad_arena *a = open_lemmatizer(&l);
    if (!a) return;
    CHECK_STR(lemma_of(&l, "beacuse", "SCONJ", "IN", a), "because");  /* swapped */
    CHECK_STR(lemma_of(&l, "altough", "SCONJ", "IN", a), "although"); /* a letter missing */
    CHECK_STR(lemma_of(&l, "shoul", "AUX", "MD", a), "should");
    CHECK_STR(lemma_of(&l, "amidst", "ADP", "IN", a), "amidst"); /* a real word stays */
    CHECK_STR(lemma_of(&l, "annoucement", "NOUN", "NN", a), "annoucement"); /* open class: kept */
    close_lemmatizer(&l, a);
}

/* "That speech was Sooooo long and VERYYYY boring": a stretched word the
 * tagger took for a name is still the word stretched */
TEST(nlp_lemma_stretched_words_whatever_the_tag) {
    nlp_lemmatizer l;
    dyad_arena *a = open_lemmatizer(&l);
    if (!a) return;
    CHECK_STR(lemma_of(&l, "Sooooo", "PROPN", "NNP", a), "so");
    CHECK_STR(lemma_of(&l, "VERYYYY", "PROPN", "NNP", a), "very");
    CHECK_STR(lemma_of(&l, "veryyy", "NOUN", "NN", a), "very");
    CHECK_STR(lemma_of(&l, "XXIII", "PROPN", "NNP", a), "XXIII"); /* roman numerals are not stretched */
    close_lemmatizer(&l, a);
}

/* "The figures are in Proposal.xls and UnleadedStocks.pdf": document file
 * names are lowercase lemmas even when tagged as names; web sites keep
 * their case */
TEST(nlp_lemma_document_file_names) {
    nlp_lemmatizer l;
    dyad_arena *a = open_lemmatizer(&l);
    if (!a) return;
    CHECK_STR(lemma_of(&l, "Proposal.xls", "PROPN", "NNP", a), "proposal.xls");
    CHECK_STR(lemma_of(&l, "UnleadedStocks.pdf", "PROPN", "NNP", a), "unleadedstocks.pdf");
    CHECK_STR(lemma_of(&l, "TEXT.htm", "NOUN", "NN", a), "text.htm");
    CHECK_STR(lemma_of(&l, "Newsday.com", "PROPN", "NNP", a), "Newsday.com");
    close_lemmatizer(&l, a);
}

/* "it was meh", "hahaha" tagged as a plural: a suffix rule cuts only the
 * regular ending of the tag; "Pope Pius VII": roman numerals stay */
TEST(nlp_lemma_suffix_rules_cut_only_inflections) {
    nlp_lemmatizer l;
    dyad_arena *a = open_lemmatizer(&l);
    if (!a) return;
    CHECK_STR(lemma_of(&l, "meh", "VERB", "VBN", a), "meh");
    CHECK_STR(lemma_of(&l, "hahaha", "NOUN", "NNS", a), "hahaha");
    CHECK_STR(lemma_of(&l, "herein", "NOUN", "NNS", a), "herein");
    CHECK_STR(lemma_of(&l, "unfriended", "VERB", "VBD", a), "unfriend"); /* a regular ending still goes */
    CHECK_STR(lemma_of(&l, "retweeting", "VERB", "VBG", a), "retweet");
    CHECK_STR(lemma_of(&l, "VII", "NUM", "CD", a), "VII");
    close_lemmatizer(&l, a);
}

/* adjectives of peoples and places keep their capital, as the treebank
 * writes them, also when typed in lowercase */
TEST(nlp_lemma_adjectives_of_peoples_are_capitalised) {
    dy_models *m = load_models();
    if (!m) return;
    dyad_doc *d = analyzed(m, "Kenyan and Ukrainian officials met Armenian envoys in Nairobi on Tuesday .");
    CHECK_STR(tok(d, "Kenyan", NULL)->lemma, "Kenyan");
    CHECK_STR(tok(d, "Ukrainian", NULL)->lemma, "Ukrainian");
    CHECK_STR(tok(d, "Armenian", NULL)->lemma, "Armenian");
    CHECK_STR(tok(d, "officials", NULL)->lemma, "official");
    dyad_doc_free(d);
    nlp_models_free(m);
    nlp_lemmatizer l;
    dyad_arena *a = open_lemmatizer(&l);
    if (!a) return;
    CHECK_STR(lemma_of(&l, "siamese", "ADJ", "JJ", a), "Siamese");
    CHECK_STR(lemma_of(&l, "argentinian", "ADJ", "JJ", a), "Argentinian");
    CHECK_STR(lemma_of(&l, "Alaskan", "ADJ", "JJ", a), "Alaskan");
    CHECK_STR(lemma_of(&l, "Polish", "ADJ", "JJ", a), "Polish");
    CHECK_STR(lemma_of(&l, "polished", "ADJ", "JJ", a), "polished"); /* an ordinary adjective */
    CHECK_STR(lemma_of(&l, "Urban", "ADJ", "JJ", a), "urban");
    close_lemmatizer(&l, a);
}
