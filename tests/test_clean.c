/* test_clean.c - the plain-text cleaner: page residue removed without
 * losing a sentence of the report (fixtures in tests/data/clean/), bytes
 * repaired (BOM, CRLF, invalid UTF-8, NUL), NFC, and the map back to raw. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "base/arena.h"
#include "base/util.h"
#include "text/text.h"
#include "text/clean_internal.h"

static dyad_doc *clean_bytes(const char *raw, size_t len) {
    dyad_doc *doc = dyad_doc_new();
    doc->raw = raw;
    doc->raw_len = len;
    doc->content = DYAD_FMT_TEXT;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(text_clean(doc, &err), DYAD_OK);
    CHECK(doc->text != NULL);
    return doc;
}

static char *read_fixture(const char *rel, size_t *len) {
    dyad_error err;
    dyad_error_clear(&err);
    char *s = file_read_all(check_path(rel), len, 0, &err);
    if (!s) check_fail(__FILE__, __LINE__, "cannot read %s", rel);
    return s;
}

/* Each fixture NAME.txt must clean to NAME.expected (trailing newline aside). */
TEST(clean_residue_fixtures) {
    static const char *const names[] = {"wire_advert", "share_follow", "related_lines",
                                        "comments", "captions_video", "cookies_wrapped",
                                        "labels_captions"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[256];
        size_t in_len, exp_len;
        snprintf(path, sizeof path, "tests/data/clean/%s.txt", names[i]);
        char *in = read_fixture(path, &in_len);
        snprintf(path, sizeof path, "tests/data/clean/%s.expected", names[i]);
        char *exp = read_fixture(path, &exp_len);
        if (!in || !exp) {
            free(in);
            free(exp);
            continue;
        }
        while (exp_len && exp[exp_len - 1] == '\n') exp[--exp_len] = 0;
        dyad_doc *doc = clean_bytes(in, in_len);
        if (strcmp(doc->text, exp) != 0)
            check_fail(__FILE__, __LINE__, "%s: cleaned text differs:\n---\n%s\n---\nexpected:\n%s", names[i],
                       doc->text, exp);
        dyad_doc_free(doc);
        free(in);
        free(exp);
    }
}

TEST(clean_keeps_report_and_headline_drops_page_residue) {
    const char *raw =
        "Russia expels two Estonian diplomats in tit-for-tat move\n\n"
        "Russia on Tuesday ordered two Estonian diplomats to leave the country within a week, the "
        "foreign ministry said.\n\n"
        "image\n\n"
        "01:12\n\n"
        "Estonia Closes Border Crossing Amid Migrant Surge\n\n"
        "Estonia Closes Border Crossing Amid Migrant Surge\n\n"
        "The move came days after Tallinn expelled a Russian diplomat it accused of undermining its "
        "security.\n\n"
        "Read More\n\n"
        "Leave a Reply\n";
    dyad_doc *doc = clean_bytes(raw, strlen(raw));
    CHECK_STR(doc->title, "Russia expels two Estonian diplomats in tit-for-tat move");
    CHECK(strncmp(doc->text, "Russia expels two Estonian diplomats", 36) == 0);
    CHECK_CONTAINS(doc->text, "ordered two Estonian diplomats to leave the country within a week");
    CHECK_CONTAINS(doc->text, "accused of undermining its security.");
    CHECK(strstr(doc->text, "image") == NULL);
    CHECK(strstr(doc->text, "01:12") == NULL);
    CHECK(strstr(doc->text, "Border Crossing") == NULL);
    CHECK(strstr(doc->text, "Read More") == NULL);
    CHECK(strstr(doc->text, "Leave a Reply") == NULL);
    /* paragraphs are separated by one blank line */
    CHECK(strstr(doc->text, "move\n\nRussia on Tuesday") != NULL);
    dyad_doc_free(doc);
}

