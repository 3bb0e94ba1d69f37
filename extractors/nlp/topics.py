"""The topic of a letter: a spaCy text classifier shipped with the package.

The model in ``extractors/nlp/topic_model/`` is a blank English pipeline
with one ``textcat`` component (exclusive classes, bag-of-words), trained by
``formwork train-topics`` on generated letters (``formwork.train_topics``).
It is loaded from the package folder, never downloaded; nothing is trained at
run time. A guess carries the probability of its top class; :func:`topic_confidence` routes by the
top class's lead over the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

__all__ = ["TOPICS", "MODEL_DIR", "TopicGuess", "topic_model", "classify_topic", "prepare", "ModelMissing",
           "sentence_agreement", "topic_confidence", "sentences", "stated_topic"]

#: forms.md: the topics a letter is routed by.
TOPICS: tuple[str, ...] = ("missed_bin", "council_tax_query", "complaint", "foi_request", "other")

MODEL_DIR = Path(__file__).with_name("topic_model")

#: Enough of a letter to judge its topic; a long letter's tail rarely changes it.
_MAX_CHARS = 6000


class ModelMissing(RuntimeError):
    """The shipped topic model is not where the package put it (a broken install)."""


@dataclass(frozen=True)
class TopicGuess:
    topic: str
    confidence: float
    scores: dict[str, float]


@lru_cache(maxsize=1)
def topic_model(path: Path = MODEL_DIR) -> Language:
    if not (path / "config.cfg").is_file():
        raise ModelMissing(f"the topic model is missing from {path}; reinstall formwork or run "
                           "'formwork train-topics'")
    return spacy.load(path)


def prepare(text: str) -> str:
    """What the classifier reads (in training too): lower case, whitespace collapsed, the first few pages."""
    return " ".join(text.lower().split())[:_MAX_CHARS]


def classify_topic(text: str, model: Language | None = None) -> TopicGuess:
    """The most likely topic of ``text`` and its probability."""
    doc = (model or topic_model())(prepare(text))
    scores = {t: float(doc.cats.get(t, 0.0)) for t in TOPICS}
    topic = max(TOPICS, key=lambda t: scores[t])
    return TopicGuess(topic, scores[topic], scores)


_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z(])")
#: A sentence the classifier is at least this sure of is about a topic. Neutral ones ("Thank you in
#: advance.") score about a fifth each, and a quoted reference ("My council tax account number is
#: 40012345.") about 0.36 for council tax: at 0.35 that aside made 1.3% of plain letters look mixed.
SENTENCE_CONFIDENCE = 0.45


def sentences(text: str) -> Iterable[str]:
    """The sentences (and lines) of ``text`` long enough to be about something."""
    for part in text.split("\n"):
        for s in _SENTENCE.split(part):
            if len(s.split()) >= 4:
                yield s


def sentence_agreement(text: str, topic: str, model: Language | None = None) -> float:
    """The share of the letter's topical sentences that are about ``topic`` (1.0 when none is topical).

    Each sentence is classified alone. A letter about two things gets about a
    half, even when the letter as a whole leans one way.
    """
    votes = [g.topic for s in sentences(text) if (g := classify_topic(s, model)).confidence >= SENTENCE_CONFIDENCE]
    return sum(v == topic for v in votes) / len(votes) if votes else 1.0


#: A letter's own words for what it is ("I wish to make a formal complaint", "under the Freedom of Information
#: Act", "our bins were not emptied"): where one topic's are found and the classifier agrees, it is that topic.
_STATED = {
    "complaint": re.compile(r"\b(?:make|making|raise|raising|lodge|lodging|submit|register)\s+an?\s+(?:formal\s+)?"
                            r"complaint\b|\bI\s+(?:want|wish|would like|am writing|write)\s+to\s+(?:formally\s+)?"
                            r"complain\b|\bthis is a (?:formal )?complaint\b", re.I),
    "foi_request": re.compile(r"\bfreedom of information\b|\bFOIA?\b|\benvironmental information regulations\b",
                              re.I),
    "missed_bin": re.compile(r"\b(?:bins?|recycling|refuse|rubbish|waste)\b[^.]{0,60}?\b(?:not|never|wasn'?t|weren'?t)"
                             r"\b[^.]{0,25}?\b(?:collected|emptied|picked up)\b|\bmissed\s+(?:bin|collection)", re.I),
}
#: The confidence a stated topic gives, when the classifier's top topic is that one.
STATED_CONFIDENCE = 0.9
#: A letter the classifier puts under its catch-all, with no sentence about any of the four topics and
#: none of them this likely, is "other" with this confidence.
OTHER_RIVAL = 0.4
OTHER_CONFIDENCE = 0.85


def stated_topic(text: str) -> str | None:
    """The one topic the letter says it is about in so many words, or None (none, or several)."""
    found = [t for t, pattern in _STATED.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def topic_confidence(text: str, model: Language | None = None) -> tuple[TopicGuess, float]:
    """The letter's topic and the confidence to route it by: how far the top topic leads the next
    (its share of the two), no higher than the share of topical sentences that agree.

    The top probability alone says little on a wording the classifier never met: five topics share
    what the words leave unexplained, so a letter plainly about the bin round reads 0.7 with no rival
    above 0.1. The lead over the runner-up is what separates right from wrong: on held-out phrasing
    families it leaves 85% of letters confident with none wrong (the top probability, 47%), and the
    letters it got wrong were near ties (0.33 against 0.33)."""
    guess = classify_topic(text, model)
    first, second = sorted(guess.scores.values(), reverse=True)[:2]
    lead = first / (first + second) if first + second > 0 else 0.0
    agreement = sentence_agreement(text, guess.topic, model)
    confidence = min(lead, agreement)
    stated = stated_topic(text)
    if stated is not None and stated == guess.topic:
        # The letter says so, and the classifier agrees: sure, unless its sentences are about other things too.
        confidence = max(confidence, min(STATED_CONFIDENCE, agreement))
    elif stated is not None and guess.topic == "other":
        # The classifier found nothing it knows (its catch-all); the letter says what it is in so many words.
        guess = TopicGuess(stated, guess.scores[stated], guess.scores)
        confidence = min(STATED_CONFIDENCE - 0.05, sentence_agreement(text, stated, model))
    elif guess.topic == "other" and stated is None and agreement == 1.0 \
            and max(p for t, p in guess.scores.items() if t != "other") < OTHER_RIVAL:
        # Nothing in it for any team: no sentence about a topic of its own, none of the four near, and no
        # words that name one ("an allotment plot ... the annual rent", 0.52 against council tax's 0.22). On
        # 166 letters of 17 authors, "other" so read was never another topic.
        confidence = max(confidence, OTHER_CONFIDENCE)
    return guess, confidence
