#!/usr/bin/env python3
"""Derive Panelist's compact lexical table (store/lexicon.tsv) from WordNet 3.0.

Reads the WordNet database files directly (Python standard library only, no
nltk) from /usr/share/wordnet, as shipped by the Debian packages
`wordnet-base` (data.*, index.*, *.exc) and `wordnet-sense-index`
(index.sense, which carries the SemCor tag counts used to rank senses):

    apt-get install -y wordnet-base wordnet-sense-index

Output, one line per lower-cased headword (multi-word lemmas joined with a
space), sorted by headword:

    headword<TAB>kind:word:weight|kind:word:weight...

A single word with no relations is written with nothing after the tab: it is
only known to be an English word.

kinds: syn (synonym from a shared synset), der (derivationally related form
or pertainym), alias (other name of the same proper-noun synset, e.g.
america -> united states, usa, u.s.), lemma (base form from the
morphological exception lists, e.g. worse -> bad).  Weights are in (0, 1],
printed with two decimals; the relations of a line are sorted by weight
descending, then kind, then word.  The output is fully deterministic.

Licence of the derived data: the table is derived from WordNet 3.0, which is
distributed under the following licence, reproduced in the table's header:

  WordNet Release 3.0 This software and database is being provided to you,
  the LICENSEE, by Princeton University under the following license. By
  obtaining, using and/or copying this software and database, you agree that
  you have read, understood, and will comply with these terms and
  conditions.: Permission to use, copy, modify and distribute this software
  and database and its documentation for any purpose and without fee or
  royalty is hereby granted, provided that you agree to comply with the
  following copyright notice and statements, including the disclaimer, and
  that the same appear on ALL copies of the software, database and
  documentation, including modifications that you make for internal use or
  for distribution. WordNet 3.0 Copyright 2006 by Princeton University. All
  rights reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND
  PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
  IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES
  NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY
  PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
  DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS,
  TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton
  may not be used in advertising or publicity pertaining to distribution of
  the software and/or database. Title to copyright in this software,
  database and any associated documentation shall at all times remain with
  Princeton University and LICENSEE agrees to preserve same.

Usage:
    python3 scripts/make_lexicon.py [--wordnet DIR] [--out FILE]
(defaults: /usr/share/wordnet and store/lexicon.tsv next to this script's
parent folder).  Prints a short summary (headwords, relations, bytes) on
stderr.
"""

import argparse
import os
import re
import sys
from collections import defaultdict

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# index.sense ss_type digit -> data file POS letter (5 = adjective satellite).
SS_TYPE_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}

# ---------------------------------------------------------------- tunables
MAX_RELATIONS = 12         # per headword, lemma entries included
CAPITAL = 0.6              # a capital stands for its country, this much
CAPITAL_GLOSS = re.compile(r"^(the )?(national )?capital\b")  # "the capital and largest city of …"
MIN_WEIGHT = 0.12          # relations below this are dropped
MULTI_SENSE_BONUS = 0.3    # share of the noisy-or gain over the best sense
MIN_SENSE_SHARE = 0.03     # senses weaker than this, relative to the
                           # headword's dominant sense, are dropped
BASE = {"syn": 0.90, "alias": 0.95, "der": 0.75, "pert": 0.75}
PERT_REVERSE = 0.85        # noun -> adjective direction of a pertainym
LEMMA_WEIGHT = 1.0         # exception form that is not itself a lemma
LEMMA_WEIGHT_AMBIGUOUS = 0.9  # exception form that is also a WordNet lemma
EXCEPTION_FORM_OWN = 0.6   # other relations of such a form ("found" is far
                           # more often find's past than "establish")
UNTAGGED_TARGET = 0.85     # target word never tagged in SemCor
UNTAGGED_MULTIWORD = 0.75  # ... and a multi-word expression
OBSCURE_TARGET = 0.8       # ... untagged and with a single sense
INFLECTED_ALIAS = 0.35     # alias from a name that is also an inflected
                           # common word ("burns" -> "robert burns")
UNTAGGED_HEAD_MAX_WORDS = 1  # untagged headwords are kept only up to this
                             # many words (plus aliases / exceptions)

