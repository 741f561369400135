/* test_segment.c - the segmenter on real-looking news text: UD/EWT tokens
 * (clitics, abbreviations, numbers, URLs), sentence breaks (abbreviations,
 * initials, quotes, datelines, headlines), offsets, and the CoNLL-U writer
 * (SpaceAfter, multi-word tokens, rebuilding the text). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "dyad.h"
#include "text/text.h"
#include "text/segment.h"
#include "base/arena.h"

/* a document whose clean text is `text`, segmented */
static dyad_doc *segmented(const char *text) {
    dyad_doc *d = dyad_doc_new();
    d->text = arena_strdup(d->arena, text);
    d->text_len = strlen(text);
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(text_segment(d, &err), DYAD_OK);
    return d;
}

/* the forms joined by '|' */
static const char *forms(dyad_doc *d, size_t from, size_t to) {
    static char out[2048];
    size_t n = 0;
    out[0] = 0;
    for (size_t i = from; i < to && i < d->ntokens; i++)
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", i > from ? "|" : "", d->tokens[i].form);
    return out;
}

static const char *sentence_text(dyad_doc *d, size_t si) {
    static char out[1024];
    const dyad_sentence *s = &d->sentences[si];
    snprintf(out, sizeof out, "%.*s", (int)s->len, d->text + s->off);
    return out;
}

TEST(segment_news_tokens) {
    dyad_doc *d = segmented("Japan's foreign minister said the U.S. didn't want a $1.5 billion deal, "
                            "and talks ended at 03:38 on Monday.");
    CHECK_STR(forms(d, 0, d->ntokens),
              "Japan|'s|foreign|minister|said|the|U.S.|did|n't|want|a|$|1.5|billion|deal|,|"
              "and|talks|ended|at|03:38|on|Monday|.");
    CHECK_INT(d->nsentences, 1);
    /* offsets point at the forms; clitics are glued to their word */
    for (size_t i = 0; i < d->ntokens; i++)
        CHECK(!memcmp(d->text + d->tokens[i].off, d->tokens[i].form, d->tokens[i].len));
    CHECK_INT(d->tokens[0].space_after, 0);
    CHECK_INT(d->tokens[1].space_after, 1);
    CHECK(d->tokens[1].flags & TOK_JOINED);
    CHECK(d->tokens[8].flags & TOK_JOINED);
    dyad_doc_free(d);
}

TEST(segment_contractions_and_curly_quotes) {
    dyad_doc *d = segmented("We can't and won't accept it, don\xE2\x80\x99t you see? China\xE2\x80\x99s envoy said "
                            "\xE2\x80\x9Cno\xE2\x80\x9D.");
    CHECK_STR(forms(d, 0, d->ntokens),
              "We|ca|n't|and|wo|n't|accept|it|,|do|n\xE2\x80\x99t|you|see|?|China|\xE2\x80\x99s|envoy|said|"
              "\xE2\x80\x9C|no|\xE2\x80\x9D|.");
    dyad_doc_free(d);
}

TEST(segment_numbers_hyphens_urls) {
    dyad_doc *d = segmented("About 1,000 troops (3.5% of the force) left the long-term base; see "
                            "https://www.un.org/en/press. E-mail press@un.org or @UN_News, a pre-war "
                            "co-operation plan.");
    CHECK_STR(forms(d, 0, d->ntokens),
              "About|1,000|troops|(|3.5|%|of|the|force|)|left|the|long|-|term|base|;|see|"
              "https://www.un.org/en/press|.|E-mail|press@un.org|or|@UN_News|,|a|pre-war|co-operation|plan|.");
    dyad_doc_free(d);
}

TEST(segment_abbreviations_do_not_end_sentences) {
    dyad_doc *d = segmented("Gen. Smith said the U.N. Security Council would meet on Jan. 5 in New York. "
                            "Fumio K. Smith, of Acme Corp., disagreed. The vote is at 3 p.m. on Friday.");
    CHECK_INT(d->nsentences, 3);
    if (d->nsentences == 3) {
        CHECK_STR(sentence_text(d, 0), "Gen. Smith said the U.N. Security Council would meet on Jan. 5 in New York.");
        CHECK_STR(sentence_text(d, 1), "Fumio K. Smith, of Acme Corp., disagreed.");
        CHECK_STR(sentence_text(d, 2), "The vote is at 3 p.m. on Friday.");
    }
    CHECK_STR(forms(d, 0, 3), "Gen.|Smith|said");
    dyad_doc_free(d);
}

TEST(segment_sentence_after_abbreviation_at_end) {
    dyad_doc *d = segmented("The deal was signed in the U.S. The talks resume next week.");
    CHECK_INT(d->nsentences, 2);
    if (d->nsentences == 2) CHECK_STR(sentence_text(d, 1), "The talks resume next week.");
    dyad_doc_free(d);
}

TEST(segment_quotes_stay_with_their_sentence) {
    dyad_doc *d = segmented("\"We will not back down,\" she said. \"The talks are over.\" Officials declined to "
                            "comment. He asked: \"Why now?\" and left.");
    CHECK_INT(d->nsentences, 4);
    if (d->nsentences == 4) {
        CHECK_STR(sentence_text(d, 0), "\"We will not back down,\" she said.");
        CHECK_STR(sentence_text(d, 1), "\"The talks are over.\"");
        CHECK_STR(sentence_text(d, 2), "Officials declined to comment.");
        CHECK_STR(sentence_text(d, 3), "He asked: \"Why now?\" and left.");
    }
    dyad_doc_free(d);
}

