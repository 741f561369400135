/* test_html.c - HTML main-text extraction: a hand-written news page with
 * navigation, share buttons, related links, a figure caption, comments and
 * JSON-LD metadata; pages with no body, deep nesting, NULs and bad bytes. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "base/arena.h"
#include "base/util.h"
#include "text/text.h"

static dyad_doc *clean_html(const char *raw, size_t len) {
    dyad_doc *doc = dyad_doc_new();
    doc->raw = raw;
    doc->raw_len = len;
    doc->content = DYAD_FMT_HTML;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(text_clean(doc, &err), DYAD_OK);
    CHECK(doc->text != NULL);
    if (!doc->text) doc->text = (char *)"";
    return doc;
}

TEST(html_news_page_body_and_metadata) {
    size_t len;
    dyad_error err;
    dyad_error_clear(&err);
    char *html = file_read_all(check_path("tests/data/clean/news_page.html"), &len, 0, &err);
    CHECK(html != NULL);
    if (!html) return;
    dyad_doc *doc = clean_html(html, len);
    CHECK_STR(doc->title, "Japan and Philippines sign defence pact");
    CHECK_STR(doc->date, "2024-07-08"); /* JSON-LD beats <time> */
    CHECK_STR(doc->url, "https://news.example.org/world/2024/07/08/japan-philippines-pact");
    const char *t = doc->text;
    /* the headline is the first paragraph, then the report */
    CHECK(strncmp(t, "Japan and Philippines sign defence pact\n\nJapan and the Philippines signed", 73) == 0);
    CHECK_CONTAINS(t, "in a ceremony witnessed by President Ferdinand Marcos Jr.");
    CHECK_CONTAINS(t, "should not form \"small circles\"");
    CHECK_CONTAINS(t, "\n\nJoint drills planned\n\n");
    CHECK_CONTAINS(t, "and is negotiating one with France.");
    static const char *const absent[] = {"Business", "Share on", "Photo: Agency", "Related stories",
                                         "China warns Manila", "Advertisement", "Reader123",
                                         "Most read", "Copyright", "cookies", "Maria Santos",
                                         "color: red", "schema.org"};
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++)
        if (strstr(t, absent[i])) check_fail(__FILE__, __LINE__, "boilerplate \"%s\" in the text", absent[i]);
    /* the map points at the paragraph in the raw page */
    const char *p = strstr(t, "The Reciprocal Access Agreement");
    if (p) {
        uint32_t raw_off = doc->text_to_raw[p - t];
        const char *in_raw = strstr(html, "The Reciprocal Access Agreement");
        CHECK(raw_off + 40 > (uint32_t)(in_raw - html) && raw_off < (uint32_t)(in_raw - html) + 40);
    }
    dyad_doc_free(doc);
    free(html);
}

TEST(html_meta_fallbacks) {
    const char *html = "<html><head><title> Ceasefire\n talks resume </title>"
                       "<meta name=\"pubdate\" content=\"20240410\">"
                       "<meta property=\"og:url\" content=\"https://example.org/a\"></head>"
                       "<body><p>Negotiators from both sides returned to Cairo on Wednesday, officials said, "
                       "after a pause of two weeks in the talks.</p></body></html>";
    dyad_doc *doc = clean_html(html, strlen(html));
    CHECK_STR(doc->title, "Ceasefire talks resume");
    CHECK_STR(doc->date, "2024-04-10");
    CHECK_STR(doc->url, "https://example.org/a");
    CHECK_CONTAINS(doc->text, "Negotiators from both sides returned to Cairo on Wednesday");
    dyad_doc_free(doc);
    /* metadata the reader already found is kept */
    doc = dyad_doc_new();
    doc->raw = html;
    doc->raw_len = strlen(html);
    doc->content = DYAD_FMT_HTML;
    doc->date = "2024-01-01";
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(text_clean(doc, &err), DYAD_OK);
    CHECK_STR(doc->date, "2024-01-01");
    dyad_doc_free(doc);
}

TEST(html_without_body_or_text) {
    const char *html = "<html><head><title>Only a title</title></head></html>";
    dyad_doc *doc = clean_html(html, strlen(html));
    CHECK_STR(doc->title, "Only a title");
    CHECK(utf8_valid(doc->text, doc->text_len));
    dyad_doc_free(doc);
    doc = clean_html("", 0);
    CHECK_STR(doc->text, "");
    dyad_doc_free(doc);
    doc = clean_html("   \n ", 5);
    CHECK_STR(doc->text, "");
    dyad_doc_free(doc);
    /* text with no tags at all */
    const char *bare = "Officials said the border crossing would reopen on Friday, after a week of talks.";
    doc = clean_html(bare, strlen(bare));
    CHECK_CONTAINS(doc->text, "border crossing would reopen on Friday");
    dyad_doc_free(doc);
}

TEST(html_ten_thousand_nested_divs) {
    dy_buf b = {0};
    for (int i = 0; i < 10000; i++) buf_push(&b, "<div>", 5);
    buf_printf(&b, "<p>The deeply nested report says the parliament voted on Tuesday, "
                   "and the motion passed easily.</p>");
    for (int i = 0; i < 10000; i++) buf_push(&b, "</div>", 6);
    double t0 = now_seconds();
    dyad_doc *doc = clean_html(b.data, b.len);
    double dt = now_seconds() - t0;
    CHECK(dt < 2.0);
    CHECK(utf8_valid(doc->text, doc->text_len));
    dyad_doc_free(doc);
    /* unclosed tags too */
    buf_clear(&b);
    for (int i = 0; i < 10000; i++) buf_push(&b, "<span><b>", 9);
    buf_printf(&b, "text");
    doc = clean_html(b.data, b.len);
    CHECK(utf8_valid(doc->text, doc->text_len));
    dyad_doc_free(doc);
    buf_free(&b);
}

