"""The words of applications written as prose: verbs by their forms, people, the Matcher's phrases, car makes.

Data only, read by :mod:`extractors.nlp.applications`. A blank English pipeline has no lemmatiser, so
each verb is listed with its forms (:data:`VERBS`, matched with :func:`lemma`), and every phrase is a
token pattern of spaCy's :class:`~spacy.matcher.Matcher` on lower-case text (:data:`PATTERNS`, one list
per label). A new wording is usually one more pattern here.
"""

from __future__ import annotations

from typing import Any

__all__ = ["VERBS", "lemma", "word", "RELATIONS", "PRONOUNS", "SELF", "POSSESSIVE", "BETWEEN", "MODIFIERS", "MODALS",
           "TITLES", "NOT_NAMES", "PROPERTY", "PATTERNS", "CAR_MAKES", "AMBIGUOUS_MAKES"]

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
PRONOUNS = {"he": "he", "she": "she", "they": "they", "him": "he", "her": "she", "them": "they"}
SELF = frozenset({"i", "we", "myself", "ourselves"})
POSSESSIVE = frozenset({"my", "our"})
#: Words passed over between a verb and its subject ("I have now moved", "my husband has finally left").
BETWEEN = frozenset({
    "have", "has", "had", "'ve", "'s", "'d", "'m", "'re", "'ll", "am", "is", "are", "was", "were", "be", "been",
    "being", "will", "shall", "would", "should", "could", "can", "may", "might", "must", "now", "just", "recently",
    "already", "finally", "also", "both", "all", "permanently", "officially", "actually", "eventually", "sadly",
    "unfortunately", "since", "then", "suddenly", "moved", "going", "gone", "to", "about", "soon",
    "shortly", "currently", "temporarily", "together", "who", "that", "which", "because", "as", "when", "after",
    "once", "hence", "therefore", "so", "ago", "last", "this", "year", "month", "week", "only", "effectively",
    "did", "do", "does", "not", "n't", "never", "no", "longer", "successfully", "physically", "legally",
})
MODIFIERS = frozenset({"ex", "-", "late", "former", "estranged", "eldest", "youngest", "older", "younger", "adult",
                        "grown", "step", "elderly", "other", "previous", "old", "then"})
