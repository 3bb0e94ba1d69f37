"""Label/answer pairs on a page, whatever the form: the reader that knows no form type.

It finds every place where a form asks something and the page (or a fillable
box) answers it, without knowing any field: which field a pair fills is the
next step's business (:mod:`extractors.assign`). ``formwork extract FILE
--pairs`` shows what it finds, so real forms of any kind can judge it.

How a page is read:

1. **Segments.** Each line's phrases are cut where a form separates a label
   from its answer: a leader of dots or a rule ("Surname ........ Jones"), a
   colon ("Postcode: NR1 3QU"), and a change of type between two runs of words
   ("Surname" in the form's font, "JONES" in a typewriter face). A question's
   number ("2a.") is taken off its text. Characters written one per box are
   already one phrase (:mod:`extractors.document`); Day / Month / Year boxes
   become one date.
2. **Roles.** Each segment is judged as a label (it ends with a colon or a
   question mark, has a leader after it, is numbered, is set in the form's own
   type, or is small text in the top corner of a box) or as an answer (set in
   the type answers are in, after a leader, shaped like a date, postcode,
   email or reference). The type answers are in is worked out per document:
   the style of the segments that look like values and sit where answers go.
3. **Pairing.** Each answer takes the best label among: the segment before it
   on its line; the nearest label above it (label above the box); the small
   caption under its answer line; the label in the top corner of the box it is
   in. An answer's next lines join it (a wrapped answer, an address on several
   lines), also across a page break when the next page goes on with it.
4. **Tables**, **fillable fields** (their tooltip or the printed label nearest
   the box; check boxes and radio buttons give the text printed beside the one
   ticked) and **printed tick boxes** ("☒ Moving out", an X in a small square)
   give pairs of their own.

Every pair carries the section heading it is under and where it is (the
letterhead, the body, an "office use only" box), for the field assignment to
weigh; ``score`` says how sure the reader is that label and answer belong
together.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from extractors.document import EMPTY_BOX_GLYPHS, Box, Document, Line, PageContent, Phrase, Style, Widget, Word
from extractors.meaning import ideas_in, main_roles
from formwork import normalise as norm

__all__ = ["Pair", "Segment", "find_pairs", "segments_of", "form_title"]


# --------------------------------------------------------------------------- the result


@dataclass
class Pair:
    """A label and the answer the form gives to it."""

    page: int
    label: str
    label_box: Box | None
    answer: str  # the answer's lines joined by "\n"
    answer_box: Box
    score: float
    #: How label and answer were found together: beside, below, caption, box, table, header, widget, choice, tick.
    how: str
    #: The nearest section heading above (for a bare "Postcode" under "Your new address").
    section: str = ""
    #: letterhead (above the form's title on page 1), body, footer or office (an "office use only" part).
    zone: str = "body"
    #: The AcroForm field it came from, if any.
    widget: str | None = None
    #: The answer, one line a string (an address written over several lines).
    lines: list[str] = field(default_factory=list)
    #: Labels of a group this answer was chosen from ("Please tick one" → the options printed).
    options: tuple[str, ...] = ()
    #: For a fillable box named or described apart from the page: the label printed beside it.
    printed: str = ""

    def to_dict(self) -> dict[str, Any]:
        def box(b: Box | None) -> list[float] | None:
            return [round(b.x0, 1), round(b.top, 1), round(b.x1, 1), round(b.bottom, 1)] if b else None

        return {"page": self.page, "label": self.label, "label_box": box(self.label_box), "answer": self.answer,
                "answer_box": box(self.answer_box), "score": round(self.score, 3), "how": self.how,
                "section": self.section, "zone": self.zone, **({"widget": self.widget} if self.widget else {})}


# --------------------------------------------------------------------------- segments


@dataclass
class Segment:
    """A run of words on one line that is one thing: a label, an answer, a heading, guidance."""

    words: list[Word]
    text: str
    page: int
    line: int  # index of its line on the page
    colon: bool = False  # the text ended with a colon (taken off)
    question: bool = False  # the text ends with a question mark
    leader_after: bool = False
    leader_before: bool = False
    number: str | None = None  # "2a": the question's number (taken off the text)
    comb: bool = False  # characters written one per box
    starred: bool = False  # marked required with an asterisk (taken off)
    helps: bool = False  # a forms designer's help line, in a lighter ink under its question
    label_score: float = 0.0
    answer_score: float = 0.0
    used: bool = False

    @cached_property
    def box(self) -> Box:
        return Box.around(w.box for w in self.words)

    @cached_property
    def style(self) -> Style | None:
        counts = Counter(w.style for w in self.words if w.style is not None)
        return counts.most_common(1)[0][0] if counts else None

    @cached_property
    def height(self) -> float:
        return max(w.box.height for w in self.words)

    def set_words(self, words: list[Word]) -> None:
        """Replace the words (a tick box's mark taken off the front), forgetting what was worked out from them."""
        self.words = words
        self.text = " ".join(w.text for w in words)
        for name in ("box", "style", "height"):
            self.__dict__.pop(name, None)


_LEADER_WORD = re.compile(r"^(?:[.\u2026_\u00b7\u2022\u2013\u2014-]{3,}|={3,})$")  # (a rule typed in "=" too)
_LEADER_IN_WORD = re.compile(r"[.\u2026_\u00b7]{3,}")
#: One or two dots of a leader set a space apart (". . . ."), or its closing colon.
_LEADER_DOT = re.compile(r"^[.\u2026_\u00b7]{1,2}:?$")
#: A question's number as a word of its own: "2a.", "Q3)", "iv.", "2.1" (a number with a stop inside needs none after).
_NUMBERED = re.compile(r"^(?:Q\.?\s?)?(\d{1,2}\.\d{1,2}[a-z]?|\d{1,2}[a-z]?(?=[.):])|[a-z](?=[.):])"
                       r"|[ivx]{1,4}(?=[.):]))[.):]?$", re.I)
_TIME = re.compile(r"^\d{1,2}:\d{2}")
#: A question's number written "Q10" or "Q 10", with no stop after it.
_Q_NUMBER = re.compile(r"Q\.?\s?(\d{1,2}[a-z]?)[.):]?")
#: A question's number with no stop after it, set in one run with the question ("10 Postcode").
_BARE_NUMBER = re.compile(r"^\d{1,2}[a-z]?\s+[A-Z][a-z]")


def _numbered(seg: Segment) -> bool:
    """A question with its number: taken off its text ("2a."), or set in one run with it ("10 Postcode")."""
    return bool(seg.number) or _BARE_NUMBER.match(seg.text) is not None


def _phrase_words(phrase: Phrase) -> list[Word]:
    if phrase.joined is not None and phrase.words:
        # Characters one per box: one word of the joined text.
        b = phrase.box
        return [Word(phrase.joined, b, phrase.words[0].style)]
    return list(phrase.words)


def _spaced_leaders_joined(words: list[Word]) -> list[Word]:
    """A leader set as dots a space apart (". . . . . :") as one leader word, so it cuts like "......"."""
    out: list[Word] = []
    run: list[Word] = []

    def flush() -> None:
        if len(run) >= 3:
            b = run[0].box
            out.append(Word("." * len(run), Box(b.page, b.x0, b.top, run[-1].box.x1, b.bottom), run[0].style))
        else:
            out.extend(run)
        run.clear()

    for w in words:
        if _LEADER_DOT.match(w.text):
            run.append(w)
            continue
        flush()
        if w.text == ":" and out and _LEADER_WORD.match(out[-1].text):
            continue  # the colon that ends a leader: the leader says it already
        out.append(w)
    flush()
    return out


def _split_leaders(words: list[Word]) -> list[tuple[list[Word], bool, bool]]:
    """Words cut at leaders: (words, leader before, leader after) for each run."""
    words = _spaced_leaders_joined(words)
    runs: list[tuple[list[Word], bool, bool]] = []
    current: list[Word] = []
    leader_before = False
    for n, w in enumerate(words):
        text = w.text
        if text in {"-", "\u2013", "\u2014"} and current and n + 1 < len(words) \
                and words[n + 1].box.x0 - w.box.x1 > 2 * max(w.box.height, 4):
            runs.append((current, leader_before, True))  # "Account number -        4568-9079"
            current = []
            leader_before = True
            continue
        if text in {"-", "\u2013", "\u2014"} and current and n + 1 == len(words):
            runs.append((current, leader_before, True))  # a label ending "-" with its answer beyond the phrase
            current = []
            continue
        if _LEADER_WORD.match(text):
            if current:
                runs.append((current, leader_before, True))
                current = []
            leader_before = True
            continue
        m = _LEADER_IN_WORD.search(text)
        if m and (m.start() > 0 or m.end() < len(text)):
            head, tail = text[: m.start()], text[m.end():]
            width = w.box.x1 - w.box.x0
            n = max(len(text), 1)
            if head:
                current.append(Word(head, Box(w.box.page, w.box.x0, w.box.top, w.box.x0 + width * len(head) / n,
                                              w.box.bottom), w.style))
            if current:
                runs.append((current, leader_before, True))
                current = []
            leader_before = True
            if tail == ":":
                continue  # "TRANSACTION ........: MOVE OUT": the colon that ends the leader says it already
            if tail:
                current.append(Word(tail, Box(w.box.page, w.box.x1 - width * len(tail) / n, w.box.top, w.box.x1,
                                              w.box.bottom), w.style))
            continue
        if m:  # the whole word is a leader with a dot or two of something else
            if current:
                runs.append((current, leader_before, True))
                current = []
            leader_before = True
            continue
        current.append(w)
    if current:
        runs.append((current, leader_before, False))
    return runs


def _after_closed_leader(words: list[Word], run: list[Word]) -> bool:
    """Whether ``run`` comes right after a leader that ends in a colon ("TRANSACTION ........: MOVE OUT")."""
    before = [w for w in words if w.box.x1 <= run[0].box.x0 + 0.5] if run else []
    if not before:
        return False
    last = before[-1].text
    return bool(re.search(r"[.\u2026_\u00b7]{2}:$", last)) or (
        last == ":" and len(before) > 1 and bool(_LEADER_WORD.match(before[-2].text)))


def _same_style(a: Style | None, b: Style | None) -> bool:
    if a is None or b is None:
        return True
    return a.font == b.font and abs(a.size - b.size) < 0.6 and a.colour == b.colour


def _split_style(words: list[Word]) -> list[list[Word]]:
    """Cut where the type changes between two runs, when one run is plainly another kind of text.

    "Surname" (form) then "JONES" (typewriter) is two things, however close; "Cyfeiriad / Address" in bold
    and roman is one label, so a change of weight alone inside a family does not cut.
    """
    if len(words) < 2:
        return [words]
    out = [[words[0]]]
    for prev, w in itertools.pairwise(words):
        a, b = prev.style, w.style
        differs = a is not None and b is not None and (
            a.family != b.family or abs(a.size - b.size) >= 1.0 or a.colour != b.colour)
        # (typed in a monospace type right after a printed label, a space apart: "Name of applicant Tanya")
        typed = a is not None and b is not None and a.family != b.family and a.monospace != b.monospace
        gap = w.box.x0 - prev.box.x1
        if differs and (gap > 0.8 * max(prev.box.height, 4) or (typed and gap > 0.2 * max(prev.box.height, 4))) \
                and w.text not in {"/", "|"} and prev.text not in {"/", "|"}:
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _initial_and_surname(words: list[Word]) -> bool:
    """"H. Lloyd", "J. Smith": a name with its initial (a signature), not part H of a form asking "Lloyd"."""
    return len(words) == 2 and re.fullmatch(r"[A-Z]\.", words[0].text) is not None \
        and re.fullmatch(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?", words[1].text) is not None \
        and not names_a_field(words[1].text)


def _make_segment(words: list[Word], page: int, line: int, leader_before: bool, leader_after: bool,
                  comb: bool) -> Segment | None:
    words = [w for w in words if w.text.strip()]
    if not words:
        return None
    number = None
    if len(words) >= 2 and _NUMBERED.match(words[0].text) and not comb and not _initial_and_surname(words):
        number = _NUMBERED.match(words[0].text)[1]  # type: ignore[index]
        words = words[1:]
    elif len(words) >= 2 and (q := _Q_NUMBER.fullmatch(words[0].text)) and not comb \
            and re.match(r"[A-Za-z]", words[1].text):
        number, words = q[1], words[1:]  # "Q10 A phone number we can reach you on"
    elif len(words) >= 2 and not comb and _bold_number(words[0].text, words[0].style) \
            and words[1].style is not None and not words[1].style.bold and re.match(r"[A-Za-z]", words[1].text):
        number, words = words[0].text, words[1:]  # "14 Date": a question's bare number in bold before its words
    text = " ".join(w.text for w in words).strip()
    if comb and re.fullmatch(r"\d{1,2} \d{1,2} (?:\d{4}|\d{2})", text):
        text = text.replace(" ", "/")  # Day, Month and Year boxes in one row
    colon = False
    if text.endswith(":") and not _TIME.match(text):
        colon, text = True, text[:-1].rstrip()
    elif len(words) <= 6 and _ABBREVIATION_STOP.match(words[-1].text):
        colon = True  # "Account no." ends a label as a colon would
    starred = False
    if len(text) > 2 and (text[0] == "*" or text[-1] == "*") and re.search(r"[A-Za-z]{2}", text):
        starred, text = True, text.strip("* ")  # "* Your full name", "Date *": a required question
        if text.endswith(":") and not _TIME.match(text):
            colon, text = True, text[:-1].rstrip()
    elif re.search(r"(?:[A-Za-z]{2}|\?)\s*\*\s+\(.*\)$", text):
        starred, text = True, re.sub(r"\s*\*\s+\(", " (", text, count=1)  # "Account number * (8 digits, ...)"
    # (a question with its hint after it in one run: "What is your account reference? It is on your bill.")
    # (or with an aside in brackets after it: "Which permit zone do you live in? (shown on the zone signs)")
    question = text.endswith("?") or bool(re.match(r"^[^?]{3,}\?\s+(?:[A-Z][^?]{3,120}\.|\([^?]{3,120}\))$", text))
    if not text:
        return None
    return Segment(words, text, page, line, colon=colon, question=question, leader_after=leader_after,
                   leader_before=leader_before, number=number, comb=comb, starred=starred)


def segments_of(page: PageContent) -> list[Segment]:
    """The page's segments, line by line, left to right."""
    out: list[Segment] = []
    for i, line in enumerate(page.lines):
        line_segments: list[Segment] = []
        for phrase in line.phrases:
            comb = phrase.joined is not None
            words = _phrase_words(phrase)
            for run, before, after in _split_leaders(words):
                pieces: list[tuple[list[Word], bool]] = []
                # (after a leader closed by its colon, "CASE NOTES ....: CUST STATES: HE LEFT", all is the answer)
                parts = [(run, False)] if before and _after_closed_leader(words, run) else _split_colon(run)
                for part, is_label in parts:
                    split = [part] if comb else _split_style(part)
                    pieces += [(piece, is_label and n == len(split) - 1) for n, piece in enumerate(split)]
                for n, (piece, is_label) in enumerate(pieces):
                    seg = _make_segment(piece, page.number, i, before and n == 0, after and n == len(pieces) - 1,
                                        comb)
                    if seg is None:
                        if line_segments and "".join(w.text for w in piece).strip() == ":":
                            line_segments[-1].colon = True  # "CONTACT TEL     :", the colon set a column apart
                        continue
                    seg.colon = seg.colon or is_label
                    line_segments.append(seg)
        line_segments = _numbers_joined(_postcode_halves(_dates_in_boxes(_date_guide_joined(line_segments))))
        if out and out[-1].line == i - 1:
            line_segments = _dates_under_captions([s for s in out if s.line == i - 1], line_segments, page.rects)
        out.extend(line_segments)
    _fix_leader_flags(out)
    return out


_PART_CAPTION = re.compile(r"^(?:day|dd|month|mm|year|yyyy|yy)$", re.I)


def _dates_under_captions(above: list[Segment], line: list[Segment], rects: Sequence[Box] = ()) -> list[Segment]:
    """A date written in three columns, each under its caption on the line above ("DAY | MONTH | YEAR" over
    "02 | 07 | 2026", as far apart as the form's columns): one date, not three answers. (Each in a box of its
    own with its caption, the boxes are read as labelled boxes, and their dates joined then.)"""
    captions = [s for s in above if _PART_CAPTION.match(s.text)]
    for k in range(len(captions) - 2):
        d, m, y = captions[k:k + 3]
        if [c.text.lower()[:1] for c in (d, m, y)] != ["d", "m", "y"]:
            continue
        # (the day's caption may end its question's: "DATE SIGNED: DAY" over the day written under it all)
        lead = next((s for s in above if s.colon and 0 <= d.box.x0 - s.box.x1 <= 10), None)
        starts = [(d.box.x0, *([lead.box.x0] if lead is not None else [])), (m.box.x0,), (y.box.x0,)]
        under = [next((s for s in line if any(abs(s.box.x0 - x) <= 8 for x in xs) and s.box.top > d.box.top), None)
                 for xs in starts]
        if any(u is None for u in under):
            continue
        day, month, year = (u.text.strip() for u in under if u is not None)
        worded = month.lower().rstrip(".") in norm.MONTH_ALIASES
        if not (day.isdigit() and 1 <= int(day) <= 31 and (worded or (month.isdigit() and 1 <= int(month) <= 12))
                and re.fullmatch(r"(?:19|20)\d\d", year)):
            continue
        parts = [u for u in under if u is not None]
        if any(_inside(parts[0].box, r) and not _inside(parts[2].box, r) for r in rects):
            continue
        words = [w for u in parts for w in u.words]
        joined = Word((" " if worded else "/").join((day, month, year)), Box.around(w.box for w in words),
                      words[0].style)
        seg = Segment([joined], joined.text, parts[0].page, parts[0].line, comb=True)
        return [seg if s is parts[0] else s for s in line if s is not parts[1] and s is not parts[2]]
    return line


def _bold_number(text: str, style: Style | None) -> bool:
    """A bare number in bold ("6", "14"): a question's number, where what follows it asks the question."""
    return style is not None and style.bold and re.fullmatch(r"\d{1,2}[a-z]?", text) is not None


def _numbers_joined(line: list[Segment]) -> list[Segment]:
    """A question's number set apart at the start of its line ("3a.     Postcode") belongs to the question."""
    if len(line) >= 2 and _NUMBERED.match(line[0].text + ("." if line[0].colon else "")) \
            and re.search(r"[A-Za-z]{2}", line[1].text) and not line[1].comb:
        m = _NUMBERED.match(line[0].text + ("." if line[0].colon else ""))
        line[1].number = line[1].number or (m[1] if m else line[0].text)
        return line[1:]
    if len(line) < 2:
        return line
    first, rest = line[0], line[1:]
    if (q := _Q_NUMBER.fullmatch(first.text)) and re.search(r"[A-Za-z]{2}", rest[0].text) \
            and not rest[0].comb and rest[0].box.x0 > first.box.x1:
        rest[0].number = rest[0].number or q[1]  # "Q2   Your full name": the question's number
        return rest
    if _bold_number(first.text, first.style) and rest[0].text[:1].isupper() and not rest[0].comb \
            and rest[0].box.x0 - first.box.x1 >= 0.8 * first.height \
            and (rest[0].text.rstrip().endswith(("?", ".")) or len(rest[0].text.split()) >= 5):
        # (a question or a request; "1  About you" in a badge is a part's heading and keeps its number apart)
        rest[0].number = rest[0].number or first.text  # "6   Please tell us ...": a bare number in bold, set apart
        return rest
    return line


_GUIDE_LETTERS = re.compile(r"d{1,2}m{1,2}(?:y{4}|y{2})", re.I)


def _date_guide_joined(line: list[Segment]) -> list[Segment]:
    """"D D M M Y Y Y Y", a letter printed small in each of a date's boxes, is one guide to writing the date
    (the line of it, letters apart, would otherwise read as eight answers or a label)."""
    def letters(run: list[Segment]) -> str:
        return "".join(s.text for s in run).replace("/", "").replace(" ", "")

    # (the run of them may share its line with a caption: "Signature of applicant   D D M M Y Y Y Y")
    small = [k for k, s in enumerate(line) if re.fullmatch(r"[DMYdmy/ ]{1,8}", s.text) and not s.colon]
    for start in small:
        end = start
        while end + 1 < len(line) and end + 1 in small:
            end += 1
        run = line[start:end + 1]
        if len(run) >= 2 and _GUIDE_LETTERS.fullmatch(letters(run)):
            words = [w for s in run for w in s.words]
            joined = Segment(words, " ".join(w.text for w in words), line[0].page, line[0].line)
            return [*line[:start], joined, *line[end + 1:]]
    return line


_DATE_PIECE = re.compile(r"[\d\s/.-]+")
_SPLIT_DATE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:\d{4}|\d{2})")


def _dates_in_boxes(line: list[Segment]) -> list[Segment]:
    """Day, month and year written in boxes of their own ("2 9 | 0 7 | 2 0 2 6") as one date."""
    out: list[Segment] = []
    k = 0
    while k < len(line):
        # (the separators printed with the day and month, the year in a wider box of its own: "20 / 10 /" "2026")
        for n in (2, 3):
            run = line[k:k + n]
            text = " ".join(x.text for x in run)
            if len(run) == n and all(_DATE_PIECE.fullmatch(x.text) for x in run) and _SPLIT_DATE.fullmatch(text) \
                    and all(b.box.x0 - a.box.x1 < 40 for a, b in itertools.pairwise(run)):
                day, month, year = re.findall(r"\d+", text)
                words = [w for x in run for w in x.words]
                joined = Word(f"{day}/{month}/{year}", Box.around(w.box for w in words), words[0].style)
                out.append(Segment([joined], joined.text, run[0].page, run[0].line, comb=True))
                k += n
                break
        else:
            joined = None
        if joined is not None:
            continue
        # (a separator printed between the boxes, "[06] / [11] / [2026]", is no part of the answer)
        spaced = len(line) >= k + 5 and all(line[k + i].text in {"/", "-", ".", "\u2013"} for i in (1, 3))
        trio = line[k: k + 5: 2] if spaced else line[k: k + 3]
        # (the month may be written as a word on a line of its own, wider than the day's: "13 | September | 2026")
        worded = len(trio) == 3 and not spaced and trio[1].text.lower().rstrip(".") in norm.MONTH_ALIASES \
            and trio[0].text.isdigit() and len(trio[2].text) == 4 and trio[2].text.isdigit()
        # (a day, a month and a year of this century in boxes of their own, however widely the boxes are set)
        dated = len(trio) == 3 and all(s.text.isdigit() for s in trio) and 1 <= int(trio[0].text) <= 31 \
            and 1 <= int(trio[1].text) <= 12 and re.fullmatch(r"(?:19|20)\d\d", trio[2].text) is not None
        if len(trio) == 3 and (worded or all(s.text.isdigit() for s in trio)) \
                and all(s.comb or len(s.text) <= 4 or (s is trio[1] and worded) for s in trio) \
                and len(trio[0].text) <= 2 and (worded or len(trio[1].text) <= 2) and len(trio[2].text) in (2, 4) \
                and all(b.box.x0 - a.box.x1 < (max(40.0, 5 * a.height) if worded or dated else 40)
                        for a, b in itertools.pairwise(trio)):
            words = [w for s in trio for w in s.words]
            joined = Word((" " if worded else "/").join(s.text for s in trio), words[0].box.union(words[-1].box),
                          words[0].style)
            out.append(Segment([joined], joined.text, trio[0].page, trio[0].line, comb=True))
            k += 5 if spaced else 3
            continue
        out.append(line[k])
        k += 1
    return out


_OUTWARD = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?", re.I)
_INWARD = re.compile(r"[0-9][A-Z]{2}", re.I)


def _postcode_halves(line: list[Segment]) -> list[Segment]:
    """A postcode typed with a wide space between its halves ("PR2     4DD", the gap of a column in a typewriter
    face) is one answer."""
    out: list[Segment] = []
    k = 0
    while k < len(line):
        pair = line[k: k + 2]
        if len(pair) == 2 and _OUTWARD.fullmatch(pair[0].text) and _INWARD.fullmatch(pair[1].text) \
                and _same_style(pair[0].style, pair[1].style) and not pair[0].colon \
                and pair[1].box.x0 - pair[0].box.x1 < 6 * max(pair[0].height, 6):
            words = [*pair[0].words, *pair[1].words]
            seg = Segment(words, f"{pair[0].text} {pair[1].text}", pair[0].page, pair[0].line, comb=pair[0].comb)
            out.append(seg)
            k += 2
            continue
        out.append(line[k])
        k += 1
    return out


_ABBREVIATION_STOP = re.compile(r"^(?:no|ref|num|nr|tel|reg|acc|acct|a/c)\.$", re.I)


def _split_colon(words: list[Word]) -> list[tuple[list[Word], bool]]:
    """"Postcode: NR1 3QU" as one run: the label (flagged) and the value. An abbreviation's full stop
    ends a label as a colon would ("Reg. no. LH70 NHS", "Account no. 4077 6479")."""
    for k, w in enumerate(words[:-1]):
        rest = words[k + 1:]
        if w.text.endswith("?") and 1 <= k + 1 <= 16 and not rest[0].text.startswith(("/", "|", "(")) \
                and not rest[-1].text.endswith("?") and (rest[0].box.x0 - w.box.x1 > 0.6 * w.box.height
                                                         or not _same_style(w.style, rest[0].style)):
            return [(words[: k + 1], False), (words[k + 1:], False)]  # "Who has moved out?  Jonathan Bishop"
        if _ABBREVIATION_STOP.match(w.text) and k < 6 and not _ABBREVIATION_STOP.match(words[k + 1].text) \
                and "".join(x.text for x in rest).strip("* ") \
                and not any(x.text.endswith(":") for x in rest[:4]) \
                and not re.match(r"(?:&|and\b|or\b|/)", rest[0].text, re.I):  # ("Tel. no.:"; "No. & street")
            label = words[: k + 1]
            return [(label, True), (words[k + 1:], False)]
        if w.text.endswith(":") and not _TIME.match(w.text) and k < 12 and not w.text.startswith("http") \
                and sum(x.text.count("(") - x.text.count(")") for x in words[: k + 1]) <= 0:  # "(if so: ...)"
            label = words[: k + 1]
            last = label[-1]
            label[-1] = Word(last.text[:-1], last.box, last.style) if len(last.text) > 1 else last
            return [(label, True), (words[k + 1:], False)]
    return [(words, False)]


def _by_page_line(segments: Iterable[Segment]) -> dict[tuple[int, int], list[Segment]]:
    """Segments by their page and line, in reading order on each line."""
    by_line: dict[tuple[int, int], list[Segment]] = {}
    for s in segments:
        by_line.setdefault((s.page, s.line), []).append(s)
    return by_line


def _fix_leader_flags(segments: list[Segment]) -> None:
    """A segment right after a leader on its line has a leader before it."""
    by_line = _by_page_line(segments)
    for segs in by_line.values():
        for a, b in itertools.pairwise(segs):
            if a.leader_after:
                b.leader_before = True
            elif b.leader_before and not a.leader_after:
                a.leader_after = True


# --------------------------------------------------------------------------- roles

_POSTCODE_SHAPE = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
_VALUE_SHAPES = (
    re.compile(r"^\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}$"),  # dates
    re.compile(rf"^\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{norm._MONTH_RE})\.?,?\s+\d{{4}}$", re.I),
    re.compile(rf"^(?:{norm._MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}$", re.I),
    re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    re.compile(rf"^{_POSTCODE_SHAPE}$", re.I),  # postcodes
    re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"),  # emails
    re.compile(r"^(?:\+44\s?|\(?0)[\d\s()-]{8,15}$"),  # phone numbers
    re.compile(r"^(?:CT\s*)?\d{4}[\s-]?\d{4}$", re.I),  # council tax references
    re.compile(r"^[A-Z]{2}\d{2}\s?[A-Z]{3}$", re.I),  # registrations
)
#: A part of a form and its number or letter: "Part 2", "Section B", "Rhan 3", "Step IV".
_PART = r"(?:part|section|step|adran|rhan)\s+(?:[A-Z]|\d{1,2}[a-z]?|[IVX]{1,4})"
_HEADING = re.compile(rf"^{_PART}\b", re.I)
#: A part's number and title in a line's second language: "Y symud / Part 1: The move".
_TITLED_PART = re.compile(rf"/\s*{_PART}\s*[:.\u2013\u2014-]", re.I)
def names_a_field(text: str) -> bool:
    """A few words that name a field ("Account number", "Their new address, if known", "Title"): no digits,
    no value, the words of a label. Where they are not written in the answers' type, they are the form's."""
    text = text.strip()
    if any(c.isdigit() for c in text) or len(text.split()) > 7 or _value_like(text):
        return False
    ideas = {k: v for k, v in ideas_in(text).items() if k not in _ANSWER_IDEAS}
    return max(ideas.values(), default=0.0) >= 0.9


#: Ideas an answer's own words may carry ("Zone B", "Town Hall"): no sign that the words are a label.
_ANSWER_IDEAS = frozenset({"zone", "address_more", "move_type"})
#: Words of the form's own printing that are never an answer by themselves.
_PROMPTS = re.compile(r"^(?:please\s+)?(?:tick|cross|mark|select|choose|circle)(?:\s+(?:one|a|an|the|all|any|this|"
                      r"these|box|boxes|as|which|if|your|x|only|below|here|to|from|with|where|whichever)\b.*)?$|^(?:day|month|year|dd|mm|yyyy|yy)$"
                      r"|^(?:dydd|diwrnod|mis|blwyddyn|dd|mm|bbbb)\s*/\s*(?:day|month|year|dd|mm|yyyy)$"
                      r"|^(?:d\s?d|d)\s*[/ .-]?\s*m\s?m\s*[/ .-]?\s*(?:y\s?y\s?y\s?y|y\s?y)$"  # "DD MM YYYY" over boxes
                      r"|^\(.*\)$", re.I)


_HAS_POSTCODE = re.compile(rf"\b{_POSTCODE_SHAPE}\b", re.I)
#: A note telling the citizen how to answer, never an answer: "If nobody has left, leave blank".
_INSTRUCTION = re.compile(r"\bleave\s+(?:this\s+|it\s+|the\s+box\s+)?blank\b|\bdo\s+not\s+(?:write|fill)\b", re.I)


def _prompt(text: str) -> bool:
    """A guide to marking or writing an answer ("Tick one", "DD MM YYYY", "(if known)"), but not a caption in
    brackets that names what is written over it ("(full name of applicant)", "(postcode)")."""
    if not _PROMPTS.match(text):
        return False
    inner = text.strip()
    if not (inner.startswith("(") and inner.endswith(")")):
        return True
    inner = inner[1:-1]
    if any(c.isdigit() for c in inner) or len(inner.split()) > 12 or _value_like(inner):
        return True
    return max(ideas_in(inner).values(), default=0.0) < 0.9  # ("(permit zone)", "(signature of applicant)" too)


def _value_like(text: str) -> bool:
    t = text.strip()
    return any(p.match(t) for p in _VALUE_SHAPES)


def _family(style: Style) -> str:
    """A font's family, whatever its weight or slant: "Times" of "Times-Italic"."""
    return style.font.split("-")[0].split(",")[0].lower()


def _is_sentence(seg: Segment) -> bool:
    # A bilingual label ("Dyddiad y daethoch yn unig oedolyn / Date you became the only adult") is two short
    # phrases, not a sentence: its length is its longer half's.
    # (an aside aside: in brackets, or after a dash: "Council Tax account number – printed on your bill")
    n = max(len(re.split(r"\s[\u2013\u2014-]\s", re.sub(r"\(.*?\)", "", part))[0].split())
            for part in seg.text.split(" / "))
    return n >= 12 or (n >= 6 and seg.text.rstrip().endswith((".", "!")))


@dataclass
class _Styles:
    """Which types a document's answers are set in, worked out from the document itself."""

    answer: set[Style]
    form: set[Style]
    #: The size labels are set in (the commonest among the form's own types).
    label_size: float = 0.0
    #: Types that stand right over values again and again: labels, however bold or big ("Date of your move"
    #: in bold over "22/09/2026", where the small print of a receipt's header ends in colons).
    over_values: set[Style] = field(default_factory=set)

    def is_answer(self, style: Style | None) -> bool:
        return style is not None and style in self.answer

    def is_form(self, style: Style | None) -> bool:
        return style is not None and style in self.form


def _styles(segments: Sequence[Segment]) -> _Styles:
    label_votes: Counter[Style] = Counter()
    answer_votes: Counter[Style] = Counter()
    words: Counter[Style] = Counter()
    for s in segments:
        st = s.style
        if st is None:
            continue
        words[st] += len(s.words)
        if s.colon or s.question or s.leader_after or s.number:
            label_votes[st] += 1
        if s.leader_before or _value_like(s.text):
            answer_votes[st] += 1
    answer = {st for st, n in answer_votes.items() if n >= 2 and n > 1.5 * label_votes[st]}
    # The form's own type: most of its words, and every type labels are set in.
    form = {st for st, n in label_votes.items() if n >= 2 and st not in answer}
    if words:
        top = words.most_common(1)[0][0]
        if top not in answer:
            form.add(top)
    if len(answer) > 3 or answer == set(words):
        answer = set()  # no one type for answers: the page's type tells nothing
    sized = Counter({st.size: n for st, n in label_votes.items()})
    label_size = sized.most_common(1)[0][0] if sized else 0.0
    by_line = _by_page_line(segments)
    over: Counter[Style] = Counter()
    for v in segments:
        if not _value_like(v.text):
            continue
        for s in by_line.get((v.page, v.line - 1), []):
            if s.style is not None and s.style != v.style and abs(s.box.x0 - v.box.x0) <= 20 \
                    and 0 <= v.box.top - s.box.bottom <= 1.5 * max(s.height, 6.0) and not _value_like(s.text):
                over[s.style] += 1
    over_values = {st for st, n in over.items() if n >= 3 and st not in answer}
    return _Styles(answer, form, label_size, over_values)


def _typed(st: Style, styles: _Styles) -> bool:
    """Set in a monospace font where the form's own printing is not: typed in, an answer's type."""
    return st.monospace and not any(f.monospace for f in styles.form)


def _judge(seg: Segment, styles: _Styles) -> None:
    label = 0.0
    answer = 0.0
    text = seg.text
    if seg.colon or seg.leader_after:
        label += 0.8
    if seg.question:
        label += 0.8
    if seg.number:
        label += 0.6
    if seg.starred:
        label += 0.6
    st = seg.style
    if st is not None and _typed(st, styles):
        answer += 0.4  # typed in: the form's own printing is not monospace
        label -= 0.3
    if styles.is_form(seg.style) and styles.answer:
        label += 0.25
        answer -= 0.3  # the answers have a type of their own, and this is the form's
    if styles.is_answer(seg.style):
        answer += 0.8
        label -= 0.5

    if seg.leader_before:
        answer += 0.6
    if _value_like(text):
        answer += 0.6
        label -= 0.6
    if seg.comb:
        answer += 0.7
        label -= 0.7
    if _is_sentence(seg) and not seg.question:
        label -= 0.7
    if _HEADING.match(text) or _TITLED_PART.search(text) or _PROMPTS.match(text) or _INSTRUCTION.search(text) \
            or _NOTE_CAPTION.fullmatch(text):
        answer -= 1.0  # (nor is "Note", the caption of guidance printed between a question and its boxes)
    if text.count(")") > text.count("(") and text[:1].islower() and not _value_like(text):
        answer -= 0.8  # the end of an aside begun on the line above ("ymlaen)"): the rest of a label
    if st is not None and st.bold and styles.label_size and st.size >= styles.label_size + 1 \
            and not styles.is_answer(st) and not _typed(st, styles) and st not in styles.over_values:
        answer -= 0.8  # a heading: bolder and bigger than the labels
        label -= 0.3
    if text.startswith("(") and text.endswith(")") and len(text.split()) > 4 and not _prompt(text):
        label += 0.45  # "(address of the dwelling for which the discount is claimed)": a caption in brackets,
        # however long, that names what is written over it
    if not seg.colon and not seg.question and len(text.split()) <= 8 and not _value_like(text):
        label += 0.2  # short printed text: a label as likely as anything
        if st is not None and not st.bold and (not styles.label_size or st.size <= styles.label_size) \
                and not styles.is_answer(st) \
                and not styles.is_form(st) and names_a_field(text):
            label += 0.25  # words that name a field in a second printed type ("Postcode" in small print under
            # an answer line, where the form's other labels are larger): as much a label as the form's own
    seg.label_score, seg.answer_score = label, answer


# --------------------------------------------------------------------------- finding pairs on a page


def _overlap_x(a: Box, b: Box) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _inside(inner: Box, outer: Box, slack: float = 2.0) -> bool:
    return (inner.page == outer.page and inner.x0 >= outer.x0 - slack and inner.x1 <= outer.x1 + slack
            and inner.top >= outer.top - slack and inner.bottom <= outer.bottom + slack)


@dataclass
class _Link:
    label: Segment
    answer: Segment
    score: float
    how: str


class _PageReader:
    """The pairs of one page (tables, widgets and tick boxes are read by the document reader)."""

    def __init__(self, page: PageContent, segments: list[Segment], styles: _Styles, skip: list[Box]) -> None:
        self.page = page
        self.segments = [s for s in segments if not any(_inside(s.box, b) for b in skip)]
        self.styles = styles
        self.by_line: dict[int, list[Segment]] = {}
        for s in self.segments:
            self.by_line.setdefault(s.line, []).append(s)
        self.boxes = [r for r in page.rects if (r.x1 - r.x0) > 30 and r.height > 10]
        #: The way of setting a label against its answer this page does not use, where it plainly uses the
        #: other: "below" (label over the answer) on a page of captions under answers, or the reverse.
        self.unlike: str | None = None
        #: Drawn panels of notes: a tall box holding lines of running text and nothing in the answers' type.
        self.panels = [r for r in self.boxes if self._notes_panel(r)]

    def _notes_panel(self, box: Box) -> bool:
        if box.height < 80:
            return False
        inside = [s for s in self.segments if _inside(s.box, box)]
        if len(inside) < 5:
            return False
        if any(self.styles.is_answer(s.style) or _typed(s.style, self.styles) for s in inside if s.style):
            return False
        running = [s for s in inside if len(s.text.split()) >= 5 and not (s.colon or s.question)]
        # (by lines, or by words: a column of guidance under short headings, its sentences wrapped onto short
        # lines ("are not counted."), is mostly running text though most of its lines are short)
        words = sum(len(s.text.split()) for s in inside)
        return len(running) >= 0.6 * len(inside) or sum(len(s.text.split()) for s in running) >= 0.6 * words

    def _in_panel(self, seg: Segment) -> Box | None:
        return next((p for p in self.panels if _inside(seg.box, p)), None)

    def box_labels(self) -> None:
        """Small text in the top corner of a drawn box, over bigger text in it: the box's label."""
        for box in self.boxes:
            inside = [s for s in self.segments if _inside(s.box, box)]
            if len(inside) < 2:
                continue
            top = min(inside, key=lambda s: (s.box.top, s.box.x0))
            rest = [s for s in inside if s is not top and s.box.top >= top.box.bottom - 1]
            if not rest or top.box.top - box.top > 2.5 * top.height or top.box.x0 - box.x0 > 30:
                continue
            if top.style is not None and all(s.style is not None and s.style.size >= top.style.size + 0.5
                                             for s in rest):
                top.label_score += 0.6
                top.answer_score -= 0.6
    def _labels_between(self, lab: Segment, ans: Segment) -> bool:
        """Whether labels of another column stand between a label and an answer far to its right, on the
        lines around theirs (a form in two columns: the answer is the other column's)."""
        above: set[int] = set()
        below: set[int] = set()
        for j in range(lab.line - 6, lab.line + 7):
            for s in self.by_line.get(j, []):
                if s is not lab and s.label_score >= 0.75 and s.style == lab.style \
                        and lab.box.x1 + 20 < s.box.x0 < ans.box.x0 - 10:
                    column = round(s.box.x0 / 4)
                    if j == lab.line:
                        return True
                    (above if j < lab.line else below).add(column)
        return bool(above & below)  # labels set like this one, in a column of their own over and under this line

    def _gap_to_next(self, seg: Segment) -> float | None:
        """The space under a segment to the next thing in its column: text, or an answer line of its own
        (not the rule it is written on)."""
        gaps = [r.top - seg.box.bottom for r in self.page.rules
                if _overlap_x(r, seg.box) > 0 and r.top > seg.box.bottom + 0.5 * max(seg.height, 6.0)]
        for j in range(seg.line + 1, seg.line + 4):
            below = [s for s in self.by_line.get(j, []) if _overlap_x(s.box, seg.box) > 0]
            if below:
                gaps.append(min(s.box.top for s in below) - seg.box.bottom)
                break
        return min(gaps) if gaps else None

    def _ruled_down_to(self, ab: Box, top: float, lh: float) -> bool:
        """Whether an answer is written on a rule (or the first of a stack of rules, an answer given room
        for more lines) and text at ``top`` is printed just under the last of them."""
        # (a rule through the foot of the answer's box counts: a hand's descenders cross the line it is on)
        rules = sorted((r for r in self.page.rules if _overlap_x(r, ab) > 0
                        and min(ab.bottom - 3, ab.top + 0.6 * ab.height) <= r.top < top), key=lambda r: r.top)
        if not rules or rules[0].top > ab.bottom + 0.8 * lh:
            return False
        last = rules[0].top
        step: float | None = None  # (writing lines evenly spaced, however widely: 22 points under 10.5-point type)
        for r in rules[1:]:
            gap = r.top - last
            if gap > 2.0 * lh and not (gap <= 2.6 * lh and (step is None or abs(gap - step) <= 0.2 * step)):
                break
            step, last = step or gap, r.top
        return top - last <= 1.4 * lh

    def _small_print_under(self, ans: Segment) -> bool:
        """Whether the next text under an answer, in its column, is smaller print than it: a caption, not the
        next question."""
        for j in range(ans.line + 1, ans.line + 3):
            below = [s for s in self.by_line.get(j, []) if _overlap_x(s.box, ans.box) > 0]
            if below and all(_prompt(s.text) for s in below):
                return False  # "DD MM YYYY" under a date's boxes: a guide to writing it, no caption
            if below:
                first = min(below, key=lambda s: s.box.x0)
                if first.number is not None:
                    return False  # "2.2 Title" under the account number's boxes: the next question, numbered
                return first.style is None or ans.style is None or first.style.size < ans.style.size - 0.4
        return False

    def _on_rule(self, seg: Segment) -> bool:
        """Whether a segment is written on a rule (an answer line right under it)."""
        b = seg.box
        return any(b.bottom - 3 <= r.top <= b.bottom + 0.5 * max(seg.height, 6.0) and _overlap_x(r, b) > 0
                   for r in self.page.rules)

    def _caption_of_above(self, lab: Segment, gap_below: float | None) -> bool:
        """Whether a label reads as the caption of the answer over it rather than the label of what is
        under it (nearness decides, as the eye does): text sits on a rule right over the label, and the
        label is much nearer that text than the next text down."""
        if gap_below is None:
            return False
        lb = lab.box
        lh = max(lab.height, 6.0)
        # A rule right over the label with nothing written on it: the caption of an answer left blank.
        rule_top = max((r.top for r in self.page.rules if 0 <= lb.top - r.top <= 1.5 * lh and _overlap_x(r, lb) > 0),
                       default=None)
        if rule_top is not None and gap_below > 2 * (lb.top - rule_top) and not any(
                _overlap_x(s.box, lb) > 0 and s.box.bottom <= rule_top + 3
                and rule_top - s.box.bottom < 1.2 * max(s.height, 6.0) for s in self.segments if s is not lab):
            return True
        for j in range(lab.line - 1, max(-1, lab.line - 3), -1):
            above = [s for s in self.by_line.get(j, []) if _overlap_x(s.box, lb) > 0 or abs(s.box.x0 - lb.x0) < 25]
            if not above:
                continue
            over = max(above, key=lambda s: s.box.bottom)
            gap_above = lb.top - over.box.bottom
            on_rule = any(over.box.bottom - 3 <= r.top <= lb.top + 1 and _overlap_x(r, over.box) > 0
                          and _overlap_x(r, lb) > 0 for r in self.page.rules)
            smaller = lab.style is None or over.style is None or lab.style.size < over.style.size - 0.4
            return on_rule and over.style != lab.style and smaller and gap_above < 0.75 * gap_below
        return False

    def _box_below(self, label: Segment) -> Box | None:
        """A drawn answer box right under a label, or level with it on its right (the label's own box,
        filled or empty)."""
        lb = label.box
        lh = max(label.height, 6.0)
        for r in self.boxes:
            if lb.bottom - 3 <= r.top <= lb.bottom + 1.6 * lh and _overlap_x(r, lb) > 0 and r.x0 >= lb.x0 - 15:
                if self._heading_band(r):
                    continue  # the next part's title on a shaded band, not an answer box
                return r
            if r.top - 2 <= lb.middle <= r.bottom + 2 and 0 <= r.x0 - lb.x1 < 200 and not _inside(lb, r) \
                    and r.height <= 8 * lh:  # (a panel of notes beside the form is no answer box)
                return r
        return None

    def _heading_band(self, box: Box) -> bool:
        """A drawn box one line of print fills, with no answer in it ("Rhan 3 Yr hen gyfeiriad / Part 3 Address
        you are leaving" on a shaded band): no room left to write in."""
        inside = [s for s in self.segments if _inside(s.box, box)]
        return bool(inside) and all(s.answer_score < 0 for s in inside) \
            and box.height <= 2.2 * max(s.height for s in inside)

    def _box_of(self, seg: Segment) -> Box | None:
        """The smallest drawn box around a segment."""
        found = [r for r in self.boxes if _inside(seg.box, r)]
        return min(found, key=lambda r: (r.x1 - r.x0) * r.height) if found else None

    def links(self) -> list[_Link]:
        out: list[_Link] = []
        for seg in self.segments:
            if seg.answer_score < -0.2 or (seg.label_score >= 0.75 and seg.answer_score <= 0.2):
                continue  # a label or a heading, never an answer
            if not any(c.isalnum() for c in seg.text):
                continue  # the full stop after a blank filled in: punctuation answers nothing
            st = seg.style
            if st is not None and st.bold and self.styles.label_size and st.size >= self.styles.label_size + 1.5 \
                    and not self.styles.is_answer(st) and not _typed(st, self.styles):
                continue
            if st is not None and st.bold and self.styles.answer and not self.styles.is_answer(st) \
                    and not _typed(st, self.styles) and seg.text.isupper() and len(seg.text.split()) >= 2:
                continue  # "PREVIOUS ADDRESS" in bold capitals, where the answers have a type of their own: a heading
            if st is not None and self.styles.answer and not self.styles.is_answer(st) \
                    and st.size < min(a.size for a in self.styles.answer) - 0.4 and not _value_like(seg.text) \
                    and (not self.styles.label_size or st.size <= self.styles.label_size + 1.5) \
                    and not self._beside_smaller_label(seg) \
                    and (_LETTERED.match(seg.text) or (
                        (_is_sentence(seg) or seg.text.rstrip().endswith("."))
                        and (_family(st) not in {_family(a) for a in self.styles.answer}
                             or _lightness(st) >= max(_lightness(a) for a in self.styles.answer) + 0.2))):
                continue  # smaller than every answer, worded as a hint or a lettered part ("(a) House number")
                # (and no bigger than the labels: a sentence typed larger than them is written in)
                # (but not beside its label in type a point or more smaller: a sentence typed in answer to "What has
                # changed?")
            if self._badge(seg) or self._hint(seg) \
                    or (_LETTERED.match(seg.text) and seg.label_score >= seg.answer_score):
                continue  # a question's number, the hint in small print under a question, its part "(a) Name"
            best = self._best_label(seg)
            if best is not None:
                out.append(best)
        return out

    def _printed_over(self, seg: Segment) -> bool:
        """Words on the page right over ``seg``, from its left edge, in its type at its line spacing (whether
        or not another reading took them: the option text of a tick box)."""
        h = max(seg.height, 6.0)
        size = seg.style.size if seg.style is not None else None
        for line in self.page.lines:
            if not 0 <= seg.box.top - line.box.bottom <= 1.3 * h:
                continue
            for ph in line.phrases:
                sizes = {w.style.size for w in ph.words if w.style is not None}
                if abs(ph.box.x0 - seg.box.x0) <= 6 and (size is None or size in sizes):
                    return True
        return False

    def _beside_smaller_label(self, seg: Segment) -> bool:
        """``seg`` follows a label on its line set a point or more smaller than it: typed in, not a hint."""
        before = [s for s in self.by_line.get(seg.line, []) if s.box.x1 <= seg.box.x0 + 1]
        if not before or seg.style is None:
            return False
        label = max(before, key=lambda s: s.box.x1)
        return label.style is not None and label.label_score > label.answer_score \
            and label.style.size <= seg.style.size - 0.9

    def _badge(self, seg: Segment) -> bool:
        """"9" in bold just before "Model" on its line: the next question's number, not an answer."""
        st = seg.style
        if st is None or not st.bold or not re.fullmatch(r"\d{1,2}[a-z]?", seg.text):
            return False
        line = self.by_line.get(seg.line, [])
        k = line.index(seg)
        return k + 1 < len(line) and 0 <= line[k + 1].box.x0 - seg.box.x1 < 3 * max(seg.height, 6.0) \
            and re.search(r"[A-Za-z]{2}", line[k + 1].text) is not None and line[k + 1].label_score > 0

    def _level_label_between(self, lab: Segment, ans: Segment) -> bool:
        """A label on the line over or under ``ans``, level with it and right before it, after ``lab``: the
        answer's own column's label, where ``lab`` is the other column's."""
        ab = ans.box
        return any(s.box.x0 > lab.box.x1 + 20 and s.box.x1 <= ab.x0 + 2 and ab.x0 - s.box.x1 < 60
                   and s.box.top < ab.bottom and s.box.bottom > ab.top and s.label_score > s.answer_score
                   for j in (ans.line - 1, ans.line + 1) for s in self.by_line.get(j, []))

    def _candidates(self, ans: Segment) -> Iterator[_Link]:
        line = self.by_line.get(ans.line, [])
        k = line.index(ans)
        ab = ans.box
        lh = max(ans.height, 6.0)
        # 1. Beside: the segment before it on its line (but "CT" printed alone before the boxes of an account
        # number asked over them: part of the answer's boxes, not its label).
        if k > 0 and not (k == 1 and ans.comb and re.fullmatch(r"[A-Z]{1,3}", line[0].text.strip())
                          and 0 <= ab.x0 - line[0].box.x1 < 2 * lh):
            lab = line[k - 1]
            if k >= 2 and re.fullmatch(r"\(.*\)", lab.text.strip()) and lab.box.x0 - line[k - 2].box.x1 < 15:
                lab = line[k - 2]  # "Council Tax account no. (if known)": the label is before its aside
            elif k >= 2 and re.fullmatch(r"[A-Z]{1,3}", lab.text.strip()) and re.search(r"[a-z]{3}", line[k - 2].text) \
                    and line[k - 2].label_score > line[k - 2].answer_score:
                lab = line[k - 2]  # "CT" printed before the account number's boxes: part of the answer's box,
                # the label is the question before it ("Council tax account number   CT [6 1 0 7 4 1 6 2]")
            if self._closes_aside(lab) and (opener := next(self._right_over(lab, 4), None)) is not None \
                    and not any(opener.box.x1 < s.box.x0 < ab.x1 for s in self.by_line.get(opener.line, [])):
                lab = opener  # "Date of move (the date you get / give up" over "the keys)", the date level with
                # the second line and nothing level with the first (in this column): the label starts above
            elif k == 1 and re.fullmatch(r"\([^()]*\)", lab.text.strip()) \
                    and (asked := next((s for s in self._right_over(lab, 4) if s.question), None)) is not None \
                    and not any(asked.box.x1 < s.box.x0 < ab.x1 for s in self.by_line.get(asked.line, [])):
                lab = asked  # "Does anyone aged 18 or over still live with you?" over "(Yes / No) ....: No": the
                # answer is the question's, its options in brackets on the line under it
            gap = ab.x0 - lab.box.x1
            base = 0.9 if (lab.colon or lab.leader_after or ans.leader_before) else 0.75
            if base < 0.9 and lab.style is not None and ans.style is not None and lab.style != ans.style:
                base = 0.85  # set apart by type: "Council Tax reference number" in bold, its answer in roman
            if not (lab.colon or lab.leader_after or lab.question) and gap < 0.5 * lh and _same_style(lab.style,
                                                                                                      ans.style):
                base = 0.3  # words of one run with no gap: a phrase cut in two, not a pair
            if gap > 280:
                base *= 0.6
            if gap > 150 and self._labels_between(lab, ans):
                base = 0.0  # across the other column's labels: an answer of the column beyond
            elif gap > 100 and self._level_label_between(lab, ans):
                base *= 0.4  # the other column's text, where a label in the answer's own column is level with it
                # though a hair off its line ("14 Date" beside "16/11/2026", set in a bigger type)
            if self._on_rule(lab) and self._on_rule(ans) and not any(
                    r.x0 <= lab.box.x0 + 2 and r.x1 >= ab.x1 - 2 and ab.bottom - 3 <= r.top <= ab.bottom + 0.5 * lh
                    for r in self.page.rules):
                base *= 0.5  # each written on a line of its own: two answers side by side (signature, date)
            if gap > 3 * lh and not (lab.colon or lab.leader_after or lab.question or lab.number) \
                    and not names_a_field(lab.text) and not self.styles.is_form(lab.style) \
                    and self._labelled_above(lab):
                base *= 0.5  # "H. Lloyd" written under "Signature", level with the date written under "Date"
            yield _Link(lab, ans, base, "beside")
        # 1a. Beside it, though not on its line: a label of two lines (Welsh over English) with the answer
        # box level with the pair of them, or an answer written a little above or below the label's baseline.
        # (or with a column's width between it and what comes before it on its line: the other column's)
        after = line[k - 1].box.x1 if k > 0 and (ab.x0 - line[k - 1].box.x1 > 150 or (
            ab.x0 - line[k - 1].box.x1 > 100 and self._level_label_between(line[k - 1], ans))) else None
        if k == 0 or after is not None:
            near = [s for j in range(ans.line - 2, ans.line + 3) if j != ans.line for s in self.by_line.get(j, [])
                    if s.box.x1 <= ab.x0 + 2 and ab.x0 - s.box.x1 < 250 and (after is None or s.box.x0 > after)
                    and abs(s.box.middle - ab.middle) <= 1.1 * max(s.height, lh)
                    and s.box.top < ab.bottom and s.box.bottom > ab.top]  # (level: a caption wholly under
            # the answer's line, "Phone no." under a blank beside "E-mail" under the e-mail address, is not)
            if near and not self._carries_on(ans):  # (not the second line of an answer level with the second
                # line of its label: "... and now" / "lives at the address given above.")
                right_most = max(s.box.x1 for s in near)
                level = [s for s in near if s.box.x1 >= right_most - 150]
                lab = min(level, key=lambda s: (s.box.top, s.box.x0))
                base = 0.8 if lab.style is not None and ans.style is not None and lab.style != ans.style else 0.7
                if ab.x0 - lab.box.x1 < 3 * lh and abs(lab.box.middle - ab.middle) < 0.5 * lh:
                    base += 0.1  # right beside it and level with it, a hair off its line: nearer than any over it
                yield _Link(lab, ans, base, "beside")
        # 1b. Right of its box: an answer box with its label printed after it ("[61 Walnut Lane]  House
        # number and street"), the label ending the line.
        box = self._box_of(ans)
        if k + 1 < len(line) and box is not None:
            lab = line[k + 1]
            if lab.box.x0 >= box.x1 - 1 and lab.box.x0 - box.x1 < 40 and k + 2 == len(line) \
                    and not self._answered_below(lab):
                yield _Link(lab, ans, 0.85, "right")  # (not a label of the next column, over its own answer)
        # 2. In a drawn box, under the small label in its top corner.
        if box is not None:
            for lab in self.segments:
                if lab is ans or lab.line >= ans.line or not _inside(lab.box, box):
                    continue
                if _same_style(lab.style, ans.style) and lab.answer_score > lab.label_score:
                    continue  # the answer's own first line, in its cell of a table ("36 Victoria Terrace" over
                    # "BQ2 9SU"), not a label in the box's corner
                if any(s.box.x0 > lab.box.x1 and _inside(s.box, box) and s.answer_score > s.label_score
                       and _same_style(s.style, ans.style) for s in self.by_line.get(lab.line, [])):
                    continue  # answered beside, in the box's row ("Your address   69 St Anne's Road" over
                    # "Quenby"): the lines under are that answer's, not the box's under its label
                if _HEADING.match(lab.text):
                    continue  # "Part 2 DETAILS OF THE CHANGE" at the top of the part's frame heads its questions
                if lab.box.top - box.top < 2.5 * lab.height and lab.box.x0 - box.x0 < 40:
                    # (printed in neither the answers' type nor as a value, where the answers have a type of
                    # their own: the second line of a label of two, "Teitl" over "Title" in a cell of labels)
                    printed = bool(self.styles.answer) and ans.style is not None \
                        and not self.styles.is_answer(ans.style) and not _typed(ans.style, self.styles) \
                        and not _value_like(ans.text) and not ans.comb
                    yield _Link(lab, ans, 0.25 if printed else 0.95, "box")
        # 3. Above: the nearest label over it, in its column.
        hints = 0  # lines of small print between the question and its answer, part of the question
        hint_top: float | None = None
        for j in range(ans.line - 1, max(-1, ans.line - 5), -1):
            above = self.by_line.get(j, [])
            if not above:
                continue
            if len(above) > 1 and _NOTE_CAPTION.fullmatch(above[0].text.strip()):
                above = above[1:]  # "Note" before guidance printed between the question and its boxes: a hint
            # (ended as a sentence, or printed in a grey lighter than the answer's: "For example, 27 3 2026")
            if all(s.label_score < 0 and _is_sentence(s) and s.style is not None and ans.style is not None
                   and (s.text.rstrip().endswith(".") or _lightness(s.style) >= _lightness(ans.style) + 0.2)
                   and s.style.size < ans.style.size - 0.4
                   for s in above if _overlap_x(s.box, ab) > 0) and any(
                    _overlap_x(s.box, ab) > 0 for s in above):
                # a hint under the question ("It is eight digits long."): the question is above it
                if (hint_top or ab.top) - max(s.box.bottom for s in above) > 2.6 * lh + 6:
                    break  # (a paragraph far over the answer is no hint of its question)
                if hint_top is None:
                    hints += 1  # (a sentence's lines count as one hint)
                hint_top = min(s.box.top for s in above)
                continue
            if all(self._hint(s) for s in above if _overlap_x(s.box, ab) > 0) and any(
                    _overlap_x(s.box, ab) > 0 for s in above):
                hints += 1  # a hint in small italics, or the "Day Month Year" over a date's boxes
                hint_top = min(s.box.top for s in above)
                continue
            above = [s for s in above if _overlap_x(s.box, ab) > 0 or -20 <= ab.x0 - s.box.x0 <= 60
                     or 0 <= s.box.x0 - ab.x0 <= 30]
            if not above:
                continue  # only another column's text on that line
            gap = ab.top - max(s.box.bottom for s in above)
            if gap > 2.6 * lh + 6 and (hint_top is None or hint_top - max(s.box.bottom for s in above) > 2.6 * lh + 6):
                break  # (far over the answer, and not right over its hint)
            for lab in above:
                lb = lab.box
                column = _overlap_x(lb, ab) > 0 or -20 <= ab.x0 - lb.x0 <= 60 or 0 <= lb.x0 - ab.x0 <= 30
                if not column:
                    continue
                others = [s for s in above if s is not lab and _overlap_x(s.box, ab) > _overlap_x(lb, ab)]
                if others:
                    continue
                own = self._box_below(lab)
                if own is not None and not _inside(ab, own, 3.0) and not (
                        ans.comb and _overlap_x(own, ab) > 0 and own.top - 3 <= ab.top and ab.bottom <= own.bottom + 3):
                    continue  # the label's own box is empty: this is something further down (but a date written
                    # in three boxes, the year's among them, is in it)
                # (the gap that counts is the question's own, down to its hint, when it has one)
                own_gap = gap if hint_top is None else max(0.0, hint_top - lb.bottom) + 0.5 * lh
                # (lines between that hold only another column's text do not count)
                between = sum(1 for i in range(j + 1, ans.line) if any(
                    _overlap_x(x.box, ab) > 0 or _overlap_x(x.box, lb) > 0 for x in self.by_line.get(i, [])))
                score = 0.85 - 0.05 * (between - hints) - 0.1 * max(0.0, own_gap / lh - 1.2)
                if own is not None:
                    score = max(score, 0.9)
                if lab.style is not None and ans.style is not None and lab.style.size >= ans.style.size + 2.5:
                    score -= 0.25  # a heading over the answer's part of the form, not its label
                if lab.style is not None and ans.style is not None and ans.style.bold and not lab.style.italic \
                        and ans.style.size >= lab.style.size + 1.5 and not self.styles.is_answer(ans.style) \
                        and ans.answer_score <= 0.3 and not ans.comb and not _value_like(ans.text):
                    score -= 0.4  # the next part's heading, bolder and bigger than the question left blank
                numbered = lab.number is not None and lab.style is not None and ans.style is not None \
                    and lab.style.size <= ans.style.size + 0.5  # (not a numbered part's heading over small print)
                if not numbered and self._caption_of_above(lab, own_gap):
                    score -= 0.3  # printed under the rule of the answer above it, and nearer that than this
                    # (a numbered question, "9. Postcode" just under question 8's box, asks its own)
                elif (under := self._gap_to_next(ans)) is not None and under < 0.6 * own_gap and self._on_rule(ans) \
                        and self._small_print_under(ans):
                    score -= 0.45  # the answer sits on a rule with its caption just under: nearer than this
                if k > 0 and line[k - 1].label_score > line[k - 1].answer_score \
                        and 0 <= ab.x0 - line[k - 1].box.x1 < 4 * lh:
                    score -= 0.15  # labelled on its own line, right before it ("Postcode AV4 8TJ")
                yield _Link(lab, ans, score, "below")
            break  # only the nearest line with anything in the answer's column
        # 4. A caption under the answer's line ("Full name" printed under the rule).
        past_guide = False
        for j in range(ans.line + 1, ans.line + 3):
            below = self.by_line.get(j, [])
            # (only what is under the answer: a note in another column may sit higher on the line)
            under_it = [s for s in below if _overlap_x(s.box, ab) > 0 or abs(s.box.x0 - ab.x0) < 25]
            if not under_it or all(_prompt(s.text) for s in under_it):
                past_guide = past_guide or bool(under_it)
                if not under_it and any(s.answer_score >= 0.8 for s in below):
                    break  # a line of other answers in between ("Town Westleigh ... Postcode SH11 6BX"): what is
                    # under that is no caption of this answer
                continue  # (a guide to writing it, "D D M M YYYY", between the date and its caption)
            gap = min(s.box.top for s in under_it) - ab.bottom
            rule = self._ruled_down_to(ab, min(s.box.top for s in under_it), lh)
            if not rule and (box := self._box_of(ans)) is not None:
                # (written at the top of a box of several lines, the box's caption under its foot)
                rule = 0 <= min(s.box.top for s in under_it) - box.bottom < 1.2 * lh
            if gap > 2.2 * lh and not rule:
                break  # (an answer given lines of room has its caption under the last of them)
            for lab in below:
                if (own := self._box_below(lab)) is not None and self.unlike != "below" \
                        and not (own.top - lab.box.bottom > lab.box.top - ab.bottom
                                 and (ans.comb or self._box_of(ans) is not None)):
                    continue  # a label over a box of its own, not a caption (unless the box the answer is written in
                    # is nearer, or the page captions its answers: a form of boxes captioned under them, "10 Quay
                    # Street" boxed over "Address")
                if past_guide and self.unlike != "below" and (nxt := self._gap_to_next(lab)) is not None \
                        and nxt < lab.box.top - ab.bottom:
                    continue  # under the date's guide, and nearer what is under it: the next question's label (but on
                    # a page that captions its answers, the date's caption)
                if any(x.box.x0 >= lab.box.x1 - 1 and _is_sentence(x) for x in below):
                    continue  # "What happens next: we aim to ...": the run-in heading of a paragraph
                own_box = self._box_of(lab)
                if own_box is not None and lab.box.top - own_box.top < 2.5 * lab.height:
                    continue  # the label in the top corner of a box of its own
                smaller = ans.style is not None and lab.style is not None and lab.style.size < ans.style.size - 0.4
                under = _overlap_x(lab.box, ab) > 0 or abs(lab.box.x0 - ab.x0) < 25
                no_bigger = lab.style is None or ans.style is None or lab.style.size <= ans.style.size + 0.2
                if under and rule and (smaller or (self.styles.is_form(lab.style) and no_bigger)):
                    score = 0.8 if smaller else 0.65
                    if lab.question or lab.starred or (_numbered(lab) and lab.label_score > lab.answer_score):
                        if self._carries_on(ans) and not (smaller and self.unlike == "below"):
                            continue  # the next question under an answer's last line ("4. Telephone" under a
                            # postcode on the address's fourth line): not that line's caption (on a page that
                            # captions its answers in small print, "In your own words, what changed?" is)
                        score -= 0.2  # a question (asked, marked required or numbered) comes before its answer
                    if self._caption_of_above(lab, self._gap_to_next(lab)):
                        score += 0.12  # nearer this answer's rule than anything under it: its caption
                    if lab.colon and not _ABBREVIATION_STOP.match(lab.text.split()[-1]):
                        score -= 0.3  # "Signature:" asks for what comes after it, not for the line over it (but
                        # "Council Tax account no." ends in an abbreviation, no colon)
                    yield _Link(lab, ans, score, "caption")
            break

    def _labelled_above(self, seg: Segment) -> bool:
        """A label printed right over ``seg``, from about its left edge: ``seg`` is that label's answer."""
        h = max(seg.height, 6.0)
        return any(s.label_score > s.answer_score and s.style is not None and seg.style is not None
                   and s.style.size < seg.style.size  # (smaller than what is written under it: no heading)
                   and (_overlap_x(s.box, seg.box) > 0 or abs(s.box.x0 - seg.box.x0) < 25)
                   and 0 <= seg.box.top - s.box.bottom <= 2.5 * h
                   and not any(x.box.x0 >= s.box.x1 and x.answer_score > 0.3 for x in self.by_line.get(j, []))
                   for j in (seg.line - 1, seg.line - 2) for s in self.by_line.get(j, []))
        # (not the row above's label, answered beside it: "Council Tax account number  6169 4107")

    def _carries_on(self, seg: Segment, spacing: float = 1.3) -> bool:
        """``seg`` is a line of a longer answer: right under another in its type, where it starts, at most
        ``spacing`` of a line's height below it (small print beside it in another column may come between,
        on a line of its own)."""
        for j in (seg.line - 1, seg.line - 2):
            for s in self.by_line.get(j, []):
                if abs(s.box.x0 - seg.box.x0) <= 6 and _same_style(s.style, seg.style) \
                        and seg.box.top - s.box.bottom <= spacing * max(s.height, 6) \
                        and s.answer_score > s.label_score:
                    return True
        return False

    def _second_line_of_cell(self, lab: Segment) -> bool:
        """``lab`` is the second line of a label in a drawn cell: right under another line of it (which may
        begin with the question's number), in the same cell."""
        cell = _cell(self, lab)
        if cell is None:
            return False
        for j in (lab.line - 1, lab.line - 2):
            for s in self.by_line.get(j, []):
                if s.box.x0 <= lab.box.x0 + 3 and s.box.x1 > lab.box.x0 \
                        and 0 <= lab.box.top - s.box.bottom <= 1.2 * max(s.height, 6.0) and _cell(self, s) == cell:
                    return True
        return False

    def _answered_below(self, lab: Segment) -> bool:
        """An answer is written right under ``lab``, from its left edge: a label set over its answer."""
        return any(abs(s.box.x0 - lab.box.x0) <= 8 and s.answer_score > max(0.6, s.label_score)
                   and 0 <= s.box.top - lab.box.bottom <= 1.5 * max(lab.height, 6.0)
                   for j in (lab.line + 1, lab.line + 2) for s in self.by_line.get(j, []))

    def _answered_beside(self, lab: Segment) -> bool:
        """An answer is typed right of ``lab`` on its line, in the answers' type, with no label between
        ("Name of the adult who left / Enw'r oedolyn a adawodd   Mohammed Yilmaz")."""
        return self._answered_on_line(lab, lambda s: s.answer_score > max(0.3, s.label_score)
                                      and self.styles.is_answer(s.style))

    def _answered_level(self, lab: Segment) -> bool:
        """A value is written level with ``lab``, right of it, with no other label between (a date in the
        signature's column across the page, after "Signed" and "Date", is not ``lab``'s)."""
        return self._answered_on_line(lab, lambda s: _value_like(s.text))

    def _answered_on_line(self, lab: Segment, answers: Callable[[Segment], bool]) -> bool:
        """The first segment right of ``lab`` on its line that ``answers`` says is an answer is ``lab``'s: no
        other label stands between them."""
        line = self.by_line.get(lab.line, [])
        for s in line:
            if s.box.x0 > lab.box.x1 and answers(s):
                return not any(lab.box.x1 <= t.box.x0 and t.box.x1 <= s.box.x0 + 1 and t is not s
                               and t.label_score > t.answer_score for t in line)
        return False

    def _right_over(self, seg: Segment, dx: float) -> Iterator[Segment]:
        """What is printed on the two lines over ``seg``, from its left edge (within ``dx``), at most a line's
        height and a fifth above it."""
        for j in (seg.line - 1, seg.line - 2):
            for s in self.by_line.get(j, []):
                if abs(s.box.x0 - seg.box.x0) <= dx and 0 <= seg.box.top - s.box.bottom <= 1.2 * max(s.height, 6.0):
                    yield s

    def _closes_aside(self, seg: Segment) -> bool:
        """``seg`` closes a bracket opened on the line above it, from the same left edge: the rest of a label."""
        if seg.text.count(")") <= seg.text.count("(") or not seg.text[:1].islower():
            return False
        return any(s.text.count("(") > s.text.count(")") for s in self._right_over(seg, 4))

    def _captioned_above(self, ans: Segment) -> bool:
        """A label in small print right over ``ans``, from its left edge ("Title" over "Mx" in its box): the
        answer is that label's, not a label's level with it further left."""
        if ans.style is None:
            return False
        size = ans.style.size
        return any(s.style is not None and s.style.size < size - 1 and s.label_score > s.answer_score
                   and not _is_sentence(s) and not _prompt(s.text) for s in self._right_over(ans, 6))
        # (a guide to writing it, "DD MM YYYY" over a date's boxes, is no label)

    def _wraps_label_above(self, lab: Segment) -> bool:
        """``lab`` carries on the label right over it ("Address of the property you are claiming" / "for"):
        it starts in lower case, from the same left edge, a line under it."""
        return lab.text[:1].islower() and any(s.label_score > s.answer_score for s in self._right_over(lab, 3))

    def _second_language(self, lab: Segment, ans: Segment) -> bool:
        """``lab`` is a label's second language ("What has changed?" under "Beth sydd wedi newid?" in bold),
        and the line above it has the first line of ``ans``'s answer beside it."""
        return any(s.style is not None and s.style != lab.style and s.label_score > s.answer_score and any(
            a.box.x0 > s.box.x1 and abs(a.box.x0 - ans.box.x0) <= 6 and _same_style(a.style, ans.style)
            for a in self.by_line.get(s.line, [])) for s in self._right_over(lab, 3))

    def _heading_title(self, seg: Segment) -> bool:
        """``seg`` follows "Section 4:" or "Part C" on its line: the part's title."""
        before = [s for s in self.by_line.get(seg.line, []) if s.box.x1 <= seg.box.x0 + 1]
        return bool(before) and len(before) == 1 and _HEADING.fullmatch(before[0].text) is not None

    def _hint(self, seg: Segment) -> bool:
        """Small print between a question and its answer: a hint in italics, or a box's prompt ("Day"),
        under a label and smaller than it (small italics under an answer are its caption)."""
        if seg.helps:
            return True
        st = seg.style
        # (or in a light grey, saying nothing a label would: "For example, Ford or Toyota")
        grey = st is not None and _lightness(st) >= 0.25 and not seg.colon and not names_a_field(seg.text) \
            and (seg.text.rstrip().endswith(".") or re.search(r"\b(?:for example|e\.g\.|such as)", seg.text, re.I))
        if st is None or not (st.italic or grey or (_prompt(seg.text) and not seg.colon)) \
                or _value_like(seg.text):
            return False
        reach = seg.box if st.italic or grey \
            else Box(seg.page, seg.box.x0 - 60, seg.box.top, seg.box.x1, seg.box.bottom)
        for i in range(seg.line - 1, max(-1, seg.line - 3), -1):  # ("Month" is under the date's boxes, right
            over = [s for s in self.by_line.get(i, []) if _overlap_x(s.box, reach) > 0  # of its short label)
                    and seg.box.top - s.box.bottom <= 2.5 * max(s.height, 6.0)]  # (close over it: not the title)
            if over and all((s.label_score < 0 and _is_sentence(s)) or self._hint(s) for s in over) \
                    and i == seg.line - 1:
                continue  # the question's hint in a sentence over the date's "Day", "Month", "Year": the question
                # is over that
            if over:
                return all(s.label_score > s.answer_score and s.style is not None and st.size < s.style.size - 0.4
                           for s in over)
        return False

    def _numbered_bar(self, seg: Segment, ans: Segment) -> bool:
        """``seg`` is "4 Contact details" on a bar across the form (a drawn band far wider than the words
        and not much taller), and ``ans`` is outside the bar: the heading of a part."""
        if seg.number is None or seg.question:
            return False
        h = max(seg.height, 6.0)
        return any(_inside(seg.box, r, 2.0) and r.height <= 2.5 * h and (r.x1 - r.x0) >= 1.5 * (seg.box.x1 - seg.box.x0)
                   and not _inside(ans.box, r, 2.0) for r in self.page.rects)

    def _printed_label(self, seg: Segment) -> bool:
        """``seg`` is a label of the form's printing, not an answer: a few words naming a field ("Account
        number", "Their new address", "Title"), no digits, not set in the answers' type (the second language
        of a label whose answer is blank, or a box's caption over nothing)."""
        st = seg.style
        if st is None or not self.styles.answer or self.styles.is_answer(st) or _typed(st, self.styles):
            return False  # (where nothing tells the answers' type from the form's, words in it may be answers)
        if not (self.styles.is_form(st) or st.size < self.styles.label_size
                or st.size < min(a.size for a in self.styles.answer) - 0.5):
            return False  # in the form's type, or in smaller print than labels or answers
        return names_a_field(seg.text)

    def _best_label(self, ans: Segment) -> _Link | None:
        best: _Link | None = None
        panel = self._in_panel(ans)
        for link in self._candidates(ans):
            lab = link.label
            if panel is not None and self._in_panel(lab) is not panel:
                continue  # a line of a panel of notes answers no question outside it
            if lab.answer_score > 0.6 and lab.label_score < 0.5:
                continue  # another answer
            if _prompt(lab.text) and link.how != "box":
                continue
            if self._closes_aside(lab):
                continue  # "address if leaving)" under "Address you are moving to (forwarding": the label's end
            if link.how == "caption" and (self._answered_level(lab) or self._answered_beside(lab)):
                continue  # "Postcode" with "LM2 3PS" typed level with it: its answer, not the line over it
            if ans.text[:1] in EMPTY_BOX_GLYPHS:
                continue  # "☐ Moving out": an option printed with its empty box, not chosen
            if re.fullmatch(r"\d{1,2}[a-z]?\.?", ans.text) and self.styles.answer and ans.style is not None \
                    and ans.style.bold and not self.styles.is_answer(ans.style):
                continue  # "9" in bold in the numbers' column: the next question's number
            if link.how != "box" and self._printed_label(ans):
                continue  # "Account number" under "Rhif cyfrif", "Title" over an empty box: the form's own words
            if self.styles.answer and lab.style == ans.style and not self.styles.is_answer(ans.style) \
                    and link.how != "box" and ans.label_score > 0:
                continue  # set as the label is, where the answers have a type of their own: another label
            if link.how == "below" and ans.text[:1].islower() and ans.text.rstrip().endswith(".") \
                    and self._printed_over(ans):
                continue  # "days if my circumstances change.": the end of a sentence wrapped from the line over it
            if link.how == "below" and lab.label_score <= 0 and lab.answer_score > 0 \
                    and _same_style(lab.style, ans.style) and abs(lab.box.x0 - ans.box.x0) <= 6 \
                    and ans.box.top - lab.box.bottom <= 1.3 * max(lab.height, 6.0):
                continue  # "Wenham Magna" over "Kestrelford": an answer's line over its next, not its label
            if lab.style is not None and ans.style is not None and lab.style.italic \
                    and lab.style.size < ans.style.size - 1.5 and self._carries_on(ans, spacing=0.5):
                continue  # small print beside an answer's second line is a hint, and the line carries the answer on
            if len(lab.text) <= 3 and not re.search(r"[A-Za-z]{2}", lab.text) and not _BLANK_LEAD.match(lab.text):
                continue  # "2" in a circle: a section's number, not a label
            if _HEADING.match(lab.text) and link.how in ("below", "caption") and lab.number is None \
                    and not lab.question and len(ans.text) <= 3 and ans.text.isdigit():
                continue  # "Part C New address" over "8", the next row's number: a heading, not a question
            if link.how in ("below", "caption") and self._numbered_bar(lab, ans):
                continue  # "4 Contact details" on a bar over its part: a heading
            if link.how in ("below", "caption", "beside") and lab.number is None and not lab.question \
                    and (_HEADING.match(lab.text) or self._heading_title(lab)) and not _value_like(ans.text):
                link.score -= 0.3  # "Section 4: Your contact details": a part's title over its first label (or
                # level with a note in the column beside: "PART 1 About your move ... out of, a property")
            elif link.how in ("below", "caption") and lab.number and not lab.question and lab.text.isupper() \
                    and len(lab.text.split()) >= 2 and lab.style is not None and lab.style.bold \
                    and ans.style is not None and lab.style.size > ans.style.size:
                link.score -= 0.3  # "1. YOUR DETAILS" in bold capitals larger than the answers: a part's title
            if link.how == "beside" and self._carries_on(ans) and (self._second_line_of_cell(lab)
                                                                    or self._second_language(lab, ans)
                                                                    or self._wraps_label_above(lab)):
                continue  # an answer's second line beside its label's second line (Welsh over English, in one
                # cell or in another type): the answer carries on, and the label is the line's above
            if _HEADING.match(lab.text) and _TITLED_PART.search(ans.text) and not _value_like(ans.text):
                continue  # "Rhan 2" beside "Yr hen gyfeiriad / Part 2: Old address": a part's heading in two
                # languages, not a label and its answer
            if link.how in ("below", "caption") and ideas_in(lab.text).get("postcode", 0.0) >= 0.9 \
                    and not _HAS_POSTCODE.search(ans.text) \
                    and (len(ans.text.split()) >= 3 or re.match(r"\d+[a-z]?\s+[A-Za-z]{3}", ans.text) is not None):
                link.score *= 0.5  # "Old postcode" over "54 Windmill Hill": a caption over the address under it
            if link.how == self.unlike:
                link.score *= 0.6  # against the page's own way of setting labels
            if link.how == "beside" and self._captioned_above(ans):
                link.score *= 0.5  # its own label is printed small right over it
            fit = 0.5 + 0.5 * max(-1.0, min(1.0, lab.label_score))
            fit *= 0.6 + 0.4 * max(0.0, min(1.0, 0.5 + ans.answer_score))
            link.score *= fit
            if best is None or link.score > best.score:
                best = link
        return best if best is not None and best.score >= 0.3 else None


def _resolve(links: list[_Link]) -> list[_Link]:
    """Each segment in one role: an answer keeps its best label, a label its best answer (beside over below)."""
    links = sorted(links, key=lambda k: -k.score)
    as_label: set[int] = set()
    as_answer: set[int] = set()
    kept: list[_Link] = []
    for link in links:
        la, an = id(link.label), id(link.answer)
        if an in as_answer or an in as_label or la in as_answer:
            continue
        if la in as_label:
            continue
        kept.append(link)
        as_label.add(la)
        as_answer.add(an)
    return kept


def _sentence_lead(reader: _PageReader, label: Segment, taken: set[int]) -> str:
    """The start of the sentence a blank's label ends ("... declare that I have been the only adult (aged 18
    or over)" before "living at this address since"), where the label is no sentence's start itself."""
    if not label.text or not (label.text[0].islower() or label.text[0] in "(),;"):
        return ""
    parts: list[str] = []
    found = 0
    for j in (label.line, label.line - 1, label.line - 2, label.line - 3):
        line = reader.by_line.get(j, [])
        if j == label.line:
            before = [s for s in line if s.box.x1 <= label.box.x0 + 1]
        else:  # the lines above, in the label's column (the sentence wraps back to where it starts)
            before = [s for s in line if label.box.x0 - 30 <= s.box.x0 <= label.box.x1]  # (not the next
            # column's notes)
        if any(_HEADING.match(s.text) for s in before):
            break  # the part's heading: the sentence starts under it
        texts = [s.text for s in before if id(s) not in taken and s.answer_score <= 0.3]
        if not texts:
            if j < label.line and found:
                break
            continue
        found += 1
        parts[:0] = texts
        joined = " ".join(parts)
        if re.search(r"[.!?]\s", joined) or (j < label.line and texts[0][:1].isupper()):
            break
    joined = " ".join(parts)
    lead = re.split(r"(?<=[.!?])\s+", joined)[-1]
    return " ".join(lead.split()[-14:])


def _label_head(reader: _PageReader, link: _Link, taken: set[int]) -> Segment | None:
    """The first language of a bilingual label set on two lines ("Enw llawn" in bold over "Full name" in
    small italics), when the answer beside pairs with the second: right over it, in another type, answering
    nothing, and level with the answer's box as much as the second is."""
    label = link.label
    if link.how != "beside" or label.style is None or not label.style.italic:
        return None
    cell = _cell(reader, label)
    for s in reader.by_line.get(label.line - 1, []):
        if id(s) in taken or abs(s.box.x0 - label.box.x0) > 4 or s.style is None or s.style == label.style:
            continue
        if cell is not None and not _inside(s.box, cell):
            continue  # the row above's, past the rule between the cells
        if s.colon or s.question or _is_sentence(s) or _value_like(s.text) or s.answer_score > 0.3:
            continue
        if 0 <= label.box.top - s.box.bottom <= 0.9 * max(s.height, 6) and s.style.size >= label.style.size:
            return s
    return None


def _words_start(seg: Segment) -> float:
    """Where a numbered question's words start, after its number ("2.1 On what date ...")."""
    return next((w.box.x0 for w in seg.words if re.search(r"[^\W\d_]{2}", w.text)), seg.box.x0)


def _cell(reader: _PageReader, seg: Segment) -> Box | None:
    """The cell of a ruled table a label is in: the smallest drawn box around it, not much taller than a
    few lines (a box round the whole form or a part of it is no cell)."""
    box = reader._box_of(seg)
    return box if box is not None and box.height <= 8 * max(seg.height, 6) else None


def _asks_otherwise(label: Segment, under: Segment) -> bool:
    """Whether two labels plainly ask for different things (not one label in two languages, "Cyfenw" over
    "Surname"): each names an idea surely, and not the same one."""
    a, b = ideas_in(label.text), ideas_in(under.text)
    top_a = max(a, key=lambda k: a[k], default=None)
    top_b = max(b, key=lambda k: b[k], default=None)
    return top_a is not None and top_b is not None and a[top_a] >= 0.9 and b[top_b] >= 0.9 and top_a != top_b \
        and b.get(top_a, 0.0) < 0.5 and a.get(top_b, 0.0) < 0.5


def _year_wrapped(reader: _PageReader, link: _Link, taken: set[int]) -> Segment | None:
    """The year of a date written in a sentence's blank at the end of a line, carried to the start of the next
    ("I would like the permit to start on 27 December" / "2026 ."), in the answer's type."""
    if link.how != "beside" or not re.fullmatch(rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{norm._MONTH_RE})\.?,?",
                                                 link.answer.text, re.I):
        return None
    if any(s.box.x0 > link.answer.box.x1 for s in reader.by_line.get(link.answer.line, [])):
        return None  # the line goes on: not at its end
    nxt = reader.by_line.get(link.answer.line + 1, [])
    first = nxt[0] if nxt else None
    if first is None or id(first) in taken or not re.fullmatch(r"(?:19|20)\d\d", first.text) \
            or not _same_style(first.style, link.answer.style) \
            or first.box.top - link.answer.box.bottom > 1.5 * max(link.answer.height, 6.0):
        return None
    return first


