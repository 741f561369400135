/* test_augment.c - the parser's titled-name training copies: a one-word
 * person object right after its verb replaced by a titled name, annotated as
 * the treebank annotates such names. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "nlp/nlp_internal.h"

static const char *const treebank =
    "# sent_id = t-1\n"
    "1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\thim\the\tPRON\tPRP\t_\t2\tobj\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tKabul\tKabul\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t-2\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\thim\the\tPRON\tPRP\t_\t2\tobj\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

TEST(augment_titled_name_replaces_a_person_object) {
    char path[1100];
    snprintf(path, sizeof path, "%s/names.conllu", check_tmpdir());
    FILE *fp = fopen(path, "w");
    CHECK(fp != NULL);
    if (!fp) return;
    fputs(treebank, fp);
    fclose(fp);
    nlp_corpus c;
    dyad_error err;
    dyad_error_clear(&err);
    CHECK_INT(corpus_load(&c, path, &err), 0);
    if (err.status) return;
    /* "She saw him ." has nothing after the object: no copy */
    CHECK_INT(corpus_augment_names(&c), 1);
    CHECK_INT((long)c.nsents, 3);
    CHECK_STR(c.sent_ids[1], "t-1-name");
    /* "Police arrested President Emmanuel Macron in Kabul ." */
    const nlp_gold_tok *t = c.toks + c.sent_first[1];
    CHECK_INT((long)corpus_sent_len(&c, 1), 8);
    CHECK_STR(t[2].form, "President");
    CHECK_STR(t[2].deprel, "nmod:desc");
    CHECK_INT(t[2].head, 4);
    CHECK_STR(t[3].form, "Emmanuel");
    CHECK_STR(t[3].deprel, "obj");
    CHECK_INT(t[3].head, 2);
    CHECK_STR(t[4].deprel, "flat");
    CHECK_INT(t[4].head, 4);
    CHECK_STR(t[6].form, "Kabul");
    CHECK_INT(t[6].head, 2);
    CHECK_INT(t[5].head, 7); /* "in" -> "Kabul", shifted by two */
    CHECK_INT(t[7].head, 2);
    corpus_free(&c);
}