TEST(html_long_class_and_id_names) {
    /* class names longer than the matcher's buffer, then an id: the buffer
     * must stay terminated inside its bounds (found by fuzz_clean) */
    dy_buf b = {0};
    buf_printf(&b, "<html><body><div class=\"");
    for (int i = 0; i < 700; i++) buf_push(&b, "x", 1);
    buf_printf(&b, "\" id=\"story\" data-a=\"1\"><p>The minister said on Monday that the talks "
                   "with the neighbouring state would resume next week in Geneva.</p></div></body></html>");
    dyad_doc *doc = clean_html(b.data, b.len);
    CHECK(doc->text != NULL);
    if (doc->text) CHECK_CONTAINS(doc->text, "talks with the neighbouring state");
    dyad_doc_free(doc);
    buf_free(&b);
}

TEST(html_nul_bytes_and_invalid_utf8) {
    const char raw[] = "<html><body><p>The army said\x00 on Sunday that \xFF\xC3 troops had withdrawn "
                       "from the town, residents said.</p>\x00<p>Second paragraph of the report, "
                       "with more detail.</p></body></html>";
    dyad_doc *doc = clean_html(raw, sizeof raw - 1);
    CHECK(utf8_valid(doc->text, doc->text_len));
    CHECK_INT(strlen(doc->text), doc->text_len);
    CHECK_CONTAINS(doc->text, "troops had withdrawn from the town");
    for (size_t i = 0; i < doc->text_len; i++)
        if (doc->text_to_raw[i] >= sizeof raw - 1) {
            CHECK(doc->text_to_raw[i] < sizeof raw - 1);
            break;
        }
    dyad_doc_free(doc);
}

TEST(html_entities_scripts_and_comments) {
    const char *html = "<body><div class=\"article-body\"><p>Prime Minister&nbsp;Kishida met &quot;allies&quot; "
                       "in Tokyo &amp; Osaka this week, his office said on Friday.</p>"
                       "<script>var x = '<p>not text</p>';</script><!-- hidden comment -->"
                       "<p style=\"display:none\">Invisible paragraph that no reader ever sees on the page.</p>"
                       "<p>The visits followed talks in Washington, where both leaders agreed on closer ties.</p>"
                       "</div></body>";
    dyad_doc *doc = clean_html(html, strlen(html));
    CHECK_CONTAINS(doc->text, "Prime Minister Kishida met \"allies\" in Tokyo & Osaka this week");
    CHECK_CONTAINS(doc->text, "agreed on closer ties.");
    CHECK(strstr(doc->text, "not text") == NULL);
    CHECK(strstr(doc->text, "hidden comment") == NULL);
    CHECK(strstr(doc->text, "Invisible") == NULL);
    dyad_doc_free(doc);
}

TEST(html_cli_extract) {
    char *out = NULL;
    int rc = check_run_cli("extract --input-format html tests/data/clean/news_page.html", &out);
    CHECK_INT(rc, 0);
    CHECK_CONTAINS(out, "Japan and the Philippines signed a defence pact on Monday");
    CHECK_CONTAINS(out, "2024-07-08");
    CHECK(out && strstr(out, "Share on Facebook") == NULL);
    free(out);
}

/* `dyad eval extract` on two pages (one gzip'd): perfect bodies score 1.0,
 * a wrong ground truth fails --check. */
TEST(html_eval_extract_scores_and_checks) {
    char *out = NULL;
    int rc = check_run_cli("eval extract tests/data/clean/extract/ground-truth.json --pred /dev/null", &out);
    CHECK_INT(rc, 0);
    CHECK_CONTAINS(out, "pages 2\n");
    CHECK_CONTAINS(out, "F1 1.000");
    free(out);
    rc = check_run_cli("eval extract --check tests/data/clean/extract/ground-truth-wrong.json "
                       "--html-dir tests/data/clean/extract/html 2>/dev/null", &out);
    CHECK(rc != 0);
    CHECK_CONTAINS(out, "precision 0.500");
    free(out);
}

/* A UTF-8 page with a stray bad byte stays UTF-8; an undeclared Latin-1 page
 * is read as Latin-1. Both give "café". */
TEST(html_encoding_slips_and_latin1) {
    const char slip[] = "<html><body><p>The minister said caf\xC3\xA9 owners \xFF were angry about "
                        "the new tax on Monday, officials said.</p></body></html>";
    dyad_doc *doc = clean_html(slip, sizeof slip - 1);
    CHECK_CONTAINS(doc->text, "caf\xC3\xA9 owners were angry");
    dyad_doc_free(doc);
    const char latin[] = "<html><body><p>The minister said caf\xE9 owners were angry about "
                         "the new tax on Monday, officials said.</p></body></html>";
    doc = clean_html(latin, sizeof latin - 1);
    CHECK_CONTAINS(doc->text, "caf\xC3\xA9 owners were angry");
    dyad_doc_free(doc);
}

/* Metadata that is no date is ignored (a long digit run once overflowed the parser). */
TEST(html_meta_rejects_non_dates) {
    const char *html = "<html><head><meta property=\"article:published_time\" content=\"3333333333333 Apr 2024\">"
                       "<meta name=\"date\" content=\"soon\"></head><body><p>Talks between the two governments "
                       "resumed in Geneva on Tuesday, a spokesman said.</p></body></html>";
    dyad_doc *doc = clean_html(html, strlen(html));
    CHECK(doc->date == NULL);
    CHECK_CONTAINS(doc->text, "resumed in Geneva on Tuesday");
    dyad_doc_free(doc);
}
