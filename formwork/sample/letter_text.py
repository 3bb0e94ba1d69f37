"""The words of letters to the council, composed from many independent parts.

Each topic of forms.md (``missed_bin``, ``council_tax_query``, ``complaint``,
``foi_request``, ``other``) has seven *phrasing families*: groups of
sentence templates that say the same kind of thing in one register (a plain
report, a story, a formal request...). A letter draws its topic sentences from
one to three families, with slot fillers (bins, days, streets, amounts, dates
written in every form forms.md accepts), and wraps them in parts shared by all
topics: openings, asides about the writer, requests for a reply, closings.

The last family of every topic is *held out*: ``formwork train-topics``
trains the shipped classifier without it and reports its accuracy on letters
written only with held-out families, an honest figure for wordings the model
has never seen. The sample inbox (``formwork sample``) uses every family.

A *mixed* letter gives two topics equal weight: the classifier is trained to
be unsure of those (half each), so that such a letter is sent to staff with
``LOW_CONFIDENCE:topic`` rather than routed to one team's queue.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from formwork.sample import words

__all__ = ["TOPICS", "FAMILIES", "HELD_OUT", "LetterText", "Composer", "format_date"]

TOPICS = ("missed_bin", "council_tax_query", "complaint", "foi_request", "other")

_S = tuple[str, ...]

#: topic -> family name -> sentence templates. Slots: {bin} {day} {date} {pastdate} {soondate} {street}
#: {n} {weeks} {amount} {year} {ref} {thing} {doc} {item} {place} {nth}.
FAMILIES: dict[str, dict[str, _S]] = {
    "missed_bin": {
        "report": (
            "My {bin} was not collected on {pastdate}.",
            "Our {bin} was missed on {pastdate}.",
            "The {bin} at my address was not emptied on {day}.",
            "Your crew did not empty the {bin} this {day}.",
            "I am writing to report a missed collection of my {bin}.",
            "The {bin} was left full on collection day, {pastdate}.",
        ),
        "story": (
            "I put the {bin} out the night before as usual, but it was still full when I came home.",
            "The lorry came down {street} but went straight past our house.",
            "Every other {bin} on the street was emptied except ours.",
            "I watched the collection vehicle pass without stopping for our {bin}.",
            "The {bin} was at the kerb by seven in the morning, as your leaflet asks.",
        ),
        "repeated": (
            "This is the {nth} time in {weeks} weeks that our {bin} has been missed.",
            "Collections on {street} keep being missed and it is getting worse.",
            "Our {bin} has not been emptied for {weeks} weeks now.",
            "We have reported a missed bin before and it has happened again.",
        ),
        "request": (
            "Please could someone come back and empty the {bin}.",
            "Can you arrange a return visit to collect the {bin} as soon as possible?",
            "I would be grateful if the crew could collect the bin before the next round.",
            "Please send the collection crew back for our {bin}.",
        ),
        "mess": (
            "The bin is now overflowing and the bags are attracting foxes and flies.",
            "Rubbish is piling up in the front garden because the bin was not emptied.",
            "The smell from the uncollected bin is unpleasant in this weather.",
            "With the bin full we have nowhere to put the household waste.",
        ),
        "timing": (
            "We are on the assisted collection list but the crew did not take the {bin} from beside the house.",
            "My elderly mother cannot pull the {bin} to the kerb and it was not collected from her usual spot.",
            "Collection day changed over the holidays and nobody told us, so the {bin} was missed.",
            "The calendar says {day} but the lorry came the day before and the {bin} was left.",
            "The crew came earlier than usual, before seven, and our {bin} was not emptied.",
        ),
        "colloquial": (  # held out
            "The bin men skipped us again on {day}.",
            "Nobody picked up the {bin} from outside number {n}.",
            "The refuse collection just did not happen on our side of the road.",
            "Our rubbish has been sitting out since {pastdate} waiting to be taken.",
            "The dustcart never turned up for the {bin}.",
        ),
    },
    "council_tax_query": {
        "bill": (
            "I have received my council tax bill and I do not understand why the amount has gone up.",
            "Could you explain the charge of {amount} on my latest council tax bill?",
            "My annual council tax bill for {year} seems higher than it should be.",
            "The bill dated {pastdate} shows an amount I do not recognise.",
        ),
        "payments": (
            "I would like to change the date of my Direct Debit for council tax to the {nth} of each month.",
            "I paid {amount} on {pastdate} but it is not showing on my council tax account.",
            "Please can you confirm how many council tax instalments are left this year.",
            "I would like to pay my council tax in twelve monthly instalments instead of ten.",
        ),
        "band": (
            "I believe my home is in the wrong council tax band.",
            "Could you tell me how the council tax band for my property was decided?",
            "My neighbours' houses are in band {band} but mine is in a higher band.",
            "I would like to know how to challenge the valuation band of my property.",
        ),
        "discounts": (
            "I would like to ask whether I can get a discount on my council tax now that my son has moved out.",
            "Am I eligible for a council tax exemption as a full-time student?",
            "Is there a council tax reduction for people on a low income?",
            "Please can you check whether a disability reduction applies to my council tax.",
        ),
        "arrears": (
            "I have received a council tax reminder notice but I have been paying every month.",
            "I am struggling to pay my council tax and would like to set up a payment plan.",
            "I received a summons about council tax arrears and I think there has been a mistake.",
            "Please can you tell me the balance outstanding on my council tax account.",
        ),
        "account": (
            "Please remove my former partner's name from the council tax account.",
            "Can you add my wife as a joint holder of the council tax account?",
            "I need a copy of my council tax bill for a mortgage application.",
            "Please send my council tax bills by email from now on.",
            "My council tax account still shows my old surname and I would like it changed.",
        ),
        "refunds": (  # held out
            "I think I have overpaid council tax and should be owed a refund.",
            "I moved into this property on {pastdate} and have not yet had a council tax bill.",
            "My account still shows a credit after I moved and I would like the money back.",
            "Can you confirm my council tax liability ended when I sold the house?",
        ),
    },
    "complaint": {
        "staff": (
            "I wish to make a formal complaint about the way I was treated by a member of your staff.",
            "The officer I spoke to on {pastdate} was rude and dismissive.",
            "Nobody at the customer service desk seemed willing to help me.",
            "I was given incorrect information by your contact centre on two occasions.",
        ),
        "delay": (
            "I have been waiting {weeks} weeks for a reply and nobody has got back to me.",
            "My emails of {pastdate} have gone unanswered, which is completely unacceptable.",
            "I was promised a call back within five working days and it never came.",
            "This matter has dragged on for months without any action from the council.",
        ),
        "procedure": (
            "I would like this to be dealt with under your formal complaints procedure.",
            "Please escalate my complaint to stage two, as I am not satisfied with the first response.",
            "Please treat this letter as a formal complaint and acknowledge it.",
            "I would like a written response to my complaint from a senior manager.",
        ),
        "demand": (
            "I expect a full apology and an explanation of what went wrong.",
            "I am extremely disappointed with the standard of service I have received.",
            "The way this has been handled is simply not good enough.",
            "I want to know what the council will do to make sure this never happens again.",
        ),
        "service": (
            "The fly-tipping I reported on {street} has still not been cleared, despite your promises.",
            "Your contractors left the pavement outside my house damaged and have not come back.",
            "The repair you carried out was so poor that it has made the problem worse.",
            "The information on your website was wrong and it cost me time and money.",
        ),
        "communication": (
            "Your letter of {pastdate} contained several errors and was very confusing.",
            "I was passed between four departments and nobody took responsibility for my case.",
            "The helpline never answers and I was kept on hold for over an hour.",
            "Nobody has had the courtesy to reply to me, which is disgraceful.",
        ),
        "escalation": (  # held out
            "If this is not resolved I will take the matter to the Local Government Ombudsman.",
            "I have copied this letter to my local councillor and my MP.",
            "I feel I have been let down badly by the council and I want it put right.",
            "Frankly the whole experience has been appalling from start to finish.",
        ),
    },
    "foi_request": {
        "formal": (
            "Under the Freedom of Information Act 2000, please provide the following information.",
            "I am making a request for information under the Freedom of Information Act.",
            "This is a request made under section 1 of the Freedom of Information Act 2000.",
            "Please treat this letter as a freedom of information request.",
        ),
        "counts": (
            "Please tell me how many {thing} the council recorded in {year}.",
            "How many {thing} were there in each of the last three financial years?",
            "I would like the number of {thing} for the period from {pastdate} to today.",
            "Please break the figures down by ward and by month.",
        ),
        "documents": (
            "Please send me a copy of the {doc}.",
            "I would like copies of all correspondence between the council and its contractor about the {doc}.",
            "Please provide the minutes of any meetings where the {doc} was discussed.",
            "Could you supply the risk assessment and any reports relating to the {doc}?",
        ),
        "format": (
            "I would prefer to receive the information electronically, as a spreadsheet if possible.",
            "If the cost of answering would exceed the appropriate limit, please advise me how to narrow the request.",
            "If any of the information is withheld, please tell me which exemption you rely on.",
            "Please send the information by email rather than by post.",
        ),
        "spend": (
            "How much did the council spend on {item} in the financial year {year}?",
            "Please provide the total amount paid to external consultants for {item} since {year}.",
            "What was the budget for {item} and how much of it was spent?",
            "Please list every payment over {amount} made for {item}.",
        ),
        "policies": (
            "Please provide a copy of the council's current policy on {item}.",
            "Please provide the organisation chart for the department responsible for {item}.",
            "I would like the number of staff employed on {item} as at {pastdate}.",
            "Please supply any internal guidance issued to officers about {thing}.",
        ),
        "disclosure": (  # held out
            "Under the Environmental Information Regulations, please disclose the records you hold on {item}.",
            "I ask that you release any data held by the authority about {thing}.",
            "I understand you must respond within twenty working days of receiving this.",
            "Kindly disclose the recorded information in whatever form it is held.",
        ),
    },
    "other": {
        "lights": (
            "The street light outside number {n} {street} has not worked for {weeks} weeks.",
            "Several street lamps on {street} are out and the road is very dark at night.",
            "A street light near the bus stop keeps flickering on and off.",
        ),
        "roads": (
            "There is a large pothole on {street} that is a danger to cyclists.",
            "The pavement on {street} is uneven and an elderly neighbour tripped on it.",
            "A drain on {street} is blocked and the road floods whenever it rains.",
            "The road markings near the school have worn away completely.",
        ),
        "enquiry": (
            "Could you let me know the opening times of the household recycling centre?",
            "I would like to book a bulky waste collection for an old sofa and a fridge.",
            "Do I need planning permission to build a garden wall of about two metres?",
            "Where can I find out about adult education classes at the library?",
            "I would like to register a death and do not know where to start.",
        ),
        "thanks": (
            "I am writing to thank the staff at {place} for their kindness.",
            "I wanted to say how much we enjoyed the event in {place} on {pastdate}.",
            "The team who cleared the snow on {street} did an excellent job.",
            "Please pass my thanks to everyone involved in the new play area.",
        ),
        "notice": (
            "I am writing to let you know that I have changed my telephone number.",
            "Please note that I will be away from {soondate} for three weeks.",
            "I am interested in volunteering at {place} and would like more information.",
            "Could you add me to the mailing list for the residents' newsletter?",
        ),
        "community": (
            "How do I apply for a licence to hold a street party on {street}?",
            "I would like to reserve a stall at the Christmas market in {place}.",
            "Can the council remove a wasps' nest from my garden?",
            "Is there a grant for community groups who want to improve {place}?",
        ),
        "neighbourhood": (  # held out
            "There is graffiti on the bus shelter at the end of {street}.",
            "Dog fouling in {place} has become a real problem for families.",
            "An abandoned car has been parked on {street} for over a month.",
            "Overgrown hedges are blocking the footpath along {street}.",
        ),
    },
}

#: The family of each topic that the shipped classifier never sees in training.
HELD_OUT: dict[str, str] = {topic: list(fams)[-1] for topic, fams in FAMILIES.items()}

SUBJECTS: dict[str, _S] = {
    "missed_bin": ("Missed bin collection", "Bin not emptied", "Missed collection - {street}",
                   "Waste collection", "Uncollected {bin}"),
    "council_tax_query": ("Council tax account {ref}", "Council tax query", "Query about my bill",
                          "Council tax - question", "My council tax"),
    "complaint": ("Formal complaint", "Complaint", "Complaint about service", "Unacceptable service",
                  "Stage 2 complaint"),
    "foi_request": ("Freedom of Information request", "FOI request", "Request for information",
                    "Information request - {item}"),
    "other": ("Enquiry", "{street}", "Query", "A question", "Information please"),
}

OPENINGS: _S = (
    "I am writing to you about the following matter.",
    "I hope you can help me with something.",
    "Further to my telephone call last week, I am putting this in writing.",
    "I am writing on behalf of my household.",
    "I am not sure who to send this to, so I hope it reaches the right team.",
    "I have lived at this address for {n} years and have not written to the council before.",
    "I tried to use the online form but it would not let me submit it.",
    "I am a resident of {street}.",
    "Please find my details above.",
    "",
    "",
)
ASIDES: _S = (
    "I am at home most days if anyone needs to call round.",
    "I can be reached on the telephone number below.",
    "My neighbour has had the same experience.",
    "I work shifts, so email is the best way to contact me.",
    "I have attached nothing further, but can provide more details if needed.",
    "I am registered blind, so a reply in large print would help.",
    "I am happy to be contacted by phone during the day.",
    "",
    "",
    "",
)
REF_ASIDES: _S = (
    "My council tax account number is {ref}.",
    "For reference, my council tax account is {ref}.",
    "My account reference is {ref}, in case you need it.",
    "(Council tax reference: {ref})",
)
CLOSINGS: _S = (
    "I look forward to hearing from you.",
    "Thank you for your help with this.",
    "Please reply at your earliest convenience.",
    "I would appreciate a prompt reply.",
    "Thank you in advance.",
    "",
)

_BINS = ("black bin", "general waste bin", "recycling bin", "blue bin", "green bin", "brown garden waste bin",
         "food waste caddy", "grey wheelie bin", "glass box", "recycling box")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_NTH = ("second", "third", "fourth", "fifth")
_THINGS = ("fly-tipping incidents", "parking fines issued", "complaints about noise", "potholes reported",
           "empty homes", "planning enforcement cases", "trees felled", "missed bin collections")
_DOCS = ("contract for grounds maintenance", "report on the leisure centre closure",
         "consultation responses on the town centre plan", "tender documents for waste collection",
         "policy on street trading")
_ITEMS = ("agency staff", "temporary accommodation", "road resurfacing", "consultants", "IT systems",
          "the new leisure centre", "air quality monitoring", "Christmas lights")
_PLACES = ("the library", "the leisure centre", "the town park", "the museum", "the community centre",
           "Memorial Gardens", "the market square")
_BANDS = "ABCDEFG"


def format_date(d: dt.date, rng: random.Random, yearless: bool) -> str:
    """``d`` written in one of the forms forms.md accepts, or (``yearless``) with no year."""
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    month = f"{d:%B}"
    if yearless:
        return rng.choice((f"the {d.day}{suffix} of {month}", f"{d.day}{suffix} {month}", f"{month} {d.day}{suffix}",
                           f"{d.day} {month}", f"{d.day} {month[:3]}"))
    return rng.choice((f"{d:%d/%m/%Y}", f"{d.day}/{d.month}/{d.year}", f"{d:%d-%m-%Y}", f"{d:%d.%m.%Y}",
                       f"{d.day} {month} {d.year}", f"{d.day}{suffix} {month} {d.year}",
                       f"{month} {d.day}, {d.year}", d.isoformat(), f"the {d.day}{suffix} of {month} {d.year}",
                       f"{d:%d/%m/%y}"))


def format_ref(ref: str, rng: random.Random) -> str:
    return rng.choice((ref, ref, f"CT{ref}", f"{ref[:4]} {ref[4:]}", f"{ref[:4]}-{ref[4:]}", f"CT {ref}"))


@dataclass
class LetterText:
    """The words of one letter: its topic, subject line and paragraphs, and what they quote."""

    topic: str
    subject: str
    paragraphs: list[str]
    #: ISO dates the paragraphs mention, in order (the truth's dates_mentioned).
    dates: list[str] = field(default_factory=list)
    #: The second topic of a mixed letter.
    mixed_with: str | None = None
    families: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return " ".join(p for p in self.paragraphs if p)

    @property
    def text(self) -> str:
        """What the classifier reads: subject line and body."""
        return f"{self.subject}\n{self.body}"


@dataclass
class Composer:
    """Writes letters; ``families`` is "train" (no held-out family), "held_out" (only those) or "all"."""

    rng: random.Random
    families: str = "all"

    def _families(self, topic: str) -> list[str]:
        names = list(FAMILIES[topic])
        if self.families == "train":
            return [n for n in names if n != HELD_OUT[topic]]
        if self.families == "held_out":
            return [HELD_OUT[topic]]
        return names

    def letter(self, topic: str, letter_date: dt.date, *, ref: str | None = None, street: str | None = None,
               dated: bool = True, mixed_with: str | None = None, phone: str | None = None) -> LetterText:
        """A letter about ``topic`` written on ``letter_date``.

        ``ref`` (a council tax reference) is quoted when given; ``dated`` says
        whether the reader will know the letter's date (only then are dates
        written without a year); ``mixed_with`` adds as much about a second topic.
        """
        rng = self.rng
        self._dates: list[str] = []
        self._letter_date, self._dated = letter_date, dated
        self._ref = ref
        self._street = street or f"{rng.choice(words.STREET_STEMS)} {rng.choice(words.STREET_SUFFIXES)}"
        self._slots = {"bin": rng.choice(_BINS), "day": rng.choice(_DAYS), "thing": rng.choice(_THINGS),
                       "doc": rng.choice(_DOCS), "item": rng.choice(_ITEMS), "place": rng.choice(_PLACES)}
        used: list[str] = []
        n_topic = rng.randint(2, 4)
        main = self._topic_sentences(topic, n_topic, used)
        extra: list[str] = []
        if mixed_with:
            extra = self._topic_sentences(mixed_with, n_topic, used)
            main, extra = self._interleave(main, extra)
        subjects = [s for s in SUBJECTS[topic] if ref or "{ref}" not in s]
        subject = self._fill(rng.choice(subjects), subject=True)
        opening = self._fill(rng.choice(OPENINGS))
        paragraphs = []
        first = [opening, *main[: max(1, len(main) // 2)]] if opening else main[: max(1, len(main) // 2)]
        paragraphs.append(" ".join(s for s in first if s))
        rest = main[max(1, len(main) // 2):] + extra
        if ref:
            rest.append(self._fill(rng.choice(REF_ASIDES)))
        aside = self._fill(rng.choice(ASIDES))
        if aside:
            rest.append(aside)
        if rest:
            paragraphs.append(" ".join(rest))
        closing = self._fill(rng.choice(CLOSINGS))
        if closing:
            paragraphs.append(closing)
        return LetterText(topic, subject, [p for p in paragraphs if p], list(self._dates), mixed_with, used)

    def _interleave(self, a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
        merged = [s for pair in zip(a, b, strict=False) for s in pair] + a[len(b):] + b[len(a):]
        half = len(merged) // 2
        return merged[:half], merged[half:]

    def _topic_sentences(self, topic: str, n: int, used: list[str]) -> list[str]:
        rng = self.rng
        fams = self._families(topic)
        chosen = rng.sample(fams, min(len(fams), rng.randint(1, 3)))
        out = []
        pool = [(f, s) for f in chosen for s in FAMILIES[topic][f]]
        for fam, template in rng.sample(pool, min(n, len(pool))):
            used.append(f"{topic}.{fam}")
            out.append(self._fill(template))
        return out

    def _fill(self, template: str, subject: bool = False) -> str:
        """Fill a template's slots; dates are recorded as they are written (not in subject lines)."""
        rng = self.rng
        out = template
        while "{" in out:
            start = out.index("{")
            end = out.index("}", start)
            slot = out[start + 1:end]
            out = out[:start] + self._slot(slot, subject) + out[end + 1:]
        if rng.random() < 0.05 and not subject:
            out = out.replace(" and ", " & ", 1)
        return out

    def _slot(self, slot: str, subject: bool) -> str:
        rng = self.rng
        if slot in self._slots:
            return self._slots[slot]
        if slot in ("pastdate", "soondate", "date"):
            if slot == "soondate":
                d = self._letter_date + dt.timedelta(days=rng.randint(2, 20))
            else:
                d = self._letter_date - dt.timedelta(days=rng.randint(1, 200))
            self._dates.append(d.isoformat())
            return format_date(d, rng, yearless=self._dated and rng.random() < 0.35)
        if slot == "street":
            return self._street
        if slot == "ref":
            return format_ref(self._ref, rng) if self._ref else "my account"
        if slot == "n":
            return str(rng.randint(2, 60))
        if slot == "weeks":
            return str(rng.randint(2, 9))
        if slot == "nth":
            return rng.choice(_NTH) if rng.random() < 0.5 else f"{rng.randint(1, 28)}"
        if slot == "amount":
            return f"£{rng.randint(20, 1900)}.{rng.randint(0, 99):02d}"
        if slot == "year":
            return str(self._letter_date.year - rng.randint(0, 3))
        if slot == "band":
            return rng.choice(_BANDS)
        raise KeyError(slot)
