/* test_dicts_predicates.c - checks dyad's own predicate dictionaries
 * (the .txt files under dicts/predicates) without the coding engine: every line is a
 * well-formed `verb`/`noun` entry (docs/dictionaries.md), every code is a
 * CAMEO event code, every leaf code has an entry, the set is large enough to
 * be useful, and no pattern is filed under two codes unless the line says
 * `# ambiguous-ok`. A small parser of its own keeps this test independent of
 * src/code. */
#include <ctype.h>
#include <stdio.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

/* CAMEO event codes as in the GDELT table the coder loads: the 20 roots
 * first, then every code an event may carry. Roots are valid but not required.
 * CAMEO 1.1b3's later codes (155, 176, 1834, 1951, 1952) are not in that table;
 * their patterns are filed under the parent code. */
static const char *const cameo_roots[] = {
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
};
static const char *const cameo_leaf_codes[] = {
    "010", "011", "012", "013", "014", "015", "016", "017", "018", "019",
    "020", "021", "0211", "0212", "0213", "0214", "022", "023", "0231", "0232", "0233", "0234",
    "024", "0241", "0242", "0243", "0244", "025", "0251", "0252", "0253", "0254", "0255", "0256",
    "026", "027", "028",
    "030", "031", "0311", "0312", "0313", "0314", "032", "033", "0331", "0332", "0333", "0334",
    "034", "0341", "0342", "0343", "0344", "035", "0351", "0352", "0353", "0354", "0355", "0356",
    "036", "037", "038", "039",
    "040", "041", "042", "043", "044", "045", "046",
    "050", "051", "052", "053", "054", "055", "056", "057",
    "060", "061", "062", "063", "064",
    "070", "071", "072", "073", "074", "075",
    "080", "081", "0811", "0812", "0813", "0814", "082", "083", "0831", "0832", "0833", "0834",
    "084", "0841", "0842", "085", "086", "0861", "0862", "0863", "087", "0871", "0872", "0873", "0874",
    "090", "091", "092", "093", "094",
    "100", "101", "1011", "1012", "1013", "1014", "102", "103", "1031", "1032", "1033", "1034",
    "104", "1041", "1042", "1043", "1044", "105", "1051", "1052", "1053", "1054", "1055", "1056",
    "106", "107", "108",
    "110", "111", "112", "1121", "1122", "1123", "1124", "1125", "113", "114", "115", "116",
    "120", "121", "1211", "1212", "122", "1221", "1222", "1223", "1224", "123", "1231", "1232",
    "1233", "1234", "124", "1241", "1242", "1243", "1244", "1245", "1246", "125", "126", "127",
    "128", "129",
    "130", "131", "1311", "1312", "1313", "132", "1321", "1322", "1323", "1324", "133", "134",
    "135", "136", "137", "138", "1381", "1382", "1383", "1384", "1385", "139",
    "140", "141", "1411", "1412", "1413", "1414", "142", "1421", "1422", "1423", "1424", "143",
    "1431", "1432", "1433", "1434", "144", "1441", "1442", "1443", "1444", "145", "1451", "1452",
    "1453", "1454",
    "150", "151", "152", "153", "154",
    "160", "161", "162", "1621", "1622", "1623", "163", "164", "165", "166", "1661", "1662", "1663",
    "170", "171", "1711", "1712", "172", "1721", "1722", "1723", "1724", "173", "174", "175",
    "180", "181", "182", "1821", "1822", "1823", "183", "1831", "1832", "1833", "184", "185", "186",
    "190", "191", "192", "193", "194", "195", "196",
    "200", "201", "202", "203", "204", "2041", "2042",
};
#define N_ROOTS (sizeof cameo_roots / sizeof cameo_roots[0])
#define N_LEAVES (sizeof cameo_leaf_codes / sizeof cameo_leaf_codes[0])

/* Prepositions a pattern may name as the target marker; a word outside this
 * list is almost always a typo ("wiht") or a missing `*`/`+`. */
