"""What a letter asks for: spaCy rules that find applications written as prose.

A citizen who writes "I'd like the single person discount, my husband moved
out on 3rd March" has applied for it. This module reads such sentences on the
blank English pipeline of :mod:`extractors.nlp.entities` (one spaCy pass gives
tokens, sentences and the dates, postcodes, references and registrations), with
a :class:`~spacy.matcher.Matcher` of the phrases people use and a little
Python for what a blank pipeline does not know:

- **lemmas** are approximated by spelling out each verb's forms
  (:data:`~extractors.nlp.application_words.VERBS`: ``move`` matches moves,
  moved, moving), since no lemmatiser ships without a download; the phrases
  themselves are data, in :mod:`extractors.nlp.application_words`;
- **who did it** (:func:`subject_of`): the nearest subject to the left of a
  verb ("I", "we", "my husband John Smith", "she"), so that "my husband moved
  out" is a single person discount and "I moved out" is a move;
- **how it is said** (:class:`Framing`): a request ("I would like", "please
  can I have", "I am writing to apply"), a notice ("I am writing to let you
  know"), a question about it ("could you tell me whether I can get", "am I
  eligible"), something done before ("I applied for a permit last year"), or
  a denial ("I am not moving").

:func:`read_sentences` turns a parsed text into :class:`SentenceReading`
objects, and :func:`score_readings` weighs them into a score per form type
(:data:`FORM_TYPES`). The weights are set so that a plain request scores 0.85
or more, a stated situation with a date about 0.7, a form type named in
passing or asked about under 0.3. A sentence gives each form type at most one
weight of each kind (naming a permit three times is one mention); a letter
under the Freedom of Information Act, or one that asks only for another
service and merely tells of a move, is weighed down as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from extractors.nlp.application_words import (
    AMBIGUOUS_MAKES,
    BETWEEN,
    CAR_MAKES,
    MODALS,
    MODIFIERS,
    NOT_NAMES,
    PATTERNS,
    POSSESSIVE,
    PRONOUNS,
    PROPERTY,
    RELATIONS,
    SELF,
    TITLES,
    VERBS,
)
from extractors.nlp.entities import letter_nlp

__all__ = [
    "FORM_TYPES", "Subject", "Cue", "Framing", "SentenceReading", "Evidence", "application_matcher", "read_sentences",
    "sentence_evidence", "score_readings", "subject_of", "name_after", "on_behalf_of", "departed", "separated",
    "moving_in_with", "car_make",
]

FORM_TYPES: tuple[str, ...] = ("council_tax_spd", "council_tax_move", "parking_permit")


# --------------------------------------------------------------------------- who did it


@dataclass(frozen=True)
class Subject:
    """Who a verb's subject is: ``self`` (the writer, or whom the letter is on behalf of), ``other`` or ``unknown``."""

    kind: str
    relation: str | None = None  # "husband", "mother", or a pronoun
    name: str | None = None  # "John Smith", when the letter names them
    start: int = -1  # token index of the subject


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    if tok.lower_ in NOT_NAMES or tok.is_stop or not text[:1].isupper():
        return False
    return bool(re.fullmatch(r"[A-Z][a-zA-Z'’-]*|[A-Z]\.?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+", text))


def _hyphen_joins(doc: Doc | Span, k: int) -> bool:
    """Token ``k`` is a hyphen written inside a word, no space either side ("Haughan-Parkin")."""
    return doc[k].text == "-" and k > 0 and not doc[k - 1].whitespace_ and not doc[k].whitespace_


def name_after(doc: Doc | Span, i: int, end: int | None = None) -> tuple[str, int, int] | None:
    """A person's name starting at token ``i`` ("John Smith", "Mrs Joan Smith"), with its token range."""
    end = len(doc) if end is None else end
    j = i
    words: list[str] = []
    if j < end and doc[j].lower_ in TITLES:
        words.append(doc[j].text)
        j += 1
        if j < end and doc[j].text == ".":
            words[-1] += "."
            j += 1
    start_names = j
    while j < end and len(words) < 5 and _is_name_token(doc[j]):
        words.append(doc[j].text)
        j += 1
        while j + 1 < end and _hyphen_joins(doc, j) and _is_name_token(doc[j + 1]):
            words[-1] += "-" + doc[j + 1].text  # "Haughan-Parkin", which the tokenizer splits at the hyphen
            j += 2
    if j == start_names:
        return None
    return " ".join(words), i, j