def _label_wrap(reader: _PageReader, label: Segment, taken: set[int]) -> list[Segment]:
    """The rest of a label that runs onto the next line ("Rhif cyfrif y dreth gyngor /" over
    "Council tax account number"): right under it, in the form's type, answering nothing."""
    out: list[Segment] = []
    prev = label
    cell = _cell(reader, label)
    numbered = _numbered(label)
    words_at = _words_start(label) if numbered else label.box.x0
    j = label.line
    while j < prev.line + 2:  # each line under the one before it (a line between may hold only the answer)
        j += 1
        line = reader.by_line.get(j, [])
        nxt = [s for s in line if id(s) not in taken and (abs(s.box.x0 - prev.box.x0) <= 4 or (
            prev is label and numbered and (abs(s.box.x0 - words_at) <= 3 or (
                cell is not None and 0 < s.box.x0 - label.box.x0 <= 30 and _inside(s.box, cell)) or (
                label.number is not None and 0 < label.box.x0 - s.box.x0 <= 30
                and (s.text[:1].islower() or s.text.startswith("("))))))]
        # (under the words after the question's number: "2.1 On what date ..." over "as the only adult?"; or
        # back under the number set apart: "2.1   From what date have you been the only adult" over "(aged 18
        # or over) living at the property?")
        if not nxt:
            continue  # a line in between may hold only the answer, level with the two lines of the label
        s = nxt[0]
        if cell is not None and not _inside(s.box, cell):
            break  # the next row's, past the rule between the cells
        if cell is not None and _asks_otherwise(prev, s):
            break  # another label in the cell, its answer left blank ("Locality" under "No. & street")
        if cell is not None and s.answer_score <= 0.3 and not _is_sentence(s) \
                and s.box.top - prev.box.bottom <= 0.9 * max(prev.height, 6):
            out.append(s)  # in the label's own cell of a ruled table: the label's ("Cyfenw" over "Surname")
            prev = s
            continue
        gap = s.box.top - prev.box.bottom
        if gap > 0.9 * max(prev.height, 6) or s.answer_score > 0.3 or (s.colon and prev.colon) or _is_sentence(s):
            break
        if s.style is not None and s.style.italic and prev.style is not None and not prev.style.italic \
                and s.style.size < prev.style.size - 1:
            break  # a hint in small italics under the question, not the rest of it (an English line in
            # italics under its Welsh one is)
        if not (prev.text.rstrip().endswith(("/", "-", "(")) or s.text[:1].islower() or s.text.startswith(("/", "("))
                or (prev.style is not None and s.style is not None and s.style != prev.style
                    and s.style.size <= prev.style.size)):
            break
        out.append(s)
        prev = s
    return out