static const char *const prepositions[] = {
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as",
    "at", "before", "behind", "between", "by", "despite", "during", "for", "from", "in",
    "inside", "into", "near", "of", "off", "on", "onto", "out", "outside", "over", "past",
    "regarding", "through", "throughout", "to", "toward", "towards", "under", "upon", "via",
    "with", "within", "without", "beyond",
};

static int code_index(const char *code) {
    for (size_t i = 0; i < N_LEAVES; i++)
        if (strcmp(cameo_leaf_codes[i], code) == 0) return (int)i;
    for (size_t i = 0; i < N_ROOTS; i++)
        if (strcmp(cameo_roots[i], code) == 0) return (int)(N_LEAVES + i);
    return -1;
}

static int is_preposition(const char *w) {
    for (size_t i = 0; i < sizeof prepositions / sizeof prepositions[0]; i++)
        if (strcmp(prepositions[i], w) == 0) return 1;
    return 0;
}

/* a lemma: lowercase letters, digits, hyphen or apostrophe, starting with a letter */
static int is_lemma(const char *w) {
    if (!islower((unsigned char)w[0])) return 0;
    for (const char *p = w; *p; p++)
        if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-' && *p != '\'') return 0;
    return 1;
}

/* A sum of money parses with its currency sign as the head ("$2 million"),
 * so a sign may stand as an object. */
static int is_currency(const char *w) {
    return !strcmp(w, "$") || !strcmp(w, "\xe2\x82\xac") || !strcmp(w, "\xc2\xa3");
}

/* One pattern, whitespace-normalised, as found in the files. */
typedef struct {
    char key[128];  /* "verb cut *ties with" */
    char code[8];
    int ambiguous_ok;
    char where[160]; /* file:line */
} pattern_rec;

typedef struct {
    pattern_rec *recs;
    size_t n, cap;
    int bad_lines;
    int verbose; /* print bad lines (only the well-formedness test does) */
    int files;
    int covered[N_LEAVES + N_ROOTS];
} pred_set;

static void report_bad(pred_set *s, const char *where, const char *what, const char *text) {
    s->bad_lines++;
    if (s->verbose && s->bad_lines <= 20) fprintf(stderr, "  %s: %s: \"%s\"\n", where, what, text);
}

/* Checks one pattern's token order: head [+word...] [*lemma] [prep] [~] [!].
 * The loader keeps at most MAX_PARTICLES +words. */
enum { MAX_PARTICLES = 4, MAX_ITEMS_PER_ENTRY = 256 };
static const char *pattern_problem(char *pat) {
    int stage = 0, ntok = 0, nparticles = 0; /* stage: 0 head, 1 particles, 2 object, 3 prep, 4 ~, 5 ! */
    for (char *tok = strtok(pat, " "); tok; tok = strtok(NULL, " "), ntok++) {
        if (ntok == 0) {
            if (!is_lemma(tok)) return "head is not a lemma";
            stage = 1;
        } else if (tok[0] == '+') {
            if (stage > 1 || !is_lemma(tok + 1)) return "misplaced or empty +particle";
            if (++nparticles > MAX_PARTICLES) return "more than 4 +words";
        } else if (tok[0] == '*') {
            if (stage >= 2 || !(is_lemma(tok + 1) || is_currency(tok + 1))) return "misplaced or empty *object";
            stage = 2;
        } else if (strcmp(tok, "~") == 0) {
            if (stage >= 4) return "misplaced ~";
            stage = 4;
        } else if (strcmp(tok, "!") == 0) {
            if (stage >= 5) return "misplaced !";
            stage = 5;
        } else if (is_preposition(tok)) {
            if (stage >= 3) return "second preposition or preposition after ~/!";
            stage = 3;
        } else {
            return "unknown word (not +particle, *object or preposition)";
        }
    }
    return ntok == 0 ? "empty pattern" : NULL;
}

