/* test_dicts_people.c - checks the files under dicts/people on its own, without the
 * engine: every line parses as a `person` entry (docs/dictionaries.md), dates
 * are real calendar dates in order, codes look like CAMEO actor codes with a
 * known country, and a sample of well-known office holders carry exactly the
 * dates of their terms. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "base/util.h"

enum { MAX_NAMES = 12, MAX_ROLES = 16 };
/* the coverage the people dictionaries promise (role lines with a date) */
#define PEOPLE_MIN_DATED_ROLES 3000

typedef struct person_role {
    char code[24];
    char from[11], to[11]; /* "" when open */
} person_role;

typedef struct person_entry {
    char names[MAX_NAMES][96];
    int n_names;
    person_role roles[MAX_ROLES];
    int n_roles;
    char where[160]; /* file:line, for messages */
} person_entry;

typedef struct people_set {
    person_entry *items;
    int n, cap;
    int n_files, n_bad_lines, n_dated_roles;
} people_set;

/* ISO 3166 alpha-3 codes of UN members and observers, plus the CAMEO codes
 * for inter-governmental organisations, and XKX for Kosovo as dicts/states
 * uses it: a typo such as "GER" for
 * Germany must fail here rather than silently code a non-country. */
static const char *const known_countries =
    "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN "
    "BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD "
    "CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN "
    "FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ "
    "IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE "
    "LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR "
    "NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT "
    "QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM "
    "ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV "
    "UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE PSE VAT TWN XKX HKG COK NIU IGO IMG ";

static void trim(char **s, char **e) {
    while (*s < *e && (**s == ' ' || **s == '\t')) (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r')) (*e)--;
}

static int valid_date(const char *s, size_t len) {
    char tmp[11], back[11];
    int32_t days;
    if (len != 10) return 0;
    memcpy(tmp, s, 10);
    tmp[10] = 0;
    if (date_parse(tmp, &days) != 0) return 0;
    date_format(days, back); /* rejects 2023-02-30 and the like */
    return strcmp(back, tmp) == 0 && strcmp(tmp, "1900-01-01") >= 0 && strcmp(tmp, "2026-12-31") <= 0;
}

/* A CAMEO code (letters in threes) optionally followed by dyad's own
 * "-SUFFIX" for bodies CAMEO lacks (IGOUNOREF-UNRWA; dicts/README.md). */
static int valid_code(const char *s, size_t len) {
    const char *dash = memchr(s, '-', len);
    size_t cameo_len = dash ? (size_t)(dash - s) : len;
    if (cameo_len < 3 || cameo_len > 21 || cameo_len % 3 != 0) return 0;
    for (size_t i = 0; i < cameo_len; i++)
        if (s[i] < 'A' || s[i] > 'Z') return 0;
    if (dash) {
        if (len - cameo_len < 2) return 0;
        for (size_t i = cameo_len + 1; i < len; i++)
            if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))) return 0;
    }
    char country[5] = {s[0], s[1], s[2], ' ', 0};
    return strstr(known_countries, country) != NULL;
}

/* One role: "CODE" or "CODE FROM..TO"; returns 0 when malformed. */
static int parse_role(char *s, char *e, person_role *role) {
    trim(&s, &e);
    char *sp = memchr(s, ' ', (size_t)(e - s));
    char *code_end = sp ? sp : e;
    if (!valid_code(s, (size_t)(code_end - s))) return 0;
    memcpy(role->code, s, (size_t)(code_end - s));
    role->code[code_end - s] = 0;
    role->from[0] = role->to[0] = 0;
    if (!sp) return 1;
    char *r = sp, *re = e;
    trim(&r, &re);
    char *dots = strstr(r, "..");
    if (!dots || dots >= re) return 0;
    size_t from_len = (size_t)(dots - r), to_len = (size_t)(re - dots - 2);
    if (from_len && !valid_date(r, from_len)) return 0;
    if (to_len && !valid_date(dots + 2, to_len)) return 0;
    if (!from_len && !to_len) return 0;
    memcpy(role->from, r, from_len);
    role->from[from_len] = 0;
    memcpy(role->to, dots + 2, to_len);
    role->to[to_len] = 0;
    if (from_len && to_len && strcmp(role->from, role->to) > 0) return 0;
    return 1;
}

