/* test_code.c - the event coder over hand-parsed sentences (tests/data/code):
 * dictionary loading and warnings, actor resolution, patterns, modality,
 * writers. Builds documents directly from CoNLL-U, so no model is needed. */
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/util.h"
#include "check.h"
#include "code/code.h"
#include "code/dict.h"

/* Read a CoNLL-U fixture into one document: text = forms joined by spaces. */
static dyad_doc *doc_from_conllu(const char *rel) {
    const char *name = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
    dyad_error err;
    dyad_error_clear(&err);
    size_t len;
    char *src = file_read_all(check_path(rel), &len, 1 << 24, &err);
    if (!src) return NULL;
    dyad_doc *doc = dyad_doc_new();
    dy_buf text = {0};
    typedef struct { size_t off, len; char *col[10]; } row;
    row *rows = calloc(4096, sizeof *rows);
    size_t nrows = 0;
    /* first pass: rows and text */
    int in_sentence = 0;
    for (char *line = strtok(src, "\n");; line = strtok(NULL, "\n")) {
        if (!line || line[0] == '#' || !line[0] || strcspn(line, "-.\t") < strcspn(line, "\t")) {
            if (!line) break;
            continue; /* (and "1-2" multiword-token lines) */
        }
        row *r = &rows[nrows++];
        char *p = line;
        for (int c = 0; c < 10; c++) {
            r->col[c] = p;
            char *tab = p ? strchr(p, '\t') : NULL;
            if (tab) *tab = 0;
            p = tab ? tab + 1 : NULL;
        }
        if (!strcmp(r->col[0], "1")) {
            if (in_sentence) buf_putc(&text, '\n');
            in_sentence = 1;
        } else {
            buf_putc(&text, ' ');
        }
        r->off = text.len;
        r->len = strlen(r->col[1]);
        buf_push(&text, r->col[1], r->len);
    }
    doc->text = arena_strndup(doc->arena, text.data, text.len);
    doc->text_len = text.len;
    doc->given_tokens = 1;
    doc->input = name;
    doc->input_line = 1;
    dyad_sentence *s = NULL;
    for (size_t i = 0; i < nrows; i++) {
        row *r = &rows[i];
        if (!strcmp(r->col[0], "1")) {
            s = dyad_doc_add_sentence(doc);
            s->first_token = (uint32_t)doc->ntokens;
            s->off = (uint32_t)r->off;
        }
        dyad_token *t = dyad_doc_add_token(doc);
        t->off = (uint32_t)r->off;
        t->len = (uint32_t)r->len;
        t->form = arena_strdup(doc->arena, r->col[1]);
        t->lemma = arena_strdup(doc->arena, r->col[2]);
        t->upos = arena_strdup(doc->arena, r->col[3]);
        t->xpos = r->col[4] && strcmp(r->col[4], "_") ? arena_strdup(doc->arena, r->col[4]) : NULL;
        t->head = atoi(r->col[6]);
        t->deprel = arena_strdup(doc->arena, r->col[7]);
        s->ntokens++;
        s->len = (uint32_t)(r->off + r->len - s->off);
    }
    free(rows);
    buf_free(&text);
    free(src);
    return doc;
}

static void count_warning(void *user, const dyad_error *e) {
    (void)e;
    ++*(int *)user;
}

static dy_dicts *test_dicts(void) {
    dyad_error err;
    dyad_error_clear(&err);
    int warnings = 0;
    dy_dicts *d = code_dicts_load(check_path("tests/data/code/dicts"), "dyad", count_warning, &warnings, &err);
    CHECK(d != NULL);
    CHECK_INT(warnings, 0);
    /* the rules' sentences show one-sided events too ("dyad code --monadic") */
    code_dicts_keep_monadic(d, 1);
    return d;
}

/* The events of sentence `sent` (1-based) as "SRC>TGT:CODE/modality", joined by ' ' */
static const char *events_of(const dyad_doc *doc, uint32_t sent, char *buf, size_t cap) {
    buf[0] = 0;
    size_t n = 0;
    for (size_t i = 0; i < doc->nevents; i++) {
        const dyad_event *e = &doc->events[i];
        if (e->sentence + 1 != sent) continue;
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%s>%s:%s/%s", n ? " " : "", e->source, e->target,
                              e->code, e->modality);
        if (n >= cap) break;
    }
    return buf;
}

static dyad_doc *coded_fixture(dy_dicts *d, const char *date) {
    dyad_doc *doc = doc_from_conllu("tests/data/code/sentences.conllu");
    CHECK(doc != NULL);
    if (!doc) return NULL;
    doc->date = date;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(code_doc(d, doc, NULL, &err), DYAD_OK);
    return doc;
}

TEST(code_cameo_lookup) {
    const dyad_cameo_info *i = dyad_cameo_lookup("042");
    CHECK(i != NULL);
    if (!i) return;
    CHECK_STR(i->root, "04");
    CHECK_INT(i->quad, 1);
    CHECK_STR(i->plover_type, "CONSULT");
    i = dyad_cameo_lookup("190");
    CHECK(i && i->quad == 4 && i->goldstein < -9);
    CHECK(dyad_cameo_lookup("999") == NULL);
    CHECK(dyad_cameo_lookup("") == NULL);
}