static void add_entry(pred_set *s, const char *entry, int ambiguous_ok, const char *where) {
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", entry);
    char *colon = strchr(buf, ':');
    char kind[16], code[16];
    if (!colon || sscanf(buf, "%15s %15s", kind, code) != 2) {
        report_bad(s, where, "expected `verb CODE: PATTERN; ...`", entry);
        return;
    }
    size_t klen = strlen(code);
    if (klen && code[klen - 1] == ':') code[klen - 1] = '\0';
    if (strcmp(kind, "verb") != 0 && strcmp(kind, "noun") != 0) {
        report_bad(s, where, "entry kind must be verb or noun", entry);
        return;
    }
    int ci = code_index(code);
    if (ci < 0) {
        report_bad(s, where, "not a CAMEO event code", code);
        return;
    }
    char *body = colon + 1, *save = NULL;
    int items = 1;
    for (const char *p = body; *p; p++) items += *p == ';';
    if (items > MAX_ITEMS_PER_ENTRY) report_bad(s, where, "more than 256 patterns in one entry (the loader drops the rest)", code);
    for (char *item = strtok_r(body, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
        char norm[128] = "";
        size_t nlen = 0;
        for (char *p = item; *p; p++) { /* collapse whitespace */
            if (isspace((unsigned char)*p)) {
                if (nlen && norm[nlen - 1] != ' ' && nlen + 1 < sizeof norm) norm[nlen++] = ' ';
            } else if (nlen + 1 < sizeof norm) {
                norm[nlen++] = *p;
            }
        }
        while (nlen && norm[nlen - 1] == ' ') nlen--;
        norm[nlen] = '\0';
        char scratch[128];
        memcpy(scratch, norm, nlen + 1);
        const char *problem = pattern_problem(scratch);
        if (problem) {
            report_bad(s, where, problem, norm);
            continue;
        }
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 1024;
            s->recs = realloc(s->recs, s->cap * sizeof *s->recs);
        }
        pattern_rec *r = &s->recs[s->n++];
        snprintf(r->key, sizeof r->key, "%s %s", kind, norm);
        snprintf(r->code, sizeof r->code, "%s", code);
        snprintf(r->where, sizeof r->where, "%s", where);
        r->ambiguous_ok = ambiguous_ok;
        s->covered[ci]++;
    }
}

static void load_file(pred_set *s, const char *path, const char *name) {
    FILE *f = fopen(path, "r");
    if (!f) {
        report_bad(s, path, "cannot open", name);
        return;
    }
    s->files++;
    char line[4096], entry[8192] = "", where[160] = "";
    int lineno = 0, entry_ambiguous = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        int ambiguous = strstr(line, "# ambiguous-ok") != NULL;
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        size_t len = strlen(line);
        while (len && isspace((unsigned char)line[len - 1])) line[--len] = '\0';
        int continuation = isspace((unsigned char)line[0]);
        char *text = line;
        while (isspace((unsigned char)*text)) text++;
        if (!*text) continue;
        if (continuation && entry[0]) {
            strncat(entry, " ", sizeof entry - strlen(entry) - 1);
            strncat(entry, text, sizeof entry - strlen(entry) - 1);
            entry_ambiguous |= ambiguous;
            continue;
        }
        if (entry[0]) add_entry(s, entry, entry_ambiguous, where);
        snprintf(entry, sizeof entry, "%s", text);
        snprintf(where, sizeof where, "dicts/predicates/%s:%d", name, lineno);
        entry_ambiguous = ambiguous;
    }
    if (entry[0]) add_entry(s, entry, entry_ambiguous, where);
    fclose(f);
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_key(const void *a, const void *b) {
    const pattern_rec *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->code, y->code);
}

static void load_predicates(pred_set *s, int verbose) {
    memset(s, 0, sizeof *s);
    s->verbose = verbose;
    const char *dir = check_path("dicts/predicates");
    DIR *d = opendir(dir);
    if (!d) {
        report_bad(s, dir, "cannot open directory", "");
        return;
    }
    char *names[256];
    int nnames = 0;
    struct dirent *e;
    while ((e = readdir(d)) && nnames < 256) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0) names[nnames++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)nnames, sizeof names[0], by_name);
    for (int i = 0; i < nnames; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        load_file(s, path, names[i]);
        free(names[i]);
    }
    qsort(s->recs, s->n, sizeof *s->recs, by_key);
}

