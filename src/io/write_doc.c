/* write_doc.c - document-level writers: extraction JSONL and CoNLL-U. */
#include <string.h>
#include "dyad.h"
#include "../base/util.h"
#include "../text/segment.h"

dyad_status dyad_write_extract_jsonl(FILE *out, const dyad_doc *doc) {
    fputs("{\"file\":", out);
    json_put_cstr(out, doc->input);
    if (doc->id) { fputs(",\"id\":", out); json_put_cstr(out, doc->id); }
    fputs(",\"title\":", out);
    json_put_cstr(out, doc->title);
    fputs(",\"date\":", out);
    json_put_cstr(out, doc->date);
    fputs(",\"url\":", out);
    json_put_cstr(out, doc->url);
    fputs(",\"text\":", out);
    json_put_str(out, doc->text ? doc->text : "", doc->text ? doc->text_len : 0);
    fputs("}\n", out);
    return ferror(out) ? DYAD_EIO : DYAD_OK;
}

static void put_field(FILE *out, const char *s) {
    fputs(s && *s ? s : "_", out);
}

/* Is there whitespace (or the end of the text) after token t? The last
 * token of a sentence gets SpaceAfter=No only when the next sentence follows
 * without whitespace, so the text can be rebuilt from the file. */
static int conllu_space_after(const dyad_doc *doc, size_t ti) {
    const dyad_token *t = &doc->tokens[ti];
    if (ti + 1 >= doc->ntokens) return 1;
    return t->space_after;
}

/* tokens [ti, end) form one orthographic word split by the segmenter
 * ("do" "n't" of "don't"): returns end, or ti + 1 when it is a plain token */
static size_t word_group_end(const dyad_doc *doc, const dyad_sentence *s, size_t ti) {
    size_t end = ti + 1, last = (size_t)s->first_token + s->ntokens;
    if (!doc->text) return end;
    while (end < last && (doc->tokens[end].flags & TOK_JOINED) &&
           doc->tokens[end].off == doc->tokens[end - 1].off + doc->tokens[end - 1].len)
        end++;
    return end;
}

dyad_status dyad_write_conllu(FILE *out, const dyad_doc *doc) {
    if (doc->id) fprintf(out, "# newdoc id = %s\n", doc->id);
    for (size_t si = 0; si < doc->nsentences; si++) {
        const dyad_sentence *s = &doc->sentences[si];
        if (s->id) fprintf(out, "# sent_id = %s\n", s->id);
        else fprintf(out, "# sent_id = %s-%zu\n", doc->id ? doc->id : "s", si + 1);
        fputs("# text = ", out);
        if (doc->text && s->len) {
            /* one line: newlines inside a sentence become spaces */
            for (uint32_t i = 0; i < s->len; i++) {
                char c = doc->text[s->off + i];
                fputc(c == '\n' || c == '\r' || c == '\t' ? ' ' : c, out);
            }
        } else {
            for (uint32_t i = 0; i < s->ntokens; i++) {
                const dyad_token *t = &doc->tokens[s->first_token + i];
                fputs(t->form, out);
                if (t->space_after && i + 1 < s->ntokens) fputc(' ', out);
            }
        }
        fputc('\n', out);
        size_t group_end = 0;
        for (uint32_t i = 0; i < s->ntokens; i++) {
            size_t ti = s->first_token + i;
            const dyad_token *t = &doc->tokens[ti];
            int in_group = ti < group_end;
            if (!in_group) {
                group_end = word_group_end(doc, s, ti);
                if (group_end > ti + 1) {
                    const dyad_token *l = &doc->tokens[group_end - 1];
                    fprintf(out, "%u-%zu\t%.*s\t_\t_\t_\t_\t_\t_\t_\t%s\n", i + 1, i + (group_end - ti),
                            (int)(l->off + l->len - t->off), doc->text + t->off,
                            conllu_space_after(doc, group_end - 1) ? "_" : "SpaceAfter=No");
                    in_group = 1;
                }
            }
            fprintf(out, "%u\t%s\t", i + 1, t->form);
            put_field(out, t->lemma);
            fputc('\t', out);
            put_field(out, t->upos);
            fputc('\t', out);
            put_field(out, t->xpos);
            fputc('\t', out);
            put_field(out, t->feats);
            if (t->head >= 0) fprintf(out, "\t%d\t", t->head);
            else fputs("\t_\t", out);
            put_field(out, t->deprel);
            fputs("\t_\t", out);
            fputs(in_group || conllu_space_after(doc, ti) ? "_" : "SpaceAfter=No", out);
            fputc('\n', out);
        }
        fputc('\n', out);
    }
    return ferror(out) ? DYAD_EIO : DYAD_OK;
}