def _continuation(reader: _PageReader, link: _Link, taken: set[int]) -> list[Segment]:
    """The lines that carry on an answer under it: same start (or, for an answer beside its label,
    wrapped back under the label, as typed text does), same type, no label between."""
    out: list[Segment] = []
    prev = link.answer
    margin = link.label.box.x0 - 4 if link.how == "beside" else None
    for j in range(prev.line + 1, prev.line + 8):
        line = reader.by_line.get(j, [])
        nxt = [s for s in line if id(s) not in taken and (
            abs(s.box.x0 - prev.box.x0) <= 6
            or (margin is not None and len(line) == 1 and margin <= s.box.x0 <= link.answer.box.x0
                and _same_style(s.style, link.answer.style))
            # (or indented under it, as a print-out hangs the rest of a long answer: "... on 30 March" /
            # "    2026. I am her son ...")
            or (margin is not None and len(line) == 1 and 0 < s.box.x0 - prev.box.x0 <= 3 * max(prev.height, 6)
                and prev.box.x1 - prev.box.x0 > 200 and _same_style(s.style, link.answer.style)))]
        if not nxt:
            if line and min(x.box.top for x in line) - prev.box.bottom > 1.3 * max(prev.height, 6):
                break
            continue  # a line of small print beside it in the label's column ("Continue on a separate sheet")
        s = nxt[0]
        gap = s.box.top - prev.box.bottom
        if gap > 1.3 * max(prev.height, 6) or not _same_style(s.style, link.answer.style):
            break
        if s.label_score >= 0.75 or s.answer_score < -0.2 or s.colon:
            break
        out.append(s)
        prev = s
    return out