static const pattern_rec *find_pattern(const pred_set *s, const char *key) {
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->recs[i].key, key) == 0) return &s->recs[i];
    return NULL;
}

TEST(predicates_every_line_is_well_formed) {
    pred_set s;
    load_predicates(&s, 1);
    CHECK(s.files >= 20);
    CHECK_INT(s.bad_lines, 0);
    free(s.recs);
}

TEST(predicates_cover_every_cameo_code) {
    pred_set s;
    load_predicates(&s, 0);
    int missing = 0;
    for (size_t i = 0; i < N_LEAVES; i++) {
        if (s.covered[i] == 0) {
            missing++;
            fprintf(stderr, "  no predicate for CAMEO %s\n", cameo_leaf_codes[i]);
        }
    }
    CHECK_INT(missing, 0);
    CHECK(s.n >= 4000);
    free(s.recs);
}

TEST(predicates_are_not_filed_under_two_codes) {
    pred_set s;
    load_predicates(&s, 0);
    int clashes = 0;
    for (size_t i = 1; i < s.n; i++) {
        const pattern_rec *a = &s.recs[i - 1], *b = &s.recs[i];
        if (strcmp(a->key, b->key) != 0) continue;
        int same_code = strcmp(a->code, b->code) == 0;
        if (!same_code && a->ambiguous_ok && b->ambiguous_ok) continue;
        clashes++;
        if (clashes <= 20)
            fprintf(stderr, "  \"%s\" is %s at %s and %s at %s\n", a->key, a->code, a->where, b->code, b->where);
    }
    CHECK_INT(clashes, 0);
    free(s.recs);
}