def _name_before(doc: Doc | Span, i: int) -> tuple[str, int, int] | None:
    """A name ending just before token ``i`` ("John Smith, my husband, ...")."""
    j = i
    while j > 0 and _is_name_token(doc[j - 1]):
        j -= 1
        if j >= 2 and _hyphen_joins(doc, j - 1) and _is_name_token(doc[j - 2]):
            j -= 1  # (to the hyphen; the name before it is taken next)
    if j > 0 and doc[j - 1].lower_ in TITLES:
        j -= 1
    if j == i:
        return None
    return name_after(doc, j, i)


#: Who a record of a call or visit is about, in the third person ("the caller is moving into 6 Heron Way").
_RECORDED_SELF = frozenset({"caller", "customer", "applicant"})
#: The verbs a record of contact opens with, after who made it ("Mrs Ann Lee rang to say ...").
_RECORDED_CONTACT = frozenset({"rang", "called", "phoned", "telephoned", "emailed", "visited", "attended", "came"})


def subject_of(sent: Span, i: int, behalf: Subject | None = None) -> Subject:
    """The subject of the verb at sentence token ``i``: the nearest person to its left in the same clause.

    ``behalf`` is the person a letter is written for ("on behalf of my mother"): mentions of them
    ("my mother", "she") count as the writer's own.
    """
    j = i - 1
    # A possessive right before a noun cue ("my last day", "our tenancy") makes the owner the subject.
    if j >= 0 and sent[j].lower_ in POSSESSIVE:
        return Subject("self", start=j)
    bracketed: str | None = None  # "Joanne Edwards (my wife) left": the relation said in brackets
    while j >= 0:
        tok = sent[j]
        low = tok.lower_
        if tok.text == ")":
            opening = next((k for k in range(j - 1, max(j - 8, -1), -1) if sent[k].text == "("), None)
            if opening is not None:
                bracketed = next((t.lower_ for t in sent[opening + 1:j] if t.lower_ in RELATIONS), None)
                j = opening - 1
                continue
        if low in SELF:
            return Subject("self", start=j)
        if low in _RECORDED_SELF and j >= 1 and sent[j - 1].lower_ == "the":
            return Subject("self", start=j - 1)  # a record of a call: "the caller is moving into ..."
        if low in PRONOUNS:
            pronoun = PRONOUNS[low]
            if behalf is not None and behalf.relation is not None and (
                    RELATIONS.get(behalf.relation) == pronoun or behalf.relation == pronoun):
                return Subject("self", behalf.relation, behalf.name, j)
            if low in {"him", "them"}:
                return Subject("unknown", start=j)  # an object, not a subject
            return Subject("other", pronoun, start=j)
        if low in RELATIONS:
            # "my husband John Smith", "my husband, John Smith,", "my husband (John Smith)"
            name = name_after(sent, j + 1, i) or (name_after(sent, j + 2, i) if j + 2 < i and sent[j + 1].text in {
                ",", "("} else None)
            m = j - 1
            while m > 0 and sent[m].lower_ in MODIFIERS:
                m -= 1  # "my ex-husband", "my late wife", "my eldest son"
            if name is None and m >= 1 and sent[m].lower_ in POSSESSIVE and sent[m - 1].text == ",":
                name = _name_before(sent, m - 1)  # "John Smith, my husband, moved out"
            who = name[0] if name else None
            owner = sent[m].lower_ if m >= 0 else ""
            if behalf is not None and behalf.relation == low and owner in POSSESSIVE | {"the"}:
                return Subject("self", low, behalf.name or who, j)
            if low in {"adult", "occupant", "tenant", "lodger", "lodgers"} and owner in {"other", "the"} | POSSESSIVE:
                return Subject("other", low, who, j)
            return Subject("other", low, who, j)
        if _is_name_token(tok):
            name = _name_before(sent, j + 1)
            if name is not None:
                if behalf is not None and bracketed is not None and behalf.relation == bracketed:
                    return Subject("self", bracketed, behalf.name or name[0], name[1])
                if name[1] == 0 and j + 1 < len(sent) and sent[j + 1].lower_ in _RECORDED_CONTACT:
                    # a record of a call or visit, opening on who made it: "Mr James Dyer rang to tell us about
                    # a move out of ...": the applicant, as "the caller" is
                    return Subject("self", None, name[0], 0)
                return Subject("other", bracketed, name[0], name[1])
        if low in BETWEEN or (tok.is_punct and low == ","):
            j -= 1
            continue
        if low in {"and", "but", "then"}:
            # "I'm moving in with my partner and leaving my flat": the verb shares the clause's subject.
            return _clause_subject(sent, j, behalf)
        if tok.like_num or tok.is_punct:
            break
        # A name after its relation ("my husband John moved out"): keep walking left to the relation.
        j -= 1
        if i - j > 9:
            break
    return Subject("unknown")


