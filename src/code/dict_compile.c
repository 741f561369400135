/* dict_compile.c - compiled dictionaries: `dyad train dicts` writes any loaded
 * dictionary (dyad, PETRARCH or TABARI text) as one binary file; the loader
 * memory-maps it, points every string into the map and rebuilds the hash
 * chains in the dictionary's arena - no text is parsed.
 *
 * Layout (little-endian u32 unless said): header {magic "DYADDIC1", version,
 * counts, payload bytes, 64-bit FNV checksum of the payload}, then the
 * payload: strings (NUL-terminated; a reference is a byte offset, NONE for
 * NULL), roles, phrases (in chain order, with their bucket), patterns, members,
 * and PETRARCH's ontology: code values, negation pairs (version 4). */
#include <stdlib.h>
#include <string.h>
#include "base/util.h"
#include "code.h"
#include "dict.h"

static const char compiled_magic[8] = {'D', 'Y', 'A', 'D', 'D', 'I', 'C', '1'};
enum { COMPILED_VERSION = 4, NONE = 0xFFFFFFFFu, MAX_FILE = 1u << 30 };

typedef struct header {
    char magic[8];
    uint32_t version, phrase_buckets, pattern_buckets;
    uint32_t strings_bytes, nroles, nphrases, npatterns, nmembers, has_discards, format;
    uint32_t npico, nnegation;     /* PETRARCH's ontology: CAMEO code values, negation pairs */
    uint32_t payload_bytes;
    uint64_t checksum;
} header;

typedef struct c_role { uint32_t code; int32_t from_day, to_day; } c_role;
typedef struct c_phrase {
    uint32_t norm, norm_len, code, roles, nroles, canon, rule, bucket;
    uint8_t kind, need_upper, ntokens, stem;
} c_phrase;
typedef struct c_pattern {
    uint32_t lemma, particle[4], object, object_mods[3], prep, pp_prep, pp_noun, code, reverse_code, rule;
    uint32_t order, bucket;
    uint8_t nparticles, target_from_clause, need_target, is_noun, specificity, stem, need_negation, need_compound;
    uint32_t source_prep;
    uint32_t pre_word[3];
    uint8_t npre, seq_words, swap_roles, target_nth;
    uint32_t seq, subject, subject_mods[3];
    uint32_t pp_mods[3];
} c_pattern;
typedef struct c_member { uint32_t group, relation, roles, n; } c_member;
typedef struct c_pico { uint32_t code; int32_t value; } c_pico;       /* a code's value in the ontology */
typedef struct c_negation { uint32_t code, negated; } c_negation;    /* a code and its negation */

/* ---- writing ------------------------------------------------------------ */

/* string pool keyed by pointer (the loaders share one copy of a rule or code) */
typedef struct pool {
    dy_buf bytes;
    const char **keys;
    uint32_t *offs;
    size_t cap, n;
} pool;

static uint32_t pool_add(pool *p, const char *s) {
    if (!s) return NONE;
    if (p->n * 2 >= p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 1 << 16;
        const char **k = calloc(nc, sizeof *k);
        uint32_t *o = calloc(nc, sizeof *o);
        if (!k || !o) return free(k), free(o), NONE;
        for (size_t i = 0; i < p->cap; i++)
            if (p->keys[i]) {
                size_t j = hash_bytes(&p->keys[i], sizeof p->keys[i]) & (nc - 1);
                while (k[j]) j = (j + 1) & (nc - 1);
                k[j] = p->keys[i], o[j] = p->offs[i];
            }
        free(p->keys), free(p->offs);
        p->keys = k, p->offs = o, p->cap = nc;
    }
    size_t j = hash_bytes(&s, sizeof s) & (p->cap - 1);
    while (p->keys[j]) {
        if (p->keys[j] == s) return p->offs[j];
        j = (j + 1) & (p->cap - 1);
    }
    uint32_t off = (uint32_t)p->bytes.len;
    if (buf_push(&p->bytes, s, strlen(s) + 1)) return NONE;
    p->keys[j] = s, p->offs[j] = off, p->n++;
    return off;
}

static uint32_t add_roles(dy_buf *roles, pool *P, const dict_role *r, uint32_t n) {
    if (!r || !n) return NONE;
    uint32_t first = (uint32_t)(roles->len / sizeof(c_role));
    for (uint32_t i = 0; i < n; i++) {
        c_role c = {pool_add(P, r[i].code), r[i].from_day, r[i].to_day};
        buf_push(roles, &c, sizeof c);
    }
    return first;
}