/* The entries a human coder would look for first, under the code they expect. */
TEST(predicates_core_entries_have_expected_codes) {
    static const char *const expected[][2] = {
        {"verb say", "010"},           {"verb decline +to +comment", "011"},
        {"verb warn of", "012"},       {"verb praise", "051"},
        {"verb visit", "042"},         {"verb host", "043"},
        {"verb negotiate with", "046"}, {"verb sign *agreement with", "057"},
        {"verb criticize", "111"},     {"verb condemn", "111"},
        {"verb accuse !", "112"},      {"verb reject", "120"},
        {"verb threaten", "130"},      {"verb cut *ties with", "161"},
        {"verb impose *sanction on", "163"}, {"verb arrest", "173"},
        {"verb attack", "180"},        {"verb clash with", "193"},
        {"verb bomb", "195"},          {"noun visit to", "042"},
        {"noun talks with", "040"},    {"noun sanction against", "163"},
        {"noun attack on", "180"},     {"verb hold *talks with", "040"},
        {"verb urge ~", "020"},        {"verb call on ~", "020"},
        /* support voiced now is endorsement; promised support is intent */
        {"verb voice *support for", "051"}, {"verb pledge *support for", "051"},
        {"verb promise *support for", "032"},
        {"verb call +for *sanctions against", "111"},
        {"verb remain +on *alert in", "151"}, {"verb refuse +to +send *troops to", "1212"},
        /* a pardon frees a convict (0841); forgiving between actors stays 056 */
        {"verb pardon", "0841"},       {"verb grant *pardon to", "0841"},
        {"verb forgive", "056"},
        /* failing to agree turns down the other side's terms; halting talks is 164 */
        {"verb fail +to +reach *agreement", "120"}, {"verb fail +to +agree", "120"},
        /* forcing someone to act is coercion, not a demand */
        {"verb force ~", "170"},
        /* "cease-fire" parses as compound + head "fire" */
        {"verb declare *fire", "0871"}, {"verb announce *cessation", "0871"},
        /* publishing results is a statement, not a release of people */
        {"verb release *results", "010"}, {"verb release *report", "010"},
        {"verb offer +to +send *troops to", "0332"}, {"verb offer *criticism of", "111"},
        /* stopping aid is 162; the bare "suspension of" stays administrative */
        {"noun suspension *aid to", "162"}, {"noun suspension of", "172"},
        {"noun suspension *links with", "161"}, {"noun suspension *flights to", "163"},
        /* pledged support is stated support, as "pledge *support for" */
        {"verb pledge *support", "051"},
        /* a sum given parses with the currency sign as head ("$2 million") */
        {"verb give *$ to", "071"},    {"verb provide *\xe2\x82\xac to", "071"},
        {"verb pledge *$ to", "0331"},  {"verb contribute *troops to", "074"},
        {"verb release *statement", "010"},
        /* charging is accusing (Phoenix CHARGE, PLOVER ACCUSE "allege"); a sentence is legal action */
        {"verb charge", "112"},        {"verb file *charges against", "112"},
        {"verb sentence", "173"},      {"verb arrest", "173"},
        {"verb indict", "115"},        {"verb prosecute", "115"},
        /* extending sanctions imposes them again; maintaining them refuses to ease (Phoenix) */
        {"verb extend *sanctions", "163"}, {"verb maintain *sanctions", "1244"},
        {"verb extend *emergency", "1724"},
        /* strikes with the target in an against phrase */
        {"verb carry +out *strikes against", "190"},
        /* opening borders to people gives them refuge (PLOVER AID: asylum); to a neighbour it is 060 */
        {"verb open *border to", "075"}, {"verb open *border with", "060"},
        /* keeping someone out is a refusal (PLOVER REJECT), expelling them coercion */
        {"verb deny *entry to", "120"}, {"verb refuse *entry to", "120"},
        {"verb expel *journalist", "174"},
        {"verb prohibit *aid to", "162"}, {"verb use *civilians", "184"},
        /* war games: a show of force alone, military cooperation with a partner */
        {"verb stage *game", "150"},   {"verb conduct *game with", "062"},
        /* compensation returns the value of what was taken (Phoenix PAY * COMPENSATION) */
        {"verb pay *compensation to", "0842"}, {"verb apologize to", "055"},
        /* cancelling meetings is a refusal (PLOVER REJECT); halting talks under way is 164 */
        {"verb cancel *talks with", "125"}, {"verb call +off *talks", "125"},
        {"verb cancel *visit to", "125"}, {"verb suspend *talks with", "164"},
        /* sharing is with someone; evacuating settlements is a withdrawal, not aid */
        {"verb agree +to +share with", "0314"}, {"verb evacuate *settlement", "0874"},
        /* the partner is a preposition phrase (the target), not a fixed word */
        {"verb join +forces with", "050"}, {"verb refuse +to +negotiate with", "125"},
        /* gunmen storm headquarters and prisons (an armed raid); crowds storm parliaments */
        {"verb storm *headquarters", "180"}, {"verb storm *prison", "180"},
        {"verb storm *parliament", "145"},
        /* an ordered attack or sanction is the act itself */
        {"verb order *attack on", "180"}, {"verb order *sanctions on", "163"},
        {"verb head *inquiry into", "090"}, {"verb join *investigation into", "090"},
        {"verb challenge *decision", "110"}, {"verb call +out", "111"},
        {"verb call +out *army", "154"},  {"verb agree +on *deal", "057"},
        {"verb mobilize *troops to", "154"}, {"verb hold *protest against", "141"},
        /* granting permission yields (its refusal is 120); accepting a plan settles (127's positive) */
        {"verb give *permission to", "080"}, {"verb deny *permission to", "120"},
        {"verb accept *formula for", "037"}, {"verb refuse +to +accept *plan", "127"},
        /* expelled aid workers are aid agencies expelled (1663); journalists stay 174 */
        {"verb expel *worker", "1663"}, {"verb expel *ngo", "1663"},
        /* ceasing military operations de-escalates; closing offices withdraws (166) */
        {"verb cease *operations in", "087"}, {"verb end *operations in", "087"},
        {"verb suspend *operations in", "166"}, {"verb suspend *supplies to", "162"},
        {"verb enforce *sanctions", "163"}, {"verb end *effort with", "165"},
        {"verb provide *$", "071"},    {"verb deploy *observer in", "074"},
        {"verb accept *seeker", "073"},
        /* letting someone act yields; dropping an inquiry gives way */
        {"verb allow ~", "080"},       {"verb permit ~", "080"},
        {"verb drop *investigation", "080"}, {"verb quash *protest", "175"},
        {"verb fire *gas at", "175"},  {"verb impose *law in", "1724"},
        {"verb lift *state in", "0814"}, {"verb complain about", "114"},
        {"verb demand *truce with", "107"}, {"verb dismiss *appeal from", "120"},
        {"verb undertake *mission between", "045"}, {"verb abuse *immigrant", "182"},
        {"verb set +up *commission into", "090"}, {"verb shun *work", "143"},
    };
    pred_set s;
    load_predicates(&s, 0);
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const pattern_rec *r = find_pattern(&s, expected[i][0]);
        if (!r) {
            check_fail(__FILE__, __LINE__, "missing pattern \"%s\"", expected[i][0]);
            continue;
        }
        CHECK_STR(r->code, expected[i][1]);
    }
    free(s.recs);
}

