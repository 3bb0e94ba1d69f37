"""What an extractor sees of a PDF: words grouped into lines and phrases, AcroForm
widgets with their values, and (on demand) ruled tables.

:func:`open_document` is the one place that opens a PDF. It turns every way a
file can fail to be read into :class:`UnreadableFile` with a detail a member of
staff can act on, so no extractor needs its own error handling for broken
files.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text
from pdfplumber.page import Page, _invert_box, _normalize_box
from pdfplumber.utils import cluster_objects, extract_words

from extractors.contentstream import read_layout
from extractors.pageobjects import speed_up

__all__ = [
    "UnreadableFile",
    "Word",
    "Phrase",
    "Line",
    "Widget",
    "Table",
    "PageContent",
    "Document",
    "open_document",
]


class UnreadableFile(Exception):
    """The file cannot be read as a PDF; ``str(exc)`` is the human-readable detail."""


@dataclass(frozen=True, slots=True)
class Box:
    page: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: Box) -> Box:
        return Box(self.page, min(self.x0, other.x0), min(self.top, other.top),
                   max(self.x1, other.x1), max(self.bottom, other.bottom))

    @staticmethod
    def around(boxes: Iterable[Box]) -> Box:
        """The smallest box round all of ``boxes`` (at least one), on the first one's page."""
        it = iter(boxes)
        first = next(it)
        x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
        for b in it:
            x0, top, x1, bottom = min(x0, b.x0), min(top, b.top), max(x1, b.x1), max(bottom, b.bottom)
        return Box(first.page, x0, top, x1, bottom)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class Style:
    """How a word is set: its font (without a subset prefix), size and fill colour.

    Answers typed into a form are usually set differently from the form's own
    printing (another font, size or colour): a clue the pair reader uses.
    """

    font: str
    size: float
    colour: tuple[float, ...] = ()

    @property
    def bold(self) -> bool:
        return "bold" in self.font.lower() or "black" in self.font.lower() or "heavy" in self.font.lower()

    @property
    def italic(self) -> bool:
        return "italic" in self.font.lower() or "oblique" in self.font.lower()

    @property
    def monospace(self) -> bool:
        return any(m in self.font.lower() for m in ("courier", "mono", "consol", "typewriter", "fixed"))

    @property
    def family(self) -> str:
        """The font without its weight and slant: 'Helvetica-Bold' → 'helvetica'."""
        return re.split(r"[-,]", self.font.lower(), maxsplit=1)[0]


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    box: Box
    style: Style | None = None


@dataclass(slots=True)
class Phrase:
    """Words on one line with no wide gap between them: a label, a value, or both."""

    words: list[Word]
    #: Set for characters written one per box: their text without the box gaps.
    joined: str | None = None

    @property
    def text(self) -> str:
        return self.joined if self.joined is not None else " ".join(w.text for w in self.words)

    @property
    def box(self) -> Box:
        return Box.around(w.box for w in self.words)


@dataclass(slots=True)
class Line:
    phrases: list[Phrase]

    @property
    def text(self) -> str:
        return "  ".join(p.text for p in self.phrases)

    @property
    def box(self) -> Box:
        return Box.around(p.box for p in self.phrases)


@dataclass(frozen=True, slots=True)
class Widget:
    """An AcroForm field's widget: its fully qualified name, value and place.

    For a check box or radio button, ``value`` is the state it is in (None when off) and
    ``on_state`` the name of its "on" appearance (what it means when ticked: "Yes", "out",
    "Choice2"); ``tooltip`` is the field's /TU, what a screen reader says for it, often the
    question itself where the name is generic (``Text7``).
    """

    name: str
    value: str | None
    kind: str  # Tx, Btn, Ch, Sig or "" when unknown
    box: Box
    tooltip: str | None = None
    on_state: str | None = None
    #: A radio group's buttons share the field; set for radio buttons (field flag 16).
    radio: bool = False
    options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    rows: list[list[str]]
    cells: list[list[Box | None]]
    box: Box


