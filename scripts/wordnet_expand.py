#!/usr/bin/env python3
"""wordnet_expand.py - proposes synonyms for dyad's predicate dictionaries.

Reads the head lemmas of dicts/predicates/*.txt and looks them up in
WordNet (Debian's wordnet-base: /usr/share/wordnet/index.verb, data.verb,
index.noun, data.noun). For every seed it prints the other lemmas of its
synsets (and, with --troponyms, the more specific verbs under them) that the
dictionaries do not have yet.

The output is a REVIEW LIST, not dictionary text: a coder reads it, keeps the
words that really mean the event in news ("decry" for 111) and drops the rest
("blast" is also a bombing). Each candidate shows the sense it comes from,
how many senses the candidate has (many senses = likely noise) and the codes
it is already filed under.

  scripts/wordnet_expand.py --code 111            # seeds: heads filed under 111
  scripts/wordnet_expand.py --code 111 criticize  # seeds given by hand
  scripts/wordnet_expand.py --pos noun --code 163
"""
import argparse
import collections
import glob
import os
import re
import signal
import sys

WORDNET_DIR = '/usr/share/wordnet'


def read_index(path):
    """lemma -> list of synset offsets, most frequent sense first."""
    index = {}
    with open(path, encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue  # licence header
            parts = line.split()
            lemma, synset_cnt, ptr_cnt = parts[0], int(parts[2]), int(parts[3])
            offsets = parts[4 + ptr_cnt + 2:]
            index[lemma] = offsets[:synset_cnt]
    return index


class Synsets:
    """Random access to data.POS by byte offset (offsets are file positions)."""

    def __init__(self, path):
        self.f = open(path, 'rb')

    def get(self, offset):
        self.f.seek(int(offset))
        line = self.f.readline().decode('latin-1')
        head, _, gloss = line.partition('|')
        parts = head.split()
        word_cnt = int(parts[3], 16)
        words = [parts[4 + 2 * i].lower() for i in range(word_cnt)]
        pos = 4 + 2 * word_cnt
        ptr_cnt = int(parts[pos])
        pointers = []
        for i in range(ptr_cnt):
            sym, off = parts[pos + 1 + 4 * i], parts[pos + 2 + 4 * i]
            pointers.append((sym, off))
        words = [re.sub(r'\(.*\)$', '', w) for w in words]  # "blast(a)" markers
        return words, pointers, gloss.strip()


def dictionary_heads(dicts_dir, kind):
    """head lemma -> set of codes it heads under, for verb or noun entries."""
    heads = collections.defaultdict(set)
    for path in sorted(glob.glob(os.path.join(dicts_dir, '**', '*.txt'), recursive=True)):
        entry = ''
        lines = open(path, encoding='utf-8').read().split('\n')
        for line in lines + ['']:
            text = line.split('#', 1)[0].rstrip()
            if text and text[0].isspace() and entry:
                entry += ' ' + text.strip()
                continue
            m = re.match(r'(verb|noun)\s+(\S+):(.*)$', entry)
            if m and m.group(1) == kind:
                for pattern in m.group(3).split(';'):
                    words = pattern.split()
                    if words:
                        heads[words[0]].add(m.group(2))
            entry = text.strip()
    return heads


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('seeds', nargs='*', help='seed lemmas (default: the heads filed under --code)')
    ap.add_argument('--code', help='CAMEO code whose heads are the seeds')
    ap.add_argument('--pos', choices=['verb', 'noun'], default='verb')
    ap.add_argument('--dicts', default='dicts/predicates')
    ap.add_argument('--wordnet', default=WORDNET_DIR)
    ap.add_argument('--senses', type=int, default=2, help='use only the first N senses of each seed')
    ap.add_argument('--troponyms', action='store_true', help='also list more specific verbs/nouns (hyponyms)')
    args = ap.parse_args()

    index_path = os.path.join(args.wordnet, 'index.' + args.pos)
    data_path = os.path.join(args.wordnet, 'data.' + args.pos)
    if not os.path.exists(index_path):
        sys.exit('wordnet_expand: %s not found (install wordnet-base)' % index_path)
    index = read_index(index_path)
    synsets = Synsets(data_path)
    heads = dictionary_heads(args.dicts, args.pos)

    seeds = args.seeds or sorted(h for h, codes in heads.items() if args.code in codes)
    if not seeds:
        sys.exit('wordnet_expand: no seeds (give lemmas or a --code with %s entries)' % args.pos)

    print('# REVIEW LIST - not dictionary text. Keep only what a coder agrees with.')
    print('# candidate  <- seed (sense i/n: gloss)  [candidate senses]  [already under codes]')
    seen = set()
    for seed in seeds:
        for rank, offset in enumerate(index.get(seed.replace(' ', '_'), [])[:args.senses], 1):
            words, pointers, gloss = synsets.get(offset)
            related = [(w, '') for w in words]
            if args.troponyms:
                for sym, off in pointers:
                    if sym == '~':
                        tw, _, _ = synsets.get(off)
                        related += [(w, 'more specific') for w in tw]
            for word, how in related:
                if word == seed or '_' in word or (word, args.code) in seen:
                    continue
                seen.add((word, args.code))
                codes = heads.get(word, set())
                if args.code and args.code in codes:
                    continue  # already filed under this code
                nsenses = len(index.get(word, []))
                note = 'already under %s' % ','.join(sorted(codes)) if codes else 'new'
                extra = ' (%s)' % how if how else ''
                print('%-16s <- %-12s (sense %d/%d: %s)%s  [%d senses]  [%s]' % (
                    word, seed, rank, len(index.get(seed, [])), gloss[:70], extra, nsenses, note))


if __name__ == '__main__':
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    main()