TEST(segment_datelines_and_headlines) {
    dyad_doc *d = segmented("China warns Japan over AUKUS\n\n"
                            "WASHINGTON (Reuters) - The United States said on Monday it would act. "
                            "CEBU CITY: -- Rescuers searched the debris.\n"
                            "Officials said 12 people died.");
    CHECK_INT(d->nsentences, 4);
    if (d->nsentences == 4) {
        CHECK_STR(sentence_text(d, 0), "China warns Japan over AUKUS");
        CHECK_STR(sentence_text(d, 1), "WASHINGTON (Reuters) - The United States said on Monday it would act.");
        CHECK_STR(sentence_text(d, 2), "CEBU CITY: -- Rescuers searched the debris.");
    }
    dyad_doc_free(d);
}

TEST(segment_blank_line_always_ends_a_sentence) {
    dyad_doc *d = segmented("Talks in Geneva\n\nfailed again, diplomats said\n \nno date was set");
    CHECK_INT(d->nsentences, 3);
    dyad_doc_free(d);
}

TEST(segment_odd_input_does_not_crash) {
    const char *inputs[] = {"", ".", "...", "'", "\xE2\x80\x99", "a'", "n't", "U.S.", "$", "-", "--a-", "http://",
                            "@", "#", "x@y", "www.", "1,", "1,00", "3:", "\xC2\xA0", "\"\"\"", ":)", "e.g.", NULL};
    for (int i = 0; inputs[i]; i++) {
        dyad_doc *d = segmented(inputs[i]);
        size_t covered = 0;
        for (size_t s = 0; s < d->nsentences; s++) covered += d->sentences[s].ntokens;
        CHECK_INT(covered, d->ntokens);
        for (size_t t = 0; t < d->ntokens; t++) CHECK(d->tokens[t].off + d->tokens[t].len <= d->text_len);
        dyad_doc_free(d);
    }
}

/* rebuild the text from CoNLL-U: surface tokens joined by SpaceAfter */
static void rebuild(const char *conllu, char *out, size_t cap) {
    size_t n = 0;
    long skip_until = 0;
    const char *p = conllu;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (!len) skip_until = 0;
        if (len && p[0] != '#') {
            char line[512];
            snprintf(line, sizeof line, "%.*s", (int)len, p);
            char *col[10] = {0};
            int c = 0;
            for (char *tok = strtok(line, "\t"); tok && c < 10; tok = strtok(NULL, "\t")) col[c++] = tok;
            long id = strtol(col[0], NULL, 10);
            char *dash = strchr(col[0], '-');
            if (dash || id > skip_until) {
                if (dash) skip_until = strtol(dash + 1, NULL, 10);
                n += (size_t)snprintf(out + n, cap - n, "%s%s", col[1], strstr(col[9], "SpaceAfter=No") ? "" : " ");
            }
        }
        p = nl ? nl + 1 : p + len;
    }
    while (n && out[n - 1] == ' ') out[--n] = 0;
}

TEST(segment_conllu_rebuilds_the_text) {
    const char *text = "Japan's envoy didn't come.\"Talks failed,\" he said (again).";
    dyad_doc *d = segmented(text);
    char path[512];
    snprintf(path, sizeof path, "%s/seg.conllu", check_tmpdir());
    FILE *f = fopen(path, "w+");
    CHECK_INT(dyad_write_conllu(f, d), DYAD_OK);
    fflush(f);
    rewind(f);
    static char conllu[8192], rebuilt[1024];
    size_t got = fread(conllu, 1, sizeof conllu - 1, f);
    conllu[got] = 0;
    fclose(f);
    CHECK_CONTAINS(conllu, "# sent_id = s-1\n# text = Japan's envoy didn't come.\n");
    CHECK_CONTAINS(conllu, "1-2\tJapan's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tJapan\t");
    CHECK_CONTAINS(conllu, "6\tcome\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n7\t.\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n");
    rebuild(conllu, rebuilt, sizeof rebuilt);
    CHECK_STR(rebuilt, text);
    dyad_doc_free(d);
}

TEST(segment_cli_parse_writes_conllu) {
    char *out = NULL;
    char args[1024];
    snprintf(args, sizeof args, "parse --input-format text '%s' 2>/dev/null",
             check_path("tests/data/segment/dateline.txt"));
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK_CONTAINS(out, "# sent_id = ");
    CHECK_CONTAINS(out, "# text = MANILA, Philippines (AP) - Gen. Romeo Brawner Jr. said the U.S. Navy would help.");
    CHECK_CONTAINS(out, "\tBrawner\t");
    CHECK_CONTAINS(out, "\tJr.\t");
    CHECK_CONTAINS(out, "SpaceAfter=No");
    free(out);
}

TEST(segment_message_sign_off_and_time_stamp) {
    dyad_doc *d = segmented("Please send the draft by Friday. Regards, Kay Mann 04/26/2001 07:17 AM "
                            "Will you be providing the list?");
    CHECK_INT(d->nsentences, 4);
    if (d->nsentences == 4) {
        CHECK_STR(sentence_text(d, 1), "Regards,");
        CHECK_STR(sentence_text(d, 2), "Kay Mann 04/26/2001 07:17 AM");
    }
    dyad_doc_free(d);
    /* a time of day in running text is no stamp */
    d = segmented("The vote is at 10:30 AM Friday in Geneva.");
    CHECK_INT(d->nsentences, 1);
    dyad_doc_free(d);
}