def _clause_subject(sent: Span, j: int, behalf: Subject | None) -> Subject:
    """The subject of the clause that ends at token ``j`` (an "and"): its first person, from the left."""
    k = j - 1
    while k > 0 and sent[k - 1].text not in {";", ":"} and sent[k - 1].lower_ not in {"and", "but", "because", "as",
                                                                                        "so", "since"}:
        k -= 1
    for m in range(k, j):
        tok = sent[m]
        low = tok.lower_
        if low in SELF:
            return Subject("self", start=m)
        if low in {"he", "she", "they"}:
            if behalf is not None and behalf.relation is not None and RELATIONS.get(behalf.relation) == low:
                return Subject("self", behalf.relation, behalf.name, m)
            return Subject("other", low, start=m)
        if low in RELATIONS and m > 0 and sent[m - 1].lower_ in POSSESSIVE:
            if behalf is not None and behalf.relation == low:
                return Subject("self", low, behalf.name, m)
            return Subject("other", low, start=m)
    return Subject("unknown")


#: Matches that stand for a move or a departure (a verb, and who did it matters).
_VERB_CUES = ("MOVE_OUT", "MOVE_IN", "MOVE_TO", "MOVE_BARE", "DEPART", "LIVE_ALONE")


@lru_cache(maxsize=1)
def application_matcher() -> Matcher:
    """The Matcher of :data:`PATTERNS`, on the letter pipeline's vocabulary. Built once per process."""
    matcher = Matcher(letter_nlp().vocab)
    for label, patterns in PATTERNS.items():
        if label != "ON_BEHALF":
            matcher.add(label, patterns)
    return matcher


@lru_cache(maxsize=1)
def _behalf_matcher() -> Matcher:
    """ "on behalf of" alone: looked for in every sentence before the rest, so kept small."""
    matcher = Matcher(letter_nlp().vocab)
    matcher.add("ON_BEHALF", PATTERNS["ON_BEHALF"])
    return matcher


# --------------------------------------------------------------------------- readings


@dataclass(frozen=True)
class Cue:
    """One phrase that tells of an application, with who it is about and how it is said."""

    kind: str  # a key of PATTERNS
    start: int  # token offsets in the sentence
    end: int
    subject: Subject = Subject("unknown")
    negated: bool = False
    past: bool = False

    def text(self, sent: Span) -> str:
        return sent[self.start:self.end].text


@dataclass
class Framing:
    request: bool = False
    notify: bool = False
    query: bool = False
    past: bool = False
    question_mark: bool = False
    topics: set[str] = field(default_factory=set)  # COMPLAINT, FOI, BINS, BILL_QUERY, OTHER_SERVICE


@dataclass
class SentenceReading:
    sent: Span
    cues: list[Cue]
    framing: Framing
    #: Token offsets (in the sentence) of what each label matched: FROM, NEGATION, CAR, ZONE, ...
    marks: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def has(self, *kinds: str) -> bool:
        return any(c.kind in kinds for c in self.cues)

    def of(self, *kinds: str) -> list[Cue]:
        return [c for c in self.cues if c.kind in kinds]


