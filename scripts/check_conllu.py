#!/usr/bin/env python3
"""check_conllu.py - checks that CoNLL-U files are well formed before they are
used as gold data: 10 columns, word ids 1..n (with multiword-token ranges and
empty nodes allowed), UD tags and relations, heads in range, exactly one root,
no cycles, a unique `# sent_id`, a `# text` equal to the tokens joined per
SpaceAfter=No, and a blank line after every sentence.
Non-projective arcs are reported as warnings: they are legal, but a gold file
written by hand should have a reason for each one.

usage: python3 scripts/check_conllu.py FILE.conllu...
  prints one line per problem (FILE:LINE: message) and a summary per file;
  exits 1 when any file has an error.
"""
import re
import sys

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
        "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}
# the universal relations; a subtype after ":" is free (nsubj:pass, obl:unmarked)
DEPRELS = {"acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf", "compound",
           "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl", "fixed", "flat",
           "goeswith", "iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj", "obl", "orphan",
           "parataxis", "punct", "reparandum", "root", "vocative", "xcomp"}
WORD_ID = re.compile(r"^[1-9][0-9]*$")
RANGE_ID = re.compile(r"^([1-9][0-9]*)-([1-9][0-9]*)$")
EMPTY_ID = re.compile(r"^[0-9]+\.[1-9][0-9]*$")


class Sentence:
    def __init__(self, first_line):
        self.first_line = first_line
        self.comments = {}      # key -> (line number, value) of "# key = value" lines
        self.words = []         # (line number, columns) of word lines
        self.ranges = {}        # first word id -> (last word id, form, misc, line number)
        self.empty = []         # line numbers of empty nodes (x.y), not in the tree


def spaces_after(misc):
    """What follows a token in the text: SpaceAfter=No, SpacesAfter=... (with
    UD's escapes \\s \\t \\n \\uXXXX) or one space."""
    for item in misc.split("|"):
        if item == "SpaceAfter=No":
            return ""
        if item.startswith("SpacesAfter="):
            value = item[len("SpacesAfter="):]
            value = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), value)
            return value.replace("\\s", " ").replace("\\t", "\t").replace("\\n", "\n")
    return " "


def read_sentences(path, problems):
    """Yields Sentence objects; malformed lines go to problems."""
    sent = None
    with open(path, encoding="utf-8") as f:
        for num, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    yield sent
                sent = None
                continue
            if sent is None:
                sent = Sentence(num)
            if line.startswith("#"):
                m = re.match(r"^#\s*([\w.:-]+)\s*=\s?(.*)$", line)
                if m:
                    sent.comments.setdefault(m.group(1), (num, m.group(2)))
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                problems.append((num, "error", f"{len(cols)} columns, want 10"))
                continue
            if any(c == "" for c in cols):
                problems.append((num, "error", "empty column (use _)"))
                continue
            if RANGE_ID.match(cols[0]):
                a, b = map(int, RANGE_ID.match(cols[0]).groups())
                sent.ranges[a] = (b, cols[1], cols[9], num)
            elif EMPTY_ID.match(cols[0]):
                sent.empty.append(num)
            elif WORD_ID.match(cols[0]):
                sent.words.append((num, cols))
            else:
                problems.append((num, "error", f"bad id {cols[0]!r}"))
    if sent:
        yield sent


