/* write_doc.c - document-level writers: extraction JSONL and CoNLL-U. */
#include <string.h>
#include "dyad.h"
#include "../base/util.h"

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
        for (uint32_t i = 0; i < s->ntokens; i++) {
            const dyad_token *t = &doc->tokens[s->first_token + i];
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
            fputs(!t->space_after && i + 1 < s->ntokens ? "SpaceAfter=No" : "_", out);
            fputc('\n', out);
        }
        fputc('\n', out);
    }
    return ferror(out) ? DYAD_EIO : DYAD_OK;
}
