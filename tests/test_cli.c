/* test_cli.c - the dyad command line: help with examples, option checks, and
 * bad input reported with the input's name while the run goes on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

TEST(cli_every_command_has_help_with_example) {
    const char *cmds[] = {"extract", "parse", "code", "ingest", "query", "train", "eval"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char args[64], *out = NULL;
        snprintf(args, sizeof args, "%s --help", cmds[i]);
        CHECK_INT(check_run_cli(args, &out), 0);
        CHECK_CONTAINS(out, "usage: dyad");
        CHECK_CONTAINS(out, "example:");
        free(out);
    }
}

TEST(cli_rejects_bad_options_clearly) {
    char *out = NULL;
    CHECK_INT(check_run_cli("code --format xml examples/text/01-aukus-japan.txt 2>&1", &out), 2);
    CHECK_CONTAINS(out, "--format 'xml' is not one of");
    free(out);
    CHECK_INT(check_run_cli("code --threads zero examples/text/01-aukus-japan.txt 2>&1", &out), 2);
    CHECK_CONTAINS(out, "--threads must be a number");
    free(out);
    CHECK_INT(check_run_cli("code --date 2024-13-45 examples/text/01-aukus-japan.txt 2>&1", &out), 1);
    CHECK_CONTAINS(out, "not a date");
    free(out);
    CHECK_INT(check_run_cli("ingest examples/text/01-aukus-japan.txt 2>&1", &out), 2);
    CHECK_CONTAINS(out, "--db");
    free(out);
    CHECK_INT(check_run_cli("frobnicate 2>&1", &out), 2);
    CHECK_CONTAINS(out, "unknown command");
    free(out);
}

TEST(cli_missing_file_is_named_and_run_goes_on) {
    char *out = NULL;
    int rc = check_run_cli("extract no/such/file.txt examples/text/02-border-clash.txt 2>&1", &out);
    CHECK_INT(rc, 1);
    CHECK_CONTAINS(out, "no/such/file.txt");
    CHECK_CONTAINS(out, "Himalayan border"); /* the second input still came out */
    free(out);
}

TEST(cli_bad_inputs_each_get_one_error_line) {
    const char *dir = check_tmpdir();
    char path[512], args[2048], *out = NULL;
    snprintf(path, sizeof path, "%s/empty.txt", dir);
    FILE *f = fopen(path, "w");
    fclose(f);
    snprintf(path, sizeof path, "%s/garbage.bin", dir);
    f = fopen(path, "wb");
    for (int i = 0; i < 5000; i++) fputc((i * 7919) & 0xff, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/mixed.jsonl", dir);
    f = fopen(path, "w");
    fputs("{\"id\":\"ok1\",\"text\":\"Russia condemned the sanctions.\"}\n"
          "this line is not json\n"
          "{\"id\":\"ok2\",\"text\":\"Japan protested to China.\"}\n", f);
    fclose(f);
    snprintf(args, sizeof args,
             "extract '%s/empty.txt' '%s/garbage.bin' '%s/mixed.jsonl' examples/text/02-border-clash.txt 2>&1",
             dir, dir, dir);
    CHECK_INT(check_run_cli(args, &out), 1);
    CHECK_CONTAINS(out, "empty.txt");
    CHECK_CONTAINS(out, "garbage.bin");
    CHECK_CONTAINS(out, "mixed.jsonl:2");
    CHECK_CONTAINS(out, "Japan protested to China.");
    CHECK_CONTAINS(out, "Himalayan border");
    free(out);
}

TEST(cli_ingest_twice_adds_nothing) {
    char args[1024], *out = NULL;
    snprintf(args, sizeof args, "ingest --db '%s/cli.db' --date 2024-04-08 examples/text/02-border-clash.txt 2>&1",
             check_tmpdir());
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK_CONTAINS(out, "1 new stored");
    free(out);
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK_CONTAINS(out, "0 new stored");
    free(out);
    snprintf(args, sizeof args, "query --db '%s/cli.db' --sql 'SELECT count(*) AS n, min(date) AS d FROM documents'",
             check_tmpdir());
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK_STR(out, "n\td\n1\t2024-04-08\n");
    free(out);
}

TEST(cli_threads_keep_input_order) {
    const char *dir = check_tmpdir();
    char path[512], args[1024], *one = NULL, *many = NULL;
    snprintf(path, sizeof path, "%s/order.jsonl", dir);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 500; i++)
        fprintf(f, "{\"id\":\"d%03d\",\"text\":\"Report %d: the ministers met in Geneva and agreed to continue talks.\"}\n", i, i);
    fclose(f);
    snprintf(args, sizeof args, "parse --threads 1 '%s' 2>/dev/null", path);
    CHECK_INT(check_run_cli(args, &one), 0);
    snprintf(args, sizeof args, "parse --threads 4 '%s' 2>/dev/null", path);
    CHECK_INT(check_run_cli(args, &many), 0);
    CHECK(one && many && strlen(one) > 10000);
    CHECK(one && many && strcmp(one, many) == 0);
    CHECK_CONTAINS(one, "# newdoc id = d499");
    free(one);
    free(many);
}

TEST(cli_query_does_not_create_a_missing_database) {
    char args[1024], path[512], *out = NULL;
    snprintf(path, sizeof path, "%s/typo.db", check_tmpdir());
    snprintf(args, sizeof args, "query --db '%s' 2>&1", path);
    CHECK_INT(check_run_cli(args, &out), 1);
    CHECK_CONTAINS(out, "no such database");
    free(out);
    FILE *f = fopen(path, "r");
    CHECK(f == NULL);
    if (f) fclose(f);
}

TEST(cli_code_honours_a_records_files_config) {
    /* a PETRARCH records file turns require_dyad off half-way: the same
     * sentence is coded with a "---" target only after that <Config> */
    char *out = NULL;
    CHECK_INT(check_run_cli("code --dict-format petrarch --dicts tests/data/code/petrarch_linear --format tsv "
                            "tests/data/io/config_records.xml", &out), 0);
    CHECK(out && !strstr(out, "\nR-1\t"));
    CHECK_CONTAINS(out, "\nR-2\t1\t2000-01-01\tARN\t---\t064\t");
    free(out);
}

TEST(cli_code_writes_one_sided_events_only_with_monadic) {
    /* "went on strike" names no one it is aimed at: an event of its own only
     * with --monadic; the protest against a named government always is one */
    const char *dir = check_tmpdir();
    char path[512], args[1024], *out = NULL;
    snprintf(path, sizeof path, "%s/strikes.txt", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("Thousands of workers went on strike on Monday.\n\n"
          "Protesters in Belgrade demonstrated against the Serbian government on Tuesday.\n", f);
    fclose(f);
    snprintf(args, sizeof args, "code --format tsv --date 2024-04-08 %s", path);
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK(out && !strstr(out, "\t143\t"));
    CHECK_CONTAINS(out, "\tSRBGOV\t");
    free(out);
    snprintf(args, sizeof args, "code --monadic --format tsv --date 2024-04-08 %s", path);
    CHECK_INT(check_run_cli(args, &out), 0);
    CHECK_CONTAINS(out, "\t143\t");
    CHECK_CONTAINS(out, "\tSRBGOV\t");
    free(out);
}