def check_ids_and_heads(sent, problems):
    """Ids 1..n, heads 0..n, one root, root iff head 0. Returns heads or None."""
    heads = {}
    for k, (num, cols) in enumerate(sent.words, 1):
        if int(cols[0]) != k:
            problems.append((num, "error", f"word id {cols[0]}, want {k}"))
            return None
        if cols[3] not in UPOS:
            problems.append((num, "error", f"UPOS {cols[3]!r} is not a UD tag"))
        if cols[7].split(":")[0] not in DEPRELS:
            problems.append((num, "error", f"deprel {cols[7]!r} is not a UD relation"))
        if not WORD_ID.match(cols[6]) and cols[6] != "0":
            problems.append((num, "error", f"head {cols[6]!r} is not a number"))
            return None
        head = int(cols[6])
        if head > len(sent.words):
            problems.append((num, "error", f"head {head} out of range 0..{len(sent.words)}"))
            return None
        if head == k:
            problems.append((num, "error", "word is its own head"))
            return None
        if (head == 0) != (cols[7] == "root"):
            problems.append((num, "error", f"head {head} with deprel {cols[7]!r}: root iff head 0"))
        heads[k] = head
    roots = [k for k, h in heads.items() if h == 0]
    if len(roots) != 1:
        problems.append((sent.first_line, "error", f"{len(roots)} roots, want 1"))
        return None
    for a, (b, _form, _misc, num) in sent.ranges.items():
        if b <= a or b > len(sent.words):
            problems.append((num, "error", f"range {a}-{b} does not cover words of the sentence"))
    return heads


def check_cycles(sent, heads, problems):
    for start in heads:
        seen, k = set(), start
        while k != 0:
            if k in seen:
                problems.append((sent.words[start - 1][0], "error", f"word {start} is on a cycle"))
                return
            seen.add(k)
            k = heads[k]


def check_projective(sent, heads, problems):
    """Warns about each arc with a word under it that the arc's head does not dominate."""
    def dominated(d, h):
        while d != 0:
            if d == h:
                return True
            d = heads[d]
        return False
    for dep, head in heads.items():
        if head == 0:
            continue
        lo, hi = sorted((dep, head))
        for k in range(lo + 1, hi):
            if not dominated(k, head):
                problems.append((sent.words[dep - 1][0], "warning",
                                 f"non-projective arc {head}->{dep} (word {k} is outside it)"))
                break


def surface_text(sent):
    """The sentence text rebuilt from the forms, multiword tokens and SpaceAfter."""
    out, k, n = [], 1, len(sent.words)
    while k <= n:
        if k in sent.ranges:
            last, form, misc, _num = sent.ranges[k]
            k = last + 1
        else:
            cols = sent.words[k - 1][1]
            form, misc = cols[1], cols[9]
            k += 1
        out.append(form)
        if k <= n:
            out.append(spaces_after(misc))
    return "".join(out)


def check_file(path):
    problems = []
    ids_seen = {}
    nsent = nwords = 0
    for sent in read_sentences(path, problems):
        nsent += 1
        nwords += len(sent.words)
        if not sent.words:
            problems.append((sent.first_line, "error", "comment lines without words (file comments go "
                             "right above the first sentence's own comments, with no blank line)"))
            continue
        sid = sent.comments.get("sent_id")
        if not sid:
            problems.append((sent.first_line, "error", "no # sent_id"))
        elif sid[1] in ids_seen:
            problems.append((sid[0], "error", f"sent_id {sid[1]} also on line {ids_seen[sid[1]]}"))
        else:
            ids_seen[sid[1]] = sid[0]
        heads = check_ids_and_heads(sent, problems)
        if heads:
            check_cycles(sent, heads, problems)
            check_projective(sent, heads, problems)
        text = sent.comments.get("text")
        if not text:
            problems.append((sent.first_line, "error", "no # text"))
        elif heads and surface_text(sent) != text[1]:
            problems.append((text[0], "error", f"# text differs from the tokens: {surface_text(sent)!r}"))
    with open(path, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 2))
        if size and f.read() != b"\n\n":
            problems.append((0, "error", "the last sentence is not followed by a blank line"))
    for num, kind, msg in sorted(problems):
        print(f"{path}:{num}: {kind}: {msg}" if num else f"{path}: {kind}: {msg}")
    errors = sum(1 for p in problems if p[1] == "error")
    warnings = len(problems) - errors
    print(f"{path}: {nsent} sentences, {nwords} words, {errors} errors, {warnings} warnings")
    return errors


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) >= 2 else 2
    errors = 0
    for path in argv[1:]:
        try:
            errors += check_file(path)
        except (OSError, UnicodeDecodeError) as e:
            print(f"{path}: error: {e}")
            errors += 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
