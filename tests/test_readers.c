/* test_readers.c - the input readers: plain text, JSONL (bad lines, long
 * lines, gzip), WARC (chunked, gzip, truncated, lying lengths), CoNLL-U,
 * PETRARCH XML and TABARI records, and format sniffing. Fixtures are under
 * tests/data/io/ or written by the tests themselves. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "check.h"
#include "dyad.h"
#include "io/reader.h"
#include "text/segment.h"
#include "base/util.h"

typedef struct read_all {
    int ndocs, nbad, nfatal;
    dyad_doc *docs[16];
    dyad_error errs[16];
    int results[32];
    int nresults;
} read_all;

/* every reader_next result of one input (documents kept for inspection) */
static void read_input(const char *path, dyad_format fmt, read_all *ra) {
    memset(ra, 0, sizeof *ra);
    dyad_error err;
    dyad_error_clear(&err);
    dy_reader *r = reader_open(path, fmt, &err);
    CHECK(r != NULL);
    if (!r) return;
    for (int guard = 0; guard < 32; guard++) {
        dyad_doc *doc = dyad_doc_new();
        dyad_error_clear(&err);
        int rc = reader_next(r, doc, &err);
        ra->results[ra->nresults++] = rc;
        if (rc == READ_DOC && ra->ndocs < 16) { ra->docs[ra->ndocs++] = doc; continue; }
        dyad_doc_free(doc);
        if (rc == READ_BAD_DOC && ra->nbad < 16) ra->errs[ra->nbad++] = err;
        if (rc == READ_FATAL) { ra->errs[ra->nbad < 16 ? ra->nbad++ : 15] = err; ra->nfatal++; }
        if (rc == READ_END || rc == READ_FATAL) break;
    }
    reader_close(r);
}

static void read_free(read_all *ra) {
    for (int i = 0; i < ra->ndocs; i++) dyad_doc_free(ra->docs[i]);
}

