/* test_tabari.c - TABARI dictionaries coded by TABARI's own surface rules
 * (src/code/tabari_*.c): stems and closed words, verb and noun endings,
 * source / target / compound tokens in patterns, synsets, alternatives,
 * agents, dated synonyms, discards, comma clauses and the minimum length.
 * The dictionaries are small files written for the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "code/code.h"
#include "code/dict.h"
#include "code/tabari.h"

static const char *actors_file =
    "<NOUN>\nSHEEP\n</NOUN>\n<ADJECTIVE>\nEVIL\n</ADJECTIVE>\n"
    "ARNOR  [ARN] ;pas 26 Feb 2002\n"
    "GONDOR\n+MINAS_TIRITH\n\t[GON]\n"
    "OSGILIATH [OSG]\n"
    "ESTONIA_ [EST]\n"
    "MOUSE= [MUS]\n"
    "THE_SHIRE [FRO/BIL] ; two actors\n"
    "SMEAGOL [HOB <950601] [HOBGOV 950601-990815] [HOBREB >990816]\n"
    "#GONDORX [XXX] ; switched off\n"
    "NASGUL [###]\n"
    "DURTHANG ORC [MORORC] ; words may come between\n";

static const char *agents_file = "PRIME_MINISTER_ [~GOV]\nHUMAN_RIGHTS_ACTIVISTS_ [NGM~]\nSECURITY_OFFICIALS_ [~GOV]\n";

static const char *verbs_file =
    "<SYNSETS>\n&CURRENCY\n+DOLLAR\n+SWISS_FRANC\n</SYNSETS>\n"
    "<TIME>\nYESTERDAY [-1]\n</TIME>\n"
    "RESTOR  [064] ;a stem\n"
    "- * FXLL DIPLOMATIC  [+++]\n"
    "CONTRIBUT [070]\n- * &CURRENCY [903]\n"
    "FREE [060]\n- + * FROM $  [066]\n"
    "MEET [031:031]\n- % HAVE POSTPONED *  [191]\n"
    "DEPART_ [032]\n"
    "SAID [023?]\n"
    "REGRET [111]\n- SAID $ *  [113]\n"
    "CALL [---]\n- * FOR { SANCTIONS | BOYCOTT }  [172]\n"
    "BROKEN [100]\n- no verb in this pattern [101]\n";

static void write_file(const char *dir, const char *name, const char *text) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void count_warning(void *user, const dyad_error *e) {
    (void)e;
    (*(int *)user)++;
}

static dy_dicts *load_test_dicts(int *warnings) {
    const char *dir = check_tmpdir();
    write_file(dir, "Test.project",
               "Test project\n<actorsfile> Test.actors\n<verbsfile> Test.verbs\n<agentsfile> Test.agents\n");
    write_file(dir, "Test.actors", actors_file);
    write_file(dir, "Test.agents", agents_file);
    write_file(dir, "Test.verbs", verbs_file);
    dyad_error err;
    dyad_error_clear(&err);
    return code_dicts_load(dir, "tabari", count_warning, warnings, &err);
}

/* the events of one text as "SRC>TGT:CODE ..." */
static const char *code_text(const dy_dicts *d, const char *text, const char *date, char *buf, size_t cap) {
    buf[0] = 0;
    dyad_doc *doc = dyad_doc_new();
    if (!doc) return buf;
    doc->raw = dyad_doc_strdup(doc, text);
    doc->raw_len = strlen(text);
    doc->content = DYAD_FMT_TEXT;
    doc->date = date;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(dyad_process(NULL, doc, DYAD_STAGE_SEGMENT, &err), DYAD_OK);
    CHECK_INT(code_doc(d, doc, NULL, &err), DYAD_OK);
    size_t n = 0;
    for (size_t i = 0; i < doc->nevents && n < cap; i++) {
        const dyad_event *e = &doc->events[i];
        n += (size_t)snprintf(buf + n, cap - n, "%s%s>%s:%s", n ? " " : "", e->source, e->target, e->code);
    }
    dyad_doc_free(doc);
    return buf;
}

TEST(tabari_loads_its_own_dictionaries) {
    int warnings = 0;
    dy_dicts *d = load_test_dicts(&warnings);
    CHECK(d != NULL);
    if (!d) return;
    CHECK(d->tabari != NULL);
    CHECK_INT(warnings, 1); /* the pattern without '*' */
    CHECK(d->tabari->nsynsets == 1);
    code_dicts_free(d);
}