def on_behalf_of(sentences: Sequence[Span]) -> Subject | None:
    """Whom the letter is written for ("on behalf of my mother, Mrs Joan Smith", "on her behalf"), or None."""
    matcher = _behalf_matcher()
    for sent in sentences:
        if not any(t.lower_ in {"behalf", "attorney", "asked", "acting"} for t in sent):
            continue
        for _match_id, start, end in matcher(sent):
            if sent[start + 1].lower_ in PRONOUNS:  # "on her behalf": the relation said elsewhere ("my mother")
                pronoun = PRONOUNS[sent[start + 1].lower_]
                for other in sentences:
                    for j, tok in enumerate(other):
                        if tok.lower_ in RELATIONS and RELATIONS[tok.lower_] in {pronoun, "they"} and j > 0 \
                                and other[j - 1].lower_ in POSSESSIVE:
                            name = name_after(other, j + 1) or (
                                name_after(other, j + 2) if j + 2 < len(other) and other[j + 1].text == "," else None)
                            return Subject("self", tok.lower_, name[0] if name else None, j)
                return Subject("self", pronoun, None, start + 1)
            for j in range(end, min(end + 4, len(sent))):
                low = sent[j].lower_
                if low in RELATIONS and low not in {"adult", "occupant", "client"}:
                    name = name_after(sent, j + 1) or (
                        name_after(sent, j + 2) if j + 2 < len(sent) and sent[j + 1].text == "," else None)
                    return Subject("self", low, name[0] if name else None, j)
                if _is_name_token(sent[j]) or low in TITLES:
                    found = name_after(sent, j)
                    if found:
                        return Subject("self", None, found[0], j)
            for j in range(start - 1, max(start - 4, -1), -1):  # "my mother has asked me to write"
                if sent[j].lower_ in RELATIONS:
                    return Subject("self", sent[j].lower_, None, j)
    return None


#: What general correspondence is about: a sentence about one of these is not an application.
_TOPICS = ("COMPLAINT", "FOI", "BINS", "BILL_QUERY", "OTHER_SERVICE")


def _negated(sent: Span, start: int, neg: list[tuple[int, int]]) -> bool:
    """A "not" (or "never", "n't") within three tokens before ``start``, in the same clause."""
    for s, e in neg:
        if start - 4 <= s < start and not any(t.text in {",", ";", "and", "but"} for t in sent[e:start]):
            if sent[s].lower_ == "no" and s + 1 < len(sent) and sent[s + 1].lower_ == "longer":
                continue  # "no longer lives here" is a departure, not a denial
            return True
    return False


def read_sentences(doc: Doc, behalf: Subject | None = None, heading: bool = False) -> list[SentenceReading]:
    """Every sentence of ``doc`` (parsed by :func:`~extractors.nlp.entities.letter_nlp`) with its cues.

    ``heading``: a subject line ("Moving out"), whose verbs without a subject are the writer's.
    """
    strings = letter_nlp().vocab.strings
    matches = application_matcher()(doc)  # once for the whole text, then shared out to its sentences
    out = []
    for sent in doc.sents:
        marks: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in matches:
            if sent.start <= start and end <= sent.end:
                marks.setdefault(strings[match_id], []).append((start - sent.start, end - sent.start))
        framing = Framing(
            request=bool(marks.get("REQUEST")), notify=bool(marks.get("NOTIFY")),
            query=bool(marks.get("QUERY")) or bool(marks.get("QUALIFY") and "?" in sent.text),
            question_mark=sent.text.rstrip().endswith("?"),
            topics={t for t in _TOPICS if marks.get(t)})
        if framing.question_mark and not framing.request and sent[0].lower_ in {
                "is", "are", "am", "do", "does", "would", "will", "should", "what", "how", "why", "when", "which",
                "where", "who", "have", "has", "did"}:
            framing.query = True
        neg = marks.get("NEGATION", [])
        # "can I have a permit" is a request, not "I have a permit"; "please accept this letter as my application",
        # "I enclose my claim": the one this is.
        past_marks = [(s, e) for s, e in marks.get("PAST_APPLY", [])
                      if not (s > 0 and sent[s].lower_ in {"i", "we"} and sent[s - 1].lower_ in MODALS)
                      and not (s > 0 and sent[s].lower_ in {"my", "our"} and sent[s - 1].lower_ in _THIS_ONE)]
        framing.past = bool(past_marks)
        cues = []
        for kind in ("SPD_TERM", "DISCOUNT", "PERMIT_TERM", "PERMIT_WORD", "CLOSE_ACCOUNT", "OPEN_ACCOUNT",
                     *_VERB_CUES):
            for start, end in _longest(marks.get(kind, [])):
                if kind == "MOVE_OUT" and _remaining(sent, start, marks.get("LIVE_ALONE", [])):
                    continue
                subject = subject_of(sent, start, behalf) if kind in _VERB_CUES else Subject("unknown")
                if heading and subject.kind == "unknown":
                    subject = Subject("self")
                if kind in {"CLOSE_ACCOUNT", "OPEN_ACCOUNT"}:
                    subject = Subject("self")
                cues.append(Cue(kind, start, end, subject, _negated(sent, start, neg),
                                any(s < end and e > start - 6 for s, e in past_marks)))
        out.append(SentenceReading(sent, _drop_overlaps(cues), framing, marks))
    return out


