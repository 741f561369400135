/* abbrev.c - the word lists of the segmenter: abbreviations that keep their
 * period, titles that never end a sentence, words that open one, and the
 * prefixes that stay joined to a hyphenated word. Looked up only at the rare
 * places where a rule needs them, so a linear scan is fast enough. */
#include <string.h>
#include <strings.h>
#include "segment.h"

/* no entry is longer than this: most words are rejected without a scan */
#define LONGEST_ENTRY 9

static int in_list(const char *const *list, const char *s, size_t len, int fold_case) {
    if (!len || len > LONGEST_ENTRY) return 0;
    unsigned char first = (unsigned char)(fold_case ? (s[0] | 0x20) : s[0]);
    for (size_t i = 0; list[i]; i++) {
        unsigned char c = (unsigned char)(fold_case ? (list[i][0] | 0x20) : list[i][0]);
        if (c != first || strlen(list[i]) != len) continue;
        if (fold_case ? strncasecmp(list[i], s, len) == 0 : memcmp(list[i], s, len) == 0) return 1;
    }
    return 0;
}

/* titles, months and words that are followed by a name or a number */
static const char *const titles[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpl", "Sgt", "Adm",
    "Cmdr", "Brig", "Sen", "Rep", "Reps", "Gov", "Pres", "Rev", "Hon", "Fr", "Sr", "St", "Ste",
    "Mt", "Ft", "Pt", "No", "Nos", "Nr", "vs", "v", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur",
    "Thurs", "Fri", "Sat", "Gov", "Supt", "Insp", "Det", "Amb", "Atty", "Attn", "Messrs",
    "Mme", "Mlle", "Sens", "Govs", "Pfc", "Spc", "Rt", "approx", "Ave", "Blvd", "Rd", "cf",
    "Fig", "Vol", "vol", "pp", "Sec", "Ch", "Op", "Eds", "eds", "Pa", "Va", "Ga", "Fla",
    "Calif", "Mass", "Conn", "Ariz",
    "Ill", "Ind", "Kan", "Ky", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla",
    "Ore", "Tenn", "Tex", "Wash", "Wis", "Wyo", "Colo", "Del", "Ala", "Ark", "La", "Me", NULL};

/* abbreviations that may also end a sentence */
static const char *const enders[] = {
    "Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Sr", "etc", "LLC", "Plc", "plc", "Assn", "Dept",
    "Univ", "Intl", "Govt", "yrs", "hrs", "lbs", "esp", "incl", "misc", "dept", "approx",
    "Tel", "Esq", "Inst", "Mfg", "Ave", NULL};

static const char *const openers[] = {
    "The", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "But",
    "And", "In", "On", "At", "A", "An", "As", "If", "When", "While", "After", "Before", "His",
    "Her", "Their", "Its", "Our", "My", "There", "Then", "So", "Yet", "However", "Meanwhile",
    "Officials", "Police", "What", "Why", "How", "Who", "Where", "Some", "Many", "Most", "No",
    "All", "One", "Two", "For", "With", "From", "By", "Under", "Since", "Although", "Also",
    "Mr.", "Mrs.", "Ms.", "Dr.", "Please", "Thanks", "Thank", "Yes", "Now", NULL};

static const char *const prefixes[] = {
    "e", "non", "pre", "re", "anti", "post", "co", "pro", "multi", "over", "ex", "semi", "sub",
    "psycho", "neo", "cross", "mid", "inter", "intra", "counter", "micro", "macro", "mini",
    "quasi", "pseudo", "bi", "tri", "un", "de", "self", "ultra", "mega", "trans", "extra",
    "x", NULL};

int abbrev_is_title(const char *s, size_t len) { return in_list(titles, s, len, 0); }

/* titles match in their own case only ("No." but not "no."); the company
 * and list endings also in capitals ("INC.", "ETC.") */
int abbrev_is_known(const char *s, size_t len) {
    return in_list(titles, s, len, 0) || in_list(enders, s, len, 1);
}

int word_opens_sentence(const char *s, size_t len) { return in_list(openers, s, len, 0); }

int hyphen_prefix_kept(const char *s, size_t len) { return in_list(prefixes, s, len, 1); }