def _written_above(reader: _PageReader, link: _Link, taken: set[int]) -> list[Segment]:
    """The first lines of an answer captioned under its last ("Our daughter Rachel left home ... another" over
    "town." over "Please tell us what has changed"): lines right over it, from its left edge, in its type."""
    out: list[Segment] = []
    prev = link.answer
    for j in range(prev.line - 1, max(-1, prev.line - 6), -1):
        line = reader.by_line.get(j, [])
        over = [s for s in line if abs(s.box.x0 - prev.box.x0) <= 6]
        if not over:
            continue
        s = over[0]
        if id(s) in taken or not _same_style(s.style, link.answer.style) \
                or prev.box.top - s.box.bottom > 1.3 * max(s.height, 6) \
                or s.label_score >= 0.75 or s.answer_score < -0.2 or s.colon:
            break
        out.insert(0, s)
        prev = s
    return out


# --------------------------------------------------------------------------- the document


_ORGANISATION = re.compile(r"\b(?:council|cyngor|borough|county|district|city of|services?|department)\b", re.I)
_FORM_WORDS = re.compile(r"\b(?:application|apply|form|permit|discount|moving|move|change|notification|notice|claim"
                         r"|request|cais|ffurflen)\b", re.I)


def _title_top(doc: Document) -> float | None:
    """Where the form's title is on page 1: the largest type in its top third that is not the council's name
    (further down, large type is an answer or a signature, not a title)."""
    page = doc.pages[0]
    found: list[tuple[float, float, bool]] = []
    for line in page.lines:
        if line.box.top > page.height * 0.35:
            break
        for ph in line.phrases:
            sizes = [w.style.size for w in ph.words if w.style is not None]
            if not sizes or len(ph.words) < 2:
                continue
            if re.match(r"^[^:]{1,40}:\s+\S", ph.text) and len({w.style for w in ph.words}) > 1:
                continue  # "Fee: GBP 48.00 paid online", a label and its answer in their own types: no title
            if _ORGANISATION.search(ph.text) and not _FORM_WORDS.search(ph.text):
                continue
            if ph.joined is not None or _value_like(ph.text):
                continue  # a date written in boxes in a large hand is an answer, not the title
            bold = sum(1 for w in ph.words if w.style is not None and w.style.bold)
            found.append((max(sizes), ph.box.top, bold * 2 > len(ph.words)))
    # A title is set in bold where anything is: a name written large in a plain hand is an answer.
    if any(bold for _, _, bold in found):
        found = [f for f in found if f[2]]
    best: tuple[float, float] | None = None
    for size, top, _ in found:
        if best is None or size > best[0] + 0.5:
            best = (size, top)
    return best[1] if best else None


