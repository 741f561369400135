/* actor_phrase.c - a noun phrase resolved to one actor code: the mentions
 * among the words of the phrase (persons with dated roles, countries,
 * demonyms, metonyms, agents, possessives, appositions) composed into a code
 * (CHN + GOV -> CHNGOV), or a new actor named by its own words; a phrase
 * with no code of its own goes to its pronoun's referent (actor_pronouns.c). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/util.h"
#include "actor_int.h"

/* The words of a noun phrase: the head and what modifies it as a name does. */
static int np_relation(const dyad_token *t) {
    static const char *rels[] = {"compound", "amod", "flat", "nmod:poss", "nmod:desc", "appos", "det", "nummod",
                                 "goeswith", NULL};
    if (!t->deprel) return 0;
    for (int i = 0; rels[i]; i++)
        if (deprel_is(t, rels[i])) return 1;
    return 0;
}

/* nmod "of X" / "from X" ("the government of China", "soldiers from Gondor")
 * is part of the name; other nmods are not. */
static int nmod_of(const sent_ctx *c, int32_t k) {
    if (!c->tok[k].deprel || strcmp(c->tok[k].deprel, "nmod")) return 0;
    int32_t h = tree_head(c, k), hm = h >= 0 ? c->covered_by[h] : -1;
    int role_head = hm >= 0 && c->mention[hm] && c->mention[hm]->kind == PHRASE_AGENT;
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "case") &&
            (!strcmp(c->form_f[g], "of") || !strcmp(c->form_f[g], "from") ||
             /* PETRARCH: "lawmakers in Arnor" are Arnor's; "an attack in Arnor" is not */
             (!strcmp(c->form_f[g], "in") && strcmp(c->d->format, "dyad") && role_head)))
            return 1;
    return 0;
}

typedef struct np_parts {
    const dict_phrase *person, *actor, *metonym, *adjective, *agent;
    int32_t person_at, actor_at, metonym_at, adjective_at, agent_at;
    int32_t first, last; /* token range that named it */
    int32_t words_first, words_last; /* token range of the whole phrase */
    const dict_phrase *agents[3];
    int32_t agents_at[3];
    int nagents;
} np_parts;

static void note_mention(sent_ctx *c, np_parts *np, int32_t k, int near) {
    int32_t s = c->covered_by[k];
    if (s < 0) return;
    const dict_phrase *p = c->mention[s];
    if (!p) return;
    /* the head's own mention wins over a modifier's of the same kind */
    switch (p->kind) {
    case PHRASE_PERSON: if (!np->person || near) np->person = p, np->person_at = s; break;
    case PHRASE_ACTOR: /* (PETRARCH: the first actor the phrase names, "Ithilen's minister Calimehtar") */
        if (!np->actor || (strcmp(c->d->format, "dyad") ? s < np->actor_at : near)) np->actor = p, np->actor_at = s;
        break;
    case PHRASE_METONYM: if (!np->metonym || near) np->metonym = p, np->metonym_at = s; break;
    case PHRASE_ADJECTIVE: if (!np->adjective || near) np->adjective = p, np->adjective_at = s; break;
    case PHRASE_AGENT:
        if (!np->agent || near) np->agent = p, np->agent_at = s;
        /* all the roles of the phrase, for "Danish Islamist media" -> DNKMUSMED */
        if (np->nagents < 3) {
            int seen = 0;
            for (int i = 0; i < np->nagents; i++) seen |= np->agents_at[i] == s;
            if (!seen) np->agents[np->nagents] = p, np->agents_at[np->nagents++] = s;
        }
        break;
    default: return;
    }
    int32_t e = (int32_t)c->mention_end[s] - 1;
    if (np->first < 0 || s < np->first) np->first = s;
    if (e > np->last) np->last = e;
}

/* PETRARCH reads role words anywhere in the phrase: "the official news
 * agency WFNA" is a government agency - the noun the role word modifies
 * describes a name (nmod:desc, appos, compound on a proper noun) */
static int describes_a_name(const sent_ctx *c, int32_t k) {
    int32_t h = tree_head(c, k);
    if (h < 0 || !c->tok[h].upos || strcmp(c->tok[h].upos, "PROPN")) return 0;
    return deprel_is(&c->tok[k], "nmod:desc") || deprel_is(&c->tok[k], "appos") || deprel_is(&c->tok[k], "compound");
}

/* "an official visit", "a military operation": a role word used as an
 * adjective of a noun that names no one is no actor ("military officials" is;
 * a noun compound may name people the dictionary lacks: "government activists") */
static int adjective_role_on_thing(const sent_ctx *c, int32_t k, int depth) {
    int32_t m = c->covered_by[k], h = tree_head(c, k);
    if (!depth || m < 0 || !c->mention[m] || c->mention[m]->kind != PHRASE_AGENT || h < 0) return 0;
    if (strcmp(c->d->format, "dyad") && describes_a_name(c, h)) return 0;
    if (!deprel_is(&c->tok[k], "amod") || !c->tok[k].upos || strcmp(c->tok[k].upos, "ADJ")) return 0;
    return c->covered_by[h] < 0;
}