/* One `person NAMES: ROLES` line (comment already cut); 0 when malformed. */
static int parse_person(char *s, char *e, person_entry *p) {
    memset(p, 0, sizeof *p);
    if ((size_t)(e - s) < 8 || strncmp(s, "person ", 7) != 0) return 0;
    s += 7;
    char *colon = memchr(s, ':', (size_t)(e - s));
    if (!colon) return 0;
    for (char *n = s; n < colon;) {
        char *semi = memchr(n, ';', (size_t)(colon - n));
        char *ne = semi ? semi : colon, *ns = n;
        trim(&ns, &ne);
        if (ne == ns || (size_t)(ne - ns) >= sizeof p->names[0] || p->n_names == MAX_NAMES) return 0;
        memcpy(p->names[p->n_names], ns, (size_t)(ne - ns));
        p->names[p->n_names][ne - ns] = 0;
        for (int i = 0; i < p->n_names; i++)
            if (strcmp(p->names[i], p->names[p->n_names]) == 0) return 0;
        p->n_names++;
        n = semi ? semi + 1 : colon;
    }
    for (char *r = colon + 1; r < e;) {
        char *semi = memchr(r, ';', (size_t)(e - r));
        char *re = semi ? semi : e;
        if (p->n_roles == MAX_ROLES || !parse_role(r, re, &p->roles[p->n_roles])) return 0;
        p->n_roles++;
        r = semi ? semi + 1 : e;
    }
    return p->n_names > 0 && p->n_roles > 0;
}

static void load_file(people_set *set, const char *path, const char *name) {
    size_t len;
    dyad_error err;
    char *text = file_read_all(path, &len, 64u << 20, &err);
    if (!text) {
        check_fail(__FILE__, __LINE__, "cannot read %s", path);
        return;
    }
    set->n_files++;
    if (text[0] != '#') check_fail(__FILE__, __LINE__, "%s: must open with a comment saying what it holds", name);
    int line_no = 0;
    for (char *line = text; line < text + len;) {
        char *nl = memchr(line, '\n', (size_t)(text + len - line));
        char *end = nl ? nl : text + len, *next = nl ? nl + 1 : text + len;
        line_no++;
        char *hash = memchr(line, '#', (size_t)(end - line));
        char *s = line, *e = hash ? hash : end;
        if (s < e && (*s == ' ' || *s == '\t')) {
            check_fail(__FILE__, __LINE__, "%s:%d: continuation lines are not used here", name, line_no);
            set->n_bad_lines++;
        }
        trim(&s, &e);
        if (s < e) {
            if (set->n == set->cap) {
                set->cap = set->cap ? set->cap * 2 : 1024;
                set->items = realloc(set->items, (size_t)set->cap * sizeof *set->items);
            }
            person_entry *p = &set->items[set->n];
            if (!parse_person(s, e, p)) {
                check_fail(__FILE__, __LINE__, "%s:%d: malformed person line", name, line_no);
                set->n_bad_lines++;
            } else {
                snprintf(p->where, sizeof p->where, "%s:%d", name, line_no);
                for (int i = 0; i < p->n_roles; i++) set->n_dated_roles += p->roles[i].from[0] || p->roles[i].to[0];
                set->n++;
            }
        }
        line = next;
    }
    free(text);
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static people_set load_people(void) {
    people_set set = {0};
    const char *dir = check_path("dicts/people");
    char dir_copy[1024];
    snprintf(dir_copy, sizeof dir_copy, "%s", dir);
    DIR *d = opendir(dir_copy);
    if (!d) {
        check_fail(__FILE__, __LINE__, "cannot open %s", dir_copy);
        return set;
    }
    char *names[256];
    int n = 0;
    for (struct dirent *de; (de = readdir(d)) != NULL && n < 256;) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], by_name);
    for (int i = 0; i < n; i++) {
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", dir_copy, names[i]);
        load_file(&set, path, names[i]);
        free(names[i]);
    }
    return set;
}

/* 1 when some person named `name` (canonical or variant) has the role
 * CODE FROM..TO exactly. */
static int has_role(const people_set *set, const char *name, const char *code, const char *from, const char *to) {
    for (int i = 0; i < set->n; i++) {
        const person_entry *p = &set->items[i];
        int named = 0;
        for (int k = 0; k < p->n_names && !named; k++) named = strcmp(p->names[k], name) == 0;
        if (!named) continue;
        for (int r = 0; r < p->n_roles; r++)
            if (!strcmp(p->roles[r].code, code) && !strcmp(p->roles[r].from, from) && !strcmp(p->roles[r].to, to))
                return 1;
    }
    return 0;
}

/* 1 when some person named `name` has a role CODE that starts on `from`,
 * whatever its end (an office still held, or one that ended after this file
 * was last reviewed). */