def form_title(doc: Document) -> str:
    """The form's title as printed (the largest type in the top third of page 1 that is not the council's name)."""
    top = _title_top(doc)
    if top is None or not doc.pages:
        return ""
    for line in doc.pages[0].lines:
        if abs(line.box.top - top) < 1:
            return " ".join(p.text for p in line.phrases if abs(p.box.top - top) < 1)[:120]
    return ""


def _zone_of(box: Box, doc: Document, title_top: float | None) -> str:
    page = doc.pages[box.page - 1]
    if box.top > page.height * 0.93:
        return "footer"
    if box.page == 1 and title_top is not None and box.bottom < title_top - 2:
        return "letterhead"
    if box.page > 1 and box.bottom < page.height * 0.06:
        return "letterhead"
    return "body"


_OFFICE = re.compile(r"\b(?:office use|official use|for office|staff use|internal use|do not write)\b", re.I)
_SECTION_WORDS = re.compile(r"^(?:(?:part|section|step|adran|rhan)\s+\w+\s*[-:.\u2013\u2014]?\s*)", re.I)


def _letterhead_blocks(segments: list[Segment], title_top: float | None) -> list[Box]:
    """The council's own address block where it runs on from above the title to beside and below it
    (a column of short lines in the top corner, ending "Tel: 01632 960000"): each block as one box."""
    if title_top is None:
        return []
    blocks: list[Box] = []
    by_top = sorted(segments, key=lambda x: x.box.top)
    for seed in segments:
        if seed.box.bottom >= title_top - 2 or any(_inside(seed.box, b, 1.0) for b in blocks):
            continue
        box, last = seed.box, seed
        for s in by_top:
            if s.box.top <= last.box.top or s.style != seed.style:
                continue
            if not (abs(s.box.x1 - box.x1) <= 3 or abs(s.box.x0 - box.x0) <= 3):
                continue  # not in the block's column
            if s.box.top - last.box.bottom > 0.8 * max(last.height, 6.0):
                break  # a gap: the block has ended
            box, last = box.union(s.box), s
        if box.bottom > title_top:
            blocks.append(box)
    return blocks