MODALS = frozenset({"can", "could", "may", "might", "would", "'d", "will", "'ll", "shall", "should", "to", "please",
                     "must"})
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "mr.", "mrs.", "ms.", "dr.", "mx."})
#: Capitalised words that begin sentences or name things, never people.
NOT_NAMES = frozenset({
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


# --------------------------------------------------------------------------- the phrases

_OWN = word("my", "her", "his", "their", "our")
_SOLE_NOUNS = ("adult", "adults", "person", "occupant", "occupier", "resident", "one", "liable", "householder",
               "tenant", "people")
_CARE = ("care", "nursing", "residential", "hospice")
PROPERTY = ("house", "home", "flat", "property", "bungalow", "apartment", "maisonette", "cottage", "place")
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
        [lemma("live", "stay", "reside"), word("there", "here", op="?"), word("now", "completely", "entirely", op="?"),
         word("alone", "solo")],
        [lemma("live", "stay", "reside"), word("now", op="?"), word("on"), _OWN, word("own")],
        [lemma("live", "stay", "reside"), word("now", op="?"), word("by"),
         word("myself", "herself", "himself", "themselves", "ourselves")],
        [word("am", "'m", "is", "are", "'s"), word("now", op="?"), word("on"), _OWN, word("own")],
        [word("am", "'m", "is", "are", "'s"), word("now", op="?"), word("alone")],
        [word("the"), word("only", "sole", "one"), word("remaining", "other", op="?"), word(*_SOLE_NOUNS)],
        [word("sole", "only", "single"), word("occupant", "occupier", "resident", "adult", "householder")],
        [word("nobody", "noone"), word("else", op="?"), lemma("live", "reside", "stay")],
        [word("no"), word("one"), word("else", op="?"), lemma("live", "reside", "stay")],
        [word("no"), word("other", op="?"), word("adults", "adult", "people", "person"), lemma("live", "reside")],
        [word("just"), word("me", "myself"), word("now", op="?"), word("living", "here", "at", "in", "now", ".")],
        [word("it"), word("is", "'s"), word("now", op="?"), word("just"), word("me", "myself")],
    ],
    # Someone leaving a home (the writer, or the other adult).
    "MOVE_OUT": [
        [lemma("move"), word("out", "away", "abroad", "overseas", "on")],
        [lemma("leave", "vacate", "relocate", "emigrate")],
        [lemma("sell"), word("my", "our", "the", "his", "her", "their"), word(*PROPERTY)],
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
        [lemma("buy", "purchase"), word("a", "the", "this", "our", "my"), word(*PROPERTY)],
        [lemma("buy", "purchase", "rent"), {"LIKE_NUM": True}],
        [word("completed"), word("on"), word("the"), word("purchase")],
        [word("tenancy", "lease"), lemma("start", "begin")],
        [lemma("start", "begin"), word("a", "my", "our", "the"), word("new", op="?"), word("tenancy", "lease")],
    ],
    # Direction unclear until the words around it: "moved to 4 Oak Road", "moving from Leeds".
    # "Moving house" says a move, not which way: the letter says whether into or out of the area.
    "MOVE_TO": [[lemma("move"), word("to", "from")], [lemma("relocate"), word("to")],
                [word("change"), word("of"), word("address")], [lemma("move"), word("house", "home")]],
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
        # "I would like to register for council tax", "I need to set up council tax".
        [lemma("register"), word("for", "with"), word("the", op="?"), word("council"), word("tax")],
        [lemma("set"), word("up"), word("a", "my", "our", "the", op="?"), word("new", op="?"), word("council"),
         word("tax")],
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
        [word("need", "needs"), word("to"), lemma("set", "open", "register", "apply", "claim", "close", "cancel", "end",
                                                  "stop", "transfer")],
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
        [word("how"), word("many")],
        # Asking for information about a form type, not for it: "please provide the number of permits issued".
        [word("provide", "send", "supply", "give", "disclose", "release", "share", "publish"),
         word("me", "us", op="?"), word("with", op="?"), word("the", "a", "any", "all", op="?"),
         word("number", "numbers", "figures", "statistics", "data", "total", "totals", "breakdown", "list",
              "information", "copies", "copy")],
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
                  [word("next"), word("door")], [word("fraud", "fraudulent", "fraudulently", "cheating")],
                  # Someone else's parking: a report for the wardens, not a permit for the writer.
                  [word("warden", "wardens", "enforcement", "enforce", "enforced", "obstruction")],
                  [word("keep", "keeps", "kept", "always", "constantly"), word("parking", "parked", "parks")]],
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
    "LONG_STANDING": [[word("for"), {"LIKE_NUM": True}, word("years", "decades")], [word("still")],
                      [word("for"), word("many", "several", "a", "some"), word("years", "decades", "long")],
                      [word("always"), lemma("live")]],
    # A request that still follows something done before: "I would like to renew my permit".
    "AGAIN": [[word("renew", "renewal", "again", "another", "replacement", "replace", "second", "extend")]],
    "NEGATION": [[word("not", "n't", "never", "no")], [word("do", "did", "does"), word("not", "n't")]],
    # What general correspondence is about: a sentence about these is not an application.
    "COMPLAINT": [
        [word("complain", "complaint", "complaints", "complaining", "unacceptable", "disgraceful", "appalling",
              "ombudsman", "apology", "apologise", "apologize", "disappointed", "rude", "incompetent", "shambles",
              "outrageous", "escalate", "mp", "councillor", "unhappy", "upset", "angry", "furious", "reinstate",
              "reinstated", "explanation", "unfair", "wrongly", "mistake", "error", "appeal", "appealing",
              "refused", "rejected", "refusal", "rejection")],
        [word("turned"), word("down")],
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
             [word("garden", "food", "green", "bulky", "clinical", "household"), word("waste")],
             [word("waste"), word("collection", "collections", "subscription", "service")],
             [word("collection", "collections"), word("day", "crew", "round", "calendar")],
             [word("was", "were", "been", "not"), word("collected", "emptied")]],
    # Other council services: a sentence about one of these asks for something else.
    "OTHER_SERVICE": [
        [word("vote", "voting", "voter", "voters", "electoral", "polling", "ballot", "allotment", "allotments",
              "library", "licensing", "passport", "wedding", "burial", "cremation")],
        [word("planning"), word("permission", "application", "applications", "department", "office", "officer")],
        [word("blue"), word("badge")], [word("bus"), word("pass")],
        [word("subscription", "subscriptions")],
    ],
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
AMBIGUOUS_MAKES = frozenset({"seat", "mini", "smart", "jeep", "genesis", "alpine", "lotus", "jaguar", "rover",
                              "dodge", "merc", "ds", "mg", "ora", "proton", "lada", "opel"})