TEST(tabari_codes_source_and_target) {
    int warnings = 0;
    dy_dicts *d = load_test_dicts(&warnings);
    if (!d) return;
    char b[512];
    CHECK_STR(code_text(d, "Arnor is about to restore full diplomatic ties with Gondor after five years.", "1995-01-01", b, sizeof b),
              "ARN>GON:064");
    /* a synonym of Gondor; the stem RESTOR takes "restored" */
    CHECK_STR(code_text(d, "Arnor has restored its diplomatic ties with Minas Tirith after five long years.", "1995-01-01", b, sizeof b),
              "ARN>GON:064");
    /* "+ * FROM $": the target before the verb, the source after FROM */
    CHECK_STR(code_text(d, "The militia of Osgiliath was freed from Arnor after the group yielded ground.", "1995-01-01", b, sizeof b),
              "ARN>OSG:066");
    /* a '?' verb gives way to the verb of what was said; "he" is the subject */
    CHECK_STR(code_text(d, "Gondor's Prime Minister said he regretted the refusal of Arnor to talk.", "1995-01-01", b, sizeof b),
              "GONGOV>ARN:113");
    code_dicts_free(d);
}

TEST(tabari_compounds_and_multiple_codes) {
    int warnings = 0;
    dy_dicts *d = load_test_dicts(&warnings);
    if (!d) return;
    char b[512];
    /* '%' in the pattern: the members of the compound code with each other */
    CHECK_STR(code_text(d, "Gondor and Osgiliath have postponed their meeting after the incident on the pass.", "1995-01-01", b, sizeof b),
              "GON>OSG:191 OSG>GON:191");
    /* a compound source with an adjective; a target coded as two actors */
    CHECK_STR(code_text(d, "Arnor and the evil Osgiliath are about to restore full diplomatic ties with the Shire.", "1995-01-01", b, sizeof b),
              "ARN>FRO:064 ARN>BIL:064 OSG>FRO:064 OSG>BIL:064");
    code_dicts_free(d);
}

TEST(tabari_synsets_and_alternatives) {
    int warnings = 0;
    dy_dicts *d = load_test_dicts(&warnings);
    if (!d) return;
    char b[512];
    CHECK_STR(code_text(d, "Arnor will contribute a million swiss francs to Gondor next year.", "1995-01-01", b, sizeof b),
              "ARN>GON:903");
    CHECK_STR(code_text(d, "Arnor will contribute a million dollars to Gondor next year.", "1995-01-01", b, sizeof b),
              "ARN>GON:903");
    /* not a member of the synset: the verb's own code */
    CHECK_STR(code_text(d, "Arnor will contribute a million euros to Gondor next year.", "1995-01-01", b, sizeof b),
              "ARN>GON:070");
    CHECK_STR(code_text(d, "Arnor has called for a boycott against Gondor on Monday.", "1995-01-01", b, sizeof b),
              "ARN>GON:172");
    /* CALL's own code is "---": no event when no pattern fits */
    CHECK_STR(code_text(d, "Arnor has called for a meeting with Gondor on Monday.", "1995-01-01", b, sizeof b), "");
    code_dicts_free(d);
}