static const char *write_file(const char *name, const void *data, size_t len) {
    static char path[8][512];
    static int slot;
    char *p = path[slot++ % 8];
    snprintf(p, 512, "%s/%s", check_tmpdir(), name);
    FILE *f = fopen(p, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
    return p;
}

static const char *write_gz(const char *name, const char *data, size_t len) {
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", check_tmpdir(), name);
    gzFile g = gzopen(path, "wb");
    gzwrite(g, data, (unsigned)len);
    gzclose(g);
    return path;
}

TEST(text_file_is_one_document) {
    read_all ra;
    read_input(check_path("tests/data/io/story.txt"), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.ndocs, 1);
    CHECK_INT(ra.nbad, 0);
    if (ra.ndocs == 1) {
        dyad_doc *d = ra.docs[0];
        CHECK_INT(d->content, DYAD_FMT_TEXT);
        CHECK_INT(d->input_line, 1);
        CHECK_INT(d->input_offset, 0);
        CHECK_CONTAINS(d->input, "story.txt");
        CHECK(d->raw_len > 200);
        CHECK_CONTAINS(d->raw, "BEIJING (Reuters) - China on Monday warned Japan");
    }
    read_free(&ra);
}

TEST(empty_and_blank_files_are_reported) {
    read_all ra;
    read_input(write_file("empty.txt", "", 0), DYAD_FMT_TEXT, &ra);
    CHECK_INT(ra.ndocs, 0);
    CHECK_INT(ra.nbad, 1);
    CHECK_CONTAINS(ra.errs[0].message, "empty input");
    CHECK_CONTAINS(ra.errs[0].input, "empty.txt");
    CHECK_INT(ra.results[ra.nresults - 1], READ_END);
    read_input(write_file("blank.txt", " \n\t\n\n", 5), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.ndocs, 0);
    CHECK_INT(ra.nbad, 1);
    CHECK_CONTAINS(ra.errs[0].message, "empty input");
}

TEST(binary_file_is_not_text) {
    char junk[600];
    memcpy(junk, "PK\3\4", 4);
    for (int i = 4; i < 600; i++) junk[i] = (char)(i % 7 == 0 ? 0 : i % 5);
    read_all ra;
    read_input(write_file("archive.txt", junk, sizeof junk), DYAD_FMT_TEXT, &ra);
    CHECK_INT(ra.ndocs, 0);
    CHECK_INT(ra.nbad, 1);
    CHECK_CONTAINS(ra.errs[0].message, "binary data, not text");
    CHECK_INT(ra.errs[0].offset, 2);
}

static const char jsonl[] =
    "{\"id\":\"r1\",\"date\":\"Mon, 08 Apr 2024 10:00:00 GMT\",\"title\":\"Talks\",\"text\":\"Japan and China held talks.\",\"url\":\"https://example.org/a\",\"source\":\"wire\"}\n"
    "{\"id\":\"r2\",\"text\":\"missing the closing brace\"\n"
    "\n"
    "{\"id\":\"r3\",\"title\":\"no text field\"}\n"
    "{\"id\":7,\"date\":\"2024-04-09T08:00:00Z\",\"text\":\"Officials met in Geneva.\"}\n";

TEST(jsonl_bad_lines_name_their_line_and_reading_goes_on) {
    read_all ra;
    read_input(write_file("news.jsonl", jsonl, sizeof jsonl - 1), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.ndocs, 2);
    CHECK_INT(ra.nbad, 2);
    if (ra.nbad == 2) {
        CHECK_INT(ra.errs[0].line, 2);
        CHECK_CONTAINS(ra.errs[0].message, "not JSON");
        CHECK_CONTAINS(ra.errs[0].input, "news.jsonl");
        CHECK_INT(ra.errs[1].line, 4);
        CHECK_CONTAINS(ra.errs[1].message, "\"text\"");
    }
    if (ra.ndocs == 2) {
        CHECK_STR(ra.docs[0]->id, "r1");
        CHECK_STR(ra.docs[0]->date, "2024-04-08");
        CHECK_STR(ra.docs[0]->title, "Talks");
        CHECK_STR(ra.docs[0]->url, "https://example.org/a");
        CHECK_STR(ra.docs[0]->source, "wire");
        CHECK_STR(ra.docs[0]->raw, "Japan and China held talks.");
        CHECK_INT(ra.docs[0]->input_line, 1);
        CHECK_STR(ra.docs[1]->id, "7");
        CHECK_STR(ra.docs[1]->date, "2024-04-09");
        CHECK_INT(ra.docs[1]->input_line, 5);
    }
    read_free(&ra);
}

TEST(jsonl_gz_is_read_through_zlib) {
    read_all ra;
    read_input(write_gz("news.jsonl.gz", jsonl, sizeof jsonl - 1), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.ndocs, 2);
    CHECK_INT(ra.nbad, 2);
    if (ra.ndocs) CHECK_STR(ra.docs[0]->raw, "Japan and China held talks.");
    read_free(&ra);
}

TEST(jsonl_overlong_line_is_skipped_not_kept) {
    char path[512];
    snprintf(path, sizeof path, "%s/long.jsonl", check_tmpdir());
    FILE *f = fopen(path, "wb");
    fputs("{\"text\":\"", f);
    static char block[1 << 16];
    memset(block, 'a', sizeof block);
    for (int i = 0; i < 65 * 16; i++) fwrite(block, 1, sizeof block, f); /* 65 MiB */
    fputs("\"}\n{\"text\":\"The next line is still read.\"}\n", f);
    fclose(f);
    read_all ra;
    read_input(path, DYAD_FMT_JSONL, &ra);
    CHECK_INT(ra.nbad, 1);
    CHECK_INT(ra.errs[0].line, 1);
    CHECK_CONTAINS(ra.errs[0].message, "longer than");
    CHECK_INT(ra.ndocs, 1);
    if (ra.ndocs) {
        CHECK_STR(ra.docs[0]->raw, "The next line is still read.");
        CHECK_INT(ra.docs[0]->input_line, 2);
    }
    read_free(&ra);
}

/* a WARC record around block */
static void warc_record(dy_buf *b, const char *type, const char *uri, const char *ctype, const char *block) {
    buf_printf(b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s-%zu>\r\n"
                  "WARC-Date: 2024-04-08T09:30:00Z\r\n", type, type, b->len);
    if (uri) buf_printf(b, "WARC-Target-URI: %s\r\n", uri);
    buf_printf(b, "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n%s\r\n\r\n", ctype, strlen(block), block);
}

static const char chunked_response[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
    "19\r\n<html><body><p>Japan and \r\n"
    "1c\r\nChina held talks.</p></body>\r\n"
    "7\r\n</html>\r\n"
    "0\r\n\r\n";

static void sample_warc(dy_buf *b) {
    warc_record(b, "warcinfo", NULL, "application/warc-fields", "software: test\r\n");
    warc_record(b, "request", "https://news.example.org/a", "application/http; msgtype=request",
                "GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n");
    warc_record(b, "response", "https://news.example.org/a", "application/http; msgtype=response", chunked_response);
    warc_record(b, "response", "https://news.example.org/logo.png", "application/http; msgtype=response",
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG");
    warc_record(b, "resource", "https://news.example.org/b.txt", "text/plain", "Officials met in Geneva.");
}

static void check_sample_docs(read_all *ra) {
    CHECK_INT(ra->nbad, 0);
    CHECK_INT(ra->ndocs, 2);
    if (ra->ndocs != 2) return;
    dyad_doc *d = ra->docs[0];
    CHECK_INT(d->content, DYAD_FMT_HTML);
    CHECK_STR(d->raw, "<html><body><p>Japan and China held talks.</p></body></html>");
    CHECK_STR(d->url, "https://news.example.org/a");
    CHECK_STR(d->date, "2024-04-08");
    CHECK(d->input_line > 1);
    CHECK_INT(ra->docs[1]->content, DYAD_FMT_TEXT);
    CHECK_STR(ra->docs[1]->raw, "Officials met in Geneva.");
}

TEST(warc_chunked_response_and_resource) {
    dy_buf b = {0};
    sample_warc(&b);
    read_all ra;
    read_input(write_file("crawl.warc", b.data, b.len), DYAD_FMT_AUTO, &ra);
    check_sample_docs(&ra);
    read_free(&ra);
    /* the same bytes under a name that says nothing: sniffed */
    read_input(write_file("crawl.dat", b.data, b.len), DYAD_FMT_AUTO, &ra);
    check_sample_docs(&ra);
    read_free(&ra);
    buf_free(&b);
}

TEST(warc_gz_multi_member) {
    dy_buf b = {0};
    sample_warc(&b);
    /* two gzip members, split at the third record */
    const char *cut = strstr(b.data, "WARC/1.0\r\nWARC-Type: response");
    size_t half = (size_t)(cut - b.data);
    char path[512];
    snprintf(path, sizeof path, "%s/crawl.warc.gz", check_tmpdir());
    gzFile g = gzopen(path, "wb");
    gzwrite(g, b.data, (unsigned)half);
    gzclose(g);
    g = gzopen(path, "ab");
    gzwrite(g, b.data + half, (unsigned)(b.len - half));
    gzclose(g);
    read_all ra;
    read_input(path, DYAD_FMT_AUTO, &ra);
    check_sample_docs(&ra);
    read_free(&ra);
    buf_free(&b);
}

TEST(warc_truncated_record_is_reported) {
    dy_buf b = {0};
    sample_warc(&b);
    size_t cut = b.len - 10; /* inside the last record's block */
    read_all ra;
    read_input(write_file("trunc.warc", b.data, cut), DYAD_FMT_WARC, &ra);
    CHECK_INT(ra.ndocs, 1);
    CHECK_INT(ra.nbad, 1);
    CHECK_CONTAINS(ra.errs[0].message, "WARC record 5");
    CHECK_CONTAINS(ra.errs[0].message, "truncated");
    CHECK(ra.errs[0].offset > 0);
    CHECK_INT(ra.results[ra.nresults - 1], READ_END);
    read_free(&ra);
    /* a truncated gzip stream ends the input with an error, no hang */
    char path[512];
    snprintf(path, sizeof path, "%s/full.warc.gz", check_tmpdir());
    gzFile g = gzopen(path, "wb");
    gzwrite(g, b.data, (unsigned)b.len);
    gzclose(g);
    size_t gzlen;
    dyad_error err;
    char *gz = file_read_all(path, &gzlen, 0, &err);
    CHECK(gz != NULL);
    if (gz) {
        read_input(write_file("cut.warc.gz", gz, gzlen / 2), DYAD_FMT_AUTO, &ra);
        CHECK(ra.nbad >= 1);
        CHECK(ra.ndocs <= 2);
        read_free(&ra);
        free(gz);
    }
    buf_free(&b);
}

TEST(warc_lying_length_resyncs_on_next_record) {
    dy_buf b = {0};
    buf_printf(&b, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://x.example/1\r\n"
                   "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nThis block is longer than five bytes.\r\n\r\n");
    warc_record(&b, "resource", "https://x.example/2", "text/plain", "Gondor and Arnor signed a treaty.");
    read_all ra;
    read_input(write_file("lying.warc", b.data, b.len), DYAD_FMT_WARC, &ra);
    CHECK_INT(ra.nbad, 1);
    CHECK_CONTAINS(ra.errs[0].message, "WARC record 1 at offset 0");
    CHECK_CONTAINS(ra.errs[0].message, "Content-Length");
    CHECK_INT(ra.ndocs, 1);
    if (ra.ndocs) CHECK_STR(ra.docs[0]->raw, "Gondor and Arnor signed a treaty.");
    read_free(&ra);
    buf_free(&b);
}

TEST(conllu_documents_words_and_text) {
    read_all ra;
    read_input(check_path("tests/data/io/two_docs.conllu"), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.nbad, 0);
    CHECK_INT(ra.ndocs, 2);
    if (ra.ndocs == 2) {
        dyad_doc *d = ra.docs[0];
        CHECK_STR(d->id, "doc-a");
        CHECK(d->given_tokens);
        CHECK_STR(d->text, "I don't know.\nJapan's envoy left.\n");
        CHECK_INT(d->nsentences, 2);
        CHECK_INT(d->ntokens, 10); /* the empty node 3.1 is skipped */
        if (d->ntokens == 10) {
            CHECK_STR(d->tokens[1].form, "do");
            CHECK(!(d->tokens[1].flags & TOK_JOINED));
            CHECK(d->tokens[2].flags & TOK_JOINED);
            CHECK_STR(d->tokens[2].form, "n't");
            CHECK_STR(d->tokens[2].lemma, "not");
            CHECK_STR(d->tokens[3].upos, "VERB");
            CHECK_INT(d->tokens[3].head, 0);
            CHECK_STR(d->tokens[3].deprel, "root");
            CHECK_STR(d->tokens[0].feats, "Case=Nom|Number=Sing|Person=1|PronType=Prs");
            for (size_t i = 0; i < d->ntokens; i++) CHECK(d->tokens[i].off + d->tokens[i].len <= d->text_len);
            CHECK(!memcmp(d->text + d->tokens[5].off, "Japan", 5));
            CHECK_INT(d->tokens[5].space_after, 0);
        }
        if (d->nsentences == 2) {
            CHECK_STR(d->sentences[1].id, "a-2");
            CHECK_INT(d->sentences[1].first_token, 5);
            CHECK(!memcmp(d->text + d->sentences[1].off, "Japan's envoy left.", d->sentences[1].len));
        }
        CHECK_STR(ra.docs[1]->id, "doc-b");
        CHECK_STR(ra.docs[1]->text, "Talks resumed.\n");
    }
    read_free(&ra);
}

TEST(conllu_malformed_line_names_it) {
    read_all ra;
    read_input(check_path("tests/data/io/bad_line.conllu"), DYAD_FMT_CONLLU, &ra);
    CHECK_INT(ra.nbad, 1);
    CHECK_INT(ra.errs[0].line, 4);
    CHECK_CONTAINS(ra.errs[0].input, "bad_line.conllu");
    CHECK_INT(ra.ndocs, 1);
    if (ra.ndocs) {
        CHECK_STR(ra.docs[0]->id, "fine");
        CHECK_STR(ra.docs[0]->text, "Troops withdrew\n");
    }
    read_free(&ra);
}

TEST(petrxml_records_with_expected_codings) {
    read_all ra;
    read_input(check_path("tests/data/io/records.xml"), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.ndocs, 5);
    CHECK_INT(ra.nbad, 1);
    CHECK_INT(ra.errs[0].line, 36);
    CHECK_CONTAINS(ra.errs[0].message, "</Sentence>");
    if (ra.ndocs == 5) {
        dyad_doc *d = ra.docs[0];
        dy_record *rec = d->extra;
        CHECK_STR(d->id, "DEMO-01");
        CHECK_STR(d->date, "1995-01-01");
        CHECK_STR(d->raw, "Arnor is about to restore full diplomatic ties with Gondor almost five years after "
                          "crowds trashed its embassy & its consulate.");
        CHECK(rec != NULL);
        if (rec) {
            CHECK_STR(rec->category, "DEMO");
            CHECK_INT(rec->evaluate, 1);
            CHECK_INT(rec->nexpected, 1);
            if (rec->nexpected) {
                CHECK_STR(rec->expected[0].source, "ARN");
                CHECK_STR(rec->expected[0].target, "GON");
                CHECK_STR(rec->expected[0].code, "064");
            }
            CHECK_STR(rec->parse, "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is))))");
        }
        rec = ra.docs[1]->extra;
        CHECK_STR(ra.docs[1]->date, "2008-08-04");
        CHECK_INT(rec->evaluate, 0);
        CHECK_INT(rec->nexpected, 2);
        if (rec->nexpected == 2) CHECK_STR(rec->expected[0].source, "\"THE MINISTRY OF MAGIC\"");
        CHECK(rec->parse == NULL);
        CHECK_INT(((dy_record *)ra.docs[2]->extra)->has_error, 1);
        CHECK_INT(((dy_record *)ra.docs[3]->extra)->noevents, 1);
        CHECK_STR(ra.docs[4]->id, "LAST-01");
    }
    read_free(&ra);
}

TEST(petrxml_config_settings_hold_for_the_records_after_them) {
    /* PETRARCH's validation files switch coder settings between records with
     * <Config>; a later value of the same option replaces the earlier one,
     * and one inside a comment does not count */
    static const char xml[] =
        "<Sentences>\n<Include>DEMO ACTOR </Include>\n"
        "<Sentence date=\"20150101\" id=\"A-1\" category=\"DEMO\"><Text>Arnor met Gondor.</Text></Sentence>\n"
        "<Config option=\"require_dyad\" value=\"false\" />\n"
        "<Config option = 'comma_emax' value = '0'/>\n"
        "<Sentence date=\"20150101\" id=\"A-2\" category=\"ACTOR\"><Text>Arnor met Gondor.</Text></Sentence>\n"
        "<!-- <Config option=\"comma_emax\" value=\"5\" /> -->\n"
        "<Config option=\"require_dyad\" value=\"True\" />\n"
        "<Sentence date=\"20150101\" id=\"A-3\" category=\"DEMO\"><Text>Arnor met Gondor.</Text></Sentence>\n"
        "</Sentences>\n";
    read_all ra;
    read_input(write_file("config.xml", xml, sizeof xml - 1), DYAD_FMT_PETRXML, &ra);
    CHECK_INT(ra.ndocs, 3);
    if (ra.ndocs == 3) {
        CHECK(ra.docs[0]->code_options == NULL);
        CHECK_STR(((dy_record *)ra.docs[0]->extra)->include, " DEMO ACTOR  ");
        CHECK_STR(ra.docs[1]->code_options, "require_dyad=false\ncomma_emax=0\n");
        CHECK_STR(ra.docs[2]->code_options, "require_dyad=True\ncomma_emax=0\n");
        CHECK_STR(((dy_record *)ra.docs[2]->extra)->include, " DEMO ACTOR  ");
    }
    read_free(&ra);
}

TEST(tabari_records_with_expected_events) {
    read_all ra;
    read_input(check_path("tests/data/io/records.tabari"), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.nbad, 0);
    CHECK_INT(ra.ndocs, 4);
    if (ra.ndocs == 4) {
        dyad_doc *d = ra.docs[0];
        dy_record *rec = d->extra;
        CHECK_STR(d->id, "DEMO-01");
        CHECK_STR(d->date, "1995-01-01");
        CHECK_INT(d->input_line, 6);
        CHECK_STR(d->raw, "Arnor is about to restore full diplomatic ties with Gondor almost five years after "
                          "crowds trashed its embassy, a senior official said on Saturday.");
        CHECK_STR(rec->category, "DEMO");
        CHECK_INT(rec->nexpected, 1);
        if (rec->nexpected) {
            CHECK_STR(rec->expected[0].source, "ARN");
            CHECK_STR(rec->expected[0].target, "GON");
            CHECK_STR(rec->expected[0].code, "064");
        }
        CHECK_STR(ra.docs[1]->date, "2003-04-15");
        CHECK_INT(((dy_record *)ra.docs[1]->extra)->nexpected, 2);
        CHECK_STR(ra.docs[2]->id, "NULL-02");
        CHECK_INT(((dy_record *)ra.docs[2]->extra)->noevents, 1);
        CHECK_STR(ra.docs[3]->date, "1999-12-31");
        CHECK_STR(ra.docs[3]->raw, "A record that ends with a blank line and has no comment.");
    }
    read_free(&ra);
}

TEST(tabari_option_records_hold_for_the_records_after_them) {
    /* TABARI validation files switch settings with OPTION records */
    static const char text[] = "950101  DEMO-01\nArnor restored ties with Gondor.\n/*\\n{ ARN / GON / 064 } */\n\n"
                               "950101  CODEBY-Modify\nChanging the options.\n/*\\n------\n"
                               "\\n{ OPTION: SET: CODE BY SENTENCE } */\n\n"
                               "950105  CODEBY-02\nGondor accepts that Arnor might affirm an attack.\n"
                               "/*\\n{ GON / ARN / 042 }\n\\n{ OPTION:  DEFAULT: OFF } */\n";
    read_all ra;
    read_input(write_file("options.text", text, sizeof text - 1), DYAD_FMT_TABARI, &ra);
    CHECK_INT(ra.ndocs, 3);
    if (ra.ndocs == 3) {
        CHECK(ra.docs[0]->code_options == NULL);
        CHECK_STR(ra.docs[1]->code_options, " SET: CODE BY SENTENCE \n");
        dy_record *last = ra.docs[2]->extra;
        CHECK_STR(ra.docs[2]->code_options, " SET: CODE BY SENTENCE \n  DEFAULT: OFF \n");
        CHECK_INT(last->nexpected, 1);
        CHECK_INT(last->noevents, 0);
    }
    read_free(&ra);
}

TEST(missing_file_fails_to_open) {
    dyad_error err;
    dyad_error_clear(&err);
    dy_reader *r = reader_open("tests/data/io/no-such-file.txt", DYAD_FMT_AUTO, &err);
    CHECK(r == NULL);
    CHECK_INT(err.status, DYAD_EIO);
    CHECK_CONTAINS(err.input, "no-such-file.txt");
}

TEST(auto_format_from_first_bytes) {
    read_all ra;
    /* JSONL under a name that says nothing */
    read_input(write_file("feed.dat", jsonl, sizeof jsonl - 1), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.ndocs, 2);
    if (ra.ndocs) CHECK_STR(ra.docs[0]->id, "r1");
    read_free(&ra);
    /* HTML in a .txt file is handed over as HTML */
    static const char page[] = "<!DOCTYPE html><html><body><p>Talks resumed in Geneva.</p></body></html>";
    read_input(write_file("page.txt", page, sizeof page - 1), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.ndocs, 1);
    if (ra.ndocs) CHECK_INT(ra.docs[0]->content, DYAD_FMT_HTML);
    read_free(&ra);
    /* CoNLL-U without its extension */
    static const char conllu[] = "# sent_id = 1\n1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                                 "2\tresumed\tresume\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
    read_input(write_file("sentences.out", conllu, sizeof conllu - 1), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.ndocs, 1);
    if (ra.ndocs) {
        CHECK(ra.docs[0]->given_tokens);
        CHECK_STR(ra.docs[0]->text, "Talks resumed\n");
    }
    read_free(&ra);
}

TEST(jsonl_from_stdin_through_the_cli) {
    const char *path = write_file("stdin.jsonl", jsonl, sizeof jsonl - 1);
    char args[1024], *out = NULL;
    snprintf(args, sizeof args, "extract --input-format jsonl - < '%s' 2>/dev/null", path);
    check_run_cli(args, &out);
    CHECK_CONTAINS(out, "\"id\":\"r1\"");
    CHECK_CONTAINS(out, "Officials met in Geneva.");
    free(out);
}

TEST(warc_cut_record_does_not_swallow_the_next) {
    /* the first record claims more bytes than it has: its Content-Length
     * runs into the next record, which must still be read */
    dy_buf b = {0};
    buf_printf(&b, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://x.example/cut\r\n"
                   "Content-Type: text/plain\r\nContent-Length: 120\r\n\r\nThe crawler stopped here.\r\n\r\n");
    warc_record(&b, "resource", "https://x.example/next", "text/plain",
                "Gondor and Arnor signed a treaty on Monday, officials said.");
    warc_record(&b, "resource", "https://x.example/last", "text/plain", "Talks resume next week.");
    read_all ra;
    read_input(write_file("cut.warc", b.data, b.len), DYAD_FMT_WARC, &ra);
    CHECK_INT(ra.nbad, 1);
    CHECK_CONTAINS(ra.errs[0].message, "WARC record 1");
    CHECK_INT(ra.ndocs, 2);
    if (ra.ndocs == 2) {
        CHECK_STR(ra.docs[0]->url, "https://x.example/next");
        CHECK_STR(ra.docs[0]->raw, "Gondor and Arnor signed a treaty on Monday, officials said.");
        CHECK(ra.docs[0]->input_offset > 0);
        CHECK_STR(ra.docs[1]->url, "https://x.example/last");
    }
    read_free(&ra);
    buf_free(&b);
}

TEST(auto_format_finds_record_files) {
    /* a TABARI file under a plain name: comment lines, then a record header */
    static const char tabari[] = "# validation records\n#\n\n950101  DEMO-01\nArnor restored ties with Gondor.\n"
                                 "/*\\n{ ARN / GON / 064 } */\n";
    read_all ra;
    read_input(write_file("demo.text", tabari, sizeof tabari - 1), DYAD_FMT_AUTO, &ra);
    CHECK_INT(ra.ndocs, 1);
    if (ra.ndocs) {
        CHECK_STR(ra.docs[0]->id, "DEMO-01");
        CHECK(ra.docs[0]->extra != NULL);
    }
    read_free(&ra);
    /* PETRARCH records compressed, under a .gz name */
    size_t len;
    dyad_error err;
    char *xml = file_read_all(check_path("tests/data/io/records.xml"), &len, 0, &err);
    CHECK(xml != NULL);
    if (xml) {
        read_input(write_gz("records.gz", xml, len), DYAD_FMT_AUTO, &ra);
        CHECK_INT(ra.ndocs, 5);
        read_free(&ra);
        free(xml);
    }
}
