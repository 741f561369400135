/* abbrev.c - the word lists of the segmenter: abbreviations that keep their
 * period, titles that never end a sentence, words that open one, and the
 * prefixes that stay joined to a hyphenated word. Each list is one string
 * "|a|b|c|" searched for "|word|" with memmem: no table to build, no state,
 * and fast enough for the few places that ask (about once a sentence). */
#include <string.h>
#include "segment.h"

/* titles, months and words that are followed by a name or a number */
static const char titles[] =
    "|Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cpl|Sgt|Adm|Cmdr|Brig|Sen|Rep|Reps|Gov|Pres|Rev|Hon|Fr"
    "|Sr|St|Ste|Mt|Ft|Pt|No|Nos|Nr|vs|v|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue"
    "|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Supt|Insp|Det|Amb|Atty|Attn|Messrs|Mme|Mlle|Sens|Govs|Pfc|Spc"
    "|Rt|approx|Ave|Blvd|Rd|cf|Fig|Vol|vol|pp|Sec|Ch|Op|Eds|eds|Pa|Va|Ga|Fla|Calif|Mass|Conn|Ariz"
    "|Ill|Ind|Kan|Ky|Md|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Tenn|Tex|Wash|Wis|Wyo|Colo|Del|Ala"
    "|Ark|La|Me|";

/* abbreviations that may also end a sentence (matched in lowercase) */
static const char enders[] =
    "|inc|corp|co|ltd|bros|jr|sr|etc|llc|plc|assn|dept|univ|intl|govt|yrs|hrs|lbs|esp|incl|misc"
    "|approx|tel|esq|inst|mfg|ave|";

static const char openers[] =
    "|The|He|She|It|They|We|I|You|This|That|These|Those|But|And|In|On|At|A|An|As|If|When|While"
    "|After|Before|His|Her|Their|Its|Our|My|There|Then|So|Yet|However|Meanwhile|Officials|Police"
    "|What|Why|How|Who|Where|Some|Many|Most|No|All|One|Two|For|With|From|By|Under|Since|Although"
    "|Also|Mr.|Mrs.|Ms.|Dr.|Please|Thanks|Thank|Yes|Now|";

/* matched in lowercase */
static const char prefixes[] =
    "|e|non|pre|re|anti|post|co|pro|multi|over|ex|semi|sub|psycho|neo|cross|mid|inter|intra"
    "|counter|micro|macro|mini|quasi|pseudo|bi|tri|un|de|self|ultra|mega|trans|extra|x|";

#define LONGEST_ENTRY 10

static int in_list(const char *list, size_t list_len, size_t max_len, const char *s, size_t len, int lowercase) {
    if (!len || len > max_len || len > LONGEST_ENTRY) return 0;
    char needle[LONGEST_ENTRY + 2];
    needle[0] = '|';
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '|') return 0;
        needle[i + 1] = lowercase && c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
    }
    needle[len + 1] = '|';
    return memmem(list, list_len, needle, len + 2) != NULL;
}

#define IN(list, max, s, len, lower) in_list(list, sizeof list - 1, max, s, len, lower)

/* lowercase titles start with one of these; other lowercase words are no title */
static int may_be_title(const char *s, size_t len) {
    if (s[0] >= 'a' && s[0] <= 'z' && !memchr("vacpe", s[0], 5)) return 0;
    return IN(titles, 6, s, len, 0);
}

int abbrev_is_title(const char *s, size_t len) { return len && may_be_title(s, len); }

/* titles match in their own case only ("No." but not "no."); the company
 * and list endings in any case ("Inc.", "INC.", "etc.") */
int abbrev_is_known(const char *s, size_t len) {
    return len && (may_be_title(s, len) || IN(enders, 6, s, len, 1));
}

int word_opens_sentence(const char *s, size_t len) { return IN(openers, 9, s, len, 0); }

int hyphen_prefix_kept(const char *s, size_t len) { return IN(prefixes, 7, s, len, 1); }