@dataclass
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]
    _page: Page | None = field(default=None, repr=False)
    #: Rectangles drawn on the page (answer boxes, character boxes, tick boxes), as boxes.
    rects: list[Box] = field(default_factory=list)
    #: Horizontal rules (answer lines, underlines, a rectangle's top and bottom edges).
    rules: list[Box] = field(default_factory=list)
    #: Small drawn marks that are neither rules nor boxes: the strokes of a cross or tick drawn in a box,
    #: a filled square (each as the box around it).
    marks: list[Box] = field(default_factory=list)
    #: Small circles drawn on the page, as boxes: an online form's radio buttons printed, each before its option
    #: (the chosen one with a dot drawn in it, among :attr:`marks`).
    circles: list[Box] = field(default_factory=list)
    #: Round outlines wider than a word is tall, drawn round printed words: an option circled by hand ("Yes"
    #: ringed in "Yes / No"), as boxes.
    rings: list[Box] = field(default_factory=list)

    @cached_property
    def tables(self) -> list[Table]:
        """Ruled tables on the page (pdfplumber's table finder), found on first use."""
        if self._page is None or not self._page.edges:
            return []
        found = []
        chars = self._page.chars
        for t in self._page.find_tables():
            rows: list[list[str]] = []
            cells: list[list[Box | None]] = []
            for row in t.rows:
                texts: list[str] = []
                boxes: list[Box | None] = []
                for cell in row.cells:
                    if cell is None:
                        texts.append("")
                        boxes.append(None)
                        continue
                    text = _with_combs(_cell_text(chars, cell), self.lines, Box(self.number, *cell))
                    texts.append(text)
                    boxes.append(Box(self.number, *cell))
                rows.append(texts)
                cells.append(boxes)
            found.append(Table(rows, cells, Box(self.number, *t.bbox)))
        return found


def _with_combs(text: str, lines: Sequence[Line], cell: Box) -> str:
    """A cell's text with each value written one character to a box as one value, as the lines read it
    ("1 2 / 1 2 / 2 0 2 6" is "12/12/2026", "Q V 1 2 E U" is "QV12 EU" or as its empty boxes space it)."""
    for line in lines:
        for phrase in line.phrases:
            if phrase.joined is None or not all(
                    cell.x0 - 1 <= w.box.x0 and w.box.x1 <= cell.x1 + 1 and cell.top - 1 <= w.box.top
                    and w.box.bottom <= cell.bottom + 1 for w in phrase.words):
                continue
            spaced = re.compile(r"\s*".join(re.escape(w.text) for w in phrase.words))
            if (found := spaced.search(text)) is not None:
                text = text[:found.start()] + phrase.joined + text[found.end():]
    return text


def _cell_text(chars: list[dict[str, Any]], cell: tuple[float, float, float, float]) -> str:
    """``page.crop(cell, strict=False).extract_text()``, without cropping the page's every rule and box too."""
    x0, top, x1, bottom = cell
    near = [c for c in chars if c["x0"] <= x1 and c["x1"] >= x0 and c["top"] <= bottom and c["bottom"] >= top]
    inside = pdfplumber.utils.crop_to_bbox(near, cell)
    return pdfplumber.utils.chars_to_textmap(inside, layout_bbox=cell, layout_width=x1 - x0,
                                             layout_height=bottom - top).as_string or ""


@dataclass
class Document:
    path: Path
    pages: list[PageContent]
    widgets: list[Widget]
    has_xfa: bool = False

    @cached_property
    def text(self) -> str:
        """All the page text, line by line (widget values not included)."""
        return "\n".join(line.text for page in self.pages for line in page.lines)

    @cached_property
    def lower_text(self) -> str:
        return re.sub(r"\s+", " ", self.text.lower())

    @property
    def word_count(self) -> int:
        return sum(len(p.words) for page in self.pages for line in page.lines for p in line.phrases)

    def all_lines(self) -> Iterator[tuple[PageContent, Line]]:
        for page in self.pages:
            for line in page.lines:
                yield page, line


# --------------------------------------------------------------------------- building lines