/* Nouns that in news mostly mention an event rather than report one stand
 * only with the preposition that names the target ("sanctions on"). */
TEST(predicates_mention_nouns_need_a_target) {
    static const char *const bare[] = {"noun sanction", "noun sanctions", "noun embargo", "noun investigation",
                                       "noun probe", "noun inquiry", "noun attack", "noun attacks",
                                       "noun assault", "noun meeting", "noun summit", "verb sign", "verb go to",
                                       /* "his conviction", "contributed to the crisis" */
                                       "noun conviction", "verb contribute to",
                                       /* "an election rally", "since the invasion" */
                                       "noun rally", "noun offensive", "noun fighting", "noun invasion",
                                       "noun occupation", "noun massacre",
                                       /* court words: "appealed the ruling", "pleaded guilty" */
                                       "noun appeal", "noun plea", "verb appeal", "verb plead",
                                       /* "quashed the orders" is a court; what is allowed decides the code */
                                       "verb quash", "verb agree +to +allow", "verb promise +to +allow",
                                       /* "martial law" needs its place; a commission its inquiry */
                                       "verb impose *law", "verb set +up *commission",
                                       "verb establish *commission", "verb declare *cessation of"};
    pred_set s;
    load_predicates(&s, 0);
    for (size_t i = 0; i < sizeof bare / sizeof bare[0]; i++)
        if (find_pattern(&s, bare[i])) check_fail(__FILE__, __LINE__, "bare \"%s\" is back", bare[i]);
    CHECK(find_pattern(&s, "noun sanctions on") != NULL);
    CHECK(find_pattern(&s, "noun investigation into") != NULL);
    CHECK(find_pattern(&s, "noun offensive against") != NULL);
    CHECK(find_pattern(&s, "verb stage *protest") != NULL);
    /* "the US commitment to the people of X" mentions a stance; reaffirming it is the event */
    CHECK(find_pattern(&s, "noun commitment to") == NULL);
    CHECK(find_pattern(&s, "verb reaffirm *commitment to") != NULL);
    free(s.recs);
}

/* End to end through the CLI with dyad's dictionaries: the entries above reach
 * the event a coder expects on plain news sentences. */