def _remaining(sent: Span, start: int, alone: list[tuple[int, int]]) -> bool:
    """ "left" as what remains, not a departure: "the only adult left", "I was left on my own"."""
    if sent[start].lower_ != "left" or start == 0:
        return False
    return sent[start - 1].lower_ in _BE or any(e == start for _s, e in alone)


#: Words before "my application" that make it the one in hand ("as my application", "enclose my claim").
_THIS_ONE = frozenset({"as", "enclose", "enclosed", "attach", "attached", "submit", "find", "accept", "is"})
_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'m", "'re"})  # not "'s": "she's left"


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of one label without the ones inside a longer one."""
    spans = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


_PRIORITY = {"DEPART": 0, "LIVE_ALONE": 0, "MOVE_IN": 1, "MOVE_OUT": 1, "MOVE_TO": 2, "MOVE_BARE": 3,
             "SPD_TERM": 0, "DISCOUNT": 1, "PERMIT_TERM": 0, "PERMIT_WORD": 1}


def _drop_overlaps(cues: list[Cue]) -> list[Cue]:
    """Where verb cues overlap ("moved out" is also a bare "moved"), the more specific one stays."""
    kept: list[Cue] = []
    for cue in sorted(cues, key=lambda c: (_PRIORITY.get(c.kind, 0), -(c.end - c.start))):
        group = _GROUPS.get(cue.kind)
        if group and any(_GROUPS.get(k.kind) == group and k.start < cue.end and cue.start < k.end for k in kept):
            continue
        kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


_GROUPS = {"DEPART": "verb", "LIVE_ALONE": "verb", "MOVE_IN": "verb", "MOVE_OUT": "verb", "MOVE_TO": "verb",
           "MOVE_BARE": "verb", "SPD_TERM": "spd", "DISCOUNT": "spd", "PERMIT_TERM": "permit",
           "PERMIT_WORD": "permit"}


# --------------------------------------------------------------------------- scores


@dataclass
class Evidence:
    """Why a form type scored what it did: per-sentence weights, strongest first (for notes and tests)."""

    weights: dict[str, list[tuple[float, str]]] = field(default_factory=lambda: {f: [] for f in FORM_TYPES})
    distractors: int = 0
    applying: int = 0
    #: Form types the letter asks about ("am I eligible for ...?") and ones it asks for or notifies.
    asked: set[str] = field(default_factory=set)
    requested: set[str] = field(default_factory=set)

    def add(self, form_type: str, weight: float, why: str) -> None:
        if weight > 0:
            self.weights[form_type].append((weight, why))


#: Weights of one sentence's evidence, before its framing.
REQUESTED = 0.85  # "I would like the single person discount", "please can I have a residents' permit"
NOTIFIED = 0.7  # "I am writing to let you know that I am moving out"
SITUATION = 0.55  # "I now live alone", "we moved into 4 Oak Road"
DEPARTED = 0.35  # "my husband moved out"
DATED = 0.12  # added when the situation has a date
PLACED = 0.08  # added when the move says where
MENTION = 0.25  # "single person discount" said, nothing asked
#: Multipliers for how it is said.
ASKED_ABOUT = 0.25  # "could you tell me whether I can get the discount"
DONE_BEFORE = 0.2  # "I applied for a permit last year"
DENIED = 0.1  # "I am not moving"
OFF_TOPIC = 0.4  # the same sentence complains, or asks about a bill or a refund
ASKED_ONLY = 0.5  # the letter asks about the form type and nowhere asks for it
SOMEONE_ELSE = 0.2  # about a neighbour, a landlord: a report, not an application
NO_CONTEXT = 0.6  # "I've just moved house and ...": no council tax, no date, no address
CANCELLED = 0.15  # "please remove my single person discount", "my partner moved back in"
ASKED_ELSEWHERE = 0.6  # the letter asks for another service (a bin, a vote) and only tells of this
INFORMATION_REQUEST = 0.3  # the letter asks under the Freedom of Information Act: it wants facts, not a permit


def _combine(weights: Iterable[float]) -> float:
    """Independent pieces of evidence: 1 - prod(1 - w)."""
    left = 1.0
    for w in weights:
        left *= 1.0 - min(max(w, 0.0), 0.97)
    return 1.0 - left


def _request_then_question(r: SentenceReading) -> bool:
    """The sentence asks for something, then (in a later clause) asks a question: the request's cue comes
    before the question's words ("Please close my account and tell me how much I owe")."""
    requests, questions = r.marks.get("REQUEST", []), r.marks.get("QUERY", [])
    if not requests or not questions:
        return False
    asked_from = min(start for start, _ in questions)
    return min(start for start, _ in requests) < asked_from and any(c.start < asked_from for c in r.cues)


