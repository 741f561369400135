/* train.c - `dyad train clusters|tagger|lemmatizer|parser|all`: load the
 * treebank once and train the requested models into the output directory, in
 * dependency order (the tagger uses the word clusters, the parser learns from
 * the tagger's predicted tags). */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "nlp.h"
#include "nlp_internal.h"

/* Brown clusters from the --text files into path */
static dyad_status train_clusters(const dyad_train_opts *o, const char *path, FILE *log, dyad_error *err) {
    if (!o->ntexts) {
        dyad_error_set(err, DYAD_EINVAL, "train", 0, -1, "clusters need --text FILE (unlabeled text)");
        return DYAD_EINVAL;
    }
    double t0 = now_seconds();
    if (clusters_train(o->texts, o->ntexts, path, log, err)) return err->status ? err->status : DYAD_EMODEL;
    if (log) fprintf(log, "word clusters written to %s in %.1fs\n", path, now_seconds() - t0);
    return DYAD_OK;
}

dyad_status nlp_train(const dyad_train_opts *o, FILE *log, dyad_error *err) {
    if (!strcmp(o->what, "clusters")) {
        if (!o->out) {
            dyad_error_set(err, DYAD_EINVAL, "train", 0, -1, "needs --out FILE (e.g. models/clusters.dyad)");
            return DYAD_EINVAL;
        }
        return train_clusters(o, o->out, log, err);
    }
    if (!o->train || !o->out) {
        dyad_error_set(err, DYAD_EINVAL, "train", 0, -1, "needs --train FILE.conllu and --out DIR");
        return DYAD_EINVAL;
    }
    int all = !strcmp(o->what, "all");
    if (!path_is_dir(o->out) && mkdir(o->out, 0777) && errno != EEXIST) {
        dyad_error_set(err, DYAD_EIO, o->out, 0, -1, "cannot create the output directory");
        return DYAD_EIO;
    }
    nlp_corpus train, dev;
    memset(&dev, 0, sizeof dev);
    if (corpus_load(&train, o->train, err)) return err->status;
    if (o->dev && corpus_load(&dev, o->dev, err)) {
        corpus_free(&train);
        return err->status;
    }
    if (log) fprintf(log, "treebank: %zu sentences, %zu words\n", train.nsents, train.ntoks);
    long added = corpus_augment_news(&train);
    if (added < 0) {
        corpus_free(&train);
        corpus_free(&dev);
        dyad_error_set(err, DYAD_ENOMEM, o->train, 0, -1, "out of memory adding news-style sentences");
        return DYAD_ENOMEM;
    }
    if (log) fprintf(log, "news-style copies: %ld sentences added, %zu words in all\n", added, train.ntoks);
    if (log && o->unlabeled) fprintf(log, "note: --unlabeled is not used (word clusters take --text)\n");
    char tagger[1024], lemmatizer[1024], parser[1024], clusters[1024];
    snprintf(clusters, sizeof clusters, "%s/clusters.dyad", o->out);
    snprintf(tagger, sizeof tagger, "%s/tagger.dyad", o->out);
    snprintf(lemmatizer, sizeof lemmatizer, "%s/lemmatizer.dyad", o->out);
    snprintf(parser, sizeof parser, "%s/parser.dyad", o->out);
    int rc = 0;
    double t0 = now_seconds();
    /* the tagger uses the clusters in its output directory */
    if (o->ntexts && (all || !strcmp(o->what, "tagger")) && train_clusters(o, clusters, log, err) != DYAD_OK) rc = -1;
    if (!rc && (all || !strcmp(o->what, "tagger")))
        rc = tagger_train(&train, &dev, o->iterations ? o->iterations : 12, tagger, log, err);
    if (!rc && (all || !strcmp(o->what, "lemmatizer"))) rc = lemmatizer_train(&train, &dev, lemmatizer, log, err);
    if (!rc && (all || !strcmp(o->what, "parser"))) {
        if (!path_exists(tagger)) {
            dyad_error_set(err, DYAD_EINVAL, tagger, 0, -1, "the parser needs a trained tagger in the output directory");
            rc = -1;
        } else {
            rc = parser_train(&train, &dev, tagger, o->iterations ? o->iterations : 12, o->beam, parser, log, err);
        }
    }
    if (log && !rc) fprintf(log, "training done in %.1fs\n", now_seconds() - t0);
    corpus_free(&train);
    corpus_free(&dev);
    if (rc && !err->status) dyad_error_set(err, DYAD_EMODEL, o->out, 0, -1, "training failed");
    return rc ? err->status : DYAD_OK;
}
