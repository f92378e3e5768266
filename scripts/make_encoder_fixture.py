#!/usr/bin/env python3
"""Writes Tests/EncoderTests/Fixtures/encoder_fixture.json: the reference's token ids and vectors.

The reference is sentence-transformers (PyTorch, CPU) over the same two files Panelist reads
(model.safetensors and vocab.txt from the model folder; scripts/encoder_reference.py). It is first
checked against the similarities all-MiniLM-L6-v2's model card publishes. Run it with the venv that
scripts/encoder-venv.sh prepares:

    "$(scripts/encoder-venv.sh)" scripts/make_encoder_fixture.py [--model-dir DIR] [--output FILE]

Each case records the text, the token ids ([CLS] ... [SEP], truncated to 256) and the embedding
rounded to 6 decimals. The file also holds the published similarities and a digest of the reference
tokenizer's treatment of every Unicode code point (normalisation and word splitting), which the Swift
tests recompute.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import encoder_reference  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "store", "carnegie-moscow-experts.txt")


def corpus_paragraphs():
    with open(CORPUS, encoding="utf-8") as file:
        return [" ".join(block.split("\n")).strip() for block in file.read().split("\n\n") if block.strip()]


def cases():
    paragraphs = corpus_paragraphs()
    longest = max(paragraphs, key=len)
    texts = [
        # The model card's examples.
        "That is a happy person",
        "That is a happy dog",
        "That is a very happy person",
        "Today is a sunny day",
        # Questions and sentences of the corpus's kind.
        "Why is Russian President Vladimir Putin still so eager to court U.S. President Donald Trump?",
        "What does Gabuev say about sanctions?",
        "Is Russia pleased that the United States will be blamed for the treaty’s collapse?",
        "The Kremlin’s viewpoint: three fundamental factors are driving the countries closer.",
        "Was Russia surprised that Trump pulled out of the Intermediate-Range Nuclear Forces (INF) Treaty?",
        "Countering America's Adversaries Through Sanctions Act (CAATSA)",
        "ISIS vs. the Islamic State",
        "penalties",
        "sanctions",
        "NATO's 2019 summit — what's next?",
        # Quotes, dashes, abbreviations, numbers.
        "“Curly quotes” and ‘single ones’ — with an em dash – and an en dash.",
        "The U.S. and the U.K. signed the I.N.F. treaty in 1987.",
        "Numbers: 3.14159, 1,000,000, -42, 1e-12, 0x1F, 50% and 2nd/3rd.",
        "Crème brûlée costs €4.50 at 10:30 a.m. on 12/03/2019.",
        "C++ and C# aren't F#; it's O'Reilly's \"quoted\" text.",
        "e-mail: someone@example.com, URL https://example.org/path?q=1&r=2#frag",
        "Don't stop—won't stop!!!!!!!!!!",
        "§ 12 ¶ 3 © 2019 ® ™ ° ¢ £ ¥",
        "?!...",
        # Accents and other scripts.
        "Café au lait, naïve façade, jalapeño, Zürich, São Paulo, Dvořák.",
        "e\u0301 decomposed acute and precomposed é",
        "İstanbul, ǅemal, straße and the ﬁ ligature",
        "ΟΔΟΣ Σοφία — Greek with a final sigma",
        "Привет, как дела? Москва и Кремль.",
        "Tiếng Việt có dấu",
        "روسيا والولايات المتحدة",
        "שָׁלוֹם עֲלֵיכֶם",
        "नमस्ते दुनिया",
        "สวัสดีครับ",
        "北京和莫斯科的关系",
        "日本語のテキストとカタカナ",
        "북한과 남한, 한국어 문장입니다",
        "Москваcity東京mixed",
        "ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ　１２３",
        "∑ x² ≤ ∞ ± √2 ≠ π",
        "Emoji: 🙂👍🏽 🇷🇺 ❤️ 🤖",
        # Empty, white space, control and format characters.
        "",
        "   \t\n  ",
        "Control\u0000chars\u0007and\u001fbell\u007f here",
        "Zero\u200bwidth\u200cjoiners\u200dand\ufeffBOM",
        "Tabs\tand\nnewlines\r\nbetween words",
        "non\u00a0breaking\u2009thin\u202fspace\u3000ideographic",
        "line\u2028separator\u2029paragraph\u0085next\u000bvertical\u000cfeed",
        "co\u00adoperation with a soft hyphen",
        "replacement \ufffd character and private use \ue000",
        # Special tokens typed in text.
        "hello [SEP] world [MASK] and [CLS][UNK]",
        "[sep] in lower case is plain text, [SEP is not closed",
        # Word pieces and long words.
        "Antidisestablishmentarianism and pneumonoultramicroscopicsilicovolcanoconiosis",
        "tokenization tokenizer untokenizable",
        "a" * 100,
        "a" * 101,
        "x" + "é" * 100,
        "ALL CAPS SHOUTING AND MiXeD CaSe",
        "a",
        # Length limits: 254 pieces fit exactly; 255 are cut; a word cut across the limit.
        " ".join(["word"] * 254),
        " ".join(["word"] * 255),
        " ".join(["word"] * 252) + " antidisestablishmentarianism",
        # Long texts: the corpus's longest paragraph, and well over 256 tokens.
        longest,
        " ".join(paragraphs[:12]),
    ]
    return texts


def code_point_digest(tokenizer):
    """FNV-1a 64 per block of 4096 code points over the normalised words of each code point alone.

    For code point c, the line is "<hex c>:" followed by its words (normaliser, then pre-tokenizer)
    joined by U+001F, then "\\n"; surrogates are skipped. The Swift test writes the same lines.
    """
    backend = tokenizer.backend_tokenizer if hasattr(tokenizer, "backend_tokenizer") else tokenizer._tokenizer
    normalizer, pre_tokenizer = backend.normalizer, backend.pre_tokenizer
    blocks = []
    for block in range(0x110000 // 4096):
        state = 0xCBF29CE484222325
        for code_point in range(block * 4096, (block + 1) * 4096):
            if 0xD800 <= code_point <= 0xDFFF:
                continue
            words = [word for word, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(chr(code_point)))]
            line = f"{code_point:x}:" + "\u001f".join(words) + "\n"
            for byte in line.encode("utf-8"):
                state = ((state ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
        blocks.append(f"{state:016x}")
    return blocks


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-dir", default=encoder_reference.default_model_dir())
    parser.add_argument("--output", default=os.path.join(ROOT, "Tests", "EncoderTests", "Fixtures", "encoder_fixture.json"))
    args = parser.parse_args()

    model = encoder_reference.load(args.model_dir)
    published = encoder_reference.check_published(model)
    texts = cases()
    embeddings = model.encode(texts, batch_size=1, normalize_embeddings=True)
    records = []
    for text, embedding in zip(texts, embeddings):
        ids = model.preprocess([text])["input_ids"][0].tolist()
        records.append({"text": text, "ids": ids, "embedding": [round(float(value), 6) for value in embedding]})
    fixture = {
        "model": "all-MiniLM-L6-v2",
        "reference": "sentence-transformers, PyTorch CPU, scripts/make_encoder_fixture.py",
        "published": [
            {"anchor": "That is a happy person", "text": text, "similarity": expected}
            for text, expected in encoder_reference.PUBLISHED
        ],
        "code_point_blocks": code_point_digest(model.tokenizer),
        "cases": records,
    }
    # One case per line, so that a regenerated fixture diffs case by case.
    def compact(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = {key: value for key, value in fixture.items() if key != "cases"}
    lines = ["{"] + [f"{compact(key)}:{compact(value)}," for key, value in head.items()] + ['"cases":[']
    lines += [compact(record) + ("," if index < len(records) - 1 else "") for index, record in enumerate(records)]
    lines += ["]}"]
    with open(args.output, "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
    lengths = [len(record["ids"]) for record in records]
    print(f"{len(records)} cases ({min(lengths)}-{max(lengths)} tokens), published similarities "
          + ", ".join(f"{value:.4f}" for _, value in published) + f"; wrote {args.output}")


if __name__ == "__main__":
    main()