VALID = re.compile(r"^[a-z][a-z '\-.]*$")
# Function words: never a headword nor an expansion.  WordNet lists many of
# them as abbreviations or rare nouns ("us" = United States, "in" = Indiana
# or inch, "it" = information technology, "be" = beryllium, "can" = tin can),
# so after lower-casing they would expand every ordinary query.
STOPWORDS = set("""
a about above after again against all also am an and any are as at be been
before being below between both but by can cannot could did do does doing
down during each either else ever few for from further had has have having
he her here hers herself him himself his how however i if in into is it its
itself just least less may me might mine more most much must my myself neither
no nor not now of off oh ok on once one only or other others our ours
ourselves out over own per same shall she should since so some such than
that the their theirs them themselves then there these they this those
though through thus to too under until up upon us very via was we were what
whatever when where whether which while who whom whose why will with within
without would yet you your yours yourself yourselves
""".split())


def clean(lemma):
    """WordNet lemma -> lower-cased table form; None when not allowed."""
    lemma = re.sub(r"\([a-z]+\)$", "", lemma)  # adjective markers (a) (p) (ip)
    word = lemma.replace("_", " ").lower()
    if not VALID.match(word) or word in STOPWORDS or len(word) < 2:
        return None
    if word.replace(".", "").replace("'", "").strip() == "":
        return None
    return word


# noun.animal and noun.plant: Latin taxon names ("Meleagris gallopavo",
# "genus Meleagris") are useless as expansions of everyday words.
TAXON_LEXFILES = {5, 20}
TAXON_RANK = re.compile(
    r"^(genus|subgenus|family|subfamily|superfamily|order|suborder|superorder|"
    r"class|subclass|superclass|phylum|subphylum|division|subdivision|"
    r"tribe|kingdom|subkingdom)_[A-Z]")
BINOMIAL = re.compile(r"^[A-Z][a-z]+(_[a-z]+)+$")


def drop_taxa(synset):
    """Blank out Latin taxon lemmas of an animal or plant synset."""
    if any(TAXON_RANK.match(raw) for raw in synset.raw):
        synset.words = [None] * len(synset.words)
        return
    for index, raw in enumerate(synset.raw):
        if BINOMIAL.match(raw):
            synset.words[index] = None


def read_lines(path):
    with open(path, encoding="latin-1") as handle:
        for line in handle:
            if not line.startswith("  "):   # licence header lines
                yield line.rstrip("\n")


class Synset:
    __slots__ = ("pos", "offset", "lexfile", "words", "raw", "pointers", "instance", "capital")

    def __init__(self, pos, offset, lexfile):
        self.pos = pos
        self.offset = offset
        self.lexfile = lexfile
        self.words = []      # table forms (None where filtered out)
        self.raw = []        # lemmas as written in WordNet
        self.pointers = []   # (symbol, target_key, source_no, target_no)
        self.instance = False
        self.capital = False  # its gloss calls it a capital ("the capital and largest city of Iran")


def parse_data(wn):
    synsets = {}
    for pos, name in POS_FILES.items():
        for line in read_lines(os.path.join(wn, "data." + name)):
            head, _, gloss = line.partition(" | ")
            fields = head.split()
            offset = fields[0]
            synset = Synset(pos, offset, int(fields[1]))
            synset.capital = CAPITAL_GLOSS.match(gloss) is not None
            count = int(fields[3], 16)
            i = 4
            for _ in range(count):
                raw = re.sub(r"\([a-z]+\)$", "", fields[i])
                synset.raw.append(raw)
                synset.words.append(clean(raw))
                i += 2
            if synset.lexfile in TAXON_LEXFILES and pos == "n":
                drop_taxa(synset)
            pointer_count = int(fields[i])
            i += 1
            for _ in range(pointer_count):
                symbol, target, target_pos, st = fields[i:i + 4]
                i += 4
                target_pos = "a" if target_pos == "s" else target_pos
                synset.pointers.append(
                    (symbol, (target_pos, target), int(st[:2], 16), int(st[2:], 16)))
                if symbol == "@i":
                    synset.instance = True
            synsets[(pos, offset)] = synset
    return synsets