TEST(clean_repairs_bom_crlf_nul_and_invalid_utf8) {
    const char raw[] = "\xEF\xBB\xBF" "The minister said the talks\x00 had failed.\r\n"
                       "Officials \xFF\xFE confirmed the \x01report on Friday.\r"
                       "A third sentence ends here.";
    dyad_doc *doc = clean_bytes(raw, sizeof raw - 1);
    CHECK(utf8_valid(doc->text, doc->text_len));
    CHECK_INT(strlen(doc->text), doc->text_len);
    CHECK(strncmp(doc->text, "The minister", 12) == 0); /* no BOM */
    CHECK_CONTAINS(doc->text, "the talks had failed.");
    CHECK_CONTAINS(doc->text, "Officials \xEF\xBF\xBD\xEF\xBF\xBD confirmed the report on Friday.");
    CHECK(strchr(doc->text, '\r') == NULL);
    CHECK_CONTAINS(doc->text, "Friday.\n\nA third sentence ends here.");
    dyad_doc_free(doc);
}

TEST(clean_map_goes_back_through_crlf_and_nfc) {
    /* "Cafe" + COMBINING ACUTE ACCENT becomes one precomposed character */
    const char raw[] = "Ministers met in Paris on Monday.\r\n"
                       "The Cafe\xCC\x81 owners said the talks had failed.";
    dyad_doc *doc = clean_bytes(raw, sizeof raw - 1);
    CHECK(doc->text_to_raw != NULL);
    const char *the = strstr(doc->text, "The Caf");
    CHECK(the != NULL);
    if (!the) {
        dyad_doc_free(doc);
        return;
    }
    size_t t = (size_t)(the - doc->text);
    CHECK_INT(doc->text_to_raw[t], strstr(raw, "The") - raw);
    const char *e_acute = strstr(doc->text, "\xC3\xA9");
    CHECK(e_acute != NULL);
    if (e_acute) {
        size_t k = (size_t)(e_acute - doc->text);
        CHECK_INT(doc->text_to_raw[k], strstr(raw, "Cafe") - raw + 3); /* the 'e' */
        CHECK_INT(doc->text_to_raw[k + 2], strstr(raw, " owners") - raw);
    }
    const char *owners = strstr(doc->text, "owners");
    if (owners) CHECK_INT(doc->text_to_raw[owners - doc->text], strstr(raw, "owners") - raw);
    /* every text byte maps into the raw bytes */
    for (size_t i = 0; i < doc->text_len; i++) CHECK(doc->text_to_raw[i] < sizeof raw - 1);
    dyad_doc_free(doc);
}

TEST(clean_empty_and_whitespace_only_inputs) {
    dyad_doc *doc = clean_bytes("", 0);
    CHECK_STR(doc->text, "");
    CHECK_INT(doc->text_len, 0);
    dyad_doc_free(doc);
    doc = clean_bytes(" \r\n\t\r\n  \n", 9);
    CHECK_STR(doc->text, "");
    dyad_doc_free(doc);
    const char nuls[4] = {0, 0, 0, 0};
    doc = clean_bytes(nuls, 4);
    CHECK_STR(doc->text, "");
    dyad_doc_free(doc);
}

/* Random bytes: always valid UTF-8, NUL-terminated, map inside the input. */
TEST(clean_survives_random_bytes) {
    uint32_t seed = 12345;
    char buf[700];
    for (int round = 0; round < 300; round++) {
        size_t n = (size_t)(round * 7 % (int)sizeof buf);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned v = (seed >> 16) & 0xFF;
            /* bias towards text, newlines and UTF-8 lead bytes */
            buf[i] = (char)(v < 120 ? 'a' + v % 26 : v < 150 ? ' ' : v < 165 ? '\n' : v < 175 ? '.' : v);
        }
        dyad_doc *doc = clean_bytes(buf, n);
        CHECK(utf8_valid(doc->text, doc->text_len));
        CHECK_INT(strlen(doc->text), doc->text_len);
        for (size_t i = 0; i < doc->text_len; i++)
            if (doc->text_to_raw[i] >= n) {
                CHECK(doc->text_to_raw[i] < n);
                break;
            }
        dyad_doc_free(doc);
    }
}