static void collect_np(sent_ctx *c, np_parts *np, int32_t h, int depth) {
    if (depth > MAX_DEPTH_WALK) return;
    if (np->words_first < 0 || h < np->words_first) np->words_first = h;
    if (h > np->words_last) np->words_last = h;
    if (!adjective_role_on_thing(c, h, depth)) note_mention(c, np, h, depth == 0);
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (np_relation(&c->tok[k]) || nmod_of(c, k) || (deprel_is(&c->tok[k], "conj") && !conj_is_coordinated(c, k)))
            collect_np(c, np, k, depth + 1);
}

int actor_is_time_word(const char *w) {
    static const char *const times[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december", "today", "yesterday",
                                        "tomorrow", "tonight", "week", "month", "year", "day", "night", "morning",
                                        "evening", "weekend", "time", "jan", "jan.", "feb", "feb.", "mar.",
                                        "apr", "apr.", "jun.", "jul.", "aug", "aug.", "sep", "sep.", "sept",
                                        "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.", NULL};
    for (int i = 0; times[i]; i++)
        if (!strcmp(w, times[i])) return 1;
    return 0;
}

/* Join a country (or any actor code) with an agent's role: CHN + GOV -> CHNGOV.
 * PETRARCH writes the side: "~GOV" follows the actor, "NGO~" precedes it. */
static const char *compose(sent_ctx *c, const char *base, const char *role) {
    size_t rl = strlen(role);
    if (rl && role[rl - 1] == '~') return arena_printf(c->doc->arena, "%.*s%s", (int)(rl - 1), role, base);
    if (role[0] == '~') role++, rl--;
    size_t bl = strlen(base);
    if (bl >= rl && !strcmp(base + bl - rl, role)) return base;
    return arena_printf(c->doc->arena, "%s%s", base, role);
}

static const char *bare_role(sent_ctx *c, const char *role) {
    size_t rl = strlen(role);
    if (rl && role[rl - 1] == '~') return arena_strndup(c->doc->arena, role, rl - 1);
    return arena_printf(c->doc->arena, "---%s", role[0] == '~' ? role + 1 : role);
}

/* "Prime Minister Yousaf Raza Gilani": a role word among the words of the
 * name at h */
int actor_names_a_role(const sent_ctx *c, int32_t h) {
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k]) {
        if (!np_relation(&c->tok[k])) continue;
        int32_t m = c->covered_by[k];
        if (m >= 0 && c->mention[m] && c->mention[m]->kind == PHRASE_AGENT) return 1;
        for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g]) {
            m = c->covered_by[g];
            if (np_relation(&c->tok[g]) && m >= 0 && c->mention[m] && c->mention[m]->kind == PHRASE_AGENT) return 1;
        }
    }
    return 0;
}

/* PETRARCH's new_actor_length: a noun phrase no dictionary knows, of at
 * most that many words, is an actor coded by its own words in capitals,
 * quoted ("Gryffindor's head Minerva McGonagall" -> "GRYFFINDOR HEAD
 * MINERVA MCGONAGALL"; the possessive mark and punctuation are no words) */
static const char *new_actor_code(sent_ctx *c, int32_t h, const np_parts *np) {
    int limit = c->d->new_actor_length;
    const char *upos = c->tok[h].upos;
    if (limit <= 0 || !upos || (strcmp(upos, "NOUN") && strcmp(upos, "PROPN"))) return NULL;
    if (actor_is_time_word(c->form_f[h]) || np->words_first < 0) return NULL;
    /* "ties with Gondor": an actor named anywhere under the phrase is its actor */
    for (uint32_t k = 0; k < c->n; k++) {
        int32_t m = c->covered_by[k];
        if (m < 0 || !c->mention[m] || c->mention[m]->kind == PHRASE_AGENT) continue;
        int32_t a = (int32_t)k;
        for (int steps = 0; a >= 0 && a != h && steps < MAX_DEPTH_WALK; steps++) a = tree_head(c, a);
        if (a == h) return NULL;
    }
    dy_buf b = {0};
    int words = 0;
    buf_putc(&b, '"');
    for (int32_t k = np->words_first; k <= np->words_last; k++) {
        const dyad_token *t = &c->tok[k];
        if ((t->upos && !strcmp(t->upos, "PUNCT")) || (deprel_is(t, "case") && t->form[0] == '\'')) continue;
        if (words++) buf_putc(&b, ' ');
        for (const char *ch = t->form; *ch; ch++) buf_putc(&b, (char)toupper((unsigned char)*ch));
    }
    buf_putc(&b, '"');
    buf_putc(&b, 0);
    const char *code = words && words <= limit && b.data ? arena_strdup(c->doc->arena, b.data) : NULL;
    free(b.data);
    return code;
}

actor_ref actor_resolve(sent_ctx *c, int32_t h) { return actor_resolve_nested(c, h, 0); }