def sentence_evidence(r: SentenceReading, evidence: Evidence, *, car_in_letter: bool, dated: set[int],
                      placed: set[int]) -> None:
    """What one sentence says for each form type (added to ``evidence``).

    ``dated`` and ``placed`` hold the start tokens of this sentence's verb cues that have a date
    or an address attached (the caller reads those).
    """
    f = r.framing
    # "Please set up an account for us and let me know how to pay by direct debit": asked for, then a question
    # about paying for it (a bill or a Direct Debit goes with what is asked for)
    then_asks = f.query and _request_then_question(r)
    query = f.query and not then_asks
    factor = 1.0
    if query:
        factor *= ASKED_ABOUT
    if r.marks.get("NEIGHBOUR"):
        factor *= SOMEONE_ELSE
    if r.marks.get("CANCEL"):
        factor *= CANCELLED
    if r.marks.get("HYPOTHETICAL"):
        factor *= SOMEONE_ELSE
    if f.topics and not (then_asks and f.topics <= {"BILL_QUERY"}):
        factor *= OFF_TOPIC
    text = r.sent.text.strip()[:80]
    request = f.request and not query
    terms = {"council_tax_spd": r.has("SPD_TERM", "DISCOUNT", "LIVE_ALONE"),
             "council_tax_move": r.has("CLOSE_ACCOUNT", "OPEN_ACCOUNT") or any(
                 c.subject.kind == "self" for c in r.of("MOVE_OUT", "MOVE_IN", "MOVE_TO")),
             "parking_permit": r.has("PERMIT_TERM", "PERMIT_WORD")}
    for form_type, said in terms.items():
        if said and query:
            evidence.asked.add(form_type)
        elif said and (request or f.notify):
            evidence.requested.add(form_type)

    # One sentence that names a form type three times ("... permits ... permit zone ... permit fees") is one
    # piece of evidence, not three: the strongest of each kind counts, per form type.
    strongest: dict[tuple[str, str], tuple[float, str]] = {}

    def say(form_type: str, kind: str, weight: float, why: str) -> None:
        if weight > strongest.get((form_type, kind), (0.0, ""))[0]:
            strongest[(form_type, kind)] = (weight, why)

    def weigh(cue: Cue, base: float) -> float:
        w = base * factor
        if cue.negated:
            w *= DENIED
        if cue.past and not (request and r.marks.get("AGAIN")):
            w *= DONE_BEFORE
        return w

    # ---- the single person discount
    for cue in r.of("SPD_TERM"):
        base = REQUESTED if request else NOTIFIED * 0.8 if f.notify else MENTION
        say("council_tax_spd", "term", weigh(cue, base), f"{cue.kind}: {text}")
    has_situation = r.has("LIVE_ALONE", "DEPART") or any(
        c.kind in {"MOVE_OUT", "MOVE_TO"} and c.subject.kind == "other" for c in r.cues)
    for cue in r.of("DISCOUNT"):
        if r.has("SPD_TERM"):
            continue
        base = (REQUESTED - 0.1 if request else MENTION) if has_situation else (0.3 if request else 0.1)
        say("council_tax_spd", "term", weigh(cue, base), f"{cue.kind}: {text}")
    for cue in r.of("LIVE_ALONE"):
        base = SITUATION if cue.subject.kind in {"self", "unknown"} else SITUATION - 0.15
        if r.marks.get("LONG_STANDING"):
            base *= 0.5  # "I have lived alone for ten years": nothing changed
        if cue.start in dated or any(t.lower_ in {"now", "since"} for t in r.sent[max(cue.start - 3, 0):cue.end + 2]):
            base += DATED
        say("council_tax_spd", "alone", weigh(cue, base), f"{cue.kind}: {text}")
    for cue in r.of("DEPART", "MOVE_OUT", "MOVE_TO", "MOVE_IN"):
        if not departed(r.sent, cue) and not separated(r.sent, cue):
            continue
        base = DEPARTED + (DATED if cue.start in dated else 0.0)
        who = cue.subject.relation or "someone"
        say("council_tax_spd", "departed", weigh(cue, base), f"{cue.kind} ({who}): {text}")

    # ---- a move
    for cue in r.of("MOVE_OUT", "MOVE_IN", "MOVE_TO", "MOVE_BARE", "DEPART"):
        if cue.subject.kind != "self":
            continue
        if cue.kind == "MOVE_OUT" and r.sent[cue.start].lower_ in VERBS["leave"] and not _leaves_a_home(r.sent, cue):
            continue  # "I left a message", "I left it with my neighbour"
        if cue.kind == "MOVE_IN" and moving_in_with(r.sent, cue):
            cue = Cue("MOVE_OUT", cue.start, cue.end, cue.subject, cue.negated, cue.past)
        if cue.kind == "DEPART" and r.sent[cue.start].lower_ not in VERBS["die"] + VERBS["pass"] + VERBS["go"] + \
                VERBS["move"]:
            continue  # "my wife and I have separated": no one moved yet
        # DEPART of the writer's own: someone the letter is written for went into care, or died.
        base = {"MOVE_OUT": SITUATION, "MOVE_IN": SITUATION, "MOVE_TO": SITUATION - 0.05, "MOVE_BARE": 0.3,
                "DEPART": SITUATION - 0.1}[cue.kind]
        if cue.start in dated:
            base += DATED
        if cue.start in placed:
            base += PLACED
        if f.notify:
            base += 0.15
        say("council_tax_move", "move", weigh(cue, base), f"{cue.kind}: {text}")
    for cue in r.of("CLOSE_ACCOUNT", "OPEN_ACCOUNT"):
        base = 0.6 if (request or f.notify) else 0.35
        say("council_tax_move", "account", weigh(cue, base), f"{cue.kind}: {text}")

    # ---- a residents' parking permit
    visitor = bool(r.marks.get("VISITOR"))
    car = car_in_letter or bool(r.marks.get("CAR"))
    for cue in r.of("PERMIT_TERM", "PERMIT_WORD"):
        if cue.kind == "PERMIT_WORD" and not car:
            continue  # "a permit" with no car anywhere: a licence, a planning permit...
        if request:
            base = REQUESTED if cue.kind == "PERMIT_TERM" or r.marks.get("CAR") else REQUESTED - 0.1
        else:
            # "My street is in zone B" alone asks for nothing: below MIN_SCORE unless the letter asks elsewhere.
            base = 0.45 if f.notify else 0.35 if r.marks.get("ZONE") else MENTION
        if visitor:
            base *= 0.45  # a visitors' permit is not a residents' permit
        say("parking_permit", "term", weigh(cue, base), f"{cue.kind}: {text}")
    for (form_type, _kind), (weight, why) in strongest.items():
        evidence.add(form_type, weight, why)


