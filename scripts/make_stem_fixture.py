#!/usr/bin/env python3
"""Write Tests/RetrievalTests/Fixtures/porter2.tsv, the reference fixture for EnglishStemmer.

Each line is `word<TAB>stem`, sorted by word, stems computed by PyStemmer's Snowball English
stemmer (`pip install PyStemmer`). The word list is the union of:

* every word of the bundled Carnegie corpus (/work/shared/corpus/carnegie-moscow-experts.txt),
* the 6,000 most frequent words of the first 20,000 passages of the scale corpus
  (/work/shared/scale/passages_100k.jsonl.gz), ties broken alphabetically,
* a hand list of cases that exercise every rule and exception of the algorithm.

Words are lower-cased ASCII letters with internal apostrophes allowed; curly apostrophes are
folded to straight ones first, as the tokenizer does. The output is deterministic.

Usage: python3 scripts/make_stem_fixture.py [--corpus PATH] [--passages PATH] [--output PATH]
"""

import argparse
import collections
import gzip
import json
import re
from pathlib import Path

import Stemmer

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
PASSAGE_LINES = 20_000
FREQUENT_WORDS = 6_000

# Cases for every step and exception of https://snowballstem.org/algorithms/english/stemmer.html,
# including the additions of Snowball 3 (extra R1 prefixes, -ogist, skis, vying, evening, ...).
HAND_LIST = """
    a as at by is it my of on or to up we yes say sky sky's 'quoted 'tis 'ab ab'
    skis skies ski's dying lying tying vying eying flying crying idly gently ugly early only
    singly news howe atlas cosmos bias andes skying newsy biased
    inning innings outing outings canning herring herrings earring earrings evening evenings
    beginning winning shouting proceed proceeds proceeding proceedings exceed exceeds exceeding
    exceedingly succeed succeeded succeeds feed feeds bleed agreed agreedly guaranteed freed
    generously generate general generic communism community communication arsenal arsenic
    past paste pasted pasting pastes pastor universe universal university lateral later
    emerge emergency emergent organ organic organize organization organism
    inter internal internally international interval intervals interest interesting
    consign consigned consigning consignment knightly cried cries ties tied dies died lies
    gas gaps gases this his kiwis us bus caress caresses ponies toys boys joys says
    hopping hoping hopped hoped luxuriating luxuriated adding ebbing odding eggs aided added
    filing filling falling failing fizzing hissing conflated troubled sized
    controllable fluently fluent happy cry fly by baby enjoy employ yesterday yelled
    relational conditional rational valenci hesitanci digitizer conformabli radicalli
    differentli vileli analogousli vietnamization predication operator feudalism decisiveness
    hopefulness callousness formaliti sensitiviti sensibiliti biology geology analogy
    biologist archaeologist archaeology trustfulli thoughtlessli cheerfulli
    electrical electricity electriciti triplicate formative formalize hopeful goodness
    revival allowance inference airliner gyroscopic adjustable defensible irritant
    replacement adjustment dependent adoption adopted adopting communism activate angulariti
    homologous effective bowdlerize probate rate cease roll controll fall
    ied ies sses caressing misses kisses
    generation generations generously commune communal arsenals
"""


def corpus_words(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8").replace("\u2019", "'").replace("\u2018", "'").lower()
    return set(WORD.findall(text))


def frequent_passage_words(path: Path) -> set[str]:
    counts: collections.Counter[str] = collections.Counter()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= PASSAGE_LINES:
                break
            text = json.loads(line)["text"].replace("\u2019", "'").replace("\u2018", "'").lower()
            counts.update(WORD.findall(text))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return {word for word, _ in ranked[:FREQUENT_WORDS]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus/carnegie-moscow-experts.txt"))
    parser.add_argument("--passages", type=Path, default=Path("/work/shared/scale/passages_100k.jsonl.gz"))
    parser.add_argument(
        "--output", type=Path, default=PACKAGE_ROOT / "Tests/RetrievalTests/Fixtures/porter2.tsv"
    )
    args = parser.parse_args()

    words = corpus_words(args.corpus) | frequent_passage_words(args.passages) | set(HAND_LIST.split())
    stemmer = Stemmer.Stemmer("english")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="\n") as out:
        for word in sorted(words):
            out.write(f"{word}\t{stemmer.stemWord(word)}\n")
    print(f"wrote {len(words)} pairs to {args.output}")


if __name__ == "__main__":
    main()
