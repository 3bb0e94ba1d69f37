"""``formwork train-topics``: train the letter topic classifier and report how good it is.

The classifier is a spaCy ``textcat`` (exclusive classes, bag of words and
word pairs) on a blank English pipeline, trained on letters written by
:mod:`formwork.sample.letter_text` without its held-out phrasing families.
A mixed letter (two topics, equal weight) is given once with each label, so
the model learns to put about half on each: it must be unsure of those.

After training it reports, on letters it was not trained on:

- ``unseen_letters``: new letters (another seed) in the trained families;
- ``unseen_wordings``: letters written only with the held-out families;
- for each, accuracy, the share confident at the threshold (routed without
  staff) and the accuracy of those, and a confusion matrix;
- ``mixed``: the share of mixed letters left below the threshold (as it should be).

Everything is a function of the seed: the same seed gives the same model.
The report is also written into the model's ``meta.json``.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

from extractors.nlp.topics import MODEL_DIR, TOPICS, prepare, topic_confidence
from formwork.sample.letter_text import Composer

__all__ = ["TrainReport", "corpus", "train", "evaluate_model", "DEFAULT_SEED"]

DEFAULT_SEED = 1
#: The as-of date the corpus letters are dated around; it only moves dates, never words.
_CORPUS_DATE = dt.date(2026, 6, 1)


def _rng(seed: int, purpose: str) -> random.Random:
    return random.Random(f"formwork-topics:{seed}:{purpose}")


def corpus(seed: int, per_topic: int, families: str = "train", mixed: int = 0) -> list[tuple[str, str, str | None]]:
    """``(text, topic, mixed_with)`` for ``per_topic`` letters of each topic and ``mixed`` mixed letters."""
    rng = _rng(seed, f"corpus:{families}")
    comp = Composer(rng, families)
    out: list[tuple[str, str, str | None]] = []
    for topic in TOPICS:
        for _ in range(per_topic):
            date = _CORPUS_DATE - dt.timedelta(days=rng.randint(0, 700))
            ref = str(rng.randint(40_000_000, 49_999_999)) if rng.random() < 0.3 else None
            letter = comp.letter(topic, date, ref=ref, dated=rng.random() < 0.8)
            out.append((letter.text, topic, None))
    for _ in range(mixed):
        a, b = rng.sample(TOPICS, 2)
        letter = comp.letter(a, _CORPUS_DATE, mixed_with=b)
        out.append((letter.text, a, b))
    rng.shuffle(out)
    return out


@dataclass
class SetScore:
    letters: int = 0
    right: int = 0
    confident: int = 0
    confident_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "letters": self.letters,
            "accuracy": round(self.right / self.letters, 4) if self.letters else None,
            "confident_share": round(self.confident / self.letters, 4) if self.letters else None,
            "confident_accuracy": round(self.confident_right / self.confident, 4) if self.confident else None,
            "confusion": {t: {p: self.confusion[(t, p)] for p in TOPICS} for t in TOPICS},
        }


@dataclass
class TrainReport:
    seed: int
    train_letters: int
    seconds: float
    threshold: float
    sets: dict[str, SetScore]
    mixed_letters: int
    mixed_unsure: int
    model_bytes: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed, "train_letters": self.train_letters, "seconds": round(self.seconds, 1),
            "threshold": self.threshold, "model_bytes": self.model_bytes,
            **{name: s.to_dict() for name, s in self.sets.items()},
            "mixed": {"letters": self.mixed_letters,
                      "unsure_share": round(self.mixed_unsure / self.mixed_letters, 4) if self.mixed_letters else None},
        }


def evaluate_model(model: Language, letters: list[tuple[str, str, str | None]], threshold: float) -> SetScore:
    score = SetScore()
    for text, topic, _ in letters:
        guess, confidence = topic_confidence(text, model)
        score.letters += 1
        score.right += guess.topic == topic
        score.confusion[(topic, guess.topic)] += 1
        if confidence >= threshold:
            score.confident += 1
            score.confident_right += guess.topic == topic
    return score


def _new_model() -> Language:
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
        "no_output_layer": False, "length": 2 ** 16}})
    for topic in TOPICS:
        textcat.add_label(topic)  # type: ignore[attr-defined]
    return nlp


def _train_model(rows: list[tuple[str, str, str | None]], seed: int, epochs: int) -> Language:
    fix_random_seed(seed)
    nlp = _new_model()
    examples = [Example.from_dict(nlp.make_doc(prepare(text)), {"cats": {t: float(t == topic) for t in TOPICS}})
                for text, topic, _ in rows]
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(f"formwork-topics:{seed}:order")
    for _ in range(epochs):
        order.shuffle(examples)
        for batch in minibatch(examples, size=compounding(8.0, 64.0, 1.5)):
            nlp.update(batch, sgd=optimizer, drop=0.0)
    return nlp


def train(out_dir: Path = MODEL_DIR, seed: int = DEFAULT_SEED, per_topic: int = 500, epochs: int = 12,
          threshold: float = 0.8, test_per_topic: int = 200) -> TrainReport:
    """Train on generated letters, evaluate on letters not trained on, and save the model to ``out_dir``.

    Two models are trained. The first never sees the held-out phrasing
    families and is scored on letters written only with them: the estimate of
    how the classifier does on wordings it has never seen. The second, the one
    shipped, learns every family; it is scored on new letters from another
    seed, and on mixed letters (which it must leave below the threshold).
    """
    started = time.perf_counter()
    test_seed = seed + 1000
    probe = _train_model(corpus(seed, per_topic, "train"), seed, epochs)
    sets = {"unseen_wordings": evaluate_model(probe, corpus(test_seed, test_per_topic, "held_out"), threshold)}

    rows = corpus(seed, per_topic, "all")
    nlp = _train_model(rows, seed, epochs)
    sets["unseen_letters"] = evaluate_model(nlp, corpus(test_seed, test_per_topic, "all"), threshold)
    mixed = corpus(test_seed, 0, "all", mixed=test_per_topic * 2)
    unsure = sum(topic_confidence(text, nlp)[1] < threshold for text, _, _ in mixed)
    report = TrainReport(seed, len(rows), time.perf_counter() - started, threshold, sets, len(mixed), unsure)

    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.meta["name"] = "formwork_topics"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "Letter topics for Formwork (formwork train-topics)"
    # What it scored, not how long it took: the same seed gives the same files.
    nlp.meta["formwork"] = {k: v for k, v in report.to_dict().items() if k not in ("seconds", "model_bytes")}
    nlp.to_disk(out_dir)
    report.model_bytes = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    return report