def parse_sense_index(wn):
    """(word, pos, offset) -> (sense_number, tag_count)."""
    senses = {}
    for line in read_lines(os.path.join(wn, "index.sense")):
        key, offset, number, tags = line.split()
        lemma, rest = key.split("%", 1)
        pos = SS_TYPE_POS[rest[0]]
        word = clean(lemma)
        if word is not None:
            senses[(word, pos, offset)] = (int(number), int(tags))
    return senses


def parse_index_order(wn):
    """Fallback sense numbers from index.<pos> (offsets in sense order)."""
    order = {}
    for pos, name in POS_FILES.items():
        for line in read_lines(os.path.join(wn, "index." + name)):
            fields = line.split()
            word = clean(fields[0])
            if word is None:
                continue
            synset_count = int(fields[2])
            for number, offset in enumerate(fields[-synset_count:], start=1):
                order.setdefault((word, pos, offset), (number, 0))
    return order


# Noun lexicographer files whose capitalised lemmas are Latin taxa, brand
# names or food names rather than proper names: noun.animal, noun.artifact,
# noun.body, noun.food, noun.plant, noun.substance.
NOT_PROPER_LEXFILES = {5, 6, 8, 13, 20, 27}


def is_proper(synset):
    """Proper-noun synset: an instance, or mostly capitalised lemmas."""
    if synset.pos != "n":
        return False
    if synset.instance:
        return True
    if synset.lexfile in NOT_PROPER_LEXFILES:
        return False
    capitalised = sum(1 for raw in synset.raw if raw[:1].isupper())
    return capitalised * 2 > len(synset.raw)


# WordNet's regular detachment rules (morphy), used to recognise a lower-
# cased proper name that is also an inflected common word ("burns", "states").
DETACH = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
          ("shes", "sh"), ("men", "man"), ("ies", "y"), ("es", "e"), ("es", ""),
          ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("er", ""),
          ("est", ""), ("er", "e"), ("est", "e")]


def regular_bases(word):
    for suffix, ending in DETACH:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            yield word[: len(word) - len(suffix)] + ending


def combine(weights):
    """Strongest evidence plus a small bonus for further shared senses.

    A full noisy-or would push any word linked through many senses (president
    -> presidency, work -> worker) to ~1.0 above true synonyms.
    """
    rest = 1.0
    for weight in weights:
        rest *= 1.0 - weight
    strongest = max(weights)
    return strongest + MULTI_SENSE_BONUS * ((1.0 - rest) - strongest)