actor_ref actor_resolve_nested(sent_ctx *c, int32_t h, int depth) {
    actor_ref r = {"", {0, 0}, h, 0, 0};
    if (h < 0 || (uint32_t)h >= c->n) return r;
    np_parts np = {0};
    np.first = np.last = np.words_first = np.words_last = -1;
    collect_np(c, &np, h, 0);
    /* unresolved, the phrase's words still say who ("Yale", "the attacks") -
     * unless it is a time ("Monday said": a misparsed date is nobody) */
    if (!actor_is_time_word(c->form_f[h])) {
        r.span.off = c->tok[np.words_first].off;
        r.span.len = c->tok[np.words_last].off + c->tok[np.words_last].len - r.span.off;
    }
    const char *code = NULL;
    /* PETRARCH codes a phrase by the first actor it names: "Ithilen's evil
     * minister Calimehtar" is Ithilen's minister, whatever else Calimehtar
     * is; "the population of Gondor of the Prince of Dol Amroth" is Gondor's */
    if (np.person && np.actor && strcmp(c->d->format, "dyad") && np.actor_at < np.person_at &&
        (!np.agent || np.agent_at < np.person_at))
        np.person = NULL;
    if (np.person) {
        code = dict_role_on(np.person->roles, np.person->nroles, c->day, c->have_day);
        if (code && !strcmp(code, "---")) return r; /* known, and no actor on this date */
        if (code) r.is_person = 1;
    }
    /* "a London court", "Moscow police": a capital modifying a role says whose
     * role it is (GBRJUD), as "a British court" does; alone it stands for the
     * government ("Beijing said") */
    const char *metonym_country = NULL;
    if (!code && np.metonym && np.agent && np.metonym_at != np.agent_at && !np.actor && !np.adjective &&
        strlen(np.metonym->code) >= 3)
        metonym_country = arena_strndup(c->doc->arena, np.metonym->code, 3);
    else if (!code && np.metonym) code = np.metonym->code;
    if (!code) {
        const char *base = np.actor ? np.actor->code : np.adjective ? np.adjective->code : metonym_country;
        if (!base && depth < 4) base = actor_possessor_country(c, h, np.agent != NULL, depth);
        /* "Hamas delegation" stays Hamas: a role composes onto a bare country
         * ("Chinese delegation" -> CHNGOV), never onto a group's own code;
         * PETRARCH's dictionaries compose roles onto any actor, as it does */
        if (base && np.agent && (strlen(base) == 3 || strcmp(c->d->format, "dyad"))) {
            /* roles in the order they are written: "MSF Arnor diplomat" -> NGO + ARN + GOV */
            for (int i = 0; i < np.nagents; i++)
                for (int j = i + 1; j < np.nagents; j++)
                    if (np.agents_at[j] < np.agents_at[i]) {
                        const dict_phrase *tp = np.agents[i];
                        int32_t ta = np.agents_at[i];
                        np.agents[i] = np.agents[j], np.agents_at[i] = np.agents_at[j];
                        np.agents[j] = tp, np.agents_at[j] = ta;
                    }
            code = base;
            for (int i = 0; i < np.nagents && code; i++) code = compose(c, code, np.agents[i]->code);
            if (!code) code = base;
        }
        else if (base) code = base;
        else if (np.agent) code = bare_role(c, np.agent->code);
    }
    if (code) {
        /* the span is the whole phrase ("A UN human rights expert"), as a
         * reader marks the actor, not only the words found in a dictionary */
        int32_t first = np.first < 0 || np.words_first < np.first ? np.words_first : np.first;
        int32_t last = np.words_last > np.last ? np.words_last : np.last;
        r.code = code;
        r.span.off = c->tok[first].off;
        r.span.len = c->tok[last].off + c->tok[last].len - r.span.off;
        if (r.is_person) {
            c->mem->last_person_code = code;
            c->mem->last_person_span = r.span;
        }
        return r;
    }
    const char *named = new_actor_code(c, h, &np);
    if (named) {
        r.code = named;
        return r;
    }
    return actor_pronoun_referent(c, h, depth, r);
}

static int in_subtree_first(sent_ctx *c, int32_t h, const char *not_code, int32_t skip, actor_ref *out, int depth) {
    if (depth > MAX_DEPTH_WALK || h == skip) return 0;
    if (c->covered_by[h] >= 0 && !adjective_role_on_thing(c, h, 1)) {
        actor_ref r = actor_resolve(c, h);
        if (r.code[0] && (!not_code || strcmp(r.code, not_code))) {
            *out = r;
            return 1;
        }
    }
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (in_subtree_first(c, k, not_code, skip, out, depth + 1)) return 1;
    return 0;
}

actor_ref actor_first_in_subtree(sent_ctx *c, int32_t h, const char *not_code, int32_t skip) {
    actor_ref r = {"", {0, 0}, -1, 0, 0};
    if (h >= 0 && (uint32_t)h < c->n) in_subtree_first(c, h, not_code, skip, &r, 0);
    return r;
}