def _group_lines(words: list[dict[str, Any]], page_no: int, rects: Sequence[Box] = ()) -> list[Line]:
    """Words to lines (by vertical overlap) and lines to phrases (split at wide gaps); ``rects`` are the
    page's drawn boxes, for characters written one to a box."""
    rows: list[list[Word]] = []
    styles: dict[tuple[Any, ...], Style] = {}
    middles: list[float] = []  # each row's mean middle: words typed a little off the line still join it
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        word = Word(w["text"], Box(page_no, w["x0"], w["top"], w["x1"], w["bottom"]), _style(w, styles))
        if rows:
            last = rows[-1][0].box
            if abs(word.box.middle - middles[-1]) <= max(2.0, 0.45 * last.height):
                rows[-1].append(word)
                n = len(rows[-1])
                middles[-1] += (word.box.middle - middles[-1]) / n
                continue
        rows.append([word])
        middles.append(word.box.middle)
    lines = []
    combs = _combs(rects)
    for row in rows:
        row.sort(key=lambda w: w.box.x0)
        phrases = [Phrase([row[0]])]
        for prev, word in itertools.pairwise(row):
            gap = word.box.x0 - prev.box.x1
            # A normal space is about a quarter of the font size; a column gap
            # or the space between a label and its value is much wider.
            if gap > max(7.0, 1.1 * prev.box.height):
                phrases.append(Phrase([word]))
            else:
                phrases[-1].words.append(word)
        lines.append(Line(_merge_character_boxes(phrases, combs)))
    return lines


_SUBSET = re.compile(r"^[A-Z]{6}\+")