def _office_parts(doc: Document, segments: dict[int, list[Segment]]) -> tuple[list[Segment], list[Box]]:
    """Where the office's part of a form is though no heading says so: the "Office use only" that leads
    a line, and the drawn boxes whose first words it is."""
    leads = [s for segs in segments.values() for s in segs if _OFFICE.search(s.text)]
    boxes = []
    for page in doc.pages:
        segs = segments.get(page.number, [])
        for r in page.rects:
            first = min((s for s in segs if _inside(s.box, r, 2.0)), key=lambda s: (s.box.top, s.box.x0), default=None)
            if first is not None and _OFFICE.search(first.text):
                boxes.append(r)
    return leads, boxes


def _in_office_part(box: Box, leads: list[Segment], boxes: list[Box]) -> bool:
    return any(s.page == box.page and s.box.x1 <= box.x0 + 1 and abs(s.box.top - box.top) < 3 for s in leads) \
        or any(_inside(box, r, 2.0) for r in boxes)


def _lightness(style: Style | None) -> float:
    """How light a style's ink is, 0 (black) to 1 (white), whatever colour space it was given in."""
    c = style.colour if style is not None else ()
    if len(c) == 1:
        return float(c[0])
    if len(c) == 3:
        return 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2]
    if len(c) == 4:
        return max(0.0, 1.0 - min(1.0, 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2] + c[3]))
    return 0.0


def _coloured(style: Style) -> bool:
    """Set in a colour (not black, white or a grey)."""
    c = style.colour
    return len(c) == 3 and max(c) - min(c) > 0.15


_COLUMN_NAMES = {"question", "questions", "answer", "answers", "response", "responses", "reply", "your", "details"}


#: The caption of a guidance note printed between the questions ("Note", "Guidance notes", "Please note").
_NOTE_CAPTION = re.compile(r"(?:please\s+)?(?:notes?|guidance(?:\s+notes?)?|help|tip|important|nb)\s*:?", re.I)


def _headings(doc: Document, segments: dict[int, list[Segment]], used: set[int],
              title_top: float | None, styles: _Styles, label_styles: set[Style]) -> list[tuple[Box, str]]:
    """Short lines that head a part of the form, in reading order (not a label left unanswered, which
    would make the sections of two forms of one layout differ with what was answered)."""
    out: list[tuple[Box, str]] = []
    lines: dict[tuple[int, int], list[Segment]] = {}
    for segs in segments.values():
        for s in segs:
            lines.setdefault((s.page, s.line), []).append(s)
    asking: set[Style] = set()  # the type of questions that head their lettered parts
    outer = ""  # the heading around them
    for page in doc.pages:
        for s in segments.get(page.number, []):
            if id(s) in used and (s.number or s.question) and s.style in asking:
                b = s.box  # the next question ends the last one's parts (from just above itself)
                out.append((Box(b.page, b.x0, b.top - 2.5, b.x1, b.top - 1.5), outer))
                continue
            if id(s) not in used and _carries_heading_on(out, s) and _HEADING.fullmatch(out[-1][1].strip()) \
                    and not _value_like(s.text):
                box, text = out[-1]
                out[-1] = (box.union(s.box), f"{text} {s.text}")  # "Rhan 2:" and its title on its line
                continue
            if id(s) in used or (s.colon and not _HEADING.fullmatch(s.text.strip())) or _is_sentence(s) \
                    or (s.text.rstrip().endswith(".") and len(s.text.split()) >= 2 and not s.number) \
                    or _value_like(s.text) or s.leader_before \
                    or max(len(re.sub(r"\(.*?\)", "", half).split()) for half in re.split(r" [/|] ", s.text)) > 12:
                # (an aside in brackets aside; a bilingual heading is as long as its longer half; what follows a
                # leader is written in, a signature say, never a heading)
                continue
            if not re.search(r"[A-Za-z]{2}", s.text) or re.match(r"(?:change|edit|amend)\b", s.text, re.I) \
                    or set(re.findall(r"[a-z]+", s.text.lower())) <= _COLUMN_NAMES \
                    or re.fullmatch(r"\(.*\)", s.text.strip()):
                continue  # a question's number in a badge ("7"), a part's letter alone, a "Change" link, a
                # table's "Question | Response", a label's aside "(if known)"
            if _NOTE_CAPTION.fullmatch(s.text.strip()) and any(
                    x.box.x0 > s.box.x1 for x in lines.get((s.page, s.line), [])):
                continue  # "Note" captioning the guidance printed beside it: a note, no part of the form (but
                # "Guidance notes" on a line of its own heads the notes under it)
            if s.page > 1 and _CONTINUED.match(s.text):
                continue  # the form's title again over a page that goes on: the part before goes on under it
            st = s.style
            if styles.is_answer(st) or s.answer_score > 0.5:
                continue  # an answer left unpaired is no heading
            label_size = max((x.size for x in label_styles), default=styles.label_size)
            # (by its largest words: "3. Old address" in bold over its second language in smaller italics)
            largest = max((w.style.size for w in s.words if w.style is not None), default=0.0)
            bigger = st is not None and label_size and largest >= label_size + 1
            parts = (s.question or s.number) and _lettered_parts_follow(s, lines)
            banner = s.number and not s.question and _heading_scope(doc, s.box) is not None  # "1 About you" on a bar
            if (s.question or (s.number and not bigger)) and not _HEADING.match(s.text) and not parts and not banner:
                continue  # a question left unanswered is no heading either ("3. Your previous address" is one),
                # unless its parts follow it ("3 What is the address?" over "(a) House number and street")
            if parts and st is not None:
                asking.add(st)
            elif not parts and (_HEADING.match(s.text) or _OFFICE.search(s.text) or (st is not None and st.bold)):
                outer = s.text
            if st is not None and st in label_styles and not _HEADING.match(s.text) and not _OFFICE.search(s.text) \
                    and not parts:
                continue  # set like the form's labels: a label whose answer was left blank
            if _zone_of(s.box, doc, title_top) != "body":
                continue  # a running head or the letterhead heads nothing
            if title_top is not None and s.page == 1 and abs(s.box.top - title_top) < 2 and any(
                    x.colon and x.box.x1 <= s.box.x0 and s.box.x0 - x.box.x1 < 2 * s.height
                    and _same_style(x.style, s.style) for x in lines.get((s.page, s.line), [])):
                continue  # the title's own words after its colon ("Council Tax: moving home") head nothing
            emphatic = st is not None and (st.bold or st.size >= 10.5 or _coloured(st))
            if not _HEADING.match(s.text) and _captioned(s, lines):
                continue  # "Fenmarsh" written over its caption "Town or village": an answer, however large
            if _HEADING.match(s.text) or _OFFICE.search(s.text) or emphatic or s.number:
                if _carries_heading_on(out, s):
                    box, text = out[-1]
                    out[-1] = (box.union(s.box), f"{text} {s.text}")  # "1" and "Applicant": one heading
                    continue
                out.append((s.box, s.text))
    return out


