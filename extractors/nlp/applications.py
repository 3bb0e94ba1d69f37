"""What a letter asks for: spaCy rules that find applications written as prose.

A citizen who writes "I'd like the single person discount, my husband moved
out on 3rd March" has applied for it. This module reads such sentences on the
blank English pipeline of :mod:`extractors.nlp.entities` (one spaCy pass gives
tokens, sentences and the dates, postcodes, references and registrations), with
a :class:`~spacy.matcher.Matcher` of the phrases people use and a little
Python for what a blank pipeline does not know:

- **lemmas** are approximated by spelling out each verb's forms
  (:data:`VERBS`: ``move`` matches moves, moved, moving), since no lemmatiser
  ships without a download;
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
passing or asked about under 0.3.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from extractors.nlp.entities import letter_nlp

__all__ = [
    "FORM_TYPES", "VERBS", "RELATIONS", "CAR_MAKES", "Subject", "Cue", "Framing", "SentenceReading",
    "application_matcher", "read_sentences", "score_readings", "subject_of", "name_after", "car_make",
    "on_behalf_of",
]

FORM_TYPES: tuple[str, ...] = ("council_tax_spd", "council_tax_move", "parking_permit")

_Token = dict[str, Any]

# --------------------------------------------------------------------------- lemmas by hand

#: Each verb's forms, for matching by lemma on a pipeline without a lemmatiser.
VERBS: dict[str, tuple[str, ...]] = {
    "move": ("move", "moves", "moved", "moving"),
    "live": ("live", "lives", "lived", "living"),
    "stay": ("stay", "stays", "stayed", "staying"),
    "reside": ("reside", "resides", "resided", "residing"),
    "leave": ("leave", "leaves", "left", "leaving"),
    "vacate": ("vacate", "vacates", "vacated", "vacating"),
    "relocate": ("relocate", "relocates", "relocated", "relocating"),
    "emigrate": ("emigrate", "emigrates", "emigrated", "emigrating"),
    "sell": ("sell", "sells", "sold", "selling"),
    "buy": ("buy", "buys", "bought", "buying"),
    "purchase": ("purchase", "purchases", "purchased", "purchasing"),
    "rent": ("rent", "rents", "rented", "renting"),
    "pass": ("pass", "passes", "passed", "passing"),
    "die": ("die", "dies", "died", "dying"),
    "separate": ("separate", "separates", "separated", "separating"),
    "divorce": ("divorce", "divorces", "divorced", "divorcing"),
    "split": ("split", "splits", "splitting"),
    "go": ("go", "goes", "went", "gone", "going"),
    "take": ("take", "takes", "took", "taken", "taking"),
    "get": ("get", "gets", "got", "gotten", "getting"),
    "collect": ("collect", "collects", "collected", "collecting"),
    "pick": ("pick", "picks", "picked", "picking"),
    "hand": ("hand", "hands", "handed", "handing"),
    "start": ("start", "starts", "started", "starting"),
    "begin": ("begin", "begins", "began", "begun", "beginning"),
    "end": ("end", "ends", "ended", "ending"),
    "finish": ("finish", "finishes", "finished", "finishing"),
    "close": ("close", "closes", "closed", "closing"),
    "cancel": ("cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling"),
    "stop": ("stop", "stops", "stopped", "stopping"),
    "open": ("open", "opens", "opened", "opening"),
    "set": ("set", "sets", "setting"),
    "create": ("create", "creates", "created", "creating"),
    "register": ("register", "registers", "registered", "registering"),
    "add": ("add", "adds", "added", "adding"),
    "put": ("put", "puts", "putting"),
    "transfer": ("transfer", "transfers", "transferred", "transferring"),
    "apply": ("apply", "applies", "applied", "applying"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "request": ("request", "requests", "requested", "requesting"),
    "renew": ("renew", "renews", "renewed", "renewing"),
    "have": ("have", "has", "had", "having", "'ve"),
    "receive": ("receive", "receives", "received", "receiving"),
    "issue": ("issue", "issues", "issued", "issuing"),
    "remove": ("remove", "removes", "removed", "removing"),
    "change": ("change", "changes", "changed", "changing"),
    "withdraw": ("withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"),
    "park": ("park", "parks", "parked", "parking"),
}
_PAST_FORMS = frozenset({"moved", "lived", "left", "vacated", "sold", "bought", "applied", "claimed", "requested",
                         "had", "received", "got", "was", "were", "did", "renewed", "issued", "took", "went"})


def lemma(*names: str) -> _Token:
    """A token that is any form of these verbs."""
    return {"LOWER": {"IN": [f for n in names for f in VERBS[n]]}}


def word(*words: str, op: str | None = None) -> _Token:
    tok: _Token = {"LOWER": {"IN": list(words)}} if len(words) > 1 else {"LOWER": words[0]}
    if op:
        tok["OP"] = op
    return tok


# --------------------------------------------------------------------------- people

#: The people a letter says left (or on whose behalf it is written), with the pronoun that stands for them.
RELATIONS: dict[str, str] = {
    "husband": "he", "wife": "she", "partner": "they", "spouse": "they", "boyfriend": "he", "girlfriend": "she",
    "fiance": "he", "fiancé": "he", "fiancee": "she", "fiancée": "she", "ex": "they", "ex-husband": "he",
    "ex-wife": "she", "ex-partner": "they", "son": "he", "daughter": "she", "stepson": "he",
    "stepdaughter": "she", "mother": "she", "mum": "she", "mom": "she", "father": "he", "dad": "he",
    "parent": "they", "parents": "they", "brother": "he", "sister": "she", "grandson": "he",
    "granddaughter": "she", "grandmother": "she", "grandfather": "he", "nan": "she", "gran": "she",
    "grandma": "she", "grandad": "he", "granddad": "he", "aunt": "she", "uncle": "he", "nephew": "he",
    "niece": "she", "cousin": "they", "lodger": "they", "tenant": "they", "flatmate": "they",
    "housemate": "they", "roommate": "they", "friend": "they", "carer": "they", "child": "they",
    "children": "they", "kids": "they", "lodgers": "they", "adult": "they", "occupant": "they",
    "relative": "they", "client": "they",
}
_PRONOUNS = {"he": "he", "she": "she", "they": "they", "him": "he", "her": "she", "them": "they"}
_SELF = frozenset({"i", "we", "myself", "ourselves"})
_POSSESSIVE = frozenset({"my", "our"})
#: Words passed over between a verb and its subject ("I have now moved", "my husband has finally left").
_BETWEEN = frozenset({
    "have", "has", "had", "'ve", "'s", "'d", "'m", "'re", "'ll", "am", "is", "are", "was", "were", "be", "been",
    "being", "will", "shall", "would", "should", "could", "can", "may", "might", "must", "now", "just", "recently",
    "already", "finally", "also", "both", "all", "permanently", "officially", "actually", "eventually", "sadly",
    "unfortunately", "since", "then", "suddenly", "moved", "going", "gone", "to", "about", "soon",
    "shortly", "currently", "temporarily", "together", "who", "that", "which", "because", "as", "when", "after",
    "once", "hence", "therefore", "so", "ago", "last", "this", "year", "month", "week", "only", "effectively",
    "did", "do", "does", "not", "n't", "never", "no", "longer", "successfully", "physically", "legally",
})
_MODIFIERS = frozenset({"ex", "-", "late", "former", "estranged", "eldest", "youngest", "older", "younger", "adult",
                        "grown", "step", "elderly", "other", "previous", "old", "then"})
_MODALS = frozenset({"can", "could", "may", "might", "would", "'d", "will", "'ll", "shall", "should", "to", "please",
                     "must"})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "mr.", "mrs.", "ms.", "dr.", "mx."})
#: Capitalised words that begin sentences or name things, never people.
_NOT_NAMES = frozenset({
    "i", "we", "he", "she", "they", "it", "the", "a", "an", "my", "our", "his", "her", "their", "this", "that",
    "please", "dear", "thank", "thanks", "sadly", "unfortunately", "since", "as", "after", "before", "when", "on",
    "in", "from", "council", "tax", "discount", "single", "person", "road", "street", "lane", "avenue", "close",
    "drive", "way", "account", "reference", "ref", "also", "now", "and", "but", "so", "then", "however", "yours",
    "regards", "kind", "best", "many", "hello", "hi", "sir", "madam", "ct", "re", "subject", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "residents", "resident", "parking", "permit", "zone",
    "formwick", "england", "uk", "ford", "both", "all", "nobody", "no", "one", "someone", "everyone", "who",
    "what", "why", "how", "where", "which", "if", "is", "are", "was", "were", "will", "would", "could", "can",
    "do", "does", "did", "have", "has", "had", "not", "just", "only", "there", "here", "yes", "ok", "okay",
})


@dataclass(frozen=True)
class Subject:
    """Who a verb's subject is: ``self`` (the writer, or whom the letter is on behalf of), ``other`` or ``unknown``."""

    kind: str
    relation: str | None = None  # "husband", "mother", or a pronoun
    name: str | None = None  # "John Smith", when the letter names them
    start: int = -1  # token index of the subject


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    if tok.lower_ in _NOT_NAMES or tok.is_stop or not text[:1].isupper():
        return False
    return bool(re.fullmatch(r"[A-Z][a-zA-Z'’-]*|[A-Z]\.?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+", text))