static int has_role_from(const people_set *set, const char *name, const char *code, const char *from) {
    for (int i = 0; i < set->n; i++)
        for (int k = 0; k < set->items[i].n_names; k++)
            if (!strcmp(set->items[i].names[k], name))
                for (int r = 0; r < set->items[i].n_roles; r++)
                    if (!strcmp(set->items[i].roles[r].code, code) && !strcmp(set->items[i].roles[r].from, from))
                        return 1;
    return 0;
}

/* 1 when some person named `name` has a role with this code at any date */
static int has_code(const people_set *set, const char *name, const char *code) {
    for (int i = 0; i < set->n; i++)
        for (int k = 0; k < set->items[i].n_names; k++)
            if (!strcmp(set->items[i].names[k], name))
                for (int r = 0; r < set->items[i].n_roles; r++)
                    if (!strcmp(set->items[i].roles[r].code, code)) return 1;
    return 0;
}

#define CHECK_ROLE(set, name, code, from, to)                                                     \
    do {                                                                                          \
        if (!has_role(set, name, code, from, to))                                                 \
            check_fail(__FILE__, __LINE__, "no %s %s %s..%s in dicts/people", name, code, from, to); \
    } while (0)

TEST(people_parser_rejects_bad_lines) {
    person_entry p;
    char ok[] = "person Fumio Kishida; Kishida: JPNGOV 2021-10-04..2024-10-01; JPNLEG 1993-07-18..";
    CHECK(parse_person(ok, ok + strlen(ok), &p));
    CHECK_INT(p.n_names, 2);
    CHECK_INT(p.n_roles, 2);
    CHECK_STR(p.roles[1].from, "1993-07-18");
    CHECK_STR(p.roles[1].to, "");
    char igo[] = "person Jasem Albudaiwi: IGOGCC 2023-02-01..";
    CHECK(parse_person(igo, igo + strlen(igo), &p));
    CHECK_STR(p.roles[0].code, "IGOGCC");
    char own[] = "person Philippe Lazzarini: IGOUNOREF-UNRWA 2020-03-01..";
    CHECK(parse_person(own, own + strlen(own), &p));
    CHECK_STR(p.roles[0].code, "IGOUNOREF-UNRWA");
    const char *bad[] = {
        "person Kishida JPNGOV 2021-10-04..",          /* no colon */
        "person Kishida: JPNGOV 2024-10-01..2021-10-04", /* reversed */
        "person Kishida: JPNGOV 2023-02-30..",          /* no such day */
        "person Kishida: GERGOV 2021-10-04..",          /* not a country */
        "person Kishida: JPNGO 2021-10-04..",           /* not in threes */
        "person Kishida: JPNGOV 2021-10-04",            /* no range marker */
        "person Kishida: JPNGOV- 2021-10-04..",         /* empty suffix */
        "person Kishida: KSVGOV 2021-10-04..",          /* Kosovo is XKX here */
        "person Kishida; Kishida: JPNGOV",              /* repeated name */
        "actor JPN: Japan",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char line[128];
        snprintf(line, sizeof line, "%s", bad[i]);
        CHECK(!parse_person(line, line + strlen(line), &p));
    }
}

TEST(people_files_are_well_formed_and_large) {
    people_set set = load_people();
    CHECK(set.n_files >= 8);
    CHECK_INT(set.n_bad_lines, 0);
    if (set.n_dated_roles < PEOPLE_MIN_DATED_ROLES)
        check_fail(__FILE__, __LINE__, "%d dated roles, expected >= %d", set.n_dated_roles, PEOPLE_MIN_DATED_ROLES);
    /* one canonical name, one line: several roles of a person go on one line */
    const char **canon = malloc((size_t)(set.n ? set.n : 1) * sizeof *canon);
    for (int i = 0; i < set.n; i++) canon[i] = set.items[i].names[0];
    qsort(canon, (size_t)set.n, sizeof *canon, by_name);
    for (int i = 1; i < set.n; i++)
        if (strcmp(canon[i - 1], canon[i]) == 0)
            check_fail(__FILE__, __LINE__, "person \"%s\" is listed twice", canon[i]);
    free(canon);
    free(set.items);
}