def departed(sent: Span, cue: Cue) -> bool:
    """The cue tells of another adult leaving: "my husband moved out", "John left on 3 March", "she died"."""
    if cue.subject.kind != "other" or cue.kind not in {"DEPART", "MOVE_OUT", "MOVE_TO", "MOVE_IN"}:
        return False
    if cue.kind == "MOVE_IN" and not _into_elsewhere(sent, cue):
        return False  # "my partner moved in": another adult arrived, no discount
    if cue.kind == "MOVE_OUT" and sent[cue.start].lower_ in VERBS["leave"] and not _leaves_a_home(sent, cue, True):
        return False  # "the contractors left the pavement damaged"
    # One capitalised word opening the sentence ("Contractors moved ..."): not surely a person.
    return not (cue.subject.relation is None and cue.subject.name is not None and cue.subject.start == 0
                and len(cue.subject.name.split()) == 1 and cue.kind != "DEPART")


def moving_in_with(sent: Span, cue: Cue) -> bool:
    """"I'm moving in with my partner": the writer leaves their home for someone else's."""
    rest = [t.lower_ for t in sent[cue.end:cue.end + 2]]
    return rest[:1] == ["with"] and rest[1:2] not in (["me"], ["us"])


def separated(sent: Span, cue: Cue) -> bool:
    """"my wife and I have separated", "we split up": the other adult is gone, whoever the subject."""
    return cue.kind == "DEPART" and sent[cue.start].lower_ in VERBS["separate"] + VERBS["divorce"] + VERBS["split"]