def name_after(doc: Doc | Span, i: int, end: int | None = None) -> tuple[str, int, int] | None:
    """A person's name starting at token ``i`` ("John Smith", "Mrs Joan Smith"), with its token range."""
    end = len(doc) if end is None else end
    j = i
    words: list[str] = []
    if j < end and doc[j].lower_ in _TITLES:
        words.append(doc[j].text)
        j += 1
        if j < end and doc[j].text == ".":
            words[-1] += "."
            j += 1
    start_names = j
    while j < end and len(words) < 5 and _is_name_token(doc[j]):
        words.append(doc[j].text)
        j += 1
    if j == start_names:
        return None
    return " ".join(words), i, j


def _name_before(doc: Doc | Span, i: int) -> tuple[str, int, int] | None:
    """A name ending just before token ``i`` ("John Smith, my husband, ...")."""
    j = i
    while j > 0 and _is_name_token(doc[j - 1]):
        j -= 1
    if j > 0 and doc[j - 1].lower_ in _TITLES:
        j -= 1
    if j == i:
        return None
    return name_after(doc, j, i)


def subject_of(sent: Span, i: int, behalf: Subject | None = None) -> Subject:
    """The subject of the verb at sentence token ``i``: the nearest person to its left in the same clause.

    ``behalf`` is the person a letter is written for ("on behalf of my mother"): mentions of them
    ("my mother", "she") count as the writer's own.
    """
    j = i - 1
    # A possessive right before a noun cue ("my last day", "our tenancy") makes the owner the subject.
    if j >= 0 and sent[j].lower_ in _POSSESSIVE:
        return Subject("self", start=j)
    while j >= 0:
        tok = sent[j]
        low = tok.lower_
        if low in _SELF:
            return Subject("self", start=j)
        if low in _PRONOUNS:
            pronoun = _PRONOUNS[low]
            if behalf is not None and behalf.relation is not None and (
                    RELATIONS.get(behalf.relation) == pronoun or behalf.relation == pronoun):
                return Subject("self", behalf.relation, behalf.name, j)
            if low in {"him", "them"}:
                return Subject("unknown", start=j)  # an object, not a subject
            return Subject("other", pronoun, start=j)
        if low in RELATIONS:
            name = name_after(sent, j + 1, i) or (name_after(sent, j + 2, i) if j + 2 < i and sent[j + 1].text == ","
                                                   else None)
            m = j - 1
            while m > 0 and sent[m].lower_ in _MODIFIERS:
                m -= 1  # "my ex-husband", "my late wife", "my eldest son"
            if name is None and m >= 1 and sent[m].lower_ in _POSSESSIVE and sent[m - 1].text == ",":
                name = _name_before(sent, m - 1)  # "John Smith, my husband, moved out"
            who = name[0] if name else None
            owner = sent[m].lower_ if m >= 0 else ""
            if behalf is not None and behalf.relation == low and owner in _POSSESSIVE | {"the"}:
                return Subject("self", low, behalf.name or who, j)
            if low in {"adult", "occupant", "tenant", "lodger", "lodgers"} and owner in {"other", "the"} | _POSSESSIVE:
                return Subject("other", low, who, j)
            return Subject("other", low, who, j)
        if _is_name_token(tok):
            name = _name_before(sent, j + 1)
            if name is not None:
                return Subject("other", None, name[0], name[1])
        if low in _BETWEEN or (tok.is_punct and low == ","):
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
        if low in _SELF:
            return Subject("self", start=m)
        if low in {"he", "she", "they"}:
            if behalf is not None and behalf.relation is not None and RELATIONS.get(behalf.relation) == low:
                return Subject("self", behalf.relation, behalf.name, m)
            return Subject("other", low, start=m)
        if low in RELATIONS and m > 0 and sent[m - 1].lower_ in _POSSESSIVE:
            if behalf is not None and behalf.relation == low:
                return Subject("self", low, behalf.name, m)
            return Subject("other", low, start=m)
    return Subject("unknown")