TEST(people_known_terms_have_exact_dates) {
    people_set set = load_people();
    /* the seed report (2024-04-08) */
    CHECK_ROLE(&set, "Joe Biden", "USAGOV", "2021-01-20", "2025-01-20");
    CHECK_ROLE(&set, "Biden", "USAGOV", "2009-01-20", "2017-01-20");
    CHECK_ROLE(&set, "Anthony Albanese", "AUSGOV", "2022-05-23", "");
    CHECK_ROLE(&set, "Kishida", "JPNGOV", "2021-10-04", "2024-10-01");
    CHECK(has_code(&set, "Mao Ning", "CHNGOV"));
    CHECK_ROLE(&set, "Rahm Emanuel", "USAGOV", "2022-03-25", "2025-01-20");
    /* heads of government and state */
    CHECK_ROLE(&set, "Rishi Sunak", "GBRGOV", "2022-10-25", "2024-07-05");
    CHECK(has_role_from(&set, "Keir Starmer", "GBRGOV", "2024-07-05"));
    CHECK_ROLE(&set, "Narendra Modi", "INDGOV", "2014-05-26", "");
    CHECK_ROLE(&set, "Emmanuel Macron", "FRAGOV", "2017-05-14", "");
    CHECK_ROLE(&set, "Olaf Scholz", "DEUGOV", "2021-12-08", "2025-05-06");
    CHECK_ROLE(&set, "Shigeru Ishiba", "JPNGOV", "2024-10-01", "2025-10-21");
    CHECK_ROLE(&set, "Sanae Takaichi", "JPNGOV", "2025-10-21", "");
    CHECK_ROLE(&set, "Donald Trump", "USAGOV", "2017-01-20", "2021-01-20");
    CHECK_ROLE(&set, "Trump", "USAGOV", "2025-01-20", "");
    CHECK_ROLE(&set, "Barack Obama", "USAGOV", "2009-01-20", "2017-01-20");
    CHECK_ROLE(&set, "Angela Merkel", "DEUGOV", "2005-11-22", "2021-12-08");
    CHECK_ROLE(&set, "Shinzo Abe", "JPNGOV", "2012-12-26", "2020-09-16");
    CHECK_ROLE(&set, "Yoshihide Suga", "JPNGOV", "2020-09-16", "2021-10-04");
    CHECK_ROLE(&set, "Boris Johnson", "GBRGOV", "2019-07-24", "2022-09-06");
    CHECK_ROLE(&set, "Liz Truss", "GBRGOV", "2022-09-06", "2022-10-25");
    CHECK_ROLE(&set, "Theresa May", "GBRGOV", "2016-07-13", "2019-07-24");
    CHECK_ROLE(&set, "Scott Morrison", "AUSGOV", "2018-08-24", "2022-05-23");
    CHECK_ROLE(&set, "Malcolm Turnbull", "AUSGOV", "2015-09-15", "2018-08-24");
    CHECK_ROLE(&set, "Justin Trudeau", "CANGOV", "2015-11-04", "2025-03-14");
    CHECK_ROLE(&set, "Mark Carney", "CANGOV", "2025-03-14", "");
    CHECK_ROLE(&set, "Xi Jinping", "CHNGOV", "2013-03-14", "");
    CHECK_ROLE(&set, "Yoon Suk Yeol", "KORGOV", "2022-05-10", "2025-04-04");
    CHECK_ROLE(&set, "Lee Jae-myung", "KORGOV", "2025-06-04", "");
    CHECK_ROLE(&set, "Moon Jae-in", "KORGOV", "2017-05-10", "2022-05-10");
    CHECK_ROLE(&set, "Jair Bolsonaro", "BRAGOV", "2019-01-01", "2023-01-01");
    CHECK_ROLE(&set, "Javier Milei", "ARGGOV", "2023-12-10", "");
    CHECK_ROLE(&set, "Claudia Sheinbaum", "MEXGOV", "2024-10-01", "");
    CHECK_ROLE(&set, "Friedrich Merz", "DEUGOV", "2025-05-06", "");
    CHECK_ROLE(&set, "Antonio Guterres", "IGOUNO", "2017-01-01", "");
    CHECK_ROLE(&set, "Ban Ki-moon", "IGOUNO", "2007-01-01", "2016-12-31");
    CHECK_ROLE(&set, "Prabowo Subianto", "IDNGOV", "2024-10-20", "");
    CHECK_ROLE(&set, "Joko Widodo", "IDNGOV", "2014-10-20", "2024-10-20");
    CHECK_ROLE(&set, "Ferdinand Marcos Jr.", "PHLGOV", "2022-06-30", "");
    CHECK_ROLE(&set, "Rodrigo Duterte", "PHLGOV", "2016-06-30", "2022-06-30");
    /* added from the PLOVER development set's actors */
    CHECK_ROLE(&set, "Kirstjen Nielsen", "USAGOV", "2017-12-06", "2019-04-10");
    CHECK_ROLE(&set, "Brian Mulroney", "CANGOV", "1984-09-17", "1993-06-25");
    CHECK_ROLE(&set, "Yogi Adityanath", "INDGOV", "2017-03-19", "");
    CHECK(has_code(&set, "Pashinian", "ARMGOV"));
    free(set.items);
}