def build(wn):
    synsets = parse_data(wn)
    senses = parse_index_order(wn)
    senses.update(parse_sense_index(wn))

    # Smoothed sense frequency: SemCor tags plus a prior of 1/sense_number,
    # so untagged words still prefer their first (most frequent) sense.
    strength = {}
    per_word = defaultdict(list)
    for (word, pos, offset), (number, tags) in senses.items():
        value = tags + 1.0 / number
        strength[(word, pos, offset)] = value
        per_word[word].append(((pos, offset), value))
    word_max = {w: max(v for _, v in items) for w, items in per_word.items()}
    word_tags = defaultdict(int)
    for (word, _, _), (_, tags) in senses.items():
        word_tags[word] += tags

    def share(word, key):
        """Sense strength relative to the word's dominant sense, in (0, 1]."""
        value = strength.get((word, key[0], key[1]))
        if value is None:
            return 0.0
        return value / word_max[word]

    def obscure(word):
        """Never tagged in SemCor and with a single sense in WordNet."""
        return word_tags[word] == 0 and len(per_word[word]) <= 1

    def target_quality(word, key):
        """How safely `word` stands for the sense `key` in a document."""
        quality = share(word, key) ** 0.5
        if word_tags[word] == 0:
            quality *= UNTAGGED_MULTIWORD if " " in word else UNTAGGED_TARGET
            if obscure(word):
                quality *= OBSCURE_TARGET
        return quality

    common = set()
    for key, synset in synsets.items():
        if not is_proper(synset):
            common.update(w for w in synset.words if w is not None)

    def inflected_common(word):
        return " " not in word and any(
            base != word and base in common for base in regular_bases(word))

    evidence = defaultdict(lambda: defaultdict(list))   # head -> (kind, word) -> weights

    def add(head, kind, word, weight):
        if head and word and head != word and weight > 0:
            evidence[head][(kind, word)].append(min(weight, 1.0))

    for key, synset in synsets.items():
        proper = is_proper(synset)
        for index, head in enumerate(synset.words):
            if head is None:
                continue
            head_share = share(head, key)
            if head_share < MIN_SENSE_SHARE:
                continue
            head_factor = head_share ** 0.6
            # Synonyms / aliases from the same synset.
            for other in synset.words:
                if other is None or other == head:
                    continue
                kind = "alias" if proper else "syn"
                weight = BASE[kind] * head_factor * target_quality(other, key)
                if proper and inflected_common(head):
                    weight *= INFLECTED_ALIAS
                add(head, kind, other, weight)
            # A capital stands for its country's government ("Tehran" for Iran, "Washington" for the
            # United States): the part holonym of a capital city. Other containing places never do.
            if proper and synset.instance and synset.capital:
                for symbol, target_key, _, _ in synset.pointers:
                    target = synsets.get(target_key)
                    if symbol != "#p" or target is None:
                        continue
                    for word in target.words[:1]:
                        if word is not None:
                            add(head, "alias", word, BASE["alias"] * CAPITAL * head_factor)
            # Lexical pointers of this word: derivation and pertainyms.
            for symbol, target_key, source_no, target_no in synset.pointers:
                if symbol not in ("+", "\\") or source_no != index + 1:
                    continue
                target = synsets.get(target_key)
                if target is None or not 0 < target_no <= len(target.words):
                    continue
                word = target.words[target_no - 1]
                if word is None:
                    continue
                if symbol == "+":
                    weight = BASE["der"] * head_factor * target_quality(word, target_key)
                    add(head, "der", word, weight)
                else:
                    weight = BASE["pert"] * head_factor * target_quality(word, target_key)
                    add(head, "der", word, weight)
                    # Reverse direction (economy -> economic) from the
                    # target's point of view.
                    back = share(word, target_key)
                    if back >= MIN_SENSE_SHARE:
                        add(word, "der", head,
                            PERT_REVERSE * BASE["pert"] * back ** 0.6
                            * target_quality(head, key))

    table = {}
    for head, relations in evidence.items():
        merged = {}
        for (kind, word), weights in relations.items():
            weight = combine(weights)
            # One word, one kind: keep the strongest kind for a word.
            if word not in merged or weight > merged[word][1]:
                merged[word] = (kind, weight)
        table[head] = merged

    # A word derived from a name that has no other names of its own ("American" from "America")
    # stands for the name's other names too ("United States", "U.S."), at the product of the two
    # weights: a question about Americans is about the United States.
    named = {head: merged for head, merged in table.items()
             if any(kind == "alias" for kind, _ in merged.values())}
    for head, merged in table.items():
        if head in named:
            continue
        inherited = {}
        for word, (kind, weight) in merged.items():
            if kind != "der" or word not in named:
                continue
            for alias, (alias_kind, alias_weight) in named[word].items():
                if alias_kind == "alias" and alias != head and alias not in merged:
                    inherited[alias] = max(inherited.get(alias, 0.0), weight * alias_weight)
        for alias, weight in inherited.items():
            merged[alias] = ("der", weight)

    # Which headwords to keep (the size budget is ~4 MB): anything tagged in
    # SemCor; otherwise only if some related word is not obscure, and then
    # single words or names with aliases (USA, U.S.A.).  Dropped: untagged
    # multi-word lemmas (mostly technical and species names) and untagged
    # words related only to obscure words ("toastmaster" -> "symposiarch").
    def keep_head(head, merged):
        if word_tags[head] > 0:
            return True
        if " " not in head and any(kind == "alias" for kind, _ in merged.values()):
            return True
        if all(obscure(word) for word in merged):
            return False
        if head.count(" ") + 1 <= UNTAGGED_HEAD_MAX_WORDS:
            return True
        return any(kind == "alias" for kind, _ in merged.values())

    table = {h: m for h, m in table.items() if keep_head(h, m)}

    # Morphological exceptions (worse -> bad, children -> child).
    lemma_entries = defaultdict(dict)
    for name in ("noun", "verb", "adj", "adv"):
        for line in read_lines(os.path.join(wn, name + ".exc")):
            fields = line.split()
            form = clean(fields[0])
            if form is None:
                continue
            for base in fields[1:]:
                base = clean(base)
                if base is None or base == form or base not in word_max:
                    continue
                weight = LEMMA_WEIGHT_AMBIGUOUS if form in word_max else LEMMA_WEIGHT
                old = lemma_entries[form].get(base, 0.0)
                lemma_entries[form][base] = max(old, weight)

    lines = []
    relation_count = 0
    # Every other single word WordNet has is written with no relations: the
    # dictionary of words known to be English ("afraid"), so that a word known
    # to neither the dictionary nor the corpus is taken for a name.
    single_words = {word for word in word_max if " " not in word}
    for head in sorted(set(table) | set(lemma_entries) | single_words):
        items = []
        for base, weight in lemma_entries.get(head, {}).items():
            items.append(("lemma", base, weight))
        for word, (kind, weight) in table.get(head, {}).items():
            if word in lemma_entries.get(head, {}):
                continue
            if head in lemma_entries:
                weight *= EXCEPTION_FORM_OWN
            items.append((kind, word, weight))
        items = [(k, w, round(x, 2)) for k, w, x in items]
        items = [(k, w, x) for k, w, x in items if x >= MIN_WEIGHT or k == "lemma"]
        items.sort(key=lambda item: (item[0] != "lemma", -item[2], item[0], item[1]))
        items = items[:MAX_RELATIONS]
        items.sort(key=lambda item: (-item[2], item[0], item[1]))
        if not items:
            if " " not in head:
                lines.append(head + "\t")
            continue
        relation_count += len(items)
        lines.append(head + "\t" + "|".join(
            "%s:%s:%.2f" % (kind, word, min(weight, 1.0)) for kind, word, weight in items))
    return lines, relation_count