# --------------------------------------------------------------------------- the phrases

_OWN = word("my", "her", "his", "their", "our")
_SOLE_NOUNS = ("adult", "adults", "person", "occupant", "occupier", "resident", "one", "liable", "householder",
               "tenant", "people")
_CARE = ("care", "nursing", "residential", "hospice")
_PROPERTY = ("house", "home", "flat", "property", "bungalow", "apartment", "maisonette", "cottage", "place")
_ACCOUNT = ("account", "accounts", "bill", "billing", "liability", "charges", "payments", "direct")
_PERMIT = ("permit", "permits")

PATTERNS: dict[str, list[list[_Token]]] = {
    # The single person discount, by any of its names.
    "SPD_TERM": [
        [word("single", "sole", "one"), {"TEXT": "-", "OP": "?"},
         word("person", "persons", "person's", "people", "occupancy", "occupier", "occupant", "adult", "resident",
              "persons'", "peoples"),
         {"LOWER": {"IN": ["'s", "'", "’s"]}, "OP": "?"}, word("council", op="?"), word("tax", op="?"),
         word("discount", "discounts", "reduction", "rebate", "allowance", "exemption")],
        [{"TEXT": {"REGEX": r"^25%?$"}}, {"LOWER": {"IN": ["%", "percent", "per"]}, "OP": "?"},
         word("cent", op="?"), word("council", op="?"), word("tax", op="?"), word("discount", "reduction")],
        [word("spd")],
        [word("discount", "reduction"), word("for"), {"OP": "?"}, {"OP": "?"}, lemma("live"), word("alone")],
    ],
    "DISCOUNT": [[word("discount", "discounts", "reduction")]],
    # The writer (or whoever) is the only adult now.
    "LIVE_ALONE": [
        [lemma("live", "stay", "reside"), word("now", "completely", "entirely", op="?"), word("alone", "solo")],
        [lemma("live", "stay", "reside"), word("now", op="?"), word("on"), _OWN, word("own")],
        [lemma("live", "stay", "reside"), word("now", op="?"), word("by"),
         word("myself", "herself", "himself", "themselves", "ourselves")],
        [word("am", "'m", "is", "are", "'s"), word("now", op="?"), word("on"), _OWN, word("own")],
        [word("am", "'m", "is", "are", "'s"), word("now", op="?"), word("alone")],
        [word("the"), word("only", "sole", "one"), word("remaining", "other", op="?"), word(*_SOLE_NOUNS)],
        [word("sole", "only"), word("occupant", "occupier", "resident", "adult", "householder")],
        [word("nobody", "noone"), word("else", op="?"), lemma("live", "reside", "stay")],
        [word("no"), word("one"), word("else", op="?"), lemma("live", "reside", "stay")],
        [word("no"), word("other", op="?"), word("adults", "adult", "people", "person"), lemma("live", "reside")],
        [word("just"), word("me", "myself"), word("now", op="?"), word("living", "here", "at", "in", "now", ".")],
        [word("it"), word("is", "'s"), word("now", op="?"), word("just"), word("me", "myself")],
    ],
    # Someone leaving a home (the writer, or the other adult).
    "MOVE_OUT": [
        [lemma("move"), word("out", "away", "abroad", "overseas", "on")],
        [lemma("move"), word("house", "home")],
        [lemma("leave", "vacate", "relocate", "emigrate")],
        [lemma("sell"), word("my", "our", "the", "his", "her", "their"), word(*_PROPERTY)],
        [lemma("hand"), word("back", op="?"), word("the", "my", "our"), word("keys")],
        [word("last"), word("day", "night"), word("at", "in", "there", "living", "will", "is", "was")],
        [word("end"), word("of"), word("my", "our", "the"), word("tenancy", "lease")],
        [word("tenancy", "lease"), lemma("end", "finish")],
        [lemma("move", "go"), word("into", "to"), word("a", "an", "the", op="?"), word(*_CARE), word("home", op="?")],
    ],
    # Someone arriving at a home.
    "MOVE_IN": [
        [lemma("move"), word("in", "into", "here")],
        [lemma("move"), word("to"), word("this", "the"), word("address", "property")],
        [word("new"), word("tenant", "tenants", "occupier", "occupiers", "occupant", "occupants", "owner", "owners",
                           "resident", "residents", "homeowner", "homeowners", "householder")],
        [lemma("take"), word("over"), word("the", "a"), word("tenancy", "lease")],
        [lemma("get", "collect", "pick"), word("up", op="?"), word("the", "our", "my"), word("keys")],
        [lemma("buy", "purchase"), word("a", "the", "this", "our", "my"), word(*_PROPERTY)],
        [lemma("buy", "purchase", "rent"), {"LIKE_NUM": True}],
        [word("completed"), word("on"), word("the"), word("purchase")],
        [word("tenancy", "lease"), lemma("start", "begin")],
        [lemma("start", "begin"), word("a", "my", "our", "the"), word("new", op="?"), word("tenancy", "lease")],
    ],
    # Direction unclear until the words around it: "moved to 4 Oak Road", "moving from Leeds".
    "MOVE_TO": [[lemma("move"), word("to", "from")], [lemma("relocate"), word("to")]],
    "MOVE_BARE": [[lemma("move")]],
    # Ways the other adult stops being there.
    "DEPART": [
        [lemma("pass"), word("away", "on")],
        [lemma("die")],
        [lemma("separate", "divorce")],
        [lemma("split"), word("up")],
        [lemma("go", "move"), word("into", "in", "to"), word("a", "an", op="?"), word(*_CARE)],
        [word("no"), word("longer"), lemma("live", "reside", "stay")],
        [word("not"), lemma("live", "reside"), word("here", "there"), word("anymore", "any")],
        [word("no"), word("longer"), word("at", "here")],
    ],
    "CLOSE_ACCOUNT": [
        [lemma("close", "cancel", "end", "stop", "finish"), word("my", "our", "the", "his", "her", op="?"),
         word("council", op="?"), word("tax", op="?"), word(*_ACCOUNT)],
        [word("final"), word("council", op="?"), word("tax", op="?"), word("bill", "statement", "demand")],
        [word("take", "remove"), word("me", "us", "my", "our"), word("name", op="?"), word("off", "from")],
        [lemma("close", "cancel"), word("it", "this")],
    ],
    "OPEN_ACCOUNT": [
        [lemma("open", "set", "create", "start"), word("up", op="?"),
         word("a", "an", "my", "our", "the", op="?"), word("new", op="?"), word("council", op="?"),
         word("tax", op="?"), word("account", "accounts")],
        [lemma("register", "add", "put"), word("me", "us", "myself", "my", "our"), word("name", "names", op="?"),
         word("for", "to", "on", "as", "onto"), word("the", op="?"), word("council")],
        [lemma("put", "transfer"), word("the", op="?"), word("council", op="?"), word("tax", op="?"),
         word("account", "bill", "bills"), word("into", "in"), word("my", "our")],
        [lemma("start"), word("paying"), word("council")],
        [lemma("put", "transfer", "change"), word("the", op="?"), word("council"), word("tax"),
         word("account", "bill", "bills", op="?"), word("into", "in", "to"), word("my", "our")],
        [word("liable"), word("for"), word("council")],
    ],
    "PERMIT_TERM": [
        [word("resident", "residents", "residential", "parking", "car", "resident's", "residents'", "street"),
         {"LOWER": {"IN": ["'s", "'", "’s"]}, "OP": "?"}, word("parking", op="?"), word(*_PERMIT)],
        [word(*_PERMIT), word("zone", "area")],
        [word(*_PERMIT), word("to"), word("park")],
        [word(*_PERMIT), word("for"), word("my", "our", "the", "a"), word("new", op="?"),
         word("car", "vehicle", "van", "motorbike", "motorcycle")],
    ],
    "PERMIT_WORD": [[word(*_PERMIT)]],
    "VISITOR": [[word("visitor", "visitors", "visitor's", "visitors'", "guest", "guests", "trades", "business",
                      "temporary", "builders", "contractor", "carer", "carers")]],
    "CAR": [[word("car", "cars", "vehicle", "vehicles", "van", "motorbike", "motorcycle", "reg", "registration",
                  "plate", "plates", "hatchback", "estate", "saloon", "suv")], [lemma("park")]],
    "ZONE": [[word("zone", "zones")]],
    # How a sentence asks.
    "REQUEST": [
        [word("i", "we"), word("would", "'d", "should"), word("really", "now", "therefore", "also", op="?"),
         word("like", "love")],
        [word("i", "we"), word("wish", "want", "need", "intend"), word("to")],
        [word("would", "'d"), word("like", "love")],
        [word("i", "we"), word("need", "want", "require"), word("a", "an", "the", "my", "our", "one")],
        [word("please"), {"LOWER": {"NOT_IN": ["tell", "advise", "explain", "confirm", "clarify", "let", "see",
                                                "find", "note", "contact", "call", "reply", "respond"]}}],
        [word("kindly")],
        [word("can", "could", "may", "might"), word("i", "we"), word("please", op="?"),
         word("have", "get", "apply", "claim", "register", "request", "receive", "order", "obtain", "buy",
              "purchase", "renew", "ask")],
        [word("can", "could", "would", "will"), word("you"), word("please", op="?"),
         word("apply", "set", "open", "close", "register", "add", "issue", "send", "arrange", "grant", "award",
              "give", "put", "update", "amend", "change", "stop", "cancel", "remove", "transfer", "end", "process",
              "backdate")],
        [word("i", "we"), word("am", "'m", "are", "'re", op="?"), word("hereby", "now", "therefore", op="?"),
         word("apply", "applying", "claim", "claiming", "request", "requesting")],
        [word("to"), lemma("apply", "claim", "request", "renew", "register")],
        [word("to"), lemma("close", "cancel", "open", "set", "end", "stop", "transfer")],
        [word("application", "applications", "claim"), word("for")],
        [word("permit", "discount"), word("application", "request", "claim")],
        [word("i", "we"), word("believe", "think"), word("i", "we"), word("am", "'m", "are", "'re"),
         word("entitled", "eligible")],
        [word("i", "we"), word("am", "'m", "are", "'re"), word("entitled", "eligible")],
        [word("i", "we"), word("would", "'d"), word("be"), word("grateful")],
        [word("backdate", "backdated")],
    ],
    "NOTIFY": [
        [word("writing"), word("to"), word("tell", "inform", "let", "notify", "advise", "confirm")],
        [word("let"), word("you"), word("know")],
        [word("please"), word("note", "accept", "be")],
        [word("inform", "notify"), word("you")],
        [word("i", "we"), word("want", "wanted", "need", "needed", "wish"), word("to"),
         word("tell", "inform", "let", "notify", "advise")],
        [word("this", "letter", "email"), word("is", op="?"), word("to"), word("tell", "inform", "let", "notify")],
        [word("notification", "notice"), word("of", "that")],
        [word("change"), word("of"), word("address", "circumstances", "circumstance")],
    ],
    "QUERY": [
        [word("whether")],
        [word("if"), word("i", "we"), word("can", "could", "am", "'m", "would", "will", "might", "qualify", "need",
                                           "should", "may", "are", "have", "do")],
        [word("am", "are", "would", "will", "could"), word("i", "we"), word("be", op="?"),
         word("eligible", "entitled", "able")],
        [word("do", "does", "would", "could", "can", "will", "should"), word("i", "we"),
         word("qualify", "still", "be")],
        [word("do", "does", "would", "will", "should"), word("i", "we"), word("need", "have", "get")],
        [word("how"), word("do", "can", "would", "should", "could", "might", "to", "long", "much")],
        [word("can", "could", "would", "will"), word("you"), word("please", op="?"),
         word("tell", "explain", "confirm", "advise", "clarify", "check", "let", "help", "look")],
        [word("please"), word("tell", "advise", "explain", "confirm", "clarify")],
        [word("please"), word("let"), word("me", "us"), word("know"), word("if", "whether", "how", "what", "why")],
        [word("ask", "asking", "enquire", "enquiring", "inquire", "inquiring", "wondering", "wonder", "query",
              "querying"), word("whether", "if", "about", "why", "how", "what")],
        [word("know"), word("whether", "if", "how", "why", "what", "when")],
        [word("is", "are"), word("there")],
        [word("what"), word("is", "are", "do", "would", "should", "happens", "if")],
        [word("why"), word("has", "have", "is", "was", "were", "did", "do", "does", "hasn't", "haven't")],
    ],
    "QUALIFY": [[word("eligible", "eligibility", "entitled", "qualify", "entitlement")]],
    "PAST_APPLY": [
        [word("i", "we"), word("have", "'ve", "had", "already", "previously", "recently", op="?"),
         word("already", "previously", "recently", "successfully", op="?"),
         word("applied", "claimed", "requested", "received", "got", "renewed")],
        [word("i", "we"), word("already", op="?"), word("have", "hold", "had", "got", "'ve"), word("a", "the", "an"),
         word("resident", "residents", "parking", "single", "permit", "discount", "25")],
        [word("was", "were", "been", "has", "have"),
         word("granted", "refused", "rejected", "approved", "issued", "cancelled", "canceled", "removed",
              "withdrawn", "stopped", "declined", "awarded", "given", "taken", "applied", "sent", "expired",
              "expires")],
        [word("my", "our"), word("previous", "last", "old", "current", "existing", op="?"),
         word("application", "claim", "permit", "permits", "discount")],
        [word("my", "our"), word("resident", "residents", "parking", "residents'", "resident's", "single", "25",
                                "visitor", "visitors"),
         {"OP": "?"}, {"OP": "?"}, word("permit", "permits", "discount")],
        [word("last", "previous", "this"), word("year", "month", "years")],
        [word("years", "months"), word("ago")],
        [word("in"), word("the"), word("past")],
        [word("thank", "thanks"), word("you", op="?"), word("for")],
    ],
    "NEIGHBOUR": [[word("neighbour", "neighbours", "neighbour's", "neighbor", "neighbors", "landlord", "landlady")],
                  [word("next"), word("door")], [word("fraud", "fraudulent", "fraudulently", "cheating")]],
    "CANCEL": [[lemma("remove", "cancel", "stop", "end", "withdraw", "take"), word("off", "away", op="?"),
                word("my", "the", "our", "this", "his", "her")],
               [word("no"), word("longer"), word("entitled", "eligible", "qualify")],
               [lemma("move"), word("back")]],
    "HYPOTHETICAL": [
        [word("thinking", "considering", "planning", "hoping", "looking", "think", "consider", "plan"),
         word("of", "about", "to", op="?"), lemma("move", "buy", "rent", "sell")],
        [word("if", "whether"), word("i", "we", "he", "she", "they"), word("do", "did", "were", "was", op="?"),
         lemma("move", "leave", "buy", "sell", "rent", "separate")],
        [word("might", "may", "could"), word("be", op="?"), lemma("move", "leave")],
        [word("next", "later"), word("year")],
    ],
    "LONG_STANDING": [[word("for"), {"LIKE_NUM": True}, word("years", "decades")],
                      [word("for"), word("many", "several", "a", "some"), word("years", "decades", "long")],
                      [word("always"), lemma("live")]],
    "NEGATION": [[word("not", "n't", "never", "no")], [word("do", "did", "does"), word("not", "n't")]],
    # What general correspondence is about: a sentence about these is not an application.
    "COMPLAINT": [
        [word("complain", "complaint", "complaints", "complaining", "unacceptable", "disgraceful", "appalling",
              "ombudsman", "apology", "apologise", "apologize", "disappointed", "rude", "incompetent", "shambles",
              "outrageous", "escalate", "mp", "councillor", "unhappy", "upset", "angry", "furious", "reinstate",
              "reinstated", "explanation", "unfair", "wrongly", "mistake", "error")],
        [word("poor", "terrible", "awful", "bad"), word("service")],
        [word("not"), word("good"), word("enough")],
    ],
    "FOI": [
        [word("freedom"), word("of"), word("information")],
        [word("foi", "eir", "disclose", "disclosure")],
        [word("environmental"), word("information")],
        [word("request"), word("for"), word("information")],
    ],
    "BINS": [[word("sofa", "fridge", "mattress", "bulky", "furniture", "wardrobe", "noise", "music", "barking",
                   "environmental"), ],
             [word("bin", "bins", "recycling", "refuse", "rubbish", "dustcart", "lorry", "caddy", "wheelie",
                   "fly-tipping", "pothole", "potholes", "graffiti", "streetlight", "lamp")],
             [word("street"), word("light", "lights", "lamp", "lamps")],
             [word("collection", "collections"), word("day", "crew", "round", "calendar")],
             [word("was", "were", "been", "not"), word("collected", "emptied")]],
    "BILL_QUERY": [
        [word("refund", "refunds", "overpaid", "overpayment", "overcharged", "arrears", "summons", "instalment",
              "instalments", "installments", "valuation", "band", "debit", "balance", "credit", "mortgage",
              "reminder", "penalty", "fine", "pcn", "ticket", "tickets")],
        [word("money"), word("back")],
        [word("not", "n't", "never"), word("yet", op="?"), word("had", "received", "got", "have", "receive"),
         word("a", "any", "my", "the", op="?"), word("council", op="?"), word("tax", op="?"),
         word("bill", "bills")],
        [word("gone", "went", "go"), word("up")],
        [word("higher", "more"), word("than")],
    ],
    "ON_BEHALF": [
        [word("on"), word("behalf"), word("of")],
        [word("on"), word("her", "his", "their"), word("behalf", "behalves")],
        [word("power"), word("of"), word("attorney")],
        [word("asked"), word("me"), word("to"), word("write", "apply", "contact", "email", "tell")],
        [word("acting"), word("for")],
    ],
    # Where a date attached to a request starts ("from 1 December").
    "FROM": [[word("from", "starting", "commencing", "beginning", "effective", "since")],
             [word("start", "begin", "starts", "begins"), word("on", "from")], [word("as"), word("of")],
             [word("with"), word("effect"), word("from")]],
}

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
    topics: set[str] = field(default_factory=set)  # COMPLAINT, FOI, BINS, BILL_QUERY


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
            if sent[start + 1].lower_ in _PRONOUNS:  # "on her behalf": the relation said elsewhere ("my mother")
                pronoun = _PRONOUNS[sent[start + 1].lower_]
                for other in sentences:
                    for j, tok in enumerate(other):
                        if tok.lower_ in RELATIONS and RELATIONS[tok.lower_] in {pronoun, "they"} and j > 0 \
                                and other[j - 1].lower_ in _POSSESSIVE:
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
                if _is_name_token(sent[j]) or low in _TITLES:
                    found = name_after(sent, j)
                    if found:
                        return Subject("self", None, found[0], j)
            for j in range(start - 1, max(start - 4, -1), -1):  # "my mother has asked me to write"
                if sent[j].lower_ in RELATIONS:
                    return Subject("self", sent[j].lower_, None, j)
    return None


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
            topics={t for t in ("COMPLAINT", "FOI", "BINS", "BILL_QUERY") if marks.get(t)})
        if framing.question_mark and not framing.request and sent[0].lower_ in {
                "is", "are", "am", "do", "does", "would", "will", "should", "what", "how", "why", "when", "which",
                "where", "who", "have", "has", "did"}:
            framing.query = True
        neg = marks.get("NEGATION", [])
        # "can I have a permit" is a request, not "I have a permit".
        past_marks = [(s, e) for s, e in marks.get("PAST_APPLY", [])
                      if not (s > 0 and sent[s].lower_ in {"i", "we"} and sent[s - 1].lower_ in _MODALS)]
        framing.past = bool(past_marks)
        cues = []
        for kind in ("SPD_TERM", "DISCOUNT", "PERMIT_TERM", "PERMIT_WORD", "CLOSE_ACCOUNT", "OPEN_ACCOUNT",
                     *_VERB_CUES):
            for start, end in _longest(marks.get(kind, [])):
                subject = subject_of(sent, start, behalf) if kind in _VERB_CUES else Subject("unknown")
                if heading and subject.kind == "unknown":
                    subject = Subject("self")
                if kind in {"CLOSE_ACCOUNT", "OPEN_ACCOUNT"}:
                    subject = Subject("self")
                cues.append(Cue(kind, start, end, subject, _negated(sent, start, neg),
                                any(s < end and e > start - 6 for s, e in past_marks)))
        out.append(SentenceReading(sent, _drop_overlaps(cues), framing, marks))
    return out


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


