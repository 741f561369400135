/* test_parser_beam.c - the parser's beam search: a model trained with a beam
 * (on the tiny hand-written treebank, in the test) records its width and
 * parses with it; any width gives well-formed trees; a model file without a
 * width (older files) loads as greedy. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "base/arena.h"
#include "base/util.h"
#include "nlp/nlp.h"
#include "nlp/nlp_internal.h"

/* tiny models trained into dir/name with the beam width given */
static void train_tiny(char *dir, size_t size, const char *name, const char *width) {
    snprintf(dir, size, "%s/%s", check_tmpdir(), name);
    dyad_train_opts o = {0};
    o.what = "all";
    o.train = check_path("tests/data/nlp/tiny.conllu");
    o.dev = o.train;
    o.out = dir;
    o.iterations = 6;
    dyad_error err;
    dyad_error_clear(&err);
    o.beam = atoi(width);
    CHECK_INT(nlp_train(&o, NULL, &err), DYAD_OK);
}

/* tiny models trained once, with a beam of 4 */
static const char *beam_models(void) {
    static char dir[1024];
    if (!dir[0]) train_tiny(dir, sizeof dir, "beam-models", "4");
    return dir;
}

/* tokens split at single spaces into words with the tagger's features and
 * tags mapped into the parser's classes (the run-time path of analyze.c) */
typedef struct sentence { nlp_word words[256]; int tags[256], n; } sentence;

static void prepare(const nlp_tagger *tg, const nlp_parser *p, const char *text, sentence *s) {
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", text);
    s->n = 0;
    for (char *save = NULL, *w = strtok_r(buf, " ", &save); w && s->n < 256; w = strtok_r(NULL, " ", &save))
        nlp_word_features(w, &s->words[s->n++]);
    int32_t *scores = malloc(nlp_dense_classes(tg->nclasses) * sizeof *scores);
    tagger_tag(tg, s->words, s->n, s->tags, scores);
    free(scores);
    for (int i = 0; i < s->n; i++) {
        int mapped = (int)p->ntags;
        for (uint32_t j = 0; j < p->ntags; j++)
            if (!strcmp(tg->upos[s->tags[i]], p->tag_names[2 * j]) && !strcmp(tg->xpos[s->tags[i]], p->tag_names[2 * j + 1]))
                mapped = (int)j;
        s->tags[i] = mapped;
    }
}

/* heads in 0..n, exactly one word on the root with the root label, and
 * every word reaches the root (no cycles) */
static int well_formed(const nlp_parser *p, const int *heads, const int *labels, int n) {
    int roots = 0;
    for (int i = 0; i < n; i++) {
        if (heads[i] < 0 || heads[i] > n || heads[i] == i + 1) return 0;
        if (heads[i] == 0) {
            roots++;
            if (strcmp(p->labels[labels[i]], "root")) return 0;
        }
        int steps = 0;
        for (int h = heads[i]; h != 0; h = heads[h - 1])
            if (++steps > n) return 0;
    }
    return n == 0 || roots == 1;
}

static int word_index(const sentence *s, const char *text, const char *form) {
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", text);
    int i = 1;
    for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save), i++)
        if (!strcmp(w, form)) return i;
    (void)s;
    return -1;
}

TEST(parser_beam_width_is_saved_and_parses_the_training_sentences) {
    char path[1100], args[1300];
    snprintf(path, sizeof path, "%s/parser.dyad", beam_models());
    nlp_parser p;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(parser_load(&p, path, &err), 0);
    CHECK_INT((int)p.beam, 4);
    parser_free(&p);
    /* trained and parsed with the beam, the training sentences come back whole */
    char *out = NULL;
    snprintf(args, sizeof args, "eval parse --models '%s' tests/data/nlp/tiny.conllu", beam_models());
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK_CONTAINS(out, "UAS 100.00");
    CHECK_CONTAINS(out, "LAS 100.00");
    free(out);
}

TEST(parser_beam_passive_sentence_relations) {
    dyad_error err;
    dyad_error_clear(&err);
    dy_models *m = nlp_models_load(beam_models(), &err);
    CHECK(m != NULL);
    if (!m) return;
    dyad_doc *doc = dyad_doc_new();
    dyad_sentence *se = dyad_doc_add_sentence(doc);
    const char *forms[] = {"The", "embassy", "was", "attacked", "by", "protesters", "."};
    for (size_t i = 0; i < 7; i++) dyad_doc_add_token(doc)->form = forms[i];
    se->ntokens = 7;
    doc->given_tokens = 1;
    CHECK_INT(nlp_analyze(m, doc, &err), DYAD_OK);
    CHECK_STR(doc->tokens[1].deprel, "nsubj:pass");
    CHECK_INT(doc->tokens[1].head, 4);
    CHECK_STR(doc->tokens[3].deprel, "root");
    CHECK_STR(doc->tokens[5].deprel, "obl:agent");
    dyad_doc_free(doc);
    nlp_models_free(m);
}