HEADER = """\
# Panelist lexicon: query-expansion relations derived from WordNet 3.0
# by scripts/make_lexicon.py (do not edit by hand; regenerate instead).
# Format: headword<TAB>kind:word:weight|... ; kinds syn, der, alias, lemma;
# a word with nothing after the tab is only known to be English.
# WordNet Release 3.0. This software and database is being provided to you,
# the LICENSEE, by Princeton University under the following license. By
# obtaining, using and/or copying this software and database, you agree that
# you have read, understood, and will comply with these terms and conditions.:
# Permission to use, copy, modify and distribute this software and database
# and its documentation for any purpose and without fee or royalty is hereby
# granted, provided that you agree to comply with the following copyright
# notice and statements, including the disclaimer, and that the same appear
# on ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
# OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE
# OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL
# NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
# RIGHTS. The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or
# database. Title to copyright in this software, database and any associated
# documentation shall at all times remain with Princeton University and
# LICENSEE agrees to preserve same.
"""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", default="/usr/share/wordnet")
    parser.add_argument("--out", default=os.path.join(here, "..", "store", "lexicon.tsv"))
    args = parser.parse_args()
    for name in ("data.noun", "index.noun", "noun.exc", "index.sense"):
        if not os.path.exists(os.path.join(args.wordnet, name)):
            sys.exit("missing %s in %s: apt-get install -y wordnet-base "
                     "wordnet-sense-index" % (name, args.wordnet))
    lines, relation_count = build(args.wordnet)
    text = HEADER + "\n".join(lines) + "\n"
    data = text.encode("utf-8")
    with open(args.out, "wb") as handle:
        handle.write(data)
    print("%d headwords, %d relations, %d bytes -> %s"
          % (len(lines), relation_count, len(data), os.path.normpath(args.out)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
