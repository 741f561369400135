/* modality.c - what kind of claim a predicate makes: asserted, intended
 * ("plans to", "will", "set to"), hypothetical ("could", "may", "if"),
 * negated ("did not", "denied"), reported (inside what someone said). Also
 * CAMEO's own rewrite of intended cooperation into its intent codes (03x). */
#include <string.h>
#include "coder_int.h"
#include "modality.h"

static int word_in(const char *w, const char *const *list) {
    if (!w) return 0;
    for (int i = 0; list[i]; i++)
        if (!strcmp(w, list[i])) return 1;
    return 0;
}

/* (not "decide": a decision taken, "decided to lift the sanctions", is the
 * act itself, as PLOVER codes it) */
static const char *const intend_verbs[] = {"plan", "intend", "want", "aim", "seek", "hope", "vow", "pledge",
                                            "promise", "expect", "prepare", "set", "agree", "offer",
                                            "propose", "wish", "try", "willing", "ready",
                                            "prepared", "eager", "determined", NULL};
static const char *const hypo_verbs[] = {"consider", "mull", "weigh", "may", "might", "could", NULL};
static const char *const deny_verbs[] = {"deny", "refuse", "decline", "reject", NULL};
static const char *const speech_verbs[] = {"say", "tell", "state", "announce", "report", "claim", "add",
                                            "declare", "note", "insist", "warn", "write", "stress", NULL};
/* "would" is mostly the future seen from the past ("said it would free") */
static const char *const future_aux[] = {"will", "shall", "'ll", "would", "wo", NULL};
static const char *const modal_aux[] = {"could", "might", "may", "should", "can", NULL};
static const char *const negators[] = {"not", "n't", "never", "no", NULL};

static const char *const plan_verbs[] = {"plan", "intend", "propose", "prepare", "seek", "want", NULL};

int modality_plans_noun(const sent_ctx *c, int32_t v) { return word_in(c->lemma_f[v], plan_verbs); }

int modality_is_intent_verb(const sent_ctx *c, int32_t v) { return word_in(c->lemma_f[v], intend_verbs); }

int modality_is_speech(const sent_ctx *c, int32_t v) { return word_in(c->lemma_f[v], speech_verbs); }

int modality_lemma_is_speech(const char *lemma) { return word_in(lemma, speech_verbs); }

modality_info modality_of(const sent_ctx *c, int32_t v) {
    modality_info m = {MOD_ASSERTED, -1};
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        const dyad_token *t = &c->tok[k];
        if ((deprel_is(t, "advmod") || deprel_is(t, "neg") || deprel_is(t, "det")) && word_in(c->form_f[k], negators))
            m.kind = MOD_NEGATED;
        else if (deprel_is(t, "aux") && word_in(c->form_f[k], modal_aux) && m.kind == MOD_ASSERTED)
            m.kind = MOD_HYPOTHETICAL;
        else if (deprel_is(t, "aux") && word_in(c->form_f[k], future_aux) && m.kind == MOD_ASSERTED)
            m.kind = MOD_INTENDED;
        else if (deprel_is(t, "mark") && (!strcmp(c->form_f[k], "if") || !strcmp(c->form_f[k], "unless")) &&
                 m.kind == MOD_ASSERTED)
            m.kind = MOD_HYPOTHETICAL;
    }
    if (m.kind == MOD_NEGATED) return m;
    /* walk up the clauses that govern v */
    int32_t cur = v;
    for (int depth = 0; depth < MAX_DEPTH_WALK; depth++) {
        const dyad_token *t = &c->tok[cur];
        int32_t h = tree_head(c, cur);
        if (h < 0) break;
        if (deprel_is(t, "obj") && c->tok[cur].upos && !strcmp(c->tok[cur].upos, "NOUN")) {
            /* "plans an attack on X": an event noun planned is intended */
            if (!modality_plans_noun(c, h)) break;
            if (modality_of_self(c, h).kind == MOD_NEGATED) return (modality_info){MOD_NEGATED, -1};
            if (m.kind == MOD_ASSERTED) m.kind = MOD_INTENDED;
        } else if (deprel_is(t, "xcomp")) {
            if (word_in(c->lemma_f[h], deny_verbs)) return (modality_info){MOD_NEGATED, -1};
            if (m.kind == MOD_ASSERTED && word_in(c->lemma_f[h], intend_verbs)) m.kind = MOD_INTENDED;
            else if (m.kind == MOD_ASSERTED && word_in(c->lemma_f[h], hypo_verbs)) m.kind = MOD_HYPOTHETICAL;
            /* "X plans to visit": the governing verb's own negation and modals count too */
            modality_info up = modality_of_self(c, h);
            if (up.kind == MOD_NEGATED) return up;
            if (m.kind == MOD_ASSERTED) m.kind = up.kind;
        } else if (deprel_is(t, "ccomp") || deprel_is(t, "parataxis")) {
            if (word_in(c->lemma_f[h], speech_verbs)) {
                if (m.kind == MOD_ASSERTED) m.kind = MOD_REPORTED;
                m.reporter = h;
                break;
            }
            if (word_in(c->lemma_f[h], deny_verbs)) return (modality_info){MOD_NEGATED, -1};
            break;
        } else if (deprel_is(t, "conj")) {
            /* a conjunct shares its first verb's auxiliaries only when it has none */
        } else {
            break;
        }
        cur = h;
    }
    return m;
}