def _into_elsewhere(sent: Span, cue: Cue) -> bool:
    """ "moved into a care home", "moved in with his girlfriend": somewhere other than here."""
    rest = [t.lower_ for t in sent[cue.end:cue.end + 4]]
    return bool(rest) and rest[0] not in {"here", "with"} and not (rest[:1] == ["with"] and rest[1:2] in (["me"],
                                                                                                             ["us"]))


def _leaves_a_home(sent: Span, cue: Cue, person: bool = False) -> bool:
    """ "left" as leaving a home: "I left 12 Mill Lane", "we are leaving the property on ...", "I left on".

    ``person``: said of another adult, who may also leave the writer ("my husband left me in May").
    """
    nxt = list(sent[cue.end:cue.end + 4])
    if not nxt:
        return True
    first = nxt[0]
    if person and first.lower_ in {"me", "us", "home", "for", "the", "in", "on"} | {"her", "him"}:
        return first.lower_ != "the" or (len(nxt) > 1 and nxt[1].lower_ in (*PROPERTY, "country", "uk", "area"))
    if first.like_num or first.lower_ in {"on", "in", "at", "the", "our", "my", "this", "for", "to", "there", ".",
                                           ",", "home", "last", "when", "after", "before", "permanently", "and"}:
        return not (first.lower_ in {"the", "my", "our"} and len(nxt) > 1 and nxt[1].lower_ not in PROPERTY
                    and not nxt[1].text[:1].isupper() and nxt[1].lower_ not in {"area", "district", "borough",
                                                                                 "town", "city", "country", "uk"})
    return first.text[:1].isupper()  # "I left Formwick", "I left Mill Lane"


def score_readings(readings: Sequence[SentenceReading], evidence: Evidence,
                   context: dict[str, bool] | None = None) -> dict[str, float]:
    """Each form type's score from the evidence of the sentences (see the module docstring).

    ``context`` says, per form type, whether the letter has what an application of it comes with
    (for council tax: a reference, "council tax", a bill or account, a date); a move or a
    household change told with none of it is likely an aside in a letter about something else.
    """
    for r in readings:
        if r.framing.topics and not r.cues:
            evidence.distractors += 1
    evidence.applying = sum(1 for r in readings if r.cues)
    foi = any("FOI" in r.framing.topics for r in readings)
    # The letter asks for another service ("please can you deliver a recycling bin", "register me to vote"); a
    # bill or a Direct Debit asked for goes with a move, and is no sign of another errand.
    elsewhere = any(r.framing.topics & {"BINS", "OTHER_SERVICE"} and r.framing.request and not r.framing.query
                    for r in readings)
    scores = {}
    for form_type in FORM_TYPES:
        weights = [w for w, _ in evidence.weights[form_type]]
        score = _combine(weights)
        strongest = max(weights, default=0.0)
        if evidence.distractors and strongest < REQUESTED:
            # A letter mostly about something else: what it says of a form type is likely an aside.
            share = evidence.distractors / (evidence.distractors + max(evidence.applying, 1))
            score *= 1.0 - 0.4 * share
        if context is not None and not context.get(form_type, True) and strongest < REQUESTED:
            score *= NO_CONTEXT
        if form_type in evidence.asked and form_type not in evidence.requested:
            score *= ASKED_ONLY  # asked about and never asked for: an enquiry, whatever else it says
        if elsewhere and form_type not in evidence.requested and strongest < REQUESTED:
            score *= ASKED_ELSEWHERE
        if foi:
            score *= INFORMATION_REQUEST
        scores[form_type] = round(min(score, 0.97), 2)
    return scores


# --------------------------------------------------------------------------- cars

_MAKE_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted((re.escape(k) for k in CAR_MAKES), key=len, reverse=True))
                      + r")(?![\w-])", re.I)


def car_make(text: str, car_context: bool) -> list[tuple[str, int, int]]:
    """Makes of car named in ``text``: (make as exported, start, end) character offsets."""
    found = []
    for m in _MAKE_RE.finditer(text):
        key = m[1].lower()
        if key in AMBIGUOUS_MAKES:
            written = m[1]
            if not (car_context and (written[:1].isupper())):
                continue
            if key in {"ds", "mg", "ora"} and written != written.upper():
                continue
        # The maker's name as the writer capitalised it ("Mini" or "MINI"), else as the maker writes it ("ford",
        # "VW").
        make = CAR_MAKES[key]
        found.append((m[1] if m[1][:1].isupper() and m[1].lower() == make.lower() else make, m.start(), m.end()))
    return found