def _combine(weights: Iterable[float]) -> float:
    """Independent pieces of evidence: 1 - prod(1 - w)."""
    left = 1.0
    for w in weights:
        left *= 1.0 - min(max(w, 0.0), 0.97)
    return 1.0 - left


def sentence_evidence(r: SentenceReading, evidence: Evidence, *, car_in_letter: bool, dated: set[int],
                      placed: set[int]) -> None:
    """What one sentence says for each form type (added to ``evidence``).

    ``dated`` and ``placed`` hold the start tokens of this sentence's verb cues that have a date
    or an address attached (the caller reads those).
    """
    f = r.framing
    factor = 1.0
    if f.query:
        factor *= ASKED_ABOUT
    if r.marks.get("NEIGHBOUR"):
        factor *= SOMEONE_ELSE
    if r.marks.get("CANCEL"):
        factor *= CANCELLED
    if r.marks.get("HYPOTHETICAL"):
        factor *= SOMEONE_ELSE
    if f.topics & {"COMPLAINT", "BILL_QUERY", "FOI", "BINS"}:
        factor *= OFF_TOPIC
    text = r.sent.text.strip()[:80]
    request = f.request and not f.query
    terms = {"council_tax_spd": r.has("SPD_TERM", "DISCOUNT", "LIVE_ALONE"),
             "council_tax_move": r.has("CLOSE_ACCOUNT", "OPEN_ACCOUNT") or any(
                 c.subject.kind == "self" for c in r.of("MOVE_OUT", "MOVE_IN", "MOVE_TO")),
             "parking_permit": r.has("PERMIT_TERM", "PERMIT_WORD")}
    for form_type, said in terms.items():
        if said and f.query:
            evidence.asked.add(form_type)
        elif said and (request or f.notify):
            evidence.requested.add(form_type)

    def weigh(cue: Cue, base: float) -> float:
        w = base * factor
        if cue.negated:
            w *= DENIED
        if cue.past and not request:
            w *= DONE_BEFORE
        return w

    # ---- the single person discount
    for cue in r.of("SPD_TERM"):
        base = REQUESTED if request else NOTIFIED * 0.8 if f.notify else MENTION
        evidence.add("council_tax_spd", weigh(cue, base), f"{cue.kind}: {text}")
    has_situation = r.has("LIVE_ALONE", "DEPART") or any(
        c.kind in {"MOVE_OUT", "MOVE_TO"} and c.subject.kind == "other" for c in r.cues)
    for cue in r.of("DISCOUNT"):
        if r.has("SPD_TERM"):
            continue
        base = (REQUESTED - 0.1 if request else MENTION) if has_situation else (0.3 if request else 0.1)
        evidence.add("council_tax_spd", weigh(cue, base), f"{cue.kind}: {text}")
    for cue in r.of("LIVE_ALONE"):
        base = SITUATION if cue.subject.kind in {"self", "unknown"} else SITUATION - 0.15
        if r.marks.get("LONG_STANDING"):
            base *= 0.5  # "I have lived alone for ten years": nothing changed
        if cue.start in dated or any(t.lower_ in {"now", "since"} for t in r.sent[max(cue.start - 3, 0):cue.end + 2]):
            base += DATED
        evidence.add("council_tax_spd", weigh(cue, base), f"{cue.kind}: {text}")
    for cue in r.of("DEPART", "MOVE_OUT", "MOVE_TO", "MOVE_IN"):
        if not departed(r.sent, cue) and not separated(r.sent, cue):
            continue
        base = DEPARTED + (DATED if cue.start in dated else 0.0)
        evidence.add("council_tax_spd", weigh(cue, base), f"{cue.kind} ({cue.subject.relation or 'someone'}): {text}")

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
        evidence.add("council_tax_move", weigh(cue, base), f"{cue.kind}: {text}")
    for cue in r.of("CLOSE_ACCOUNT", "OPEN_ACCOUNT"):
        base = 0.6 if (request or f.notify) else 0.35
        evidence.add("council_tax_move", weigh(cue, base), f"{cue.kind}: {text}")

    # ---- a residents' parking permit
    visitor = bool(r.marks.get("VISITOR"))
    car = car_in_letter or bool(r.marks.get("CAR"))
    for cue in r.of("PERMIT_TERM", "PERMIT_WORD"):
        if cue.kind == "PERMIT_WORD" and not car:
            continue  # "a permit" with no car anywhere: a licence, a planning permit...
        if request:
            base = REQUESTED if cue.kind == "PERMIT_TERM" or r.marks.get("CAR") else REQUESTED - 0.1
        else:
            base = 0.45 if (f.notify or r.marks.get("ZONE")) else MENTION
        if visitor:
            base *= 0.45  # a visitors' permit is not a residents' permit
        evidence.add("parking_permit", weigh(cue, base), f"{cue.kind}: {text}")


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
        return first.lower_ != "the" or (len(nxt) > 1 and nxt[1].lower_ in (*_PROPERTY, "country", "uk", "area"))
    if first.like_num or first.lower_ in {"on", "in", "at", "the", "our", "my", "this", "for", "to", "there", ".",
                                           ",", "home", "last", "when", "after", "before", "permanently", "and"}:
        return not (first.lower_ in {"the", "my", "our"} and len(nxt) > 1 and nxt[1].lower_ not in _PROPERTY
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
        scores[form_type] = round(min(score, 0.97), 2)
    return scores


# --------------------------------------------------------------------------- cars

#: Makes of car, as they are written in the export; the keys are how a letter may spell them.
CAR_MAKES: dict[str, str] = {
    "ford": "Ford", "vauxhall": "Vauxhall", "volkswagen": "Volkswagen", "vw": "Volkswagen", "toyota": "Toyota",
    "nissan": "Nissan", "honda": "Honda", "bmw": "BMW", "audi": "Audi", "mercedes": "Mercedes-Benz",
    "mercedes-benz": "Mercedes-Benz", "merc": "Mercedes-Benz", "peugeot": "Peugeot", "renault": "Renault",
    "citroen": "Citroën", "citroën": "Citroën", "fiat": "Fiat", "kia": "Kia", "hyundai": "Hyundai",
    "skoda": "Skoda", "škoda": "Skoda", "seat": "SEAT", "mazda": "Mazda", "volvo": "Volvo", "mini": "MINI",
    "land rover": "Land Rover", "landrover": "Land Rover", "range rover": "Land Rover", "jaguar": "Jaguar",
    "tesla": "Tesla", "suzuki": "Suzuki", "mitsubishi": "Mitsubishi", "dacia": "Dacia", "lexus": "Lexus",
    "jeep": "Jeep", "porsche": "Porsche", "subaru": "Subaru", "smart": "Smart", "alfa romeo": "Alfa Romeo",
    "mg": "MG", "cupra": "Cupra", "polestar": "Polestar", "byd": "BYD", "ds": "DS", "abarth": "Abarth",
    "chevrolet": "Chevrolet", "saab": "Saab", "rover": "Rover", "daihatsu": "Daihatsu", "chrysler": "Chrysler",
    "dodge": "Dodge", "lotus": "Lotus", "bentley": "Bentley", "aston martin": "Aston Martin",
    "rolls-royce": "Rolls-Royce", "rolls royce": "Rolls-Royce", "ssangyong": "SsangYong", "isuzu": "Isuzu",
    "infiniti": "Infiniti", "genesis": "Genesis", "opel": "Opel", "proton": "Proton", "lada": "Lada",
    "alpine": "Alpine", "maserati": "Maserati", "ferrari": "Ferrari", "lamborghini": "Lamborghini",
    "mclaren": "McLaren", "omoda": "Omoda", "jaecoo": "Jaecoo", "xpeng": "XPeng", "ora": "ORA", "ldv": "LDV",
}
#: Makes that are also ordinary words: read only when capitalised and said of a car.
_AMBIGUOUS_MAKES = frozenset({"seat", "mini", "smart", "jeep", "genesis", "alpine", "lotus", "jaguar", "rover",
                              "dodge", "merc", "ds", "mg", "ora", "proton", "lada", "opel"})
_MAKE_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted((re.escape(k) for k in CAR_MAKES), key=len, reverse=True))
                      + r")(?![\w-])", re.I)


def car_make(text: str, car_context: bool) -> list[tuple[str, int, int]]:
    """Makes of car named in ``text``: (make as exported, start, end) character offsets."""
    found = []
    for m in _MAKE_RE.finditer(text):
        key = m[1].lower()
        if key in _AMBIGUOUS_MAKES:
            written = m[1]
            if not (car_context and (written[:1].isupper())):
                continue
            if key in {"ds", "mg", "ora"} and written != written.upper():
                continue
        found.append((CAR_MAKES[key], m.start(), m.end()))
    return found