def _style(w: dict[str, Any], seen: dict[tuple[Any, ...], Style]) -> Style | None:
    """A word's style from its characters: the commonest font, the middle size, the first one's colour.

    (Not pdfplumber's ``extra_attrs``, which ends a word wherever a character's size differs in the
    last decimal place, as it does in jittered or scanned-and-recognised text.)"""
    chars = w.get("chars") or []
    if not chars:
        return None
    fonts = [c.get("fontname") for c in chars]
    font = max(set(fonts), key=fonts.count)
    sizes = sorted(float(c.get("size") or 0) for c in chars)
    size = sizes[len(sizes) // 2]
    colour = chars[0].get("non_stroking_color")
    if font is None:
        return None
    key = (font, size, colour if isinstance(colour, tuple | list | None) else None)
    style = seen.get(key)
    if style is None:
        shade: tuple[float, ...] = ()
        if isinstance(colour, tuple | list):
            with contextlib.suppress(TypeError, ValueError):
                shade = tuple(round(float(c), 2) for c in colour)
        style = seen[key] = Style(_SUBSET.sub("", str(font)), round(float(size) * 2) / 2, shade)
    return style


def _rects_rules_and_marks(page: Page, number: int
                           ) -> tuple[list[Box], list[Box], list[Box], list[Box], list[Box]]:
    """The page's rectangles, its horizontal rules (lines, thin rectangles, rectangles' top and bottom),
    its small drawn marks (slanted strokes and curves of a cross or tick, small filled squares, a dot),
    its small drawn circles (radio buttons) and its ovals (words ringed)."""
    rects: list[Box] = []
    rules: list[Box] = []
    marks: list[Box] = []
    circles: list[Box] = []
    rings: list[Box] = []
    for r in page.rects:
        b = Box(number, float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        if b.height <= 2.5 and b.x1 - b.x0 > 8:
            rules.append(b)
        elif b.x1 - b.x0 > 2.5 and b.height > 2.5:
            rects.append(b)
            rules.append(Box(number, b.x0, b.top, b.x1, b.top))
            rules.append(Box(number, b.x0, b.bottom, b.x1, b.bottom))
            if r.get("fill") and not r.get("stroke") and b.x1 - b.x0 <= 14 and b.height <= 14:
                marks.append(b)  # a filled square, as a box is marked by blacking it in
    for ln in page.lines:
        b = Box(number, float(ln["x0"]), float(ln["top"]), float(ln["x1"]), float(ln["bottom"]))
        if b.height <= 1.5 and b.x1 - b.x0 > 8:
            rules.append(b)
        elif b.height > 1.5 and b.x1 - b.x0 > 1.5 and b.height <= 20 and b.x1 - b.x0 <= 20:
            marks.append(b)  # a slanted stroke: half a cross
    for cv in page.curves:
        b = Box(number, float(cv["x0"]), float(cv["top"]), float(cv["x1"]), float(cv["bottom"]))
        w = b.x1 - b.x0
        if cv.get("stroke") and not cv.get("fill") and 7 <= w <= 26 and abs(w - b.height) <= 2 \
                and len(cv.get("pts") or ()) >= 5:
            circles.append(b)  # a round outline as wide as it is tall (a curve of several points, not a stroke)
        elif cv.get("stroke") and not cv.get("fill") and 6 <= b.height <= 40 and b.height < w <= 160 \
                and len(cv.get("pts") or ()) >= 5:
            rings.append(b)  # an oval: a word ringed
        elif cv.get("stroke") and cv.get("fill") and 7 <= w <= 20 and abs(w - b.height) <= 2 \
                and len(cv.get("pts") or ()) >= 8 and _light_fill(cv.get("non_stroking_color")):
            rects.append(b)  # a tick box drawn with rounded corners, shaded light inside
        elif b.height <= 20 and w <= 20:
            marks.append(b)
    return rects, rules, marks, circles, rings


def _light_fill(colour: Any) -> bool:
    """A fill light enough to be a box's shading, not a mark (white, a pale tint; grey or RGB)."""
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not colour:
        return False
    values = [float(c) for c in colour if isinstance(c, (int, float))]
    if len(values) == 4:  # CMYK: little ink
        return sum(values) <= 0.3
    return bool(values) and min(values) >= 0.8


def _combs(rects: Sequence[Box]) -> list[list[Box]]:
    """Rows of three or more boxes that touch or nearly touch, one character to each (a postcode's or a
    date's comb)."""
    chains: list[list[Box]] = []
    for r in sorted((r for r in rects if 5 <= r.x1 - r.x0 <= 25 and 8 <= r.height <= 30),
                    key=lambda r: (round(r.top), r.x0)):
        for chain in chains:
            last = chain[-1]
            if abs(last.top - r.top) <= 1.5 and abs(last.bottom - r.bottom) <= 1.5 \
                    and -1 <= r.x0 - last.x1 <= 0.35 * (last.x1 - last.x0):
                chain.append(r)
                break
        else:
            chains.append([r])
    return [c for c in chains if len(c) >= 3]


def _comb_of(word: Word, combs: Sequence[Sequence[Box]]) -> int | None:
    """Which comb ``word`` is written in, if it is in a box of one."""
    b = word.box
    return next((i for i, comb in enumerate(combs) for r in comb
                 if r.x0 - 1.5 <= b.x0 and b.x1 <= r.x1 + 1.5 and r.top - 1.5 <= b.top and b.bottom <= r.bottom + 1.5),
                None)


def _merge_character_boxes(phrases: list[Phrase], combs: Sequence[Sequence[Box]] = ()) -> list[Phrase]:
    """One character per box ("4 0 0 1 2 3 4 5" in a row of boxes) is one value, not eight.

    Runs of single characters are found across phrase boundaries, because an
    empty box (the space in "FW3 3BB") opens a gap as wide as a column gap.
    An empty box in the run becomes a space in the joined text.
    """
    words = [w for p in phrases for w in p.words]
    owner = [i for i, p in enumerate(phrases) for _ in p.words]
    runs = _character_runs(words, [_comb_of(w, combs) if len(w.text) == 1 else None for w in words])
    if not runs:
        return phrases
    out: list[Phrase] = []
    done = 0
    for start, end in runs:
        out.extend(_regroup(words[done:start], owner[done:start]))
        run = words[start:end]
        gaps = [b.box.x0 - a.box.x1 for a, b in itertools.pairwise(run)]
        pitch = sorted(gaps)[len(gaps) // 2]
        text = run[0].text
        for gap, w in zip(gaps, run[1:], strict=True):
            # (an empty box is a space, but not beside a date's "/" printed between its boxes)
            spaced = gap > 1.5 * pitch + 1 and w.text not in "/-." and text[-1] not in "/-."
            text += (" " if spaced else "") + w.text
        out.append(Phrase(run, text))
        done = end
    out.extend(_regroup(words[done:], owner[done:]))
    return out


def _character_runs(words: list[Word], combs: Sequence[int | None] = ()) -> list[tuple[int, int]]:
    """Index ranges of three or more single characters written one per box. ``combs`` says which drawn comb
    each word is written in, if any: characters of one comb are one value however many boxes are left empty
    between them ("O K 4 _ _ 5 U Z")."""
    runs: list[tuple[int, int]] = []
    comb = list(combs) or [None] * len(words)
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and len(words[j].text) == 1 and (
                j == i or _near(words[j - 1], words[j]) or (comb[j] is not None and comb[j] == comb[j - 1])):
            j += 1
        if j - i >= 3 and not _one_per_box(words[i:j]):
            i += 1  # "C  [X] K   M": options beside tick boxes, in two types and at uneven spacing
            continue
        if j - i >= 3:
            gaps = sorted(b.box.x0 - a.box.x1 for a, b in itertools.pairwise(words[i:j]))
            pitch = gaps[len(gaps) // 2]
            # The tail of a boxed value can come out as one short word ("F W 5" then "8PE").
            # (in the run's own type: "DD/MM/YYYY" printed small after a date's boxes is a hint, no tail)
            if (j < len(words) and len(words[j].text) <= 4 and _near(words[j - 1], words[j])
                    and words[j].box.x0 - words[j - 1].box.x1 <= 3.5 * pitch + 2
                    and _type_of(words[j]) == _type_of(words[j - 1])):
                j += 1
            # ... and its head, two characters in boxes that touch ("07" then "/ 1 1 / 2 0 2 6"): as close,
            # and in the run's own type (a label before the boxes is further off, in the form's)
            head, first = (words[i - 1], words[i]) if i > 0 else (None, words[i])
            if head is not None and head.text.isalnum() and len(head.text) <= 3 and (not runs or runs[-1][1] < i) \
                    and _type_of(head) is not None and _type_of(head) == _type_of(first) \
                    and 0 <= first.box.x0 - head.box.x1 <= 2 * pitch + 2:
                i -= 1
            runs.append((i, j))
            i = j
        else:
            i = max(j, i + 1)
    return runs


def _type_of(word: Word) -> tuple[str, float] | None:
    return (word.style.font, round(word.style.size, 1)) if word.style is not None else None


def _one_per_box(run: list[Word]) -> bool:
    """Characters written one per box: one type, evenly spaced (an empty box doubles a gap, never
    halves one)."""
    if not all(w.text.isalnum() or w.text in "/-." for w in run) or sum(w.text.isalnum() for w in run) < 3:
        return False  # "2 – Y" in a heading
    if len({(w.style.font, round(w.style.size, 1)) if w.style else None for w in run if w.text.isalnum()}) > 1:
        return False  # (by font and size: a colour read off a shared graphics state can differ; the "/" printed
        # between a date's boxes may be set in another size)
    gaps = sorted(b.box.x0 - a.box.x1 for a, b in itertools.pairwise(run))
    pitch = gaps[len(gaps) // 2]
    widths = sorted(w.box.x1 - w.box.x0 for w in run)
    # (and close: a box is not much wider than its character; "C   K   M" beside tick boxes are far apart)
    return gaps[0] >= 0.5 * pitch - 1.5 and pitch <= 2.5 * widths[len(widths) // 2] + 3


def _near(a: Word, b: Word) -> bool:
    return b.box.x0 - a.box.x1 < 4 * max(b.box.height, 6)


def _regroup(words: list[Word], owner: list[int]) -> list[Phrase]:
    """Words back into the phrases they came from (a run may have cut one in two)."""
    out: list[Phrase] = []
    for _, group in itertools.groupby(zip(owner, words, strict=True), key=lambda t: t[0]):
        out.append(Phrase([w for _, w in group]))
    return out


# --------------------------------------------------------------------------- AcroForm widgets


def _decode(value: Any) -> str | None:
    value = _resolve(value)
    if value is None:
        return None
    if isinstance(value, bytes):
        try:
            return decode_text(value)
        except (UnicodeDecodeError, ValueError):
            # A mis-encoded name or value (seen in real government forms) must not
            # make the whole document unreadable.
            return value.decode("latin-1", errors="replace")
    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    if isinstance(value, list):
        parts = [_decode(v) for v in value]
        return ", ".join(p for p in parts if p)
    return str(value)


def _resolve(obj: Any) -> Any:
    for _ in range(8):
        if hasattr(obj, "resolve"):
            obj = obj.resolve()
        else:
            break
    return obj


def _widget(annot: dict[str, Any], page_no: int) -> Widget | None:
    data = annot.get("data") or {}
    if _decode(data.get("Subtype")) != "Widget":
        return None
    names: list[str] = []
    value: Any = None
    kind: Any = None
    tooltip: str | None = None
    flags: Any = None
    options: Any = None
    node: Any = data
    for _ in range(16):  # walk up the field tree; a cycle must not hang us
        if not isinstance(node, dict):
            break
        if node.get("T") is not None:
            names.append(_decode(node.get("T")) or "")
        if value is None and node.get("V") is not None:
            value = _resolve(node.get("V"))
        if kind is None and node.get("FT") is not None:
            kind = node.get("FT")
        if tooltip is None and node.get("TU") is not None:
            tooltip = _decode(node.get("TU"))
        if flags is None and node.get("Ff") is not None:
            flags = _resolve(node.get("Ff"))
        if options is None and node.get("Opt") is not None:
            options = _resolve(node.get("Opt"))
        node = _resolve(node.get("Parent"))
    if not names:
        return None
    text = _decode(value)
    kind_s = _decode(kind) or ""
    on_state = None
    radio = False
    if kind_s == "Btn":
        on_state = _on_state(data)
        radio = isinstance(flags, int) and bool(flags & (1 << 15))
        state = _decode(data.get("AS"))
        if radio or state is not None:
            # A radio button (or a check box sharing its field with others) is on when its own
            # appearance state is its "on" state; the field's /V names whichever one is.
            text = on_state if (state is not None and state not in {"Off", ""} and state == on_state) or (
                state is None and text is not None and text == on_state) else None
        if text in {"Off", ""}:
            text = None
    box = Box(page_no, float(annot["x0"]), float(annot["top"]), float(annot["x1"]), float(annot["bottom"]))
    return Widget(".".join(reversed(names)), text.strip() if text else None, kind_s, box,
                  tooltip=tooltip.strip() if tooltip and tooltip.strip() else None, on_state=on_state, radio=radio,
                  options=_options(options))


def _on_state(data: dict[str, Any]) -> str | None:
    """The name of a button's "on" appearance (any state of /AP /N but Off)."""
    ap = _resolve(data.get("AP"))
    normal = _resolve(ap.get("N")) if isinstance(ap, dict) else None
    if isinstance(normal, dict):
        for key in normal:
            name = key.decode("latin-1") if isinstance(key, bytes) else str(key)
            if name != "Off":
                return name
    return None


def _options(raw: Any) -> tuple[str, ...]:
    """A choice field's options (/Opt: strings, or [export, shown] pairs: the shown text)."""
    if not isinstance(raw, list):
        return ()
    out = []
    for item in raw[:200]:
        item = _resolve(item)
        if isinstance(item, list) and item:
            item = _resolve(item[-1])
        text = _decode(item)
        if text:
            out.append(text)
    return tuple(out)


def _widget_annots(page: Page) -> Iterator[dict[str, Any]]:
    """The page's widget annotations, placed as ``Page.annots`` places them.

    ``Page.annots`` resolves every annotation to the bottom (appearance
    streams, fonts, the whole field tree: a tenth of the time it takes to read
    a form); a widget needs only its own dictionary, its rectangle and the
    names and values up its field tree, which :func:`_widget` resolves as it
    goes. ``tests/extractors/test_widgets.py`` checks both give the same widgets.
    """
    raw = _resolve(page.page_obj.annots)
    if not isinstance(raw, list):
        return
    turns = int(page.rotation) // 90
    root_height = page.root_page.height

    def rotated(x: float, y: float) -> tuple[float, float]:
        for i in range(turns):
            comp = page.width if i == turns % 2 else page.height
            x, y = y, comp - x
        return x, y

    for item in raw:
        try:
            annot = _resolve(item)
            if not isinstance(annot, dict) or _decode(annot.get("Subtype")) != "Widget":
                continue
            a, b, c, d = (float(_resolve(v)) for v in _resolve(annot["Rect"]))
            x0, top, x1, bottom = _invert_box(_normalize_box((*rotated(a, b), *rotated(c, d))), root_height)
        except Exception:  # noqa: BLE001 - one broken annotation must not hide the others
            continue
        yield {"data": annot, "x0": x0, "top": top, "x1": x1, "bottom": bottom}


def _page_widgets(page: Page) -> list[Widget]:
    found = []
    try:
        for annot in _widget_annots(page):
            try:
                w = _widget(annot, page.page_number)
            except Exception:  # noqa: BLE001 - one broken widget must not hide the others
                continue
            if w is not None:
                found.append(w)
    except Exception:  # noqa: BLE001 - broken annotations: read the page text without them
        return found
    return found


# --------------------------------------------------------------------------- opening


def _check_header(path: Path, max_bytes: int) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(f"cannot read the file: {exc.strerror}") from exc
    if size == 0:
        raise UnreadableFile("the file is empty (0 bytes)")
    if size > max_bytes:
        raise UnreadableFile(f"the file is {_size(size)}, over the limit of {_size(max_bytes)}")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise UnreadableFile("not a PDF: the file does not start with a PDF header")


def _size(n: int) -> str:
    """``20,971,520 bytes (20.0 MB)``: exact, and readable at a glance."""
    return f"{n:,} bytes ({n / 1e6:.1f} MB)" if n >= 100_000 else f"{n:,} bytes"


def _open_error(exc: Exception) -> UnreadableFile:
    chain = [exc]
    while chain[-1].__cause__ is not None or chain[-1].__context__ is not None:
        nxt = chain[-1].__cause__ or chain[-1].__context__
        assert nxt is not None
        chain.append(nxt)  # type: ignore[arg-type]
        if len(chain) > 6:
            break
    names = " ".join(type(e).__name__ for e in chain) + " " + " ".join(str(e) for e in chain)
    if "Password" in names or "password" in names:
        return UnreadableFile("the PDF is password-protected")
    if "Encrypt" in names or "encrypt" in names:
        return UnreadableFile("the PDF is encrypted in a way that cannot be read")
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return UnreadableFile(f"the PDF is damaged and cannot be read ({detail[:160]})")


#: Characters of one word may sit a little off their line (a jittered print, handwriting fonts): up to
#: this many points apart vertically they are still one word (pdfplumber's default is 3).
_Y_TOLERANCE = 5
#: Words split where the gap between two characters is a quarter of their size: a space in justified text
#: set tight (2.9 points at 10.5) is still a space, where pdfplumber's fixed 3 points joined
#: "livingatthisaddresssince".
_X_TOLERANCE_RATIO = 0.25


#: Lines that the tolerance above chains together through something between them (a tick mark set between a
#: Welsh line and its English line) span more than this: they are split again at pdfplumber's own tolerance.
#: Glyphs printed for a tick box left empty ("☐ Moving out").
EMPTY_BOX_GLYPHS = "\u2610\u25a1\u25cb"
_CHAINED_SPAN = 7.0


def _overprinted(line: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Two lines of type printed half a line apart, over each other (a blank answer that moved the next
    question up): two sets of characters, each on a baseline of its own and across the same stretch of the
    page, which the tolerance for a jittered print would interleave into one line. Apart again."""
    parts = cluster_objects(line, "top", 1.0)
    if len(parts) > 2:
        # (answers in two types over one line of print, "Benjamin Quantrill" and "14/11/2026" over "Signature
        # ____ Date ____": the print's own type, and the rest)
        main = max(parts, key=len)
        fonts = {c.get("fontname") for c in main}
        rest = [c for c in line if c.get("fontname") not in fonts]
        if len(rest) + len(main) == len(line):
            parts = [main, rest]
    if len(parts) != 2 or min(len(p) for p in parts) < 4:
        return [line]
    size = sorted(c["size"] for c in line)[len(line) // 2]
    (a, b) = parts
    tops = [sum(c["top"] for c in p) / len(p) for p in parts]
    spans = [(min(c["x0"] for c in p), max(c["x1"] for c in p)) for p in parts]
    shared = min(spans[0][1], spans[1][1]) - max(spans[0][0], spans[1][0])
    # (in type of its own, an answer typed over the leader it answers on is apart at less: "18/10/2026" in
    # Courier a little over the "(dd/mm/yyyy) ______" of its question)
    apart = max(2.5, 0.25 * size) if not {c.get("fontname") for c in a} & {c.get("fontname") for c in b} \
        else max(3.5, 0.4 * size)
    if abs(tops[0] - tops[1]) < apart or shared < 0.5 * min(x1 - x0 for x0, x1 in spans):
        return [line]
    return [sorted(a, key=lambda c: c["x0"]), sorted(b, key=lambda c: c["x0"])]


def _marks_apart(words: list[dict[str, Any]], page: Page) -> list[dict[str, Any]]:
    """A mark typed in a tick box set so close to the option before it that it joined its last word
    ("Moving in[X]"): the mark a word of its own."""
    boxes = [r for r in page.rects if 5 <= r["x1"] - r["x0"] <= 18 and 5 <= r["bottom"] - r["top"] <= 18]
    if not boxes:
        return words

    def boxed(c: dict[str, Any]) -> bool:
        return any(r["x0"] - 1 <= c["x0"] and c["x1"] <= r["x1"] + 1 and r["top"] - 1 <= c["top"]
                   and c["bottom"] <= r["bottom"] + 1 for r in boxes)

    def word(chars: list[dict[str, Any]], like: dict[str, Any]) -> dict[str, Any]:
        return {**like, "text": "".join(c["text"] for c in chars), "x0": min(c["x0"] for c in chars),
                "x1": max(c["x1"] for c in chars), "top": min(c["top"] for c in chars),
                "bottom": max(c["bottom"] for c in chars), "chars": chars}

    out: list[dict[str, Any]] = []
    for w in words:
        chars = w.get("chars") or []
        at = [k for k, c in enumerate(chars) if boxed(c)]
        if len(chars) < 2 or len(at) != 1 or not chars[at[0]]["text"].strip():
            out.append(w)
            continue
        k = at[0]
        out.extend(word(part, w) for part in (chars[:k], chars[k:k + 1], chars[k + 1:]) if part)
    return out


def _page_words(page: Page) -> list[dict[str, Any]]:
    """The page's words, each with its characters, lines found as pdfplumber finds them but never chained
    line to line: a character between two close lines of small print (a tick beside a question printed in two
    languages) would otherwise make them one line, its characters interleaved into words of one letter.
    Words set sideways are left out where they are a page's few (a band up the margin), since they would
    join the lines they cross."""
    upright: list[dict[str, Any]] = []
    rotated: list[dict[str, Any]] = []
    for c in page.chars:
        (upright if c["upright"] else rotated).append(c)
    ordered: list[dict[str, Any]] = []
    for line in cluster_objects(upright, "top", _Y_TOLERANCE):
        tops = [c["top"] for c in line]
        parts = [line] if max(tops) - min(tops) <= _CHAINED_SPAN else cluster_objects(line, "top", 3)
        if len(parts) == 1:
            parts = _overprinted(line)
        for part in parts:
            ordered.extend(sorted(part, key=lambda c: c["x0"]))
    words = extract_words(ordered, return_chars=True, use_text_flow=True, keep_blank_chars=False,
                          y_tolerance=_Y_TOLERANCE, x_tolerance_ratio=_X_TOLERANCE_RATIO)
    words = _marks_apart(words, page)
    if rotated and len(rotated) < 0.2 * len(page.chars):
        return words  # a few words set sideways in a margin (the council's name up the side): no part of the form
    if rotated:
        words += extract_words(rotated, return_chars=True, use_text_flow=False, keep_blank_chars=False,
                               y_tolerance=_Y_TOLERANCE, x_tolerance_ratio=_X_TOLERANCE_RATIO)
    return words


@contextlib.contextmanager
def open_document(path: Path, *, max_bytes: int = 20_000_000, max_pages: int = 30) -> Iterator[Document]:
    """Open ``path`` as a :class:`Document`; raise :class:`UnreadableFile` if it cannot be read.

    The document is only valid inside the ``with`` block (tables are read lazily).
    """
    path = Path(path)
    _check_header(path, max_bytes)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:
        raise _open_error(exc) from exc
    try:
        try:
            pages = pdf.pages
            n = len(pages)
        except Exception as exc:
            raise _open_error(exc) from exc
        if n == 0:
            raise UnreadableFile("the PDF has no pages")
        if n > max_pages:
            raise UnreadableFile(f"the PDF has {n} pages, over the limit of {max_pages}")
        contents: list[PageContent] = []
        widgets: list[Widget] = []
        try:
            for page in pages:
                speed_up(page)
                read_layout(page)
                words = _page_words(page)
                rects, rules, marks, circles, rings = _rects_rules_and_marks(page, page.page_number)
                contents.append(PageContent(page.page_number, float(page.width), float(page.height),
                                            _group_lines(words, page.page_number, rects), page, rects, rules, marks,
                                            circles, rings))
                widgets.extend(_page_widgets(page))
            acro = _resolve(pdf.doc.catalog.get("AcroForm"))
            has_xfa = isinstance(acro, dict) and acro.get("XFA") is not None
        except UnreadableFile:
            raise
        except Exception as exc:
            raise _open_error(exc) from exc
        yield Document(path, contents, widgets, has_xfa)
    finally:
        with contextlib.suppress(Exception):
            pdf.close()