TEST(tabari_endings_dates_and_agents) {
    int warnings = 0;
    dy_dicts *d = load_test_dicts(&warnings);
    if (!d) return;
    char b[512];
    CHECK_STR(code_text(d, "Estonia departed from Gondor almost five years after the crisis.", "1995-01-01", b, sizeof b),
              "EST>GON:032");
    /* DEPART_ is closed: "departx" is no form of it */
    CHECK_STR(code_text(d, "Estonia departx from Gondor almost five years after the crisis.", "1995-01-01", b, sizeof b), "");
    /* MOUSE= takes no ending, ESTONIA_ takes a noun ending */
    CHECK_STR(code_text(d, "Estonia's envoy is about to restore full diplomatic ties with Gondor.", "1995-01-01", b, sizeof b),
              "EST>GON:064");
    CHECK_STR(code_text(d, "Mouses are about to restore full diplomatic ties with Gondor now.", "1995-01-01", b, sizeof b), "");
    /* dated codes */
    CHECK_STR(code_text(d, "Smeagol is about to restore full diplomatic ties with Gondor again.", "1996-03-01", b, sizeof b),
              "HOBGOV>GON:064");
    CHECK_STR(code_text(d, "Smeagol is about to restore full diplomatic ties with Gondor again.", "2001-03-01", b, sizeof b),
              "HOBREB>GON:064");
    /* a prefixed agent */
    CHECK_STR(code_text(d, "Human rights activists in Arnor are about to restore full ties with Gondor.", "1995-01-01", b, sizeof b),
              "NGMARN>GON:064");
    /* "former": the agent's code gives way to ELI */
    CHECK_STR(code_text(d, "Arnor former security officials are about to restore full ties with Gondor.", "1995-01-01", b, sizeof b),
              "ARNELI>GON:064");
    /* a blank in a name lets words come between; the verb between stays a verb */
    CHECK_STR(code_text(d, "Arnor said the town near Durthang should restore its links with the Orc tribes.", "1995-01-01", b, sizeof b),
              "ARN>MORORC:064");
    code_dicts_free(d);
}

TEST(tabari_records_not_coded) {
    int warnings = 0;
    dy_dicts *d = load_test_dicts(&warnings);
    if (!d) return;
    char b[512];
    /* "###": the record is discarded */
    CHECK_STR(code_text(d, "The Nasgul said on Friday that Arnor would restore ties with Gondor.", "1995-01-01", b, sizeof b), "");
    /* "+++" from a pattern: too complex to code */
    CHECK_STR(code_text(d, "Arnor is about to restore fxll diplomatic ties with Gondor after five years.", "1995-01-01", b, sizeof b), "");
    /* the only target sits in a comma-delimited clause, which is dropped */
    CHECK_STR(code_text(d, "Arnor is about to restore full diplomatic ties with Gxndor, almost five years after Osgiliath crowds burned its embassy, a senior official said.",
                        "1995-01-01", b, sizeof b), "");
    /* shorter than TABARI's minimum of eight words */
    CHECK_STR(code_text(d, "Arnor restored ties with Gondor.", "1995-01-01", b, sizeof b), "");
    /* a capitalised verb inside the sentence is a name */
    CHECK_STR(code_text(d, "Arnor is about To Restore full diplomatic ties with Gondor after five years.", "1995-01-01", b, sizeof b), "");
    code_dicts_free(d);
}

TEST(tabari_event_fields) {
    int warnings = 0;
    dy_dicts *d = load_test_dicts(&warnings);
    if (!d) return;
    dyad_doc *doc = dyad_doc_new();
    const char *text = "Arnor is about to restore full diplomatic ties with Gondor after five years.";
    doc->raw = dyad_doc_strdup(doc, text);
    doc->raw_len = strlen(text);
    doc->content = DYAD_FMT_TEXT;
    dyad_error err;
    dyad_error_clear(&err);
    dyad_process(NULL, doc, DYAD_STAGE_SEGMENT, &err);
    CHECK_INT(code_doc(d, doc, "1995-01-01", &err), DYAD_OK);
    CHECK_INT((int)doc->nevents, 1);
    if (doc->nevents == 1) {
        const dyad_event *e = &doc->events[0];
        CHECK_STR(e->root, "06");
        CHECK(e->plover != NULL);
        CHECK_STR(e->modality, "asserted");
        CHECK_STR(e->date, "1995-01-01");
        CHECK_CONTAINS(e->rule, "RESTOR");
        CHECK(e->source_span.len == 5 && !strncmp(doc->text + e->source_span.off, "Arnor", 5));
        CHECK(!strncmp(doc->text + e->verb_span.off, "restore", 7));
    }
    dyad_doc_free(doc);
    code_dicts_free(d);
}