TEST(code_simple_passive_coordination) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_fixture(d, "2023-05-01");
    char b[512];
    CHECK_STR(events_of(doc, 1, b, sizeof b), "CHN>JPN:111/asserted");
    CHECK_STR(events_of(doc, 2, b, sizeof b), "CHN>JPN:111/asserted");
    CHECK_STR(events_of(doc, 3, b, sizeof b), "CHN>JPN:111/asserted RUS>JPN:111/asserted");
    CHECK_STR(events_of(doc, 19, b, sizeof b), "USA>CHN:036/asserted JPN>CHN:036/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(code_actor_composition) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_fixture(d, "2023-05-01");
    char b[512];
    CHECK_STR(events_of(doc, 4, b, sizeof b), "AUS>JPN:042/asserted");      /* possessive */
    CHECK_STR(events_of(doc, 5, b, sizeof b), "JPNGOV>AUSGOV:036/asserted"); /* apposition, meet with */
    CHECK_STR(events_of(doc, 6, b, sizeof b), "CHNGOV>JPNGOV:111/asserted"); /* metonyms */
    CHECK_STR(events_of(doc, 7, b, sizeof b), "CHNGOV>JPN:112/asserted");    /* adjective + agent */
    CHECK_STR(events_of(doc, 13, b, sizeof b), "NATO>RUS:111/asserted");     /* an IGO */
    CHECK_STR(events_of(doc, 17, b, sizeof b), "---REB>---MIL:190/asserted"); /* bare agents */
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(code_dated_person_roles) {
    dy_dicts *d = test_dicts();
    char b[512];
    dyad_doc *doc = coded_fixture(d, "2023-05-01");
    CHECK_STR(events_of(doc, 8, b, sizeof b), "JPNGOV>CHN:042/asserted");
    CHECK_STR(events_of(doc, 9, b, sizeof b), "JPNGOV>RUS:111/asserted"); /* "He" = Kishida */
    dyad_doc_free(doc);
    doc = coded_fixture(d, "2025-01-15");
    CHECK_STR(events_of(doc, 8, b, sizeof b), "JPNLEG>CHN:042/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(code_modality_and_speech) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_fixture(d, "2023-05-01");
    char b[512];
    CHECK_STR(events_of(doc, 10, b, sizeof b), "CHN>JPN:111/negated");
    CHECK_STR(events_of(doc, 11, b, sizeof b), "CHN>TWN:130/reported");
    CHECK_STR(events_of(doc, 12, b, sizeof b), ""); /* a statement about China is not aimed at it */
    CHECK_STR(events_of(doc, 15, b, sizeof b), "CHN>JPN:036/intended");   /* plans to visit -> intent to meet */
    CHECK_STR(events_of(doc, 16, b, sizeof b), "");                       /* discarded: world cup */
    for (size_t i = 0; i < doc->nevents; i++)
        if (doc->events[i].sentence == 10) CHECK_CONTAINS(doc->events[i].rule, "reported by JPNGOV");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(code_patterns_and_nouns) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_fixture(d, "2023-05-01");
    char b[512];
    CHECK_STR(events_of(doc, 14, b, sizeof b), "CHN>TWN:161/asserted");
    CHECK_STR(events_of(doc, 18, b, sizeof b), "AUSGOV>CHN:042/asserted"); /* paid a visit to */
    for (size_t i = 0; i < doc->nevents; i++) {
        const dyad_event *e = &doc->events[i];
        if (e->sentence == 13) {
            CHECK_CONTAINS(e->rule, "verbs.txt:8 cut *ties with");
            CHECK(e->confidence > 0.5 && e->confidence <= 1);
            CHECK_STR(e->date, "2023-05-01");
            CHECK_INT(e->quad, 4);
            CHECK_STR(e->plover, "SANCTION");
            CHECK(e->verb_span.len == 3 && !strncmp(doc->text + e->verb_span.off, "cut", 3));
            CHECK(!strncmp(doc->text + e->target_span.off, "Taiwan", 6));
        }
    }
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(code_writers) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_fixture(d, "2023-05-01");
    char path[512];
    snprintf(path, sizeof path, "%s/ev.out", check_tmpdir());
    FILE *f = fopen(path, "w+");
    CHECK(f != NULL);
    if (!f) return;
    CHECK_INT(dyad_write_events(f, NULL, "tsv-header"), DYAD_OK);
    CHECK_INT(dyad_write_events(f, doc, "tsv"), DYAD_OK);
    CHECK_INT(dyad_write_events(f, doc, "jsonl"), DYAD_OK);
    CHECK_INT(dyad_write_events(f, doc, "gdelt"), DYAD_OK);
    CHECK_INT(dyad_write_gdelt_mentions(f, doc), DYAD_OK);
    CHECK_INT(dyad_write_events(f, doc, "xml"), DYAD_EINVAL);
    fflush(f);
    size_t len;
    dyad_error err;
    char *all = file_read_all(path, &len, 1 << 24, &err);
    CHECK_CONTAINS(all, "doc\tsentence\tdate\tsource\ttarget\tcode");
    CHECK_CONTAINS(all, "\"doc\":\"sentences.conllu#1\",\"sentence\":14,\"date\":\"2023-05-01\",\"source\":\"CHN\","
                        "\"target\":\"TWN\",\"code\":\"161\",\"root\":\"16\"");
    CHECK_CONTAINS(all, "\"verb_text\":\"cut\"");
    CHECK_CONTAINS(all, "\"source_text\":\"The Chinese foreign ministry\""); /* the whole phrase */
    /* GDELT: 61 columns */
    const char *g = strstr(all, "\t20230501\t202305\t2023\t");
    CHECK(g != NULL);
    if (g) {
        while (g > all && g[-1] != '\n') g--;
        int cols = 1;
        for (const char *p = g; *p && *p != '\n'; p++) cols += *p == '\t';
        CHECK_INT(cols, 61);
    }
    free(all);
    fclose(f);
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(code_bad_dictionary_lines) {
    dyad_error err;
    dyad_error_clear(&err);
    int warnings = 0;
    dy_dicts *d = code_dicts_load(check_path("tests/data/code/bad"), "dyad", count_warning, &warnings, &err);
    CHECK(d != NULL);
    CHECK_INT(warnings, 4);
    code_dicts_free(d);
    dyad_error_clear(&err);
    CHECK(code_dicts_load(check_path("tests/data/code/no-such-dir"), "dyad", NULL, NULL, &err) == NULL);
    CHECK_INT(err.status, DYAD_EDICT);
    CHECK(code_dicts_load(check_path("tests/data/code/dicts"), "klingon", NULL, NULL, &err) == NULL);
}

static dyad_doc *coded_with(dy_dicts *d, const char *fixture, const char *date) {
    dyad_doc *doc = doc_from_conllu(fixture);
    CHECK(doc != NULL);
    if (!doc) return NULL;
    doc->date = date;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(code_doc(d, doc, NULL, &err), DYAD_OK);
    return doc;
}

TEST(code_petrarch_dictionaries) {
    dyad_error err;
    dyad_error_clear(&err);
    int warnings = 0;
    dy_dicts *d = code_dicts_load(check_path("tests/data/code/petrarch"), "petrarch", count_warning, &warnings, &err);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(warnings, 1); /* the agent line without a code */
    char b[512];
    dyad_doc *doc = coded_with(d, "tests/data/code/field.conllu", "1996-03-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "ARN>GON:064/asserted");            /* object pattern, target by "with" */
    CHECK_STR(events_of(doc, 2, b, sizeof b), "HOBGOV>GONGOV:036/asserted");      /* dated actor, agent, (WITH) */
    CHECK_STR(events_of(doc, 3, b, sizeof b), "HOBGOV>ARN:040/asserted ARN>HOBGOV:040/asserted"); /* [040:040] */
    CHECK_STR(events_of(doc, 4, b, sizeof b), "GONLEG>ARN:040/asserted ARN>GONLEG:040/asserted"); /* !PERSON! */
    CHECK_STR(events_of(doc, 5, b, sizeof b), "");  /* PETRARCH codes dyads only */
    CHECK_STR(events_of(doc, 6, b, sizeof b), "");  /* discarded */
    CHECK_STR(events_of(doc, 7, b, sizeof b), "ARN>GON:194/asserted"); /* "* ARTILLERY": a compound of the object */
    /* the "with" phrase before the place; a role in the plural ("parliaments") */
    CHECK_STR(events_of(doc, 8, b, sizeof b), "ARN>GONLEG:017/asserted");
    CHECK_STR(events_of(doc, 9, b, sizeof b), "ARN>GON:017/asserted"); /* an official visit is nobody */
    for (size_t i = 0; i < doc->nevents; i++)
        if (doc->events[i].sentence == 0) CHECK_CONTAINS(doc->events[i].rule, "test.verbs.txt:7");
    dyad_doc_free(doc);
    doc = coded_with(d, "tests/data/code/field.conllu", "1994-03-01");
    CHECK_STR(events_of(doc, 3, b, sizeof b), "HOB>ARN:040/asserted ARN>HOB:040/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* Targets and codes with dyad's own dictionaries: demands, threats,
 * attacked things, event nouns, one-sided meetings */
TEST(code_targets_and_threats) {
    dy_dicts *d = test_dicts();
    if (!d) return;
    char b[512];
    dyad_doc *doc = coded_with(d, "tests/data/code/requests.conllu", "2024-01-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "RUS>JPN:100/asserted");  /* "says Japan must": a demand of Japan */
    CHECK_STR(events_of(doc, 2, b, sizeof b), "RUS>JPN:1384/asserted"); /* "threatened to attack": a threat */
    CHECK_STR(events_of(doc, 3, b, sizeof b), "RUS>JPN:190/asserted");  /* the base attacked is Japan's */
    CHECK_STR(events_of(doc, 4, b, sizeof b), "");                      /* an attack is no one */
    CHECK_STR(events_of(doc, 5, b, sizeof b), "");                      /* meeting no one is no event */
    CHECK_STR(events_of(doc, 6, b, sizeof b), "RUS>JPN:111/asserted");  /* a name the parse hung on "." */
    CHECK_STR(events_of(doc, 7, b, sizeof b), "RUS>JPN:111/asserted");  /* a name the parse made the root */
    /* the fire opened is what is done; whom the purpose clause names is the target */
    CHECK_STR(events_of(doc, 8, b, sizeof b), "CHNMIL>---REB:190/asserted");
    /* cooperation promised goes to the named place its clause puts it in */
    CHECK_STR(events_of(doc, 9, b, sizeof b), "JPN>:030/asserted");
    int placed = 0;
    for (size_t i = 0; i < doc->nevents; i++)
        if (doc->events[i].sentence == 8) placed += doc->events[i].target_span.len == 7; /* "Okinawa" */
    CHECK_INT(placed, 1);
    /* a bare participle the parse made a conjunct is no act of the subject */
    CHECK_STR(events_of(doc, 10, b, sizeof b), "JPN>---MED:0841/asserted");
    /* an object parsed as the subject of its infinitive is still the object */
    CHECK_STR(events_of(doc, 11, b, sizeof b), "---JUD>JPNGOV:120/asserted");
    /* violence aimed at no one named is aimed at the named place it is in */
    CHECK_STR(events_of(doc, 12, b, sizeof b), "RUSMIL>:190/asserted");
    /* "after X attacked" parsed as a conjunct: not the main subject's act */
    CHECK_STR(events_of(doc, 13, b, sizeof b), "JPNGOV>CHN:111/asserted");
    placed = 0;
    for (size_t i = 0; i < doc->nevents; i++)
        if (doc->events[i].sentence == 11) placed += doc->events[i].target_span.len == 7; /* "Okinawa" */
    CHECK_INT(placed, 1);
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* Parse repairs and roles: an opening dateline is no argument; "he" is
 * never a person named after it, and may be a named holder of a role; a
 * reporting clause is no target; a compound subject acts together only in
 * what is done together; a speech verb after a quote governs it, and "we"
 * in the quote is the speaker */
TEST(code_datelines_pronouns_compounds) {
    dy_dicts *d = test_dicts();
    if (!d) return;
    char b[512];
    dyad_doc *doc = coded_with(d, "tests/data/code/repairs.conllu", "2023-05-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "JPNGOV>RUS:111/asserted");
    CHECK_STR(events_of(doc, 2, b, sizeof b), "CHNMIL>TWN:190/asserted");
    CHECK_STR(events_of(doc, 3, b, sizeof b), ">JPNGOV:111/reported");
    CHECK_STR(events_of(doc, 4, b, sizeof b), "JPNGOV>RUS:111/reported");
    CHECK_STR(events_of(doc, 5, b, sizeof b), "JPN>:033/intended"); /* not the minister */
    CHECK_STR(events_of(doc, 6, b, sizeof b), "JPN>:130/asserted CHN>:130/asserted");
    CHECK_STR(events_of(doc, 7, b, sizeof b), "JPN>CHN:040/asserted");
    CHECK_CONTAINS(events_of(doc, 8, b, sizeof b), "RUS"); /* a name before a dash is no dateline */
    /* the speech verb after the quote is the root; "we" in the quote is the speaker */
    CHECK_STR(events_of(doc, 9, b, sizeof b), "CHNGOV>JPN:111/reported");
    /* "..., a senior Chinese minister said" with the minister in apposition
     * to Japan: the phrase before the speech verb is its subject */
    CHECK_STR(events_of(doc, 10, b, sizeof b), "RUS>JPN:190/reported");
    /* an object owned by the source's own country is what it gives; the
     * clause the pattern's "to" leads to names whom */
    CHECK_STR(events_of(doc, 11, b, sizeof b), "JPNGOV>CHN:051/asserted");
    /* a dateline may end with an agency and a colon */
    CHECK_STR(events_of(doc, 12, b, sizeof b), "JPNGOV>RUS:111/asserted");
    /* a place in capitals and a colon is a dateline too */
    CHECK_STR(events_of(doc, 13, b, sizeof b), "RUS>CHN:111/asserted");
    /* a past-tense verb with an object, parsed as a relative of the root
     * noun, is the sentence's verb; one without an object stays a modifier */
    CHECK_STR(events_of(doc, 14, b, sizeof b), "JPN>CHN:111/asserted");
    CHECK_STR(events_of(doc, 15, b, sizeof b), "");
    /* a name hung on the final full stop right after a verb with no object
     * is that verb's object, not the main clause's */
    CHECK_STR(events_of(doc, 16, b, sizeof b), "CHN>JPNGOV:111/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* UD-PETRARCH's tree patterns: a subject phrase, a phrase's words in order,
 * a phrase right after its preposition, '+ ... $' turning the roles round */
TEST(code_petrarch_tree_patterns) {
    dyad_error err;
    dyad_error_clear(&err);
    dy_dicts *d = code_dicts_load(check_path("tests/data/code/petrarch"), "petrarch", NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    char b[512];
    dyad_doc *doc = coded_with(d, "tests/data/code/petrarch_tree.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "ARN>GON:190/asserted");   /* "{DEATH TOLL} *": the subject */
    CHECK_STR(events_of(doc, 2, b, sizeof b), "GON>ARN:071/asserted");   /* "+ * MONEY $": received from */
    CHECK_STR(events_of(doc, 3, b, sizeof b), "ARN>GON:1951/intended");  /* {NEW &TIETYPES RELATIONS} */
    CHECK_STR(events_of(doc, 4, b, sizeof b), "ARN>GON:1121/intended");  /* "military trade relations": no */
    CHECK_STR(events_of(doc, 5, b, sizeof b), "ARN>GON:1033/intended");  /* "for foreign asylum" is no (FOR ASYLUM) */
    /* a coded purpose clause is the event; the meeting it serves is not coded apart */
    CHECK_STR(events_of(doc, 6, b, sizeof b), "ARN>GON:017/asserted");
    CHECK_STR(events_of(doc, 7, b, sizeof b), "ARN>GON:040/asserted GON>ARN:040/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* UD-PETRARCH's internal coding ontology: a verb whose target is the subject
 * of the coded clause it governs takes the two codes combined - an intent
 * to give aid is 033, an appeal for it 023 - and, without the ontology,
 * its own code */
TEST(code_petrarch_pico_combination) {
    dyad_error err;
    dyad_error_clear(&err);
    dy_dicts *d = code_dicts_load(check_path("tests/data/code/pico/records.xml"), "petrarch", NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    CHECK(d->npico == 10);
    CHECK_STR(dict_pico_combine(d, "030", "070"), "033");
    CHECK_STR(dict_pico_combine(d, "010", "190"), "190"); /* a statement takes on what it says */
    CHECK_STR(dict_pico_combine(d, "030", "0304"), "030"); /* an unlisted code is its root's */
    CHECK(dict_pico_combine(d, "190", "070") == NULL);    /* 0x00E0: nothing in this ontology */
    CHECK(dict_pico_combine(d, "999", "070") == NULL);
    char b[512];
    dyad_doc *doc = coded_with(d, "tests/data/code/pico.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "GON>ARN:033/asserted");
    CHECK_STR(events_of(doc, 2, b, sizeof b), "GON>ARN:023/asserted");
    CHECK_CONTAINS(events_of(doc, 3, b, sizeof b), "GON>ARN:138/asserted"); /* "want to attack" */
    CHECK_CONTAINS(events_of(doc, 3, b, sizeof b), "ARN>MOR:190");
    /* parses to read past: "attack" tagged a noun with an auxiliary, an
     * infinitive hung on "nearer", an object hung on the full stop */
    CHECK_CONTAINS(events_of(doc, 4, b, sizeof b), "ARN>GON:190");
    CHECK_CONTAINS(events_of(doc, 5, b, sizeof b), "ARN>GON:190");
    CHECK_STR(events_of(doc, 6, b, sizeof b), "ARN>GON:092/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
    dyad_error_clear(&err);
    d = code_dicts_load(check_path("tests/data/code/pico"), "petrarch", NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    doc = coded_with(d, "tests/data/code/pico.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "GON>ARN:030/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* How the field's tree dictionaries read: "ABOUT +" names the target's
 * preposition, a synset member's words before its head must be there
 * ("TOTAL BOYCOTT", "AUSTRIAN GOLD FLORIN"), a phrase named by a pattern's
 * preposition holds its target, the ontology's negation written either way
 * round, a pattern that lost its "- ", "the ministry of A and B", a name
 * that goes on past modifiers, a name taken for the root with its passive
 * auxiliary hung on it */
TEST(code_petrarch_tree_readings) {
    dyad_error err;
    dyad_error_clear(&err);
    dy_dicts *d = code_dicts_load(check_path("tests/data/code/udp/records.xml"), "petrarch", NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_STR(dict_negated_code(d, "170"), "057");
    CHECK_STR(dict_negated_code(d, "057"), "170");
    CHECK_STR(dict_negated_code(d, "050"), "110");
    char b[512];
    dyad_doc *doc = coded_with(d, "tests/data/code/udp.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "GON>DOL:130/asserted");
    CHECK_STR(events_of(doc, 2, b, sizeof b), "ERI>OSG:113/asserted");
    CHECK_STR(events_of(doc, 3, b, sizeof b), "ERI>OSG:172/asserted");
    CHECK_STR(events_of(doc, 4, b, sizeof b), "ARN>AUS:190/asserted");
    CHECK_STR(events_of(doc, 5, b, sizeof b), "ARN>AUS:070/asserted");
    CHECK_STR(events_of(doc, 6, b, sizeof b), "GONMIL>MOR:057/negated");
    CHECK_STR(events_of(doc, 7, b, sizeof b), "GON>MOR:190/asserted +++>MOR:190/asserted");
    CHECK_STR(events_of(doc, 8, b, sizeof b), "GON>ARN:110/asserted");
    CHECK_STR(events_of(doc, 9, b, sizeof b), "ERI>PHL:111/asserted");
    CHECK_STR(events_of(doc, 10, b, sizeof b), "ARN>ITHTV:190/asserted");
    CHECK_STR(events_of(doc, 11, b, sizeof b), "ARN>MOR:190/asserted"); /* the actor inside the subject */
    CHECK_STR(events_of(doc, 12, b, sizeof b), "");                     /* no actor acts on itself */
    CHECK_STR(events_of(doc, 13, b, sizeof b), "GON>MOR:190/asserted"); /* a possessor taken for the root */
    CHECK_STR(events_of(doc, 14, b, sizeof b), "MOR>ARN:190/asserted"); /* "attacked alone in Mordor" */
    CHECK_STR(events_of(doc, 15, b, sizeof b), "ARN>AUS:190/asserted"); /* the object's conjunct */
    CHECK_STR(events_of(doc, 16, b, sizeof b), "ERI>OSG:190/asserted"); /* "death and injury toll" */
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* PETRARCH's own dictionaries: patterns are word sequences around the verb */
TEST(code_petrarch_linear_patterns) {
    dyad_error err;
    dyad_error_clear(&err);
    dy_dicts *d = code_dicts_load(check_path("tests/data/code/petrarch_linear"), "petrarch", NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    char b[512];
    dyad_doc *doc = coded_with(d, "tests/data/code/petrarch_linear.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "ARN>GON:903/intended"); /* a synset member joined by '_' */
    CHECK_STR(events_of(doc, 2, b, sizeof b), "ARN>GON:070/intended"); /* ... needs all its words, in a row */
    CHECK_STR(events_of(doc, 3, b, sizeof b), "ARN>GON:904/intended"); /* the longer pattern wins */
    CHECK_STR(events_of(doc, 4, b, sizeof b), "GON>ARN:122/asserted"); /* a word before the verb; the subject */
    CHECK_STR(events_of(doc, 5, b, sizeof b), "ARN>GON:043/asserted"); /* '^' passes over Osgiliath, '+' */
    CHECK_STR(events_of(doc, 6, b, sizeof b), "FRO>GON:064/asserted BIL>GON:064/asserted"); /* "FRO/BIL" is both */
    CHECK_STR(events_of(doc, 7, b, sizeof b), "ARN>GON:181/asserted"); /* "[+++]" patterns are not coded */
    CHECK_STR(events_of(doc, 8, b, sizeof b), "GONLEG>ARN:064/asserted"); /* CONGRESS -> CONGRESSES */
    CHECK_STR(events_of(doc, 9, b, sizeof b), "");                         /* PETRARCH codes dyads only */
    dyad_doc_free(doc);
    /* ... unless its require_dyad is off: a noun phrase naming no actor is "---" */
    doc = doc_from_conllu("tests/data/code/petrarch_linear.conllu");
    CHECK(doc != NULL);
    if (doc) {
        dyad_error err2;
        dyad_error_clear(&err2);
        CHECK_INT(code_doc_monadic(d, doc, "2000-01-01", &err2), DYAD_OK);
        CHECK_STR(events_of(doc, 9, b, sizeof b), "ARN>---:064/asserted");
        dyad_doc_free(doc);
    }
    /* a role word anywhere in a description of a name: "the official news agency WFNA" */
    doc = coded_with(d, "tests/data/code/petrarch_linear.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 10, b, sizeof b), "---GOV>GON:064/asserted");
    /* a phrase no dictionary knows is no actor, unless new_actor_length allows its words */
    CHECK_STR(events_of(doc, 11, b, sizeof b), "");
    /* "- NOTED + * [115]": the '+' before the verb is its subject; who noted it is the source */
    CHECK_STR(events_of(doc, 12, b, sizeof b), "GON>ARN:115/reported");
    /* a closing ", ..." clause of 2 to 8 words is dropped (PETRARCH's comma_emin, comma_emax) */
    CHECK_STR(events_of(doc, 13, b, sizeof b), "ARN>GON:064/asserted");
    dyad_doc_free(doc);
    d->comma_end_max = 0; /* comma_emax 0: kept */
    doc = coded_with(d, "tests/data/code/petrarch_linear.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 13, b, sizeof b), "ARN>GON:064/asserted OSG>GON:122/asserted");
    dyad_doc_free(doc);
    d->comma_end_max = 8;
    d->new_actor_length = 4;
    doc = coded_with(d, "tests/data/code/petrarch_linear.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 11, b, sizeof b), "\"GRYFFINDOR HEAD MINERVA MCGONAGALL\">GON:064/asserted");
    dyad_doc_free(doc);
    d->new_actor_length = 3; /* four words are too many */
    doc = coded_with(d, "tests/data/code/petrarch_linear.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 11, b, sizeof b), "");
    dyad_doc_free(doc);
    d->new_actor_length = 0;
    doc = coded_with(d, "tests/data/code/petrarch_linear.conllu", "2000-01-01");
    /* a hyphenated name the tokenizer cut at the hyphen is still the dictionary's one word */
    CHECK_STR(events_of(doc, 14, b, sizeof b), "GON>MOR:064/asserted");
    /* "inching nearer to accord": the words before the adjective belong to the infinitive's clause */
    CHECK_STR(events_of(doc, 15, b, sizeof b), "ARN>GON:083/asserted");
    /* a clause describing the subject ("linked to Arnor") does not name who acts */
    CHECK_STR(events_of(doc, 16, b, sizeof b), "GON>OSG:174/asserted");
    /* '^' passes over "the Gondor" to "Dol Amroth", whose last word the
     * parse hung on Gondor as a flat part of its name */
    CHECK_STR(events_of(doc, 17, b, sizeof b), "ARN>DOL:162/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(code_tabari_dictionaries) {
    dyad_error err;
    dyad_error_clear(&err);
    dy_dicts *d = code_dicts_load(check_path("tests/data/code/tabari"), "tabari", NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    char b[512];
    dyad_doc *doc = coded_with(d, "tests/data/code/field.conllu", "1996-03-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "ARN>GON:064/asserted");
    CHECK_STR(events_of(doc, 3, b, sizeof b), "HOBGOV>ARN:040/asserted ARN>HOBGOV:040/asserted");
    CHECK_STR(events_of(doc, 10, b, sizeof b), "ARN>GON:172/asserted"); /* "{ SANCTIONS | BOYCOTT }": alternatives */
    CHECK_STR(events_of(doc, 11, b, sizeof b), "GON>ARN:064/asserted ARN>GON:064/asserted"); /* "* DIPLOMATIC" ties */
    /* an actor coded FRO/BIL is both */
    CHECK_STR(events_of(doc, 12, b, sizeof b), "FRO>GON:040/asserted BIL>GON:040/asserted GON>FRO:040/asserted GON>BIL:040/asserted");
    dyad_doc_free(doc);
    doc = coded_with(d, "tests/data/code/field.conllu", "2001-03-01");
    CHECK_STR(events_of(doc, 3, b, sizeof b), "HOB>ARN:040/asserted ARN>HOB:040/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
    dyad_error_clear(&err);
    CHECK(code_dicts_load(check_path("tests/data/code/dicts"), "tabari", NULL, NULL, &err) == NULL);
    CHECK_INT(err.status, DYAD_EDICT);
}

TEST(code_compiled_dictionaries) {
    char out[512];
    snprintf(out, sizeof out, "%s/dicts.bin", check_tmpdir());
    dyad_train_opts o = {0};
    o.what = "dicts";
    o.dicts = check_path("tests/data/code/dicts");
    o.out = out;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(code_compile_dicts(&o, NULL, &err), DYAD_OK);
    dy_dicts *d = code_dicts_load(out, "dyad", NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    dyad_doc *doc = coded_fixture(d, "2023-05-01");
    char b[512];
    CHECK_STR(events_of(doc, 5, b, sizeof b), "JPNGOV>AUSGOV:036/asserted");
    CHECK_STR(events_of(doc, 14, b, sizeof b), "CHN>TWN:161/asserted");
    CHECK_STR(events_of(doc, 16, b, sizeof b), ""); /* discards survive compilation */
    dyad_doc_free(doc);
    code_dicts_free(d);
    /* a damaged file is one clear error, not a crash */
    FILE *f = fopen(out, "r+b");
    CHECK(f != NULL);
    if (f) {
        fseek(f, 200, SEEK_SET);
        fputc('X', f);
        fclose(f);
    }
    dyad_error_clear(&err);
    CHECK(code_dicts_load(out, "dyad", NULL, NULL, &err) == NULL);
    CHECK_INT(err.status, DYAD_EDICT);
    CHECK_CONTAINS(err.message, "recompile");
}

/* A compiled UD-PETRARCH dictionary keeps its ontology: the combination of
 * an upper verb's code with its clause's, and the negation table */
TEST(code_compiled_petrarch_ontology) {
    char out[512];
    snprintf(out, sizeof out, "%s/udp.bin", check_tmpdir());
    dyad_train_opts o = {0};
    o.what = "dicts";
    o.dicts = check_path("tests/data/code/pico/records.xml");
    o.dict_format = "petrarch";
    o.out = out;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(code_compile_dicts(&o, NULL, &err), DYAD_OK);
    dy_dicts *d = code_dicts_load(out, "petrarch", NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT((int)d->npico, 10);
    CHECK_STR(dict_pico_combine(d, "030", "070"), "033");
    char b[512];
    dyad_doc *doc = coded_with(d, "tests/data/code/pico.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 1, b, sizeof b), "GON>ARN:033/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
    snprintf(out, sizeof out, "%s/udp2.bin", check_tmpdir());
    o.dicts = check_path("tests/data/code/udp/records.xml");
    dyad_error_clear(&err);
    CHECK_INT(code_compile_dicts(&o, NULL, &err), DYAD_OK);
    d = code_dicts_load(out, "petrarch", NULL, NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_STR(dict_negated_code(d, "170"), "057");
    doc = coded_with(d, "tests/data/code/udp.conllu", "2000-01-01");
    CHECK_STR(events_of(doc, 6, b, sizeof b), "GONMIL>MOR:057/negated");
    CHECK_STR(events_of(doc, 3, b, sizeof b), "ERI>OSG:172/asserted"); /* a synset member's words */
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(code_pronouns_nouns_compounds) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_fixture(d, "2023-05-01");
    char b[512];
    CHECK_STR(events_of(doc, 20, b, sizeof b), "CHN>TWN:1384/intended"); /* "it" = China; an attack intended is a threat */
    CHECK_STR(events_of(doc, 21, b, sizeof b), "JPN>CHN:190/asserted");              /* launched an attack on */
    CHECK_STR(events_of(doc, 22, b, sizeof b), "CHN>JPN:040/asserted"); /* met: from the first named */
    CHECK_STR(events_of(doc, 23, b, sizeof b), "CHN>:112/asserted");                 /* unknown target */
    for (size_t i = 0; i < doc->nevents; i++) {
        const dyad_event *e = &doc->events[i];
        if (e->sentence == 22) CHECK(e->target_span.len == 5 && !strncmp(doc->text + e->target_span.off, "Smith", 5));
        if (e->sentence == 19) CHECK(!strncmp(doc->text + e->source_span.off, "China", 5));
    }
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(code_cli_suite_train_and_code) {
    char *out = NULL;
    /* the records' own parses, so the figures do not depend on a trained parser */
    setenv("DYAD_SUITE_PARSE", "records", 1);
    CHECK_INT(check_run_cli("eval suite --check tests/data/code/petrarch/records.xml 2>/dev/null", &out), 0);
    CHECK_CONTAINS(out, "skipped 1 records");
    CHECK_CONTAINS(out, "all        records    6  exact    6 (100.0%)  correct    8  missed    0  extra    0");
    free(out);
    unsetenv("DYAD_SUITE_PARSE");
    char args[1024], text[512];
    snprintf(args, sizeof args, "train dicts --dicts tests/data/code/dicts --out '%s/d.bin' 2>/dev/null", check_tmpdir());
    CHECK_INT(check_run_cli(args, NULL), 0);
    snprintf(text, sizeof text, "%s/news.txt", check_tmpdir());
    FILE *f = fopen(text, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("China condemned Japan on Monday.\n", f);
        fclose(f);
    }
    snprintf(args, sizeof args, "code --dicts '%s/d.bin' --format tsv --date 2024-04-08 '%s' 2>/dev/null",
             check_tmpdir(), text);
    out = NULL;
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK_CONTAINS(out, "doc\tsentence\tdate\tsource\ttarget\tcode");
    free(out);
    snprintf(args, sizeof args, "code --dicts tests/data/code/no-such-dir '%s' 2>/dev/null", text);
    CHECK(check_run_cli(args, NULL) != 0);
}

/* The coder's mechanisms, each on a hand-parsed sentence of mechanisms.conllu */
TEST(code_mechanisms) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_with(d, "tests/data/code/mechanisms.conllu", "2024-04-08");
    char b[512];
    if (!doc) return;
    CHECK_STR(events_of(doc, 1, b, sizeof b), "TUR>JPN:111/asserted");   /* the capitalised name */
    CHECK_STR(events_of(doc, 2, b, sizeof b), "JPN>:111/asserted");      /* a turkey is no country */
    CHECK_STR(events_of(doc, 3, b, sizeof b), "PSEREB>JPN:042/asserted"); /* a group's delegation is the group */
    CHECK_STR(events_of(doc, 4, b, sizeof b), "CHNGOV>JPN:042/asserted"); /* a country's is its government */
    CHECK_STR(events_of(doc, 5, b, sizeof b), "CHNGOV>TWN:111/asserted");
    /* '"Japan should ...," she said': Mao Ning asks it of Japan, as "she said Japan should" */
    CHECK_STR(events_of(doc, 6, b, sizeof b), "CHNGOV>JPN:020/asserted");
    CHECK_STR(events_of(doc, 7, b, sizeof b), "CHN>JPN:012/asserted");   /* concerned about reports that Japan ... */
    CHECK_STR(events_of(doc, 8, b, sizeof b), "CHN>JPN:041/asserted");   /* a call: "on Saturday" is not "call on" */
    CHECK_STR(events_of(doc, 9, b, sizeof b), "CHN>JPN:020/asserted");
    CHECK_STR(events_of(doc, 10, b, sizeof b), "IRN>:130/asserted");     /* "to close" is what was threatened */
    CHECK_STR(events_of(doc, 11, b, sizeof b), "CHN>JPN:040/reported"); /* they = China and Japan */
    CHECK_STR(events_of(doc, 12, b, sizeof b), "JPN>RUS:111/asserted");    /* the attack by X: X is the target */
    CHECK_STR(events_of(doc, 13, b, sizeof b), "---MIL>JPN:190/asserted"); /* "that attacked": the army did */
    CHECK_STR(events_of(doc, 14, b, sizeof b), "CHN>JPN:092/asserted");    /* a clause names its subject */
    CHECK_STR(events_of(doc, 15, b, sizeof b), "RUS>JPN:1384/intended");   /* an attack planned: a threat */
    CHECK_STR(events_of(doc, 16, b, sizeof b), "CHN>JPN:070/asserted");    /* troops are given to Japan */
    CHECK_STR(events_of(doc, 17, b, sizeof b), "CHN>RUS:062/asserted"); /* shared between them */
    CHECK_STR(events_of(doc, 18, b, sizeof b), "AUSGOV>JPN:042/asserted"); /* of two subjects, the name's head */
    CHECK_STR(events_of(doc, 19, b, sizeof b), "");                        /* "military" says what kind, not who */
    CHECK_STR(events_of(doc, 20, b, sizeof b), "CHN>JPN:020/asserted");    /* urged (iobj) Japan to ... */
    CHECK_STR(events_of(doc, 21, b, sizeof b), "CHNGOV>JPN:020/asserted"); /* told reporters: Japan is asked, not them */
    CHECK_STR(events_of(doc, 23, b, sizeof b), "AUS>JPN:030/asserted"); /* agreed to lend money to Japan */
    /* "to help" is no preposition; the troops go where they are sent */
    CHECK_STR(events_of(doc, 24, b, sizeof b), "CHN>JPN:154/asserted");
    for (size_t i = 0; i < doc->nevents; i++)
        if (doc->events[i].sentence == 23) {
            size_t rl = strlen(doc->events[i].rule);
            CHECK(rl > 12 && !strcmp(doc->events[i].rule + rl - 12, "send *troops"));
        }
    /* one phrase, two actors: "Chinese and Japanese troops" */
    CHECK_STR(events_of(doc, 25, b, sizeof b), "CHNMIL>JPNMIL:193/asserted");
    CHECK_STR(events_of(doc, 26, b, sizeof b), "RUS>CHNMIL:111/asserted RUS>JPNMIL:111/asserted");
    /* "planning an upgrade to their alliance" with the phrase hung on the
     * verb: it is the noun's; "their" are the coordinated subjects */
    CHECK_STR(events_of(doc, 27, b, sizeof b), "JPNGOV>CHNGOV:030/intended");
    /* a hyphen chain names one guest each; the host's own country is no guest */
    CHECK_STR(events_of(doc, 28, b, sizeof b), "CHNGOV>JPN:043/asserted CHNGOV>PHL:043/asserted");
    CHECK_STR(events_of(doc, 29, b, sizeof b), "CHNGOV>JPN:043/asserted CHNGOV>RUS:043/asserted");
    /* spaced hyphens join no names ("Japan - Russia talks: ..."), and a
     * visit hosted for no one named is no event */
    CHECK_STR(events_of(doc, 30, b, sizeof b), "");
    /* "told reporters in Beijing": where it was said is not whom it is about */
    CHECK_STR(events_of(doc, 31, b, sizeof b), "CHNGOV>JPN:020/asserted");
    /* "a loan of $50 billion to Japan" with "to Japan" hung on the amount */
    CHECK_STR(events_of(doc, 32, b, sizeof b), "AUS>JPN:0331/asserted");
    /* "found [Barbarin guilty]" misparsed as one phrase: the name is the target */
    CHECK_STR(events_of(doc, 22, b, sizeof b), "---JUD>:116/asserted");
    for (size_t i = 0; i < doc->nevents; i++)
        if (doc->events[i].sentence == 21)
            CHECK(doc->events[i].target_span.len == 8 && !strncmp(doc->text + doc->events[i].target_span.off, "Barbarin", 8));
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* PLOVER_GSR_CAMEO.json's older type names are scored as the current types */
TEST(code_plover_legacy_types) {
    char *out = NULL;
    CHECK_INT(check_run_cli("eval plover --dicts tests/data/code/dicts tests/data/code/plover/legacy-types.json 2>/dev/null", &out), 0);
    CHECK_CONTAINS(out, "rows 3");
    CHECK_CONTAINS(out, "\nACCUSE  ");
    CHECK_CONTAINS(out, "\nREQUEST  ");
    CHECK_CONTAINS(out, "\nASSAULT  ");
    CHECK(out && !strstr(out, "DISAPPROVE") && !strstr(out, "DEMAND") && !strstr(out, "FIGHT"));
    free(out);
}

/* precision counts the events a PLOVER user sees (CAMEO 01/02 have no type);
 * the all-events precision is still printed */
TEST(code_plover_precision_over_typed_events) {
    char *out = NULL;
    CHECK_INT(check_run_cli("eval plover --dicts tests/data/code/dicts tests/data/code/plover/untyped.json 2>/dev/null", &out), 0);
    CHECK_CONTAINS(out, "events with a PLOVER type 1; precision 100.0%");
    CHECK_CONTAINS(out, "all events 2 (incl. CAMEO 01/02, no PLOVER type); their precision 50.0%");
    free(out);
}

/* Precision rules, each on a hand-parsed sentence of precision.conllu */
TEST(code_precision_rules) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_with(d, "tests/data/code/precision.conllu", "2024-04-08");
    char b[512];
    if (!doc) return;
    /* a negated cooperative predicate is CAMEO's refusal, asserted */
    CHECK_STR(events_of(doc, 1, b, sizeof b), "JPN>CHN:1243/asserted");  /* will not release: refuse to release */
    CHECK_STR(events_of(doc, 2, b, sizeof b), "JPN>CHN:125/asserted");   /* refused to meet: one event */
    CHECK_STR(events_of(doc, 3, b, sizeof b), "JPN>CHN:111/negated");    /* no refusal for criticism */
    /* the object the pattern named ("put *troops on") is no target */
    CHECK_STR(events_of(doc, 4, b, sizeof b), "CHN>:152/asserted");
    for (size_t i = 0; i < doc->nevents; i++)
        if (doc->events[i].sentence == 3) CHECK(doc->events[i].target_span.len == 5); /* "alert" */
    /* an event noun, or "that" standing for one, is no source; a name is */
    CHECK_STR(events_of(doc, 5, b, sizeof b), "");
    CHECK_STR(events_of(doc, 6, b, sizeof b), "");
    CHECK_STR(events_of(doc, 7, b, sizeof b), ">CHN:1823/asserted");
    /* "lifted its *ban": the ban is what was lifted, not an event of its own */
    CHECK_STR(events_of(doc, 8, b, sizeof b), "JPN>CHN:0811/asserted");
    /* a role of coordinated countries is one actor per country */
    CHECK_STR(events_of(doc, 9, b, sizeof b), "CHNGOV>RUS:111/asserted JPNGOV>RUS:111/asserted");
    /* a name parsed as an apposition in a list is one more member; outside a list it is the same one */
    CHECK_STR(events_of(doc, 10, b, sizeof b), "CHN>RUS:111/asserted TUR>RUS:111/asserted JPN>RUS:111/asserted");
    CHECK_STR(events_of(doc, 11, b, sizeof b), "JPN>RUS:111/asserted");
    /* the thing agreed to, and one's own troops, are no target */
    CHECK_STR(events_of(doc, 12, b, sizeof b), "CHN>:0356/asserted");
    CHECK_STR(events_of(doc, 13, b, sizeof b), "JPN>:0874/asserted");
    for (size_t i = 0; i < doc->nevents; i++)
        if (doc->events[i].sentence == 11 || doc->events[i].sentence == 12) CHECK_INT(doc->events[i].target_span.len, 0);
    /* "agreed to withdraw": one event, CAMEO's intent for the withdrawal, not 030 as well */
    CHECK_STR(events_of(doc, 14, b, sizeof b), "JPN>:035/intended");
    /* with a compound source a place is where they met, not whom */
    CHECK_STR(events_of(doc, 15, b, sizeof b), "CHN>JPN:040/asserted");
    /* a dictionary actor misparsed as an adverb before the verb is its subject; an adverb is not */
    CHECK_STR(events_of(doc, 16, b, sizeof b), "JPN>CHN:111/asserted");
    CHECK_STR(events_of(doc, 17, b, sizeof b), "");
    /* the pattern's preposition hung one level too low (on a place) still names the target */
    CHECK_STR(events_of(doc, 18, b, sizeof b), "CHN>JPN:036/asserted");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* the text of an event's target (or source) span, for the checks below */
static const char *span_text_of(const dyad_doc *doc, dyad_span sp, char *buf, size_t cap) {
    snprintf(buf, cap, "%.*s", (int)sp.len, doc->text + sp.off);
    return buf;
}

/* Target rules, each on a hand-parsed sentence of targets.conllu */
TEST(code_target_rules) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_with(d, "tests/data/code/targets.conllu", "2024-04-08");
    char b[512], t[128];
    if (!doc) return;
    /* the act the pattern's object names is done to whom that noun names
     * (also under a conjunct: "the arrest and detention of X") */
    CHECK_STR(events_of(doc, 1, b, sizeof b), "JPNJUD>JPNGOV:173/asserted");
    /* ... or to the subject of the clause it states */
    CHECK_STR(events_of(doc, 2, b, sizeof b), "CHN>JPN:100/asserted");
    /* no one named: the place the act is done in or sent to, a name no
     * dictionary knows included; a time is no place */
    CHECK_STR(events_of(doc, 3, b, sizeof b), "RUS>:0356/asserted");
    CHECK_STR(events_of(doc, 4, b, sizeof b), "RUS>:154/asserted");
    CHECK_STR(events_of(doc, 5, b, sizeof b), "RUS>:0356/asserted");
    /* a compound subject acting each on its own keeps its object */
    CHECK_STR(events_of(doc, 6, b, sizeof b), "CHN>:120/asserted JPN>:120/asserted");
    /* a joint act of a compound subject is one event, from the member named
     * first; each member's text is its own words */
    CHECK_STR(events_of(doc, 7, b, sizeof b), "CHNMIL>JPNMIL:193/asserted");
    CHECK_STR(events_of(doc, 8, b, sizeof b), "RUSMIL>JPNMIL:193/asserted");
    /* a clause describing a participant of a coded event is no event of its own */
    CHECK_STR(events_of(doc, 9, b, sizeof b), "JPN>---MED:0841/asserted");
    /* an event noun that dates another act is its background */
    CHECK_STR(events_of(doc, 10, b, sizeof b), "");
    /* an event noun deep in the phrase a coded verb governs is what it is about */
    CHECK_STR(events_of(doc, 11, b, sizeof b), "JPN>:111/asserted");
    /* a name hung on the verb as `dep`, the verb without an object, is its object */
    CHECK_STR(events_of(doc, 12, b, sizeof b), "CHN>JPNGOV:040/asserted");
    /* an arrest with no agent is the act of the state it happened in */
    CHECK_STR(events_of(doc, 13, b, sizeof b), "CHN>---MED:173/asserted");
    /* what a demand asks for has not happened: the demand is the event */
    CHECK_STR(events_of(doc, 14, b, sizeof b), "CHN>JPN:100/asserted");
    /* a name hung on the time phrase after it is the verb's object */
    CHECK_STR(events_of(doc, 15, b, sizeof b), "CHN>JPNGOV:040/asserted");
    for (size_t i = 0; i < doc->nevents; i++) {
        const dyad_event *e = &doc->events[i];
        const char *tt = span_text_of(doc, e->target_span, t, sizeof t);
        if (e->sentence == 2) CHECK_STR(tt, "eastern Kashmir");
        if (e->sentence == 3) CHECK_STR(tt, "the border area");
        if (e->sentence == 4) CHECK_STR(tt, "");
        if (e->sentence == 5) CHECK_STR(tt, "the proposal");
        if (e->sentence == 6) CHECK_STR(tt, "Japan");
        if (e->sentence == 7) {
            CHECK_STR(span_text_of(doc, e->source_span, b, sizeof b), "Russian");
            CHECK_STR(tt, "Japanese Self-Defense Forces");
        }
    }
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* Argument rules, each on a hand-parsed sentence of arguments.conllu */
TEST(code_argument_rules) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_with(d, "tests/data/code/arguments.conllu", "2024-04-08");
    char b[512], t[128];
    if (!doc) return;
    /* a name and a title joined by a comma alone are one person, not a list */
    CHECK_STR(events_of(doc, 1, b, sizeof b), "JPNGOV>CHN:111/asserted");
    /* "agreed with X to do Y": an agreement to act, with X */
    CHECK_STR(events_of(doc, 2, b, sizeof b), "JPN>CHN:030/asserted");
    /* what a lifted noun was imposed on is whom the lifting concerns (also
     * with the participle parsed as the verb's xcomp); a decision taken is
     * the act, not an intention */
    CHECK_STR(events_of(doc, 3, b, sizeof b), "CHN>JPN:0811/asserted");
    CHECK_STR(events_of(doc, 4, b, sizeof b), "CHN>JPN:0811/asserted");
    /* a report or resolution that accuses speaks for whoever issued it */
    CHECK_STR(events_of(doc, 5, b, sizeof b), "RUS>JPN:112/asserted");
    CHECK_STR(events_of(doc, 6, b, sizeof b), "JPN>CHN:111/asserted");
    /* "called X a stupid man" names X; "called X" is a call */
    CHECK_STR(events_of(doc, 7, b, sizeof b), "");
    CHECK_STR(events_of(doc, 8, b, sizeof b), "RUS>JPN:041/asserted");
    /* a threat aimed at the one its condition is put to; the condition has
     * not happened */
    CHECK_STR(events_of(doc, 9, b, sizeof b), "RUS>JPN:1384/asserted");
    /* a group named by its kind stands for the members it lists */
    CHECK_STR(events_of(doc, 10, b, sizeof b), "PSEREB>JPN:190/asserted ---REB>JPN:190/asserted");
    /* a name after a verb with no object, parsed as the subject of a later
     * conjunct verb or noun, is the verb's object; a clause's subject stays */
    CHECK_STR(events_of(doc, 11, b, sizeof b), "JPN>RUSGOV:040/asserted");
    CHECK_STR(events_of(doc, 12, b, sizeof b), "CHNJUD>JPNMED:0841/asserted");
    CHECK_STR(events_of(doc, 13, b, sizeof b), ">JPN:036/intended");
    /* ... or of a later clause that has a subject of its own; a participle
     * right before a noun phrase describes it and takes no object */
    CHECK_STR(events_of(doc, 14, b, sizeof b), "JPN>:125/asserted RUSGOV>CHN:042/asserted");
    CHECK(!strstr(events_of(doc, 15, b, sizeof b), ":173/"));
    /* a name's compound hung on the final full stop, after a verb with no
     * object, is its object; a complement of the verb after the name ("set
     * to begin") does not count as one */
    CHECK_STR(events_of(doc, 17, b, sizeof b), "CHN>JPN:036/intended");
    CHECK_STR(events_of(doc, 18, b, sizeof b), "RUS>JPNGOV:036/intended");
    /* a name hung on the time phrase after it as its subject is the object */
    CHECK_STR(events_of(doc, 19, b, sizeof b), "CHN>JPNGOV:040/asserted");
    /* an object pronoun never stands for the subject of its own clause */
    CHECK_STR(events_of(doc, 20, b, sizeof b), "CHN>:0841/asserted");
    /* ... and in a clause joined to one with an object, is that object */
    CHECK_STR(events_of(doc, 22, b, sizeof b), "CHN>JPNMED:173/asserted CHN>JPNMED:0841/asserted");
    /* "ended [after the government] [released X]": the clause "after" opens */
    CHECK_STR(events_of(doc, 21, b, sizeof b), "CHNGOV>JPNMED:0841/asserted");
    /* what a demand asks for has not happened, even when the demand itself
     * is no event (a protest's) */
    CHECK_STR(events_of(doc, 16, b, sizeof b), "");
    for (size_t i = 0; i < doc->nevents; i++) {
        const dyad_event *e = &doc->events[i];
        if (e->sentence == 9 && !strcmp(e->source, "---REB"))
            CHECK_STR(span_text_of(doc, e->source_span, t, sizeof t), "the Free Front");
        if (e->sentence == 19) CHECK_STR(span_text_of(doc, e->target_span, t, sizeof t), "Tanaka");
    }
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* A plain statement (010) is aimed at whom it is made to, never at an actor
 * in what it says; other statements (012 concern) keep what they are about */
TEST(code_statement_targets) {
    dy_dicts *d = test_dicts();
    dyad_doc *doc = coded_with(d, "tests/data/code/statements.conllu", "2024-04-08");
    char b[512];
    if (!doc) return;
    /* "The Pentagon said the United States would send more troops": what is
     * said is coded from its clause, and the statement is no event to USA */
    CHECK(!strstr(events_of(doc, 1, b, sizeof b), ":010/"));
    CHECK_STR(events_of(doc, 2, b, sizeof b), ""); /* "... said the United States was ready" */
    CHECK_STR(events_of(doc, 3, b, sizeof b), "---GOV>---MED:010/asserted"); /* told reporters */
    CHECK_STR(events_of(doc, 4, b, sizeof b), "JPNGOV>CHNGOV:010/asserted"); /* said to the Chinese minister */
    CHECK_STR(events_of(doc, 5, b, sizeof b), "JPN>CHN:010/asserted");       /* told China that Russia ... */
    CHECK_STR(events_of(doc, 6, b, sizeof b), "JPN>CHN:012/asserted");       /* concerned that China ... */
    dyad_doc_free(doc);
    code_dicts_free(d);
}