def _captioned(s: Segment, lines: dict[tuple[int, int], list[Segment]]) -> bool:
    """A caption right under ``s``, from its left edge, in much smaller type, naming a field ("Town or
    village"), with nothing written beside it (not a part's first label under its heading)."""
    if s.style is None or s.style.bold:
        return False
    for j in (s.line + 1, s.line + 2):
        row = lines.get((s.page, j), [])
        for x in row:
            if abs(x.box.x0 - s.box.x0) <= 6 and 0 <= x.box.top - s.box.bottom <= 0.8 * max(s.height, 6.0) \
                    and x.style is not None and x.style.size <= s.style.size - 2 \
                    and not any(y.box.x0 > x.box.x1 and y.box.x0 - x.box.x1 < 150 for y in row) \
                    and len(x.text.split()) <= 5 and (names_a_field(x.text) or max(ideas_in(x.text).values(),
                                                                                   default=0.0) >= 0.9):
                return True  # (a town's caption too: "Town or village")
    return False


def _carries_heading_on(out: list[tuple[Box, str]], s: Segment) -> bool:
    """``s`` follows the last heading found on its line, close after it ("1" then "Applicant")."""
    return bool(out) and out[-1][0].page == s.page and abs(out[-1][0].top - s.box.top) < 3 \
        and 0 <= s.box.x0 - out[-1][0].x1 < 40


def _heading_scope(doc: Document, hb: Box) -> Box | None:
    """Where a heading printed in a drawn box reaches: the whole box when the box holds its part of the
    form ("Office use only" in a box in one corner), the column under it when the box is a band across
    the part's top (a shaded bar over one column of two); None for a heading that heads the page."""
    page = doc.pages[hb.page - 1]
    around = [r for r in page.rects if _inside(hb, r, 2.0)]
    if not around:
        return None
    r = min(around, key=lambda b: (b.x1 - b.x0) * b.height)
    if r.height > 2.5 * max(hb.height, 6.0):
        return r
    if (r.x1 - r.x0) > 1.5 * (hb.x1 - hb.x0):
        return Box(r.page, r.x0, r.top, r.x1, page.height)
    return None


_LETTERED = re.compile(r"^(?:\([a-h]\)|[a-h][.)])\s")


def _lettered_parts_follow(s: Segment, lines: dict[tuple[int, int], list[Segment]]) -> bool:
    """Whether the first text under a question, in its column (past a hint in smaller print), is its part "(a)",
    or a label of its own in smaller print ("What is the address you are leaving?" over "Address line 1"),
    or, under a numbered item asking nothing itself, a label answered on its line from the number's margin
    ("4. The address you are leaving" over "House number / name and road   2 Church Lane")."""
    if s.number and not s.question:
        nxt = lines.get((s.page, s.line + 1), [])
        first = min(nxt, key=lambda x: x.box.x0, default=None)
        if first is not None and first.number is None and -25 <= first.box.x0 - s.box.x0 <= 5 \
                and first.box.top - s.box.bottom < 2 * max(s.height, 6.0) \
                and first.label_score > first.answer_score and not _value_like(first.text) \
                and max(ideas_in(first.text).values(), default=0.0) >= 0.8 \
                and any(x is not first and x.box.x0 > first.box.x1 and not names_a_field(x.text) for x in nxt):
            return True
    for j in range(s.line + 1, s.line + 4):
        under = [x for x in lines.get((s.page, j), []) if x.box.x0 >= s.box.x0 - 5 and _overlap_x(x.box, s.box) > 0]
        if under:
            first = min(under, key=lambda x: x.box.x0)
            if _LETTERED.match(first.text):
                return True
            if s.question and first.style is not None and s.style is not None and s.style.bold \
                    and not first.style.bold and first.style.size < s.style.size - 0.5 \
                    and first.label_score > first.answer_score \
                    and max(ideas_in(first.text).values(), default=0.0) >= 0.9 and not _value_like(first.text) \
                    and not _is_sentence(first) and not first.text.rstrip().endswith("."):
                return True
            if not (_is_sentence(first) or first.text.rstrip().endswith(".")) or first.style is None \
                    or s.style is None or first.style.size >= s.style.size:
                return False
    return False


def _section_for(box: Box, headings: list[tuple[Box, str, Box | None]]) -> str:
    def other_column(hb: Box) -> bool:
        """Headings of two columns over ``box``: the one of the column it is not in."""
        return any(o.page == hb.page == box.page and (
            (o.x0 > hb.x1 and o.x0 <= box.x0 + 5)  # ``box`` is in a column right of the heading's
            or (o.x1 < hb.x0 and o.x0 <= box.x0 + 5 and box.x0 < hb.x0 - 5))  # or left of it
            for o, _ in found)

    found: list[tuple[Box, str]] = []
    for hb, text, scope in headings:
        if hb.page > box.page or (hb.page == box.page and hb.top > box.top - 1):
            continue
        if hb.page == box.page and hb.bottom > box.top + 1:
            continue
        if scope is not None and hb.page == box.page and not (
                scope.x0 - 5 <= box.x0 <= scope.x1 and box.top <= scope.bottom + 2):
            continue  # another column's heading, or a box's that this is outside
        found.append((hb, text))
    best = max(((hb, text) for hb, text in found if not other_column(hb)),
               key=lambda h: (h[0].page, h[0].top), default=None)
    return best[1] if best else ""


def find_pairs(doc: Document) -> list[Pair]:
    """Every label/answer pair on every page of ``doc`` (in reading order); read once per document (the
    classifier may ask before the extractor does)."""
    cached = doc.__dict__.get("_pairs")
    if cached is None:
        cached = doc.__dict__["_pairs"] = _find_pairs(doc)
    return list(cached)


def _find_pairs(doc: Document) -> list[Pair]:
    from extractors import pair_sources  # tables, widgets and tick boxes

    segments: dict[int, list[Segment]] = {page.number: segments_of(page) for page in doc.pages}
    every = [s for segs in segments.values() for s in segs]
    styles = _styles(every)
    for s in every:
        _judge(s, styles)
    title_top = _title_top(doc)
    pairs: list[Pair] = []
    used: set[int] = set()
    readers: list[_PageReader] = []
    for page in doc.pages:
        special, skip = pair_sources.page_pairs(doc, page, segments[page.number], styles)
        pairs.extend(special)
        reader = _PageReader(page, segments[page.number], styles, skip)
        reader.box_labels()
        readers.append(reader)
        used |= {id(s) for s in segments[page.number] if any(_inside(s.box, b) for b in skip)}
    _labels_set_alike(every, styles)
    _repeated_structure(every)
    _label_column(every)
    _help_lines(every)
    _paragraphs_are_no_labels(every)
    _after_colons(every)
    as_labels: set[int] = set()
    # Bold labels "answered" by printed prose ("Declaration" over "I declare that the information ..."): they
    # head their part of the form still, whatever else they were paired with.
    heading_like: set[int] = set()
    for page, reader in zip(doc.pages, readers, strict=True):
        links = _resolve(reader.links())
        ways = Counter(k.how for k in links)
        for way, other in (("caption", "below"), ("below", "caption")):
            if ways[way] >= 4 and ways[way] >= 1.5 * ways[other] and (ways[other] or way == "caption"):
                reader.unlike = other  # a form sets its labels one way throughout (and a page of captions
                links = _resolve(reader.links())  # captions an answer of several lines with a question)
                break
        as_labels |= {id(k.label) for k in links}
        heading_like |= {id(k.label) for k in links if k.label.style is not None and k.label.style.bold
                         and k.answer.style is not None and not styles.is_answer(k.answer.style)
                         and _is_sentence(k.answer)}
        taken = {id(k.label) for k in links} | {id(k.answer) for k in links}
        wraps = {id(k.label): _label_wrap(reader, k.label, taken) for k in links}
        taken |= {id(w) for ws in wraps.values() for w in ws}
        firsts = {id(k.label): _label_head(reader, k, taken) for k in links}
        taken |= {id(h) for h in firsts.values() if h is not None}
        for link in sorted(links, key=lambda k: (k.answer.line, k.answer.box.x0)):
            more = _continuation(reader, link, taken)
            earlier = _written_above(reader, link, taken) if link.how == "caption" else []
            taken |= {id(s) for s in [*earlier, *more]}
            parts = [*earlier, link.answer, *more]
            box = Box.around(p.box for p in parts)
            lines = [p.text for p in parts]
            if not more and (year := _year_wrapped(reader, link, taken)) is not None:
                taken.add(id(year))  # "... to start on [27 December]" / "[2026] .": a date wrapped at the line's end
                box, lines = box.union(year.box), [f"{link.answer.text} {year.text}"]
            label = " ".join([_label_text(link.label), *(w.text for w in wraps[id(link.label)])])
            label_box = link.label.box
            for w in wraps[id(link.label)]:
                label_box = label_box.union(w.box)
            if (head := firsts[id(link.label)]) is not None:
                label, label_box = f"{head.text} / {label}", head.box.union(label_box)
            elif link.how == "beside" and (lead := _sentence_lead(reader, link.label, taken)):
                label = f"{lead} {label}"  # a blank in a declaration: the sentence so far says what it asks
            pairs.append(Pair(page.number, label, label_box, "\n".join(lines), box, round(link.score, 3),
                              link.how, lines=lines))
        used |= taken
    pairs = pair_sources.dates_in_parts(pairs, every, printed=True)
    _join_across_pages(doc, pairs, segments, used)
    pairs.extend(_answered_overleaf(doc, pairs, segments, used, styles))
    _continued_overleaf(pairs)
    label_counts: Counter[Style] = Counter(s.style for segs in segments.values() for s in segs
                                           if s.style is not None and s.answer_score <= 0.3
                                           and ((id(s) in used and s.label_score > 0.3) or id(s) in as_labels))
    answer_counts: Counter[Style] = Counter(s.style for segs in segments.values() for s in segs
                                            if id(s) in used and s.style is not None and s.answer_score > 0.3)
    top_answer = answer_counts.most_common(1)[0][0] if answer_counts else None
    # Labels set apart from the answers: an unanswered one is a label still, not a heading.
    label_styles = {st for st, n in label_counts.most_common(1) if n >= 3 and st != top_answer}
    heads = [(hb, text, _heading_scope(doc, hb))
             for hb, text in _headings(doc, segments, used - heading_like, title_top, styles, label_styles)]
    letterhead = _letterhead_blocks(segments.get(1, []), title_top)
    office = _office_parts(doc, segments)
    for pair in pairs:
        pair.section = pair.section or _section_for(pair.label_box or pair.answer_box, heads)
        zone = _zone_of(pair.label_box or pair.answer_box, doc, title_top)
        if zone == "letterhead" and pair.page > 1 and _zone_of(pair.answer_box, doc, title_top) == "body":
            zone = "body"  # a label at the very top of a page that goes on, its answer under it in the body
        if zone == "letterhead" and pair.how == "widget":
            zone = "body"  # a field made to be filled in is the applicant's, wherever the title was taken to be
        if zone == "body" and any(_inside(pair.answer_box, b, 1.0) for b in letterhead):
            zone = "letterhead"
        if zone == "body" and (_OFFICE.search(pair.section) or _OFFICE.search(pair.label)
                               or _in_office_part(pair.label_box or pair.answer_box, *office)):
            zone = "office"
        pair.zone = zone
    pairs.sort(key=lambda q: (q.page, (q.label_box or q.answer_box).top, (q.label_box or q.answer_box).x0))
    _inherit_roles(pairs)
    _conditional_questions(pairs)
    return pairs


_IF_SO = re.compile(r"^\s*(?:if\s+(?:yes|so)|os\s+(?:ydych|oes|felly))\b[\s,:;.-]*", re.I)


def _conditional_questions(pairs: Sequence[Pair]) -> None:
    """"If YES, from what date?" asks about the yes/no question before it ("Are you the only adult living
    at this address?"): its label is that question's and its own, as a reader takes it."""
    before: Pair | None = None
    for pair in pairs:
        if before is not None and before.page == pair.page and pair.zone == "body" and _IF_SO.match(pair.label) \
                and (before.label.rstrip().endswith("?") or before.answer.strip().lower() in {"yes", "no", "x"}):
            pair.label = f"{pair.label.strip()} ({before.label.strip().rstrip('?')})"
        before = pair


def _after_colons(segments: list[Segment]) -> None:
    """What follows "Full name:" on its line, a space after it, is its answer, though typed in the form's own
    type (an online form's plain-text email: "Full name: Stanley Fitzgerald" in Courier throughout); not the
    title after "Section 1:", a heading."""
    for line in _by_page_line(segments).values():
        for before, seg in itertools.pairwise(sorted(line, key=lambda x: x.box.x0)):
            if before.colon and not (seg.colon or seg.question or seg.leader_after) and -1.0 < seg.answer_score < 0.3 \
                    and not _HEADING.match(before.text) \
                    and 0 <= seg.box.x0 - before.box.x1 < 3 * max(before.height, 6.0) \
                    and seg.label_score > seg.answer_score and not _prompt(seg.text) and not names_a_field(seg.text):
                seg.label_score, seg.answer_score = min(seg.label_score, 0.1), 0.3


def _repeated_structure(segments: list[Segment]) -> None:
    """The form's own pattern of label and answer types, learnt from how often it repeats.

    Where one type is, over and over, directly over (or just left of) text in another type
    ("Type of move" in small bold over "In"), the first is the labels' type and the second the
    answers': a heading over the first label of each part repeats far less often.
    """
    by_line = _by_page_line(segments)
    counts: Counter[tuple[Style, Style]] = Counter()
    for s in segments:
        if s.style is None:
            continue
        for j in (s.line + 1, s.line + 2):
            below = [b for b in by_line.get((s.page, j), []) if abs(b.box.x0 - s.box.x0) <= 4]
            if below:
                b = below[0]
                if b.style is not None and b.style != s.style and 0 <= b.box.top - s.box.bottom <= 1.5 * s.height + 4:
                    counts[(s.style, b.style)] += 1
                break
    if not counts:
        return
    (label_style, answer_style), n = counts.most_common(1)[0]
    if n < 3 or (label_style.size > answer_style.size + 0.4 and not label_style.bold):
        return
    for s in segments:
        if s.style == label_style and not _is_sentence(s):
            s.label_score += 0.4
            s.answer_score -= 0.5
        elif s.style == answer_style and s.label_score < 0.75:
            s.answer_score += 0.2


def _labels_set_alike(segments: list[Segment], styles: _Styles) -> None:
    """Text set like the form's plain labels is printing, not an answer (where answers have a type of their own).

    A label is known by where it is (just left of, or just over, text in the answers' type) or by how
    it ends (a colon, a question mark, a leader); the type most such labels are set in is the form's.
    """
    if not styles.answer:
        return
    by_line = _by_page_line(segments)
    for s in segments:
        if not styles.is_answer(s.style):
            continue
        line = by_line[(s.page, s.line)]
        k = line.index(s)
        if k > 0 and not styles.is_answer(line[k - 1].style) and not _over_a_caption(line[k - 1], by_line, styles):
            line[k - 1].label_score += 0.5
            line[k - 1].answer_score -= 0.5
    strong: Counter[Style] = Counter(s.style for s in segments if s.style is not None and s.label_score >= 0.75
                                     and not styles.is_answer(s.style))
    printed = {st for st, n in strong.items() if n >= 2}
    for s in segments:
        if styles.is_form(s.style) and s.label_score < 0.3 and _is_sentence(s) \
                and not s.text.rstrip().endswith((".", "!")) \
                and any(styles.is_answer(x.style) and abs(x.box.x0 - s.box.x0) <= 12
                        and 0 <= x.box.top - s.box.bottom <= 1.6 * max(s.height, 6.0)
                        for x in by_line.get((s.page, s.line + 1), [])):
            # A long question in the labels' type with its answer typed right under it ("Date from which you
            # have been the only adult (aged 18 or over) living at the property"): a label, for all its words.
            s.label_score = 0.3
        if s.style in printed and s.label_score < 0.75:
            s.answer_score -= 0.4
            if s.number:
                s.label_score = max(s.label_score, 0.8)  # a numbered question in the labels' type, worded as a request