TEST(tabari_options_change_the_coding) {
    int warnings = 0;
    dy_dicts *d = load_test_dicts(&warnings);
    if (!d) return;
    char b[512];
    const char *short_text = "Arnor restored ties with Gondor.";
    const char *two_verbs = "Arnor is about to restore full diplomatic ties with Gondor and contribute dollars to Osgiliath.";
    CHECK_STR(code_text(d, two_verbs, "1995-01-01", b, sizeof b), "ARN>GON:064 ARN>OSG:903");
    /* the options as a project's .options file or an OPTION record gives them */
    tabari_options o = d->tabari->options;
    const char *opts = "// a comment\nSET: MINIMUM WORDS = 4\nCOMPLEX: VERBS[2] CONJ[4] NOACTPRIOR EXPLAIN\n";
    tabari_options_read(&o, d->arena, opts, strlen(opts));
    CHECK_INT(o.min_words, 4);
    CHECK_INT(o.complex_verbs, 2);
    CHECK_INT(o.no_actor_prior, 1);
    dyad_doc *doc = dyad_doc_new();
    doc->raw = dyad_doc_strdup(doc, short_text);
    doc->raw_len = strlen(short_text);
    doc->content = DYAD_FMT_TEXT;
    dyad_error err;
    dyad_error_clear(&err);
    dyad_process(NULL, doc, DYAD_STAGE_SEGMENT, &err);
    CHECK_INT(tabari_code_doc_with(d, doc, "1995-01-01", &o, &err), DYAD_OK);
    CHECK_INT((int)doc->nevents, 1); /* four words are enough now */
    dyad_doc_reset(doc);
    doc->raw = dyad_doc_strdup(doc, two_verbs);
    doc->raw_len = strlen(two_verbs);
    doc->content = DYAD_FMT_TEXT;
    dyad_process(NULL, doc, DYAD_STAGE_SEGMENT, &err);
    CHECK_INT(tabari_code_doc_with(d, doc, "1995-01-01", &o, &err), DYAD_OK);
    CHECK_INT((int)doc->nevents, 0); /* two verbs make the sentence too complex */
    /* DEFAULT: a stand-in target when the sentence names none after the verb */
    const char *dflt = "OPTION: DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER\nCOMPLEX: VERBS[5]\nCOMMA: OFF\n";
    tabari_options_read(&o, d->arena, dflt, strlen(dflt));
    CHECK_STR(o.default_target, "DEFTAR");
    CHECK_INT(o.comma_off, 1);
    dyad_doc_reset(doc);
    const char *no_target = "Arnor is about to restore its full diplomatic ties after five years.";
    doc->raw = dyad_doc_strdup(doc, no_target);
    doc->raw_len = strlen(no_target);
    doc->content = DYAD_FMT_TEXT;
    dyad_process(NULL, doc, DYAD_STAGE_SEGMENT, &err);
    CHECK_INT(tabari_code_doc_with(d, doc, "1995-01-01", &o, &err), DYAD_OK);
    CHECK_INT((int)doc->nevents, 1);
    if (doc->nevents == 1) CHECK_STR(doc->events[0].target, "DEFTAR");
    dyad_doc_free(doc);
    code_dicts_free(d);
}

/* the event's date, or "" */
static const char *event_date(const dy_dicts *d, const char *text, const char *date, const tabari_options *o, char *buf,
                              size_t cap) {
    buf[0] = 0;
    dyad_doc *doc = dyad_doc_new();
    doc->raw = dyad_doc_strdup(doc, text);
    doc->raw_len = strlen(text);
    doc->content = DYAD_FMT_TEXT;
    dyad_error err;
    dyad_error_clear(&err);
    dyad_process(NULL, doc, DYAD_STAGE_SEGMENT, &err);
    CHECK_INT(tabari_code_doc_with(d, doc, date, o, &err), DYAD_OK);
    if (doc->nevents) snprintf(buf, cap, "%s", doc->events[0].date);
    dyad_doc_free(doc);
    return buf;
}

TEST(tabari_time_phrases_shift_the_date) {
    int warnings = 0;
    dy_dicts *d = load_test_dicts(&warnings);
    if (!d) return;
    char b[64];
    const char *text = "Yesterday Arnor restored its full diplomatic ties with Gondor after five years.";
    tabari_options o = d->tabari->options;
    CHECK_STR(event_date(d, text, "1995-01-01", &o, b, sizeof b), "1994-12-31");
    const char *off = "SET: TIME SHIFT = FALSE\n";
    tabari_options_read(&o, d->arena, off, strlen(off));
    CHECK_STR(event_date(d, text, "1995-01-01", &o, b, sizeof b), "1995-01-01");
    code_dicts_free(d);
}