static int write_compiled(const dy_dicts *d, const char *out, dyad_error *err) {
    pool P = {0};
    dy_buf roles = {0}, phrases = {0}, patterns = {0}, members = {0}, pico = {0}, negation = {0};
    uint32_t np = 0, npat = 0;
    for (uint32_t b = 0; b <= d->phrase_mask; b++)
        for (const dict_phrase *p = d->phrases[b]; p; p = p->next, np++) {
            c_phrase c = {pool_add(&P, p->norm), p->norm_len, pool_add(&P, p->code),
                          add_roles(&roles, &P, p->roles, p->nroles), p->nroles, pool_add(&P, p->canon),
                          pool_add(&P, p->rule), b, p->kind, p->need_upper, p->ntokens, p->stem};
            buf_push(&phrases, &c, sizeof c);
        }
    for (uint32_t b = 0; b <= d->pattern_mask; b++)
        for (const dict_pattern *p = d->patterns[b]; p; p = p->next, npat++) {
            c_pattern c = {0};
            c.lemma = pool_add(&P, p->lemma);
            for (int i = 0; i < 4; i++) c.particle[i] = pool_add(&P, p->particle[i]);
            c.object = pool_add(&P, p->object);
            for (int i = 0; i < 3; i++) c.object_mods[i] = pool_add(&P, p->object_mods[i]);
            c.prep = pool_add(&P, p->prep), c.pp_prep = pool_add(&P, p->pp_prep), c.pp_noun = pool_add(&P, p->pp_noun);
            c.code = pool_add(&P, p->code), c.reverse_code = pool_add(&P, p->reverse_code), c.rule = pool_add(&P, p->rule);
            c.order = p->order, c.bucket = b;
            c.nparticles = p->nparticles, c.target_from_clause = p->target_from_clause;
            c.need_target = p->need_target, c.is_noun = p->is_noun, c.specificity = p->specificity;
            c.stem = p->stem, c.need_negation = p->need_negation, c.need_compound = p->need_compound, c.source_prep = pool_add(&P, p->source_prep);
            for (int i = 0; i < 3; i++) c.pre_word[i] = pool_add(&P, p->pre_word[i]);
            c.npre = p->npre;
            c.seq = pool_add(&P, p->seq), c.seq_words = p->seq_words, c.subject = pool_add(&P, p->subject);
            c.swap_roles = p->swap_roles, c.target_nth = p->target_nth;
            for (int i = 0; i < 3; i++) c.subject_mods[i] = pool_add(&P, p->subject_mods[i]);
            for (int i = 0; i < 3; i++) c.pp_mods[i] = pool_add(&P, p->pp_mods[i]);
            buf_push(&patterns, &c, sizeof c);
        }
    for (size_t i = 0; i < d->nmembers; i++) {
        const dict_member *m = &d->members[i];
        c_member c = {pool_add(&P, m->group), pool_add(&P, m->relation), add_roles(&roles, &P, m->members, m->nmembers),
                      m->nmembers};
        buf_push(&members, &c, sizeof c);
    }
    for (size_t i = 0; i < d->npico; i++) {
        c_pico c = {pool_add(&P, d->pico_codes[i]), d->pico_values[i]};
        buf_push(&pico, &c, sizeof c);
    }
    for (size_t i = 0; i < d->nnegation; i++) {
        c_negation c = {pool_add(&P, d->negation[2 * i]), pool_add(&P, d->negation[2 * i + 1])};
        buf_push(&negation, &c, sizeof c);
    }
    header h = {0};
    memcpy(h.magic, compiled_magic, sizeof h.magic);
    h.version = COMPILED_VERSION;
    h.phrase_buckets = d->phrase_mask + 1, h.pattern_buckets = d->pattern_mask + 1;
    h.format = pool_add(&P, d->format);
    while (P.bytes.len % 8) buf_putc(&P.bytes, 0);
    h.strings_bytes = (uint32_t)P.bytes.len;
    h.nroles = (uint32_t)(roles.len / sizeof(c_role));
    h.nphrases = np, h.npatterns = npat, h.nmembers = (uint32_t)d->nmembers, h.has_discards = (uint32_t)d->has_discards;
    h.npico = (uint32_t)d->npico, h.nnegation = (uint32_t)d->nnegation;
    dy_buf payload = {0};
    buf_push(&payload, P.bytes.data, P.bytes.len);
    buf_push(&payload, roles.data, roles.len);
    buf_push(&payload, phrases.data, phrases.len);
    buf_push(&payload, patterns.data, patterns.len);
    buf_push(&payload, members.data, members.len);
    buf_push(&payload, pico.data, pico.len);
    buf_push(&payload, negation.data, negation.len);
    h.payload_bytes = (uint32_t)payload.len;
    h.checksum = hash_bytes(payload.data, payload.len);
    int rc = 0;
    FILE *f = fopen(out, "wb");
    if (!f || fwrite(&h, sizeof h, 1, f) != 1 || (payload.len && fwrite(payload.data, payload.len, 1, f) != 1)) {
        dyad_error_set(err, DYAD_EIO, out, 0, -1, "cannot write the compiled dictionary");
        rc = -1;
    }
    if (f && fclose(f) && !rc) {
        dyad_error_set(err, DYAD_EIO, out, 0, -1, "cannot write the compiled dictionary");
        rc = -1;
    }
    buf_free(&payload), buf_free(&P.bytes), buf_free(&roles), buf_free(&phrases), buf_free(&patterns), buf_free(&members);
    buf_free(&pico), buf_free(&negation);
    free(P.keys), free(P.offs);
    return rc;
}