/* every width, from greedy to wider than the sentence has moves, gives a
 * well-formed tree, on unseen words, one word, no words and a long run */
TEST(parser_beam_any_width_gives_well_formed_trees) {
    char dir[1100], path[1200], tpath[1200];
    snprintf(dir, sizeof dir, "%s", beam_models());
    snprintf(path, sizeof path, "%s/parser.dyad", dir);
    snprintf(tpath, sizeof tpath, "%s/tagger.dyad", dir);
    nlp_parser p;
    nlp_tagger tg;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(parser_load(&p, path, &err), 0);
    CHECK_INT(tagger_load(&tg, tpath, &err), 0);
    static char long_text[2048];
    long_text[0] = 0;
    for (int i = 0; i < 120; i++) strcat(long_text, i % 7 == 6 ? ", " : i % 2 ? "talks " : "Ministers ");
    const char *texts[] = {"Protesters attacked the embassy .",
                           "Officials in Seoul said on Tuesday that the ministers would meet again next week .",
                           "Rebels", "", "zzyzx qwerty blorp !", long_text};
    int widths[] = {1, 2, 4, 8, 64};
    sentence *s = malloc(sizeof *s);
    dyad_arena *a = arena_new(1 << 16);
    int heads[256], labels[256];
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        prepare(&tg, &p, texts[t], s);
        for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
            p.beam = (uint32_t)widths[w];
            CHECK_INT(parser_parse(&p, s->words, s->tags, s->n, heads, labels, a), 0);
            if (!well_formed(&p, heads, labels, s->n))
                check_fail(__FILE__, __LINE__, "beam %d: bad tree for \"%.40s\"", widths[w], texts[t]);
            arena_reset(a);
        }
    }
    /* a training sentence: the same tree with the beam as trained and wider */
    const char *text = "Protesters attacked the embassy .";
    prepare(&tg, &p, text, s);
    for (int w = 4; w <= 16; w *= 2) {
        p.beam = (uint32_t)w;
        CHECK_INT(parser_parse(&p, s->words, s->tags, s->n, heads, labels, a), 0);
        CHECK_INT(heads[word_index(s, text, "Protesters") - 1], word_index(s, text, "attacked"));
        CHECK_STR(p.labels[labels[word_index(s, text, "embassy") - 1]], "obj");
        arena_reset(a);
    }
    arena_free(a);
    free(s);
    tagger_free(&tg);
    parser_free(&p);
}

/* width 1 trains and parses greedily (dynamic oracle), as before the beam */
TEST(parser_width_one_trains_greedily) {
    char dir[1024], path[1100], args[1300];
    train_tiny(dir, sizeof dir, "greedy-models", "1");
    snprintf(path, sizeof path, "%s/parser.dyad", dir);
    nlp_parser p;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(parser_load(&p, path, &err), 0);
    CHECK_INT((int)p.beam, 1);
    parser_free(&p);
    char *out = NULL;
    snprintf(args, sizeof args, "eval parse --models '%s' tests/data/nlp/tiny.conllu", dir);
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK_CONTAINS(out, "UAS 100.00");
    free(out);
}

/* A model file written before the beam (a 4-word META section) parses
 * greedily; the width is read only when the section holds it. */
TEST(parser_file_without_beam_width_loads_as_greedy) {
    char src[1100], dst[1200];
    snprintf(src, sizeof src, "%s/parser.dyad", beam_models());
    snprintf(dst, sizeof dst, "%s/parser-nobeam.dyad", check_tmpdir());
    nlp_parser p;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(parser_load(&p, src, &err), 0);
    /* rewrite the same sections with META cut to its first 4 words */
    nlp_writer w;
    nlp_writer_init(&w, NLP_KIND_PARSER);
    uint32_t ids[] = {SEC_META, SEC_CLASSES, SEC_WEIGHT_META, SEC_WEIGHT_SLOTS, SEC_WEIGHT_ENTRIES};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        uint64_t size;
        const void *data = nlp_file_section(&p.file, ids[i], &size);
        CHECK(data != NULL);
        if (ids[i] == SEC_META) {
            CHECK(size >= 20);
            size = 16;
        }
        buf_push(nlp_writer_section(&w, ids[i]), data, size);
    }
    CHECK_INT(nlp_writer_save(&w, dst, &err), 0);
    nlp_writer_free(&w);
    parser_free(&p);
    CHECK_INT(parser_load(&p, dst, &err), 0);
    CHECK_INT((int)p.beam, 1);
    parser_free(&p);
}