TEST(predicates_new_entries_code_end_to_end) {
    char path[512];
    snprintf(path, sizeof path, "%s/predicates.txt", check_tmpdir());
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("Lithuania opened its borders to refugees in 1997.\n\n"
          "Ukraine denied entry to an Austrian journalist.\n\n"
          "The United States prohibited aid to the rebels.\n\n"
          "Hezbollah used Lebanese civilians as human shields.\n\n"
          "Jordan and Britain staged joint war games.\n\n"
          "Militants stormed a police headquarters in eastern Afghanistan.\n\n"
          "The army mobilised its troops to the border with Mali.\n\n"
          "The defence lawyers appealed the ruling.\n\n"
          "Ethiopia allowed the World Food Program to deliver food to the Tigray region.\n\n"
          "Turkey suspended food supplies to Armenia.\n\n"
          "The European Union deployed election observers in Zimbabwe.\n\n"
          "Berlin rejected calls by Belarus's rulers for immediate economic aid.\n\n"
          "Lebanon complained to the United Nations about Israeli air raids.\n",
          f);
    fclose(f);
    char cmd[600], *out = NULL;
    snprintf(cmd, sizeof cmd, "code --dicts dicts %s", path);
    CHECK_INT(check_run_cli(cmd, &out), 0);
    CHECK_CONTAINS(out, "\"source\":\"LTU\",\"target\":\"---REF\",\"code\":\"075\"");
    CHECK_CONTAINS(out, "\"source\":\"UKR\",\"target\":\"AUTMED\",\"code\":\"120\"");
    CHECK_CONTAINS(out, "\"source\":\"USA\",\"target\":\"---REB\",\"code\":\"162\"");
    CHECK_CONTAINS(out, "\"target\":\"LBNCVL\",\"code\":\"184\"");
    CHECK_CONTAINS(out, "\"source\":\"JOR\",\"target\":\"GBR\",\"code\":\"062\"");
    CHECK_CONTAINS(out, "\"source\":\"---REB\",\"target\":\"---COP\",\"code\":\"180\"");
    CHECK_CONTAINS(out, "\"target\":\"MLI\",\"code\":\"154\"");
    CHECK_CONTAINS(out, "\"source\":\"ETH\",\"target\":\"IGOUNOWFP\",\"code\":\"080\"");
    CHECK_CONTAINS(out, "\"source\":\"TUR\",\"target\":\"ARM\",\"code\":\"162\"");
    CHECK_CONTAINS(out, "\"source\":\"IGOEUREEC\",\"target\":\"ZWE\",\"code\":\"074\"");
    /* the one who asked is the target of a rejection, the one complained about of a complaint */
    CHECK_CONTAINS(out, "\"source\":\"DEUGOV\",\"target\":\"BLR\",\"code\":\"120\"");
    CHECK_CONTAINS(out, "\"source\":\"LBN\",\"target\":\"ISR\",\"code\":\"114\"");
    CHECK(strstr(out, "\"code\":\"020\"") == NULL);
    free(out);
}

/* Light verbs say nothing on their own: "take", "make", "get" ... may only
 * head a pattern together with a particle, object or preposition. */
TEST(predicates_light_verbs_never_stand_alone) {
    static const char *const light[] = {"take", "make", "get", "have", "be", "do", "give", "put",
                                        "go", "come", "set", "hold", "keep", "see", "let", "call"};
    pred_set s;
    load_predicates(&s, 0);
    int bare = 0;
    for (size_t i = 0; i < s.n; i++) {
        const char *key = s.recs[i].key + 5; /* after "verb " / "noun " */
        for (size_t k = 0; k < sizeof light / sizeof light[0]; k++)
            if (strcmp(key, light[k]) == 0) {
                bare++;
                fprintf(stderr, "  bare light verb \"%s\" at %s\n", key, s.recs[i].where);
            }
    }
    CHECK_INT(bare, 0);
    CHECK(s.n > 0);
    free(s.recs);
}

/* The parser itself must reject what the loader would reject. */
TEST(predicates_pattern_checker_rejects_malformed) {
    char a[] = "cut *ties wiht", b[] = "Visit", c[] = "meet with with", d[] = "accuse ! ~";
    char e[] = "cut *ties with", f[] = "call on ~", g[] = "accuse !";
    char h[] = "threaten +to +walk +away +from *talks", i[] = "a +b +c +d +e +f";
    char money[] = "give *$ to", percent[] = "give *% to";
    CHECK(pattern_problem(money) == NULL);
    CHECK(pattern_problem(percent) != NULL);
    CHECK(pattern_problem(h) == NULL);
    CHECK(pattern_problem(i) != NULL);
    CHECK(pattern_problem(a) != NULL);
    CHECK(pattern_problem(b) != NULL);
    CHECK(pattern_problem(c) != NULL);
    CHECK(pattern_problem(d) != NULL);
    CHECK(pattern_problem(e) == NULL);
    CHECK(pattern_problem(f) == NULL);
    CHECK(pattern_problem(g) == NULL);
    CHECK(code_index("1056") >= 0);
    CHECK(code_index("099") < 0);
    CHECK(code_index("21") < 0);
}