dyad_status code_compile_dicts(const dyad_train_opts *o, FILE *log, dyad_error *err) {
    if (!o->dicts || !o->out) {
        dyad_error_set(err, DYAD_EINVAL, "train dicts", 0, -1, "usage: dyad train dicts --dicts DIR --out FILE");
        return DYAD_EINVAL;
    }
    double t0 = now_seconds();
    dy_dicts *d = code_dicts_load(o->dicts, o->dict_format ? o->dict_format : "dyad", NULL, NULL, err);
    if (!d) return err->status ? err->status : DYAD_EDICT;
    int rc = write_compiled(d, o->out, err);
    if (!rc && log)
        fprintf(log, "dyad: compiled %s (%zu names, %zu patterns, %zu memberships) into %s in %.2f s\n", o->dicts,
                d->nphrases, d->npatterns, d->nmembers, o->out, now_seconds() - t0);
    code_dicts_free(d);
    return rc ? err->status : DYAD_OK;
}

/* ---- loading ------------------------------------------------------------ */

int dict_compiled_is(const char *path) {
    dy_map m;
    dyad_error e;
    dyad_error_clear(&e);
    if (file_map(path, &m, &e)) return 0;
    int yes = m.len >= sizeof compiled_magic && !memcmp(m.data, compiled_magic, sizeof compiled_magic);
    file_unmap(&m);
    return yes;
}

typedef struct view { const char *strings; uint32_t strings_bytes; } view;

/* a string reference, checked: NONE -> NULL; out of range -> *bad */
static const char *str_at(const view *v, uint32_t off, int *bad) {
    if (off == NONE) return NULL;
    if (off >= v->strings_bytes || !memchr(v->strings + off, 0, v->strings_bytes - off)) {
        *bad = 1;
        return NULL;
    }
    return v->strings + off;
}

/* PETRARCH's ontology (PICO): the code values and the negation pairs;
 * -1 out of memory; a bad string reference sets *bad */
static int load_ontology(dy_dicts *d, const view *v, const c_pico *cp, uint32_t np, const c_negation *cn,
                         uint32_t nn, int *bad) {
    const char **codes = np ? arena_alloc(d->arena, np * sizeof *codes) : NULL;
    int32_t *values = np ? arena_alloc(d->arena, np * sizeof *values) : NULL;
    const char **pairs = nn ? arena_alloc(d->arena, 2 * (size_t)nn * sizeof *pairs) : NULL;
    if ((np && (!codes || !values)) || (nn && !pairs)) return -1;
    for (uint32_t i = 0; i < np; i++) {
        codes[i] = str_at(v, cp[i].code, bad);
        values[i] = cp[i].value;
        if (!codes[i]) *bad = 1;
    }
    for (uint32_t i = 0; i < nn; i++) {
        pairs[2 * i] = str_at(v, cn[i].code, bad);
        pairs[2 * i + 1] = str_at(v, cn[i].negated, bad);
        if (!pairs[2 * i] || !pairs[2 * i + 1]) *bad = 1;
    }
    d->pico_codes = codes, d->pico_values = values, d->npico = np;
    d->negation = pairs, d->nnegation = nn;
    return 0;
}