TEST(clean_cli_extract_plain_text) {
    char *out = NULL;
    int rc = check_run_cli("extract --input-format text tests/data/clean/captions_video.txt", &out);
    CHECK_INT(rc, 0);
    CHECK_CONTAINS(out, "Qatar's foreign ministry said on Monday.");
    CHECK(out && strstr(out, "02:15") == NULL);
    free(out);
}

TEST(clean_word_classes) {
    CHECK(clean_words_table_ok());
    CHECK(word_is_stop("The", 3));
    CHECK(word_is_stop("said", 4));
    CHECK(!word_is_stop("Kishida", 7));
    CHECK(word_is_ui("SHARE", 5));
    CHECK(word_is_ui("photo", 5));
    CHECK(!word_is_ui("minister", 8));
    CHECK(word_is_strong_ui("Newsletter", 10));
    CHECK(word_is_strong_ui("cookies", 7));
    CHECK(!word_is_strong_ui("share", 5));
    CHECK(!word_is_ui("advertisements!", 15));
}

/* Short sentences of a report stay; short prompts go. */
TEST(clean_short_sentences_are_report_prompts_are_not) {
    const char *raw = "Police cordoned off the square after the blast on Friday, witnesses said.\n\n"
                      "He declined.\n\n"
                      "Read more.\n\n"
                      "Nobody was hurt.\n\n"
                      "Leave a reply.\n\n"
                      "The city council will meet on Monday to discuss security at public events.\n";
    dyad_doc *doc = clean_bytes(raw, strlen(raw));
    CHECK_CONTAINS(doc->text, "\n\nHe declined.\n\nNobody was hurt.\n\n");
    CHECK(strstr(doc->text, "Read more") == NULL);
    CHECK(strstr(doc->text, "Leave a reply") == NULL);
    dyad_doc_free(doc);
}

/* Text with no prose at all (a record, a headline) is kept, not called residue. */
TEST(clean_keeps_text_without_prose) {
    const char *raw = "ISRAEL ATTACKED LEBANON\nSYRIA CONDEMNED ATTACK";
    dyad_doc *doc = clean_bytes(raw, strlen(raw));
    CHECK_CONTAINS(doc->text, "ISRAEL ATTACKED LEBANON");
    CHECK_CONTAINS(doc->text, "SYRIA CONDEMNED ATTACK");
    dyad_doc_free(doc);
}

/* A caption ending in its credit goes even when shown once; a sentence that
 * lost its final mark but reads as prose stays. */
TEST(clean_caption_credit_and_unpunctuated_prose) {
    const char *raw = "Police officers stand guard outside parliament in Dhaka on Sunday Photograph: Agency\n\n"
                      "The opposition said it would boycott the vote, and its leaders called for a general strike "
                      "across the country on Monday\n\n"
                      "Election officials said turnout was low in the capital.\n";
    dyad_doc *doc = clean_bytes(raw, strlen(raw));
    CHECK(strstr(doc->text, "Photograph") == NULL);
    CHECK_CONTAINS(doc->text, "called for a general strike across the country on Monday\n\n");
    CHECK_CONTAINS(doc->text, "turnout was low in the capital.");
    dyad_doc_free(doc);
}

/* HTML handed over as text (a JSONL field holding markup) is still extracted. */
TEST(clean_markup_in_a_text_document) {
    const char *raw = "<p>The foreign ministry summoned the ambassador on Friday, state media said.</p>"
                      "<p>Officials gave no further details.</p>";
    dyad_doc *doc = clean_bytes(raw, strlen(raw));
    CHECK_CONTAINS(doc->text, "summoned the ambassador on Friday, state media said.");
    CHECK(strstr(doc->text, "<p>") == NULL);
    dyad_doc_free(doc);
}