def _help_lines(segments: list[Segment]) -> None:
    """A forms designer's help lines: each question in bold, a line in a lighter and smaller ink right under
    it ("Please include your title", "House number or name and street", "If you know it"), then the answer.
    Set so under most of a form's questions, such a line is the question's help, never its label or answer,
    whatever field it names."""
    by_line = _by_page_line(segments)
    found: list[Segment] = []
    light = 0
    for s in segments:
        st = s.style
        if st is None or st.bold or not 0.25 <= _lightness(st) < 0.9 or s.colon or _value_like(s.text):
            continue  # (not white: reversed out of a banner)
        light += 1
        over = [o for o in by_line.get((s.page, s.line - 1), []) if abs(o.box.x0 - s.box.x0) <= 3]
        if len(over) == 1 and over[0].style is not None and over[0].style.bold \
                and over[0].style.size >= st.size + 1.5 and _lightness(over[0].style) <= _lightness(st) - 0.15 \
                and 0 <= s.box.top - over[0].box.bottom <= 0.9 * max(s.height, 6.0):
            found.append(s)
    if len(found) >= 3 and len(found) >= 0.6 * light:
        for s in found:
            s.helps = True
            s.label_score = min(s.label_score, -0.5)
            s.answer_score = min(s.answer_score, -1.0)


def _label_column(segments: list[Segment]) -> None:
    """Labels and answers set in one type, told apart by where they stand: a column of texts at one left edge,
    each first on its line, and on three or more of those lines a second text in the same type starting at a
    common edge to the right ("Your name          Mrs Emma Whitmore"). The first column names the fields (most
    of its texts say so), the second answers them (few of its texts name a field)."""
    by_line = _by_page_line(segments)
    rows: dict[tuple[int, int, Style], list[list[Segment]]] = {}
    for (page, _), line in by_line.items():
        line = sorted(line, key=lambda x: x.box.x0)
        if line[0].style is not None:
            rows.setdefault((page, round(line[0].box.x0), line[0].style), []).append(line)
    for (_, _, style), lines in rows.items():
        answered = [ln for ln in lines if len(ln) >= 2 and ln[1].style == style and not ln[0].colon
                    and not ln[0].leader_after and ln[1].box.x0 - ln[0].box.x1 >= 2 * max(ln[0].height, 6.0)]
        edges = Counter(round(ln[1].box.x0 / 4) for ln in answered)
        if not edges:
            continue
        edge, n = edges.most_common(1)[0]
        column = [ln for ln in answered if abs(ln[1].box.x0 / 4 - edge) <= 1]
        if n < 3 or len(column) < 3:
            continue
        firsts = [ln[0] for ln in lines if not _is_sentence(ln[0]) and not _value_like(ln[0].text)]
        named = sum(names_a_field(f.text) for f in firsts)
        seconds = [ln[1] for ln in column]
        # (the second column's texts are answers when many are values: dates, postcodes, numbers; a second
        # column of labels, "Town" and "Date" each with its answer further right, has none)
        valued = sum(_value_like(a.text) or any(c.isdigit() for c in a.text) for a in seconds)
        if named < max(3, 0.6 * len(firsts)) or sum(names_a_field(a.text) for a in seconds) > len(seconds) / 3 \
                or valued < max(2, len(seconds) / 2) or any(_value_like(ln[0].text) for ln in column):
            continue
        for f in firsts:
            f.label_score, f.answer_score = max(f.label_score, 0.8), min(f.answer_score, -0.3)
        for a in seconds:
            if not (a.colon or a.question or a.leader_after or _prompt(a.text)):
                a.label_score, a.answer_score = min(a.label_score, 0.0), max(a.answer_score, 0.8)


def _over_a_caption(s: Segment, by_line: dict[tuple[int, int], list[Segment]], styles: _Styles) -> bool:
    """Written over a caption: text in the form's own, much smaller type right under ``s`` from its left edge
    ("10 Quay Street" over "Address of the property"): ``s`` is an answer, whatever stands beside it."""
    if s.style is None:
        return False
    return any(styles.is_form(x.style) and x.style is not None and x.style.size <= s.style.size - 2
               and abs(x.box.x0 - s.box.x0) <= 6 and 0 <= x.box.top - s.box.bottom <= 1.2 * max(s.height, 6.0)
               for j in (s.line + 1, s.line + 2) for x in by_line.get((s.page, j), []))


def _paragraphs_are_no_labels(segments: list[Segment]) -> None:
    """Lines of running text (a side panel's notes, wrapped at a common margin) are never a label: three or
    more lines in one type (whatever their colour: Welsh and English notes may differ in it), one under the
    other from the same left edge, the lines before the last filling most of the block's width."""
    by_line = _by_page_line(segments)
    seen: set[int] = set()
    chains: list[list[Segment]] = []
    margins: set[tuple[int, int, str, float]] = set()  # the left edges (and types) of the paragraphs found
    for s in segments:
        if id(s) in seen:
            continue
        chain = [s]
        while True:
            last = chain[-1]
            nxt = [x for j in range(last.line + 1, last.line + 5) for x in by_line.get((last.page, j), [])
                   if x.style is not None and last.style is not None and (x.style.font, x.style.size) == (
                       last.style.font, last.style.size) and abs(x.box.x0 - last.box.x0) <= 2
                   and 0 <= x.box.top - last.box.bottom <= 0.8 * max(last.height, 6.0)]
            if not nxt:
                break
            chain.append(nxt[0])
        # A line that ends in a leader is a label ("Full name of the adult who has left ........: Janet
        # Lomax"): the running text, if any, ends before it.
        cut = next((k for k, x in enumerate(chain) if x.leader_after), None)
        if cut is not None:
            chain = chain[:cut] or chain[:1]
        seen |= {id(x) for x in chain}
        if cut == 0:
            continue
        chains.append(chain)
        if len(chain) < 3:
            continue
        after = [x for x in by_line.get((s.page, s.line), []) if x.box.x0 >= s.box.x1]
        if after and min(after, key=lambda x: x.box.x0).answer_score >= 0.8 \
                and not chain[-1].text.rstrip().endswith((".", "!")):
            continue  # a question wrapped in its column, answered beside its first line (no note's full stop)
        if chain[-1].text.rstrip().endswith("?") and any(
                x.box.x0 >= c.box.x1 and x.answer_score >= 0.8 for c in chain
                for x in by_line.get((c.page, c.line), []) + by_line.get((c.page, c.line + 1), [])):
            continue  # a question of three lines, answered level with one of them ("... only / adult ... at this /
            # address?")
        if _HAS_POSTCODE.search(chain[-1].text) and not chain[-1].text.rstrip().endswith((".", "!")):
            continue  # an address written on lines of its own, its postcode last: an answer, not a note
        width = max(x.box.x1 - x.box.x0 for x in chain)
        # (a label ended by its colon with its answer after it on the line is no wrapped line of text:
        # "Name of person who moved out: Hannah Garth", however long)
        full = [len(x.text) >= 25 and x.box.x1 - x.box.x0 >= 0.6 * width
                and not (x.colon and any(y.box.x0 >= x.box.x1 for y in by_line.get((x.page, x.line), [])))
                for x in chain[:-1]]
        # Lines wrapped at the margin, but for the last of a sentence ("mis.") where one paragraph ends.
        if sum(full) >= 0.5 * len(full) and all(f or x.colon or x.text.rstrip().endswith((".", ":", "!"))
                                                for f, x in zip(full, chain[:-1], strict=True)):
            top = chain[0]
            heads = [x for j in range(top.line - 3, top.line) for x in by_line.get((top.page, j), [])
                     if abs(x.box.x0 - top.box.x0) <= 2 and 0 <= top.box.top - x.box.bottom <= 1.2 * max(x.height, 6.0)]
            for x in chain + heads[-1:]:  # the block, and its heading just over it
                x.label_score = min(x.label_score, -0.8)
            if top.style is not None:
                margins.add((top.page, round(top.box.x0), top.style.font, top.style.size))
    # A two-line note in a column of notes: a sentence wrapped at the same margin, in the same type, as the
    # paragraphs round it ("If you rent the property out, please use our / landlord notification instead.").
    for chain in chains:
        top = chain[0]
        if len(chain) == 2 and top.style is not None and chain[-1].text.rstrip().endswith((".", "!")) \
                and len(top.text) >= 30 and not (top.colon or top.question or top.number) and any(
                    (top.page, round(top.box.x0) + d, top.style.font, top.style.size) in margins for d in (-1, 0, 1)):
            for x in chain:
                x.label_score = min(x.label_score, -0.8)


#: The words before the blanks of a declaration filled in ("I, [name] of [address], postcode [...]"), and
#: what each blank asks for.
_BLANK_LEAD = re.compile(r"^[,.;\s]*(?:(I),?|(of|at|residing at|living at|of the address|of address),?)$", re.I)


def _label_text(seg: Segment) -> str:
    if m := _BLANK_LEAD.match(seg.text.strip()):
        lead = seg.text.strip(" ,.;")
        return f"Your full name ({lead} ...)" if m[1] else f"Your address ({lead} ...)"
    return seg.text + ("?" if seg.question and "?" not in seg.text else "")


_CONTINUED = re.compile(r"^(?P<label>.+?)[\s,:-]*\(?\s*(?:continued|cont(?:inued)?\.?|parhad)\s*\)?$", re.I)


def _continued_overleaf(pairs: list[Pair]) -> None:
    """"Address of the property (continued)" at the top of page 2, over the address's last lines: the answer of
    the label of that name on the page before goes on there (one answer, not two in conflict)."""
    for later in list(pairs):
        m = _CONTINUED.match(later.label)
        if m is None or later.page < 2:
            continue
        base = m["label"].strip().lower()
        first = next((p for p in pairs if p.page == later.page - 1 and p.label.strip().lower() == base), None)
        if first is None:
            continue
        first.lines.extend(later.lines or later.answer.splitlines())
        first.answer = "\n".join(first.lines)
        pairs.remove(later)


def _join_across_pages(doc: Document, pairs: list[Pair], segments: dict[int, list[Segment]], used: set[int]) -> None:
    """An answer that runs off the foot of a page goes on at the top of the next, in the same type and place."""
    for p in pairs:
        if p.how not in {"beside", "below", "box"} or p.page >= len(doc.pages):
            continue
        page = doc.pages[p.page - 1]
        if p.answer_box.bottom < page.height * 0.8:
            continue
        below_it = [s for s in segments.get(p.page, []) if s.box.top > p.answer_box.bottom + 1
                    and s.box.top < page.height * 0.93]
        if below_it:
            continue  # something else comes after it on its page
        mine = [s for s in segments.get(p.page, []) if _inside(s.box, p.answer_box)]
        style = mine[-1].style if mine else None
        nxt = [s for s in segments.get(p.page + 1, []) if id(s) not in used and s.box.top < page.height * 0.3
               and abs(s.box.x0 - p.answer_box.x0) <= 6 and s.label_score < 0.5 and s.answer_score > -0.2
               and style is not None and s.style == style]
        if nxt:
            first = min(nxt, key=lambda s: s.box.top)
            p.lines.append(first.text)
            p.answer = "\n".join(p.lines)
            used.add(id(first))


def _answered_overleaf(doc: Document, pairs: list[Pair], segments: dict[int, list[Segment]], used: set[int],
                       styles: _Styles) -> list[Pair]:
    """A label last on its page whose answer is printed first on the next, under the running head ("Date" at
    the foot of a receipt's first page, "23/11/2026" at the top of its second)."""
    out: list[Pair] = []
    for page in doc.pages[:-1]:
        body = [s for s in segments.get(page.number, []) if s.box.top < page.height * 0.93]
        if not body:
            continue
        last = max(body, key=lambda s: (s.box.bottom, s.box.x0))
        if id(last) in used or last.box.bottom < page.height * 0.8 or not names_a_field(last.text):
            continue
        seen = {s.text.lower() for s in segments.get(page.number, [])}  # the running head, printed on both pages

        def running_head(seg: Segment, seen: set[str] = seen) -> bool:  # (or the title again, "... (continued)")
            m = _CONTINUED.match(seg.text)
            return seg.text.lower() in seen or (m is not None and m["label"].strip().lower() in seen)

        heads = [s for s in segments.get(page.number + 1, []) if running_head(s)]
        top = [s for s in segments.get(page.number + 1, []) if s.box.top < doc.pages[page.number].height * 0.3
               and not running_head(s)]
        if not top:
            continue
        first = min(top, key=lambda s: (s.box.top, s.box.x0))
        if abs(first.box.x0 - last.box.x0) > 20 or not (_value_like(first.text) or styles.is_answer(first.style)):
            continue
        lines = [first.text]
        if id(first) in used:
            # taken as the answer of the running head over it: the label at the foot of the page before is its own
            under_head = next((p for p in pairs if p.page == page.number + 1 and p.answer_box.top <= first.box.top + 1
                               and _inside(first.box, p.answer_box, 1.0)
                               and any(p.label_box is not None and _inside(h.box, p.label_box, 1.0) for h in heads)),
                              None)
            if under_head is None:
                continue
            pairs.remove(under_head)
            lines = under_head.lines or under_head.answer.splitlines()
        used.add(id(first))
        out.append(Pair(page.number, _label_text(last), last.box, "\n".join(lines), first.box, 0.5, "below",
                        lines=lines))
    return out


def pairs_in(items: Iterable[Pair], page: int) -> list[Pair]:
    return [p for p in items if p.page == page]


def _line_text(line: Line) -> str:
    return " ".join(p.text for p in line.phrases)


def widget_label(doc: Document, w: Widget) -> str | None:
    """What a fillable box is asking: its tooltip, else its name when that means something."""
    if w.tooltip:
        return w.tooltip
    return None


_BLOCK_ROLES = ("previous", "new", "other", "forwarding")


def _inherit_roles(pairs: Sequence[Pair]) -> None:
    """A bare "Postcode" or "Town" under an address that says whose ("Previous address", "Town",
    "Postcode") is that address's: it inherits the address's role, as a reader would. Each column of a
    form of two is read down on its own."""
    lasts: dict[float, tuple[Pair, str]] = {}  # by the column's left edge
    level: tuple[Pair, str] | None = None  # the last pair given its address's role, for one level with it
    pages_begun: set[int] = set()
    for pair in pairs:
        if pair.zone in ("letterhead", "footer"):
            continue  # the running head and foot between an address at a page's foot and its postcode overleaf
        first_on_page = pair.page not in pages_begun
        pages_begun.add(pair.page)
        box = pair.label_box or pair.answer_box
        column = next((x for x in lasts if abs(x - box.x0) <= 40), box.x0)
        ideas = ideas_in(pair.label)
        roles = main_roles(pair.label)  # "Address you are moving to (forwarding address if leaving)": new
        if ideas.get("address") and any(roles.get(r, 0) >= 0.6 for r in _BLOCK_ROLES):
            role_words = " ".join(w for w in _BLOCK_ROLES if roles.get(w, 0) >= 0.6)
            lasts.pop(column, None)
            lasts[box.x0] = (pair, {"previous": "previous", "new": "new", "other": "other adult",
                                    "forwarding": "forwarding"}.get(role_words.split()[0], ""))
            continue
        bare = (ideas.get("postcode") or ideas.get("address_more")) and not any(roles.get(r) for r in _BLOCK_ROLES)
        if column not in lasts:
            if bare and level is not None and level[0].page == pair.page \
                    and abs((level[0].label_box or level[0].answer_box).top - box.top) <= 3:
                pair.section = f"{level[1]} {pair.section}".strip()  # "Town ... Postcode" on one line: one address's
            continue
        prev, words = lasts[column]
        near = (prev.page == pair.page and 0 <= box.top - (prev.label_box or prev.answer_box).bottom < 140) \
            or (pair.page == prev.page + 1 and first_on_page)  # the address at the foot of a page, "Post code" overleaf
        if near and bare and words:
            pair.section = f"{words} {pair.section}".strip()
            level = (pair, words)
        elif not ideas.get("address_more") and not ideas.get("postcode"):
            del lasts[column]


