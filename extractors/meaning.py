"""What a printed label means, beyond the wordings anyone listed.

A field of a form type is an *idea* (a name, an address, a date, a postcode...)
in a *role* (whose, or which one: the applicant's, the other adult's, the one
being left, the new one; the date signed, the date of the move). Councils word
both in countless ways, so a label is read for the words that carry each idea
and each role, with weights, after folding case, accents, plurals and
punctuation; the section heading a label sits under lends it roles too ("Your
new address" over a bare "Postcode").

:func:`label_scores` gives, for one label, how well it fits every field of a
form type, in ``[0, 1]``. The spec's own label patterns (``labels`` in a YAML
spec) count as well: a pattern that matches is strong evidence. Which answer
becomes which field is decided across the whole form at once by
:mod:`extractors.assign`, with the answers' own evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.spec import FieldSpec

__all__ = ["IDEAS", "ROLES", "fold", "ideas_in", "roles_in", "main_roles", "label_scores", "Meaning", "idea_of",
           "DISTRACTORS"]


def fold(text: str) -> str:
    """Lower case, accents off, punctuation to spaces, possessives and plurals of the cue words kept simple."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.lower().replace("’", "'")
    text = re.sub(r"(?<=\w)'s\b", "", text)
    text = re.sub(r"(?<=\w)'r\b", " r", text).replace("'", "")  # Welsh "dechrau'r" is "dechrau" and "the"
    text = re.sub(r"\be[\s-]?mail\b", "email", text)
    text = re.sub(r"\be[\s-]?bost\b", "ebost", text)
    text = re.sub(r"\bpost[\s-]code\b", "postcode", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return f" {text.strip()} "


#: Abbreviations a back-office system or a cramped form prints in its labels ("PROP ADDR LN1", "NON-RES FWD
#: ADDR", "SOLE OCC FROM", "DECL DATE"), spelled out before a label's words are weighed (whole words of the
#: folded text only: "prop" is never inside "property").
_ABBREVIATIONS = {
    "addr": "address", "adr": "address", "prop": "property", "prev": "previous", "fwd": "forwarding",
    "fwdg": "forwarding", "occ": "occupier", "decl": "declaration", "dt": "date", "eff": "effective",
    "circs": "circumstances", "req": "requested", "disc": "discount", "veh": "vehicle", "cust": "customer",
    "nm": "name", "appl": "applicant", "applt": "applicant", "mv": "move", "dir": "direction", "tel": "telephone",
    "non res": "no longer resident", "nonres": "no longer resident", "ctax": "council tax", "acct": "account",
    "commencement": "start", "regn": "registration", "perm": "permit",
}
_ABBREVIATED = re.compile(r" (" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")(?= )")
_LINE_NUMBER = re.compile(r" ln ?([1-4]) ")


def spelled_out(folded: str) -> str:
    """:func:`fold`'s text with back-office abbreviations written in full ("prop addr ln1" is "property
    address line 1")."""
    folded = _LINE_NUMBER.sub(r" line \1 ", folded)
    return _ABBREVIATED.sub(lambda m: " " + _ABBREVIATIONS[m[1]], folded)


# --------------------------------------------------------------------------- ideas

#: Each idea: the phrases that carry it in a label, with how much each says. Matched as whole words
#: on :func:`fold`'s text; where two ideas' phrases overlap, the longer phrase wins ("date of birth"
#: over "date", "address line 2" over "address").
IDEAS: dict[str, dict[str, float]] = {
    "name": {
        "name": 1.0, "full name": 1.0, "your name": 1.0, "names": 0.9, "enw": 1.0, "enw llawn": 1.0,
        "applicant": 0.7, "claimant": 0.7, "account holder": 0.7, "bill payer": 0.7, "taxpayer": 0.7,
        "council taxpayer": 0.7, "liable person": 0.7, "person liable": 0.7, "liable party": 0.7,
        "person applying": 0.7, "resident": 0.4, "permit holder": 0.6, "who is applying": 0.7,
        "customer": 0.8, "caller": 0.8,  # as a contact centre's case print names the applicant
    },
    "name_title": {"title": 1.0, "teitl": 1.0, "mr mrs": 0.9, "mr mrs ms": 0.9, "mr mrs ms miss": 0.9},
    "name_first": {"forename": 1.0, "forenames": 1.0, "first name": 1.0, "first names": 1.0, "given name": 1.0,
                   "given names": 1.0, "christian name": 1.0, "enw cyntaf": 1.0, "enwau cyntaf": 1.0,
                   "other names": 0.7},
    "name_last": {"surname": 1.0, "last name": 1.0, "family name": 1.0, "cyfenw": 1.0},
    "account_ref": {
        "account": 0.9, "account number": 1.0, "account no": 1.0, "account reference": 1.0, "account ref": 1.0,
        "council tax reference": 1.0, "council tax ref": 1.0, "council tax number": 1.0, "council tax account": 1.0,
        "ct ref": 1.0, "ct reference": 1.0, "ct number": 1.0, "ctax ref": 1.0, "bill reference": 0.9,
        "reference number": 0.6, "reference": 0.5, "ref": 0.5, "ref no": 0.6, "rhif cyfrif": 1.0, "cyfrif": 0.9,
        "cyfeirnod": 0.8, "liability reference": 0.9, "payer reference": 0.9, "acct": 0.9, "a c no": 0.9,
        "acc no": 1.0, "acc": 0.8, "acc ref": 1.0,
    },
    "address": {
        "address": 1.0, "cyfeiriad": 1.0, "address line 1": 1.0, "address line one": 1.0, "first line": 0.9,
        "line 1": 0.85, "line one": 0.85, "llinell 1": 0.85, "address 1": 0.9,
        "house number and street": 1.0, "house name or number": 0.9, "number and street": 1.0, "no street": 0.95,
        "no and street": 0.95, "house no and street": 1.0, "house no street": 1.0, "number name and street": 1.0,
        "name and street": 0.9, "number name street": 1.0, "name number and street": 1.0,
        "house number": 0.8, "street": 0.8, "house no": 0.8, "house name": 0.8, "house no name": 0.85,
        "house name number": 0.85, "house number name": 0.85, "building name": 0.8, "building number": 0.8,
        "building name number": 0.85, "name or number of house": 0.85, "house no name street": 1.0,
        "house name number street": 1.0, "house number name street": 1.0, "street name": 0.8, "road name": 0.8,
        "property": 0.55, "premises": 0.6, "where you live": 0.8,
        "home": 0.4, "residence": 0.7, "property address": 1.0, "street address": 1.0, "home address": 1.0,
        "where they live": 0.9, "where they now live": 0.9, "now live": 0.8, "now lives": 0.8, "lives": 0.5,
        "living at": 0.7, "live now": 0.8, "they live": 0.8, "where do they live": 0.95,
        "address of the property": 1.0, "flat house number": 0.9, "moving to": 0.6, "moving into": 0.6,
        "moved to": 0.55, "going to": 0.4, "where did you live": 1.0, "where do you live": 1.0,
        "where will you live": 1.0, "where are you moving": 0.9, "where have you moved": 0.9,
        "where can we write to you": 0.95, "where should we write to you": 0.95, "where can we write": 0.9,
    },
    "address_more": {
        "address line 2": 1.0, "address line two": 1.0, "line 2": 1.0, "address line 3": 1.0, "line 3": 1.0,
        "address 2": 1.0, "address 3": 1.0, "address 4": 1.0, "second line": 1.0, "third line": 1.0,
        "2nd line": 1.0, "3rd line": 1.0,
        "town": 1.0, "city": 1.0, "town or city": 1.0, "county": 1.0, "locality": 1.0, "district": 0.6,
        "tref": 1.0, "sir": 0.8, "village": 0.9, "area": 0.4, "country": 1.0,
    },
    "postcode": {"postcode": 1.0, "cod post": 1.0, "postal code": 1.0, "pcode": 1.0, "post code": 1.0,
                 "codpost": 1.0},
    "date": {"date": 1.0, "when": 0.8, "dyddiad": 1.0, "since": 0.55, "day": 0.4, "on what date": 1.0,
             "dated": 1.0, "from when": 0.8, "pryd": 0.8, "ers pryd": 0.8, "signed on": 0.9, "start": 0.6,
             "starting": 0.6, "from": 0.45, "begin": 0.5, "valid from": 0.8, "ers": 0.5, "permit from": 0.9,
             "effective from": 0.9, "effective": 0.6},
    "phone": {"phone": 1.0, "telephone": 1.0, "tel": 1.0, "mobile": 1.0, "contact number": 1.0, "ffon": 1.0,
              "rhif ffon": 1.0, "daytime number": 1.0, "phone number": 1.0, "landline": 1.0, "tel no": 1.0,
              "number we can call": 1.0, "call you": 0.8},
    "email": {"email": 1.0, "ebost": 1.0, "email address": 1.0, "cyfeiriad ebost": 1.0},
    "vrm": {"registration": 1.0, "registration number": 1.0, "registration mark": 1.0, "reg": 0.9, "reg no": 1.0,
            "vehicle registration": 1.0, "number plate": 1.0, "plate": 0.8, "vrm": 1.0, "vrn": 1.0,
            "rhif cofrestru": 1.0, "cofrestru": 0.9, "car reg": 1.0, "index": 0.3, "licence plate": 1.0},
    "make": {"make": 1.0, "manufacturer": 1.0, "vehicle make": 1.0, "car make": 1.0, "make of vehicle": 1.0,
             "make of car": 1.0, "brand": 0.7, "gwneuthuriad": 1.0, "make and model": 0.9, "gwneuthurwr": 1.0},
    "zone": {"zone": 1.0, "parth": 1.0, "cpz": 1.0, "permit zone": 1.0, "parking zone": 1.0, "permit area": 0.9,
             "controlled parking": 0.8, "zone code": 1.0},
    "move_type": {
        "moving in or out": 1.0, "moving in or moving out": 1.0, "in or out": 1.0, "move in or out": 1.0,
        "move in or move out": 1.0, "moving in or out of": 1.0, "moving out or in": 1.0, "type of move": 1.0,
        "move type": 1.0, "are you moving": 0.8, "tick one": 0.4, "which applies": 0.5, "which of these": 0.4,
        "in out": 0.8, "moving into or out": 1.0, "symud i mewn neu allan": 1.0, "direction": 0.6,
        "your move": 0.5, "the move": 0.5, "moving": 0.35, "movement": 0.8, "movement type": 1.0,
        "type of movement": 1.0,
    },
    "text": {"what changed": 1.0, "what has changed": 1.0, "tell us": 0.6, "details": 0.6, "reason": 0.7,
             "what happened": 1.0, "circumstances": 0.8, "explain": 0.7, "describe": 0.7, "further information": 0.6,
             "more information": 0.6, "beth sydd wedi newid": 1.0, "about the change": 1.0, "change in": 0.6,
             "anything else": 0.5, "comments": 0.5, "tell us what": 0.9, "what has happened": 1.0,
             "the change": 0.7, "reason for": 0.8, "why": 0.6, "explain the change": 1.0,
             "change in your household": 1.0, "change in the household": 1.0, "customer statement": 0.95,
             "your statement": 0.9, "case notes": 0.8, "call notes": 0.8},
    # Questions forms ask that are no field: known, so never read as one that is.
    "other_question": {
        "date of birth": 1.0, "dob": 1.0, "national insurance": 1.0, "ni number": 1.0, "bedrooms": 1.0,
        "number of bedrooms": 1.0, "council tax band": 1.0, "valuation band": 1.0, "band": 0.8,
        "owner or tenant": 1.0, "tenant or owner": 1.0, "landlord": 1.0, "letting agent": 1.0,
        "how did you hear": 1.0, "how did you find": 1.0, "colour": 1.0, "color": 1.0, "model": 0.9,
        "student": 1.0, "signature": 0.9, "signed": 0.8, "llofnod": 0.9, "sign": 0.6, "uprn": 1.0,
        "fuel": 1.0, "engine": 1.0, "relationship": 0.9, "occupation": 0.5, "nationality": 1.0,
        "office use": 1.0, "received": 0.6, "checked by": 1.0, "input by": 1.0, "case": 0.6,
        "submission reference": 1.0, "form reference": 1.0, "application reference": 1.0, "page": 0.6,
        "number of adults": 1.0, "how many": 0.9, "age": 0.6, "aged": 0.6, "gender": 1.0, "sex": 0.8,
        "v5c": 0.6, "keeper": 0.8, "insurance": 0.8, "bank": 1.0, "sort code": 1.0, "payment": 0.8,
        "nifer": 0.9, "only adult resident": 0.7, "are you the only": 0.8, "yes no": 0.6,
        "customer contact": 1.0, "customer service": 1.0, "customer services": 1.0, "customer number": 1.0,
        "customer reference": 1.0, "customer ref": 1.0, "customer id": 1.0, "caller id": 1.0,
        "guidance notes": 1.0, "guidance": 1.0, "help notes": 1.0, "notes for guidance": 1.0,
    },
}

#: Roles: whose or which one. A field names the role it is in; the label (and, more weakly, its section
#: heading) says which roles it carries.
ROLES: dict[str, dict[str, float]] = {
    "other": {"other adult": 1.0, "other person": 1.0, "other occupant": 1.0, "other resident": 1.0,
              "adult who": 0.9, "person who": 0.8, "who has left": 1.0, "who left": 1.0, "who moved out": 1.0,
              "has moved out": 0.9, "moved out": 0.7, "has left": 0.8, "left": 0.5, "former": 0.6,
              "previous occupant": 1.0, "previous occupier": 1.0, "partner": 0.8, "spouse": 0.8,
              "joint occupier": 1.0, "joint": 0.5, "symudodd": 1.0, "oedolyn a": 0.8, "leaver": 1.0,
              "ex": 0.4, "their": 0.6, "who has gone": 1.0, "household member": 0.7, "person leaving": 1.0,
              "adult leaving": 1.0, "departed": 0.8, "who left the property": 1.0, "change in household": 0.4,
              "who has left the property": 1.0, "person who left": 1.0, "who moved": 0.9, "the change": 0.3,
              "who else": 1.0, "someone else": 0.9, "anyone else": 0.6, "used to live": 0.9,
              "previous adult": 1.0, "former adult": 1.0, "no longer resident": 1.0, "vacating adult": 1.0,
              "departing adult": 1.0, "leaving adult": 1.0, "adult vacating": 1.0, "adult who vacated": 1.0,
              "adult vacated": 1.0, "vacated adult": 1.0, "adult left": 1.0, "adult moved out": 1.0,
              "adult departed": 1.0},
    "forwarding": {"forwarding": 1.0, "their new": 1.0, "new address of": 1.0, "where they": 1.0, "moved to": 0.8,
                   "where do they": 1.0, "they live": 0.9, "where does he": 1.0, "where does she": 1.0,
                   "their address": 0.9, "where have they": 1.0, "their current": 0.9, "now lives": 1.0,
                   "cyfeiriad newydd": 0.9, "eu cyfeiriad": 1.0, "gone to": 0.8, "new address for": 0.9,
                   "where did they": 1.0, "where did he": 1.0, "where did she": 1.0, "they moved": 0.9,
                   "they went": 1.0, "they have gone": 1.0, "his or her": 1.0, "he or she": 0.9,
                   "their present": 0.9},
    "previous": {"leaving": 1.0, "you are leaving": 1.0, "you have left": 1.0, "left": 0.6, "old": 0.9,
                 "previous": 0.9, "former": 0.8, "moving out of": 1.0, "moving from": 1.0, "moved from": 1.0,
                 "vacating": 1.0, "vacated": 1.0, "current address": 0.5, "present address": 0.5,
                 "property you are leaving": 1.0, "you are moving out of": 1.0, "moving out": 0.6,
                 "address you have left": 1.0, "are leaving": 1.0, "have left": 0.8, "gadael": 1.0, "hen": 0.8,
                 "before": 0.7, "previously": 0.9, "used to live": 1.0, "lived before": 1.0, "last address": 1.0,
                 "last home": 1.0, "last property": 1.0, "prior": 0.8},
    "new": {"new": 1.0, "moving to": 1.0, "moving into": 1.0, "moved to": 0.9, "moved into": 1.0, "future": 0.8,
            "forwarding": 0.8, "newydd": 1.0, "going to": 0.8, "new home": 1.0, "moving in": 0.6,
            "will be living": 0.9, "correspondence": 0.5, "onward": 0.8, "after you move": 0.9,
            "write to you after": 0.9, "occupied": 0.5, "new occupier": 0.9},
    "sole": {"only adult": 1.0, "only": 0.7, "alone": 1.0, "sole": 1.0, "single": 0.6, "on your own": 1.0,
             "by yourself": 1.0, "became": 0.6, "unig": 1.0, "unig oedolyn": 1.0, "lived alone": 1.0,
             "live alone": 1.0, "since": 0.5, "discount from": 0.8, "discount to start": 0.9, "start of discount": 0.9,
             "left": 0.7, "moved out": 0.8, "leave": 0.6, "other adult": 0.6, "change": 0.35, "from which": 0.6,
             "no longer": 0.7, "person left": 0.8, "effective date": 0.6, "effective from": 0.8},
    "declaration": {"signed": 1.0, "signature": 1.0, "declaration": 1.0, "today": 1.0, "llofnod": 1.0,
                    "date of application": 0.9, "completed": 0.7, "date signed": 1.0, "of signing": 1.0,
                    "llofnodi": 1.0, "submitted": 0.7, "datganiad": 1.0, "sign": 0.6, "dated": 0.9,
                    "i declare": 1.0, "we declare": 1.0, "datganaf": 1.0},
    "move": {"move": 1.0, "moving": 1.0, "moved": 1.0, "left": 0.7, "leave": 0.7, "leaving": 0.7, "arrived": 0.9,
             "arrive": 0.9, "occupation": 0.7, "change of address": 0.8, "keys": 0.8, "vacate": 0.8,
             "vacated": 0.8, "tenancy": 0.7, "liable from": 0.8, "liability": 0.6, "change of occupancy": 0.9,
             "occupancy": 0.6, "vacating": 0.9, "symud": 1.0, "completion": 0.6, "moving date": 1.0, "removal": 0.8,
             "first day": 0.8, "last day": 0.8, "responsible": 0.5, "change": 0.4, "effective": 0.6,
             "moving out": 1.0, "moving in": 1.0, "moving into": 1.0, "moved out": 1.0, "moved in": 1.0,
             "moved into": 1.0, "move out": 1.0, "move in": 1.0,
             "effective date": 0.8, "date of change": 0.8},
    "start": {"start": 1.0, "starting": 1.0, "from": 0.6, "begin": 1.0, "commence": 1.0, "required from": 1.0,
              "valid from": 1.0, "dechrau": 1.0, "wanted from": 1.0, "needed from": 1.0, "permit to start": 1.0,
              "would like": 0.5, "effective": 0.6, "effective date": 0.8, "effective from": 1.0, "permit from": 1.0,
              "from date": 0.8},
    "birth": {"birth": 1.0, "born": 1.0, "dob": 1.0, "geni": 1.0},
    "self": {"your": 0.6, "you": 0.4, "applicant": 0.8, "claimant": 0.8, "account holder": 0.8, "about you": 0.7,
             "council tax": 0.01, "council taxpayer": 0.8, "council tax payer": 0.8, "treth gyngor": 0.01,
             "treth y cyngor": 0.01,
             "your details": 0.8, "eich": 0.6, "liable": 0.6, "resident": 0.5, "person applying": 0.8,
             "person who pays": 1.0, "who pays": 0.9, "pays the council tax": 1.0, "bill payer": 0.9,
             "responsible for paying": 0.9, "who is liable": 0.9, "name on the bill": 0.9},
    "vehicle": {"vehicle": 1.0, "car": 1.0, "cerbyd": 1.0, "motor": 0.7, "van": 0.7, "motorcycle": 0.7},
    "council": {"council": 1.0, "civic": 1.0, "return to": 1.0, "office": 0.8, "our": 0.5, "town hall": 1.0,
                "cyngor": 1.0},
}

#: Questions whose answers are never a field's: a date of birth is no date on the form's business.
DISTRACTORS = frozenset({"other_question"})


@lru_cache(maxsize=4096)
def _cues(table_name: str) -> list[tuple[str, str, float]]:
    table = IDEAS if table_name == "ideas" else ROLES
    out = [(name, phrase, w) for name, phrases in table.items() for phrase, w in phrases.items()]
    out.sort(key=lambda t: -len(t[1]))
    return out


def _matches(text: str, table_name: str) -> dict[str, tuple[float, int]]:
    """Each entry's best weight in ``text`` and the length of the phrase that gave it; a phrase inside a
    longer phrase already matched (of another entry) does not count."""
    folded = spelled_out(fold(text))
    taken: list[tuple[int, int, str]] = []
    found: dict[str, tuple[float, int]] = {}
    for name, phrase, w in _cues(table_name):
        needle = f" {phrase} "
        start = folded.find(needle)
        while start >= 0:
            span = (start, start + len(needle))
            inside = any(a <= span[0] and span[1] <= b and (b - a) > (span[1] - span[0]) and other != name
                         for a, b, other in taken)
            if not inside:
                taken.append((span[0], span[1], name))
                best = found.get(name)
                if best is None or w > best[0]:
                    found[name] = (w, len(phrase))
                break
            start = folded.find(needle, start + 1)
    return found


@lru_cache(maxsize=20_000)
def ideas_in(text: str) -> dict[str, float]:
    return {k: w for k, (w, _) in _matches(text, "ideas").items()}


@lru_cache(maxsize=20_000)
def roles_in(text: str) -> dict[str, float]:
    return {k: w for k, (w, _) in _matches(text, "roles").items()}


#: A move named both ways ("Moving in or out", "moving into or out of the borough"): a move, no one's address.
_BOTH_WAYS = re.compile(r"\bmov(?:e|ing)\s+in(?:to)?\s*(?:or|/|and|&)\s*(?:mov(?:e|ing)\s+)?(?:out|away)(?:\s+of)?\b",
                        re.I)


def main_roles(heading: str) -> dict[str, float]:
    """Whose a heading's answers are, by its own words before an aside in brackets ("Your new address (if
    you are leaving: where we should send your final bill)" is the new address's part, not the old's), and
    never by a condition on who answers ("for people leaving the borough")."""
    heading = _BOTH_WAYS.sub(" moving ", _CONDITION.sub(" ", heading))
    main = re.sub(r"\([^)]*\)?", " ", heading)
    found = roles_in(main)
    return found if found else roles_in(heading)


def idea_of(text: str) -> tuple[str, float] | None:
    """The strongest idea a label carries."""
    found = ideas_in(text)
    if not found:
        return None
    name = max(found, key=lambda k: found[k])
    return name, found[name]


#: The idea a field is by default, from its kind.
_KIND_IDEA = {"name": "name", "date": "date", "postcode": "postcode", "account_ref": "account_ref", "vrm": "vrm",
              "phone": "phone", "email": "email", "zone": "zone", "move_type": "move_type", "text": "text",
              "address": "address"}


@dataclass(frozen=True)
class Meaning:
    """What a field means: an idea, and the role it must (or must not) have."""

    idea: str
    role: str = ""  # "" or "self": the applicant's own, the default reading of a bare label
    #: Roles a label of this field never carries ("other" for the applicant's name).
    not_roles: tuple[str, ...] = ()


#: Roles that go together: a label saying one of them may mean the others.
_FAMILY: dict[str, frozenset[str]] = {
    "other": frozenset({"other", "forwarding"}), "forwarding": frozenset({"forwarding", "other", "new"}),
    "previous": frozenset({"previous"}), "new": frozenset({"new", "forwarding"}),
    "declaration": frozenset({"declaration"}), "move": frozenset({"move"}), "start": frozenset({"start"}),
    "sole": frozenset({"sole"}),
}
#: Roles no field of any form wants: a date of birth, the council's own details.
_NEVER = ("birth", "council")


def meaning_of(spec: FieldSpec, siblings: Sequence[FieldSpec] = ()) -> Meaning:
    """What ``spec`` means among ``siblings`` (its form type's fields): a label in a role another field of the
    same idea has ("their new address" where the form also asks the applicant's address) is that field's."""
    return _meaning(spec, tuple(siblings))


@lru_cache(maxsize=1024)
def _meaning(spec: FieldSpec, siblings: tuple[FieldSpec, ...]) -> Meaning:
    idea = _idea(spec)
    role = spec.role or ""
    own = _FAMILY.get(role, frozenset())
    against: set[str] = set()
    for other in siblings:
        if other.name == spec.name or _idea(other) != idea or (other.role or "") == role:
            continue
        against |= _FAMILY.get(other.role or "", frozenset()) - own - {role}
    return Meaning(idea, role, tuple(sorted(against)) + _NEVER)


def _idea(spec: FieldSpec) -> str:
    idea = spec.means or _KIND_IDEA.get(spec.kind, "text")
    if not spec.means and spec.kind == "text" and "address" in spec.name:
        idea = "address"  # a council's own spec that says no more: its name does
    return idea


def _role_fit(meaning: Meaning, label_roles: dict[str, float], section_roles: dict[str, float]) -> float:
    """How well the roles a label (and its section) carry fit a field's role, in [0, 1]."""
    def strength(role: str) -> float:
        # The label and its heading saying the same ("Their name" under "Has another adult moved out?") add up.
        label, section = label_roles.get(role, 0.0), 0.6 * section_roles.get(role, 0.0)
        return 1.0 - (1.0 - label) * (1.0 - section) if label and section else max(label, section)

    against = max((strength(r) for r in meaning.not_roles), default=0.0)
    if meaning.role in ("", "self"):
        return max(0.0, 1.0 - against)
    fit = strength(meaning.role)
    if meaning.role == "forwarding":
        fit = max(fit, 0.85 * strength("other") if label_roles.get("other") or section_roles.get("other") else 0.0,
                  0.6 * strength("new"))
    if meaning.role == "other":
        fit = max(fit, 0.8 * strength("forwarding") if meaning.idea == "address" else 0.0)
    if meaning.role == "declaration":
        fit = max(fit, 0.55)  # a bare "Date" is the date signed, unless it says otherwise
    rival = max((strength(r) for r in ("declaration", "move", "start", "sole") if r != meaning.role),
                default=0.0) if meaning.idea == "date" else 0.0
    if meaning.idea == "date" and rival > fit:
        return max(0.0, fit - 0.5 * (rival - fit))
    if meaning.role not in ("", "self", "declaration") and fit < 0.4:
        return 0.0  # a field with a role of its own needs more than a hint of it
    return max(0.0, min(1.0, fit) - 0.6 * against)


def label_scores(label: str, section: str, specs: Sequence[FieldSpec],
                 pattern_scores: dict[str, float] | None = None) -> dict[str, float]:
    """How well ``label`` (under ``section``) fits each field, in [0, 1]; fields it does not fit are left out."""
    patterns = tuple(sorted((pattern_scores or {}).items()))
    return dict(_label_scores(label, section, tuple(specs), patterns))


#: An address's second (or later) line by its number: "Address 2", "Address line 3", "Line 2".
_LATER_LINE = re.compile(r" (?:address|line)(?: line)? [2-9] | (?:second|third|2nd|3rd) line ")
#: The question words that say what kind of answer a question wants.
_ASKS = {"when": "date", "who": "name", "how many": "number", "how much": "number"}


_ADDRESS_ROLES = frozenset({"new", "previous", "forwarding"})
#: The discount's own name, in a heading: the form's business, no date's role.
_DISCOUNT_NAME = re.compile(r"\bsingle\s+(?:person|occupier|occupancy|adult)(?:['’]s)?\s+discount\b", re.I)
#: A condition on who answers, not whose the answer is: "(for people leaving the borough, your forwarding
#: address)", "if you are moving out, ..." name the one leaving, and the address asked is the next one
#: ("If another adult has moved out, what is their name?" is no such condition: it names whose).
_CONDITION = re.compile(r"\b(?:(?:if|when)\s+(?:you|you['’]re|we)|for (?:people|those|anyone|residents))\b"
                        r"[^,;()]*?\b(?:leav\w*|mov\w* (?:out|away|in(?:to)?)|left)\b[^,;()]*"
                        r"|\b(?:if|when)\s+(?:leaving|moving\s+(?:out|away))\b[^,;()]*", re.I)  # ("If moving out, ...")


@lru_cache(maxsize=20_000)
def _label_scores(label: str, section: str, specs: tuple[FieldSpec, ...],
                  patterns: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    pattern_scores = dict(patterns)
    ideas = ideas_in(label)
    if re.search(r"\bsince\W*$", label.strip(), re.I):
        ideas["date"] = 1.0  # "... living at this address since": the blank after "since" is a date
    # Whose address an aside in brackets names counts half ("New address (or forwarding address if leaving)"
    # is the new address, whatever "leaving" says).
    role_text = _CONDITION.sub(" ", label)
    main = main_roles(role_text)
    roles = {k: v if k in main or k not in _ADDRESS_ROLES else 0.5 * v for k, v in roles_in(role_text).items()}
    # (a heading that names the council, a page's running head, says whose form it is, not whose answers)
    # (nor does the discount's name: "Single person discount" over the declaration's "Date" says whose form it
    # is, not that the date is the one the adult left)
    section = _DISCOUNT_NAME.sub(" ", section) if section else section
    sroles = {k: v for k, v in main_roles(section).items() if k != "council"} if section else {}
    if sroles.get("declaration", 0.0) >= 1.0:
        sroles = {"declaration": 1.0}  # what a declaration over the answer declares ("I declare that ... I am the
        # only adult living at the property") is its words, not whose the date under it is
    out: dict[str, float] = {}
    distraction = max((ideas.get(d, 0.0) for d in DISTRACTORS), default=0.0)
    # A question asks for what its first word says: "When did you become the only adult at the address?"
    # asks for a date, whatever else it names.
    head = fold(label).split()
    asks = _ASKS.get(" ".join(head[:2]), _ASKS.get(head[0], "")) if head else ""
    siblings = tuple(specs)
    for spec in specs:
        m = meaning_of(spec, siblings)
        idea = ideas.get(m.idea, 0.0)
        if m.idea == "name":
            idea = max(idea, 0.9 * max(ideas.get("name_title", 0), ideas.get("name_first", 0),
                                       ideas.get("name_last", 0)))
        if m.idea == "date" and m.role and not idea and not any(ideas.values()) and "?" not in label \
                and not any(v >= 0.5 for k, v in pattern_scores.items() if k != spec.name):
            # A date's business named with no word for a date ("Declaration agreed", "Living alone since"):
            # its answer, if a date, is that date.
            idea = 0.6 * roles.get(m.role, 0) if roles.get(m.role, 0) >= 1.0 else 0.0
        if m.idea == "move_type" and not idea and roles.get("move", 0) and not ideas.get("date"):
            idea = 0.3
        if asks == "name" and m.idea == "name" and not idea and not any(ideas.values()):
            idea = 0.8  # "Who has moved out?", "Who else used to live there?": a person, by name
        role = _role_fit(m, roles, sroles)
        score = idea * role
        if asks and m.idea != asks and not (asks == "name" and m.idea.startswith("name")):
            score *= 0.3
        if m.idea == "name" and (" signature " in fold(label) or " signed " in fold(label)):
            score *= 0.5  # "Signature (type your name)": a signature, as often initials, not the name asked for
        if distraction > idea or (distraction >= 0.9 and distraction >= idea):
            # (a question named as plainly as the field is asked of something else: "Name of landlord or agent")
            score *= max(0.0, 1.0 - distraction)
        pattern = (pattern_scores or {}).get(spec.name, 0.0)
        if pattern:
            # The wording model's word counts when the label's roles do not speak against the field: a date
            # whose label names another date's business ("Effective date" is no date signed) needs more.
            enough = 0.45 if m.idea == "date" else 0.3
            # (nor one of no role of its own whose label says it is another field's: "Where did they move to?
            # (address)"; a label's words for the council, "Treth y Cyngor", say nothing against it)
            disowned = not m.role and any(roles.get(r, 0.0) >= 0.6 for r in m.not_roles if r not in _NEVER)
            score = max(score, 0.55 + 0.4 * pattern) if role > enough or (not m.role and not disowned) \
                else max(score, 0.5 * pattern)
        if m.idea == "address" and _LATER_LINE.search(fold(label)):
            score *= 0.3  # "Property address 2": the address's second line, not the address (however like the
            # first line's label its words are)
        if score > 0.05:
            out[spec.name] = min(1.0, score)
    return tuple(out.items())