int dict_load_compiled(dy_dicts *d, const char *path, dyad_error *err) {
    dy_map m;
    if (file_map(path, &m, err)) return -1;
    d->map_data = m.data, d->map_len = m.len, d->map_mapped = m.mapped; /* unmapped with the dictionary */
    return dict_load_compiled_bytes(d, m.data, m.len, path, err);
}

int dict_load_compiled_bytes(dy_dicts *d, const unsigned char *data, size_t len, const char *path, dyad_error *err) {
    struct { const unsigned char *data; size_t len; } m = {data, len};
    header h;
    if (m.len < sizeof h) goto corrupt;
    memcpy(&h, m.data, sizeof h);
    if (memcmp(h.magic, compiled_magic, sizeof h.magic) || h.version != COMPILED_VERSION) goto corrupt;
    /* the pattern table may have been grown for many patterns: a power of two */
    if (h.phrase_buckets != d->phrase_mask + 1 || h.pattern_buckets < d->pattern_mask + 1 ||
        (h.pattern_buckets & (h.pattern_buckets - 1)) || h.pattern_buckets > (1u << 22))
        goto corrupt;
    if (h.pattern_buckets != d->pattern_mask + 1) {
        dict_pattern **table = arena_calloc(d->arena, h.pattern_buckets, sizeof *table);
        if (!table) {
            dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
            return -1;
        }
        d->patterns = table;
        d->pattern_mask = h.pattern_buckets - 1;
    }
    const unsigned char *pl = m.data + sizeof h;
    if (h.payload_bytes != m.len - sizeof h || hash_bytes(pl, h.payload_bytes) != h.checksum) goto corrupt;
    uint64_t need = (uint64_t)h.strings_bytes + (uint64_t)h.nroles * sizeof(c_role) +
                    (uint64_t)h.nphrases * sizeof(c_phrase) + (uint64_t)h.npatterns * sizeof(c_pattern) +
                    (uint64_t)h.nmembers * sizeof(c_member) + (uint64_t)h.npico * sizeof(c_pico) +
                    (uint64_t)h.nnegation * sizeof(c_negation);
    if (need != h.payload_bytes || h.strings_bytes % 8) goto corrupt; /* the arrays after the strings stay aligned */
    view v = {(const char *)pl, h.strings_bytes};
    const c_role *croles = (const c_role *)(pl + h.strings_bytes);
    const c_phrase *cph = (const c_phrase *)(croles + h.nroles);
    const c_pattern *cpat = (const c_pattern *)(cph + h.nphrases);
    const c_member *cmem = (const c_member *)(cpat + h.npatterns);
    const c_pico *cpico = (const c_pico *)(cmem + h.nmembers);
    const c_negation *cneg = (const c_negation *)(cpico + h.npico);
    int bad = 0;
    dict_role *roles = arena_alloc(d->arena, (h.nroles ? h.nroles : 1) * sizeof *roles);
    dict_phrase *ph = arena_alloc(d->arena, (h.nphrases ? h.nphrases : 1) * sizeof *ph);
    dict_pattern *pat = arena_alloc(d->arena, (h.npatterns ? h.npatterns : 1) * sizeof *pat);
    if (!roles || !ph || !pat) {
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        return -1;
    }
    for (uint32_t i = 0; i < h.nroles; i++)
        roles[i] = (dict_role){str_at(&v, croles[i].code, &bad), croles[i].from_day, croles[i].to_day};
    /* chains were written head first: keep a tail per bucket to append in order */
    dict_phrase **tail = calloc(h.phrase_buckets, sizeof *tail);
    dict_pattern **ptail = calloc(h.pattern_buckets, sizeof *ptail);
    if (!tail || !ptail) {
        free(tail), free(ptail);
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        return -1;
    }
    for (uint32_t i = 0; i < h.nphrases && !bad; i++) {
        const c_phrase *c = &cph[i];
        if (c->bucket >= h.phrase_buckets || (c->nroles && (c->roles == NONE || c->roles > h.nroles ||
                                                             c->nroles > h.nroles - c->roles))) {
            bad = 1;
            break;
        }
        dict_phrase *p = &ph[i];
        *p = (dict_phrase){.norm = str_at(&v, c->norm, &bad), .norm_len = c->norm_len, .kind = c->kind,
                           .need_upper = c->need_upper, .ntokens = c->ntokens, .stem = c->stem,
                           .code = str_at(&v, c->code, &bad), .roles = c->nroles ? roles + c->roles : NULL,
                           .nroles = c->nroles, .canon = str_at(&v, c->canon, &bad), .rule = str_at(&v, c->rule, &bad)};
        if (c->stem) d->has_stems = 1;
        if (!p->norm || strlen(p->norm) != p->norm_len) bad = 1;
        if (tail[c->bucket]) tail[c->bucket]->next = p;
        else d->phrases[c->bucket] = p;
        tail[c->bucket] = p;
        if (p->kind == PHRASE_DISCARD) d->has_discards = 1;
    }
    for (uint32_t i = 0; i < h.npatterns && !bad; i++) {
        const c_pattern *c = &cpat[i];
        if (c->bucket >= h.pattern_buckets || c->nparticles > 4 || c->npre > 3) {
            bad = 1;
            break;
        }
        dict_pattern *p = &pat[i];
        memset(p, 0, sizeof *p);
        p->lemma = str_at(&v, c->lemma, &bad);
        for (int k = 0; k < 4; k++) p->particle[k] = str_at(&v, c->particle[k], &bad);
        p->nparticles = c->nparticles;
        p->object = str_at(&v, c->object, &bad);
        for (int k = 0; k < 3; k++) p->object_mods[k] = str_at(&v, c->object_mods[k], &bad);
        p->prep = str_at(&v, c->prep, &bad), p->pp_prep = str_at(&v, c->pp_prep, &bad);
        p->pp_noun = str_at(&v, c->pp_noun, &bad);
        p->target_from_clause = c->target_from_clause, p->need_target = c->need_target, p->is_noun = c->is_noun;
        p->code = str_at(&v, c->code, &bad), p->reverse_code = str_at(&v, c->reverse_code, &bad);
        p->rule = str_at(&v, c->rule, &bad);
        p->order = c->order, p->specificity = c->specificity, p->stem = c->stem, p->need_negation = c->need_negation;
        p->need_compound = c->need_compound;
        p->source_prep = str_at(&v, c->source_prep, &bad);
        for (int k = 0; k < 3; k++) p->pre_word[k] = str_at(&v, c->pre_word[k], &bad);
        p->npre = c->npre;
        p->seq = str_at(&v, c->seq, &bad), p->seq_words = c->seq_words, p->subject = str_at(&v, c->subject, &bad);
        p->swap_roles = c->swap_roles, p->target_nth = c->target_nth;
        if (p->seq) d->has_seq = 1;
        for (int k = 0; k < 3; k++) p->subject_mods[k] = str_at(&v, c->subject_mods[k], &bad);
        for (int k = 0; k < 3; k++) p->pp_mods[k] = str_at(&v, c->pp_mods[k], &bad);
        for (int k = 0; k < p->npre; k++)
            if (!p->pre_word[k]) bad = 1;
        if (p->stem) d->has_stems = 1;
        if (!p->lemma || !p->code || !p->rule) bad = 1;
        for (int k = 0; k < p->nparticles; k++)
            if (!p->particle[k]) bad = 1;
        if (ptail[c->bucket]) ptail[c->bucket]->next = p;
        else d->patterns[c->bucket] = p;
        ptail[c->bucket] = p;
    }
    free(tail), free(ptail);
    for (uint32_t i = 0; i < h.nmembers && !bad; i++) {
        const c_member *c = &cmem[i];
        if (c->n && (c->roles == NONE || c->roles > h.nroles || c->n > h.nroles - c->roles)) {
            bad = 1;
            break;
        }
        const char *g = str_at(&v, c->group, &bad), *rel = str_at(&v, c->relation, &bad);
        if (!g || dict_add_member(d, g, rel, c->n ? roles + c->roles : NULL, c->n)) bad = 1;
    }
    if (!bad && load_ontology(d, &v, cpico, h.npico, cneg, h.nnegation, &bad)) {
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        return -1;
    }
    if (bad) goto corrupt;
    d->nphrases = h.nphrases, d->npatterns = h.npatterns;
    {
        int fbad = 0;
        const char *fmt = str_at(&v, h.format, &fbad);
        d->format = !fmt || fbad ? "dyad" : !strcmp(fmt, "petrarch") ? "petrarch" : !strcmp(fmt, "tabari") ? "tabari"
                                                                                                           : "dyad";
    }
    return 0;
corrupt:
    dyad_error_set(err, DYAD_EDICT, path, 0, -1,
                   "not a compiled dyad dictionary of this version, or corrupt: recompile with dyad train dicts");
    return -1;
}
