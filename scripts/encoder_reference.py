"""The reference sentence encoder: sentence-transformers over the same two files Panelist reads.

Used by scripts/make_encoder_fixture.py and scripts/bench_encoder.py. The model folder Panelist uses
(`scripts/fetch-model.sh` fills it) holds only `model.safetensors` and `vocab.txt`; this module puts
the rest of all-MiniLM-L6-v2's configuration beside them in a temporary folder (the values of the
package's config.json, tokenizer_config.json and sentence-transformers files) and loads it offline:
Transformer (BERT, max_seq_length 256) -> mean Pooling -> Normalize.
"""

import json
import os
import tempfile

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

PUBLISHED = [
    # sentence-transformers/all-MiniLM-L6-v2's model card: cosine similarities to "That is a happy person".
    ("That is a happy dog", 0.6946),
    ("That is a very happy person", 0.9429),
    ("Today is a sunny day", 0.2569),
]

CONFIG = {
    "architectures": ["BertModel"],
    "attention_probs_dropout_prob": 0.1,
    "hidden_act": "gelu",
    "hidden_dropout_prob": 0.1,
    "hidden_size": 384,
    "initializer_range": 0.02,
    "intermediate_size": 1536,
    "layer_norm_eps": 1e-12,
    "max_position_embeddings": 512,
    "model_type": "bert",
    "num_attention_heads": 12,
    "num_hidden_layers": 6,
    "pad_token_id": 0,
    "position_embedding_type": "absolute",
    "type_vocab_size": 2,
    "vocab_size": 30522,
}

TOKENIZER_CONFIG = {
    "do_lower_case": True,
    "tokenize_chinese_chars": True,
    "strip_accents": None,
    "do_basic_tokenize": True,
    "never_split": None,
    "tokenizer_class": "BertTokenizer",
    "model_max_length": 512,
    "unk_token": "[UNK]",
    "sep_token": "[SEP]",
    "pad_token": "[PAD]",
    "cls_token": "[CLS]",
    "mask_token": "[MASK]",
}


def default_model_dir():
    if os.environ.get("PANELIST_MODEL_DIR"):
        return os.environ["PANELIST_MODEL_DIR"]
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "panelist", "models", "all-MiniLM-L6-v2")


def load(model_dir, threads=2):
    """The sentence-transformers model over model_dir's files, on the CPU with `threads` threads."""
    import torch
    from sentence_transformers import SentenceTransformer, models

    torch.set_num_threads(threads)
    folder = tempfile.mkdtemp(prefix="panelist-reference-")
    for name in ("model.safetensors", "vocab.txt"):
        source = os.path.join(model_dir, name)
        if not os.path.isfile(source):
            raise SystemExit(f"{source} is missing; run scripts/fetch-model.sh")
        os.symlink(os.path.abspath(source), os.path.join(folder, name))
    with open(os.path.join(folder, "config.json"), "w") as file:
        json.dump(CONFIG, file)
    with open(os.path.join(folder, "tokenizer_config.json"), "w") as file:
        json.dump(TOKENIZER_CONFIG, file)
    transformer = models.Transformer(folder, max_seq_length=256)
    model = SentenceTransformer(
        modules=[transformer, models.Pooling(384, pooling_mode="mean"), models.Normalize()], device="cpu"
    )
    model.eval()
    return model


def check_published(model):
    """Fails unless the model reproduces the model card's three similarities to 4 decimals."""
    anchor = "That is a happy person"
    embeddings = model.encode([anchor] + [text for text, _ in PUBLISHED], normalize_embeddings=True)
    results = []
    for (text, expected), embedding in zip(PUBLISHED, embeddings[1:]):
        similarity = float(embeddings[0] @ embedding)
        if round(similarity, 4) != expected:
            raise SystemExit(f"reference check failed: {anchor!r} vs {text!r} = {similarity:.4f}, published {expected}")
        results.append((text, similarity))
    return results


def token_ids(model, text):
    """The token ids the reference gives `text`, [CLS] and [SEP] included, truncated to 256."""
    return model.tokenize([text])["input_ids"][0].tolist()