modality_info modality_of_self(const sent_ctx *c, int32_t v) {
    modality_info m = {MOD_ASSERTED, -1};
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        const dyad_token *t = &c->tok[k];
        if ((deprel_is(t, "advmod") || deprel_is(t, "neg")) && word_in(c->form_f[k], negators)) return (modality_info){MOD_NEGATED, -1};
        if (deprel_is(t, "aux") && word_in(c->form_f[k], modal_aux)) m.kind = MOD_HYPOTHETICAL;
        else if (deprel_is(t, "aux") && word_in(c->form_f[k], future_aux) && m.kind == MOD_ASSERTED) m.kind = MOD_INTENDED;
    }
    return m;
}

const char *modality_name(modality_kind k) {
    static const char *names[] = {"asserted", "intended", "hypothetical", "negated", "reported"};
    return (unsigned)k < 5 ? names[k] : "asserted";
}

/* An announced negative act ("will extend the curfew", "would sever ties",
 * "would blockade Paris") is what CAMEO calls a threat (13x): the threat
 * code for the act, most specific first; NULL for roots that stay as they
 * are (disapprove, reject, demand, force posture) */
static const char *threat_code(const char *code) {
    static const char *const map[][2] = {
        {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"},  {"165", "135"},  {"166", "136"},
        {"16", "131"},   {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"}, {"175", "137"},
        {"17", "132"},   {"14", "133"},   {"18", "1383"},  {"191", "1381"}, {"192", "1382"}, {"19", "1384"},
        {"204", "1385"}, {"20", "138"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(code, map[i][0], strlen(map[i][0]))) return map[i][1];
    return NULL;
}

/* CAMEO codes intentions itself: intending to meet is 036, to give aid 033 ...;
 * intending harm is a threat (13x) */
const char *modality_intent_code(const char *code) {
    if (!code || strlen(code) < 2) return code;
    const char *threat = threat_code(code);
    if (threat) return threat;
    if (!strncmp(code, "04", 2)) return "036";
    if (!strncmp(code, "05", 2)) return "030";
    if (!strncmp(code, "06", 2)) return "031";
    if (!strncmp(code, "07", 2)) return "033";
    if (!strncmp(code, "08", 2)) return "035";
    return code;
}

/* CAMEO's refusal (12x) for a cooperative code that is negated: "will not
 * release the prisoners" is a refusal to yield (1243), "refused to meet" a
 * rejected meeting (125). Most specific first; NULL when CAMEO has no
 * refusal for it ("did not criticize" stays a negated 111). */
const char *modality_refusal_code(const char *code) {
    static const char *const map[][2] = {
        {"0311", "1211"}, {"0312", "1212"}, {"036", "125"},  {"037", "126"},  {"038", "127"}, {"031", "121"},
        {"032", "120"},   {"033", "122"},   {"034", "123"},  {"035", "124"},  {"030", "120"}, {"039", "120"},
        {"045", "126"},   {"04", "125"},    {"057", "127"},  {"061", "1211"}, {"062", "1212"}, {"06", "121"},
        {"071", "1221"},  {"072", "1222"},  {"073", "1223"}, {"074", "1224"}, {"07", "122"},
        {"0831", "1231"}, {"0832", "1232"}, {"0833", "1233"}, {"0834", "1234"}, {"083", "123"},
        {"081", "1241"},  {"082", "1242"},  {"084", "1243"}, {"085", "1244"}, {"086", "1245"}, {"087", "1246"},
        {"08", "124"}};
    if (!code) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(code, map[i][0], strlen(map[i][0]))) return map[i][1];
    return NULL;
}
