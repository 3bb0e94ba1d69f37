"""Images of a submission's pages and the words on them, made once and kept in the data folder.

Pages are addressed by submission id and page number, never by a path from
the request. The images and words are cached under ``<home>/page-images/<sha256>/``
because a stored file never changes (the store is content-addressed).

The words (read with ``extractors.document.open_document``, as the extractors
see them) let staff copy text from the page image into an answer, and let the
numbered markers of the answers' boxes be placed where they cover no text
(:func:`place_markers`).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfplumber.display import PageImage

from extractors.document import UnreadableFile, open_document
from formwork.inspect import FilledForms
from formwork.models import Submission
from formwork.settings import Settings
from formwork.store import FileStore

log = logging.getLogger(__name__)

#: PDFium (under pdfplumber's page images) is not thread-safe, and the app serves requests on a
#: thread pool: two pages rendered at once crash the process. One page is rendered at a time.
_PDFIUM = threading.Lock()

RESOLUTION = 110  # dots per inch: sharp enough to read handwriting-sized text on a laptop


@dataclass(frozen=True)
class PageSize:
    number: int
    width: float  # PDF points
    height: float


def original_file(settings: Settings, sub: Submission) -> Path:
    return FileStore(settings.store_dir).resolve(sub.stored_path)


def _cache_dir(settings: Settings, sub: Submission) -> Path:
    return settings.home / "page-images" / sub.sha256


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def page_sizes(settings: Settings, sub: Submission) -> list[PageSize]:
    """The pages' sizes in points; empty when the file cannot be opened (a quarantined file)."""
    cached = _cache_dir(settings, sub) / "pages.json"
    if cached.is_file():
        return [PageSize(**p) for p in json.loads(cached.read_text())]
    try:
        with _PDFIUM, pdfplumber.open(original_file(settings, sub)) as pdf:
            if len(pdf.pages) > settings.limits.max_pages:
                return []
            sizes = [PageSize(i, float(p.width), float(p.height)) for i, p in enumerate(pdf.pages, start=1)]
    except Exception as exc:  # noqa: BLE001 - a file that cannot be drawn is shown as a download only
        log.info("pages of submission %s cannot be drawn: %s", sub.id, type(exc).__name__)
        return []
    _write_atomic(cached, json.dumps([s.__dict__ for s in sizes]).encode())
    return sizes


def page_png(settings: Settings, sub: Submission, number: int) -> Path | None:
    """The PNG of page ``number`` (1-based), rendered on first use; None when there is no such page."""
    if number < 1 or number > len(page_sizes(settings, sub)):
        return None
    out = _cache_dir(settings, sub) / f"page-{number}-{RESOLUTION}-filled.png"  # older images lack the answers
    if out.is_file():
        return out
    path = original_file(settings, sub)
    with _PDFIUM, pdfplumber.open(path) as pdf, FilledForms(path) as filled:
        if out.is_file():  # another request rendered it while this one waited
            return out
        # With the fillable fields' answers drawn in: staff see what the citizen typed.
        filled_in = filled.render(number - 1, RESOLUTION)
        image = (PageImage(pdf.pages[number - 1], original=filled_in, resolution=RESOLUTION) if filled_in is not None
                 else pdf.pages[number - 1].to_image(resolution=RESOLUTION))
        fd, tmp = tempfile.mkstemp(dir=_ensure(out.parent), prefix=".tmp-", suffix=".png")
        os.close(fd)
        image.save(tmp, format="PNG")
    os.replace(tmp, out)
    return out


def _ensure(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --------------------------------------------------------------------------- the words on a page

WORDS_VERSION = 1  # part of the cache file's name: a change to what is cached makes it anew
_WORDS = threading.Lock()  # one reading at a time: a second request for the same file waits and reads the cache


@dataclass(frozen=True)
class PageWord:
    """A word as drawn on a page, in PDF points from the page's top left (pdfplumber's coordinates).

    ``source`` is ``text`` for the page's own text, ``field`` for what was typed into a fillable box.
    A value written one character per box ("4 0 0 1 2 3 4 5") is one word, as the extractors join it.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    source: str = "text"


@dataclass(frozen=True)
class PageWords:
    number: int
    width: float
    height: float
    words: list[PageWord]


def _read_words(path: Path, settings: Settings) -> list[PageWords]:
    out: list[PageWords] = []
    with open_document(path, max_bytes=settings.limits.max_file_bytes, max_pages=settings.limits.max_pages) as doc:
        by_page: dict[int, list[PageWord]] = {p.number: [] for p in doc.pages}
        for page in doc.pages:
            for line in page.lines:
                for phrase in line.phrases:
                    if phrase.joined is not None:  # characters one per box: one value
                        b = phrase.box
                        by_page[page.number].append(PageWord(phrase.joined, b.x0, b.top, b.x1, b.bottom))
                        continue
                    by_page[page.number].extend(PageWord(w.text, w.box.x0, w.box.top, w.box.x1, w.box.bottom)
                                                for w in phrase.words)
        typed = [w for w in doc.widgets if w.value and w.kind != "Btn" and w.box.page in by_page]
        if typed:
            placed = _typed_words(path, [w.box for w in typed])
            for widget in typed:
                b = widget.box
                inside = [w for w in placed.get(b.page, []) if b.x0 <= (w.x0 + w.x1) / 2 <= b.x1
                          and b.top <= (w.top + w.bottom) / 2 <= b.bottom]
                # Where the answer's words cannot be placed, the whole answer is one word over its box.
                by_page[b.page].extend(inside or [PageWord(" ".join((widget.value or "").split()), b.x0, b.top, b.x1,
                                                           b.bottom, "field")])
        for page in doc.pages:
            words = [PageWord(w.text, round(w.x0, 2), round(w.top, 2), round(w.x1, 2), round(w.bottom, 2), w.source)
                     for w in by_page[page.number]]
            out.append(PageWords(page.number, round(page.width, 2), round(page.height, 2), words))
    return out


def _typed_words(path: Path, boxes: Sequence[Any]) -> dict[int, list[PageWord]]:
    """The words typed into fillable boxes, where pdfium draws them on the page images.

    pdfplumber reads only a page's own text, not what fills its form fields. pdfium draws the fields
    (``FilledForms``); flattening a copy of the pages in memory makes their text page text, which
    pdfplumber then places word by word: so a date in the middle of a typed sentence can be picked.
    The stored file is only read. Empty when pdfium cannot do it.
    """
    import io

    import pypdfium2

    wanted = {b.page for b in boxes}
    try:
        with _PDFIUM:
            pdf = pypdfium2.PdfDocument(str(path))
            try:
                pdf.init_forms()
                for index in sorted(wanted):
                    page = pdf[index - 1]
                    page.flatten()
                    page.close()
                buf = io.BytesIO()
                pdf.save(buf)
            finally:
                pdf.close()
        out: dict[int, list[PageWord]] = {}
        with pdfplumber.open(io.BytesIO(buf.getvalue())) as flat:
            for number in sorted(wanted):
                page = flat.pages[number - 1]
                out[number] = [PageWord(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]),
                                        "field") for w in page.extract_words(keep_blank_chars=False)]
        return out
    except Exception as exc:  # noqa: BLE001 - each typed answer is then one word over its box
        log.info("typed words of %s cannot be placed: %s", path.name, type(exc).__name__)
        return {}


def page_words(settings: Settings, sub: Submission) -> list[PageWords]:
    """Every page's words; empty when the file cannot be read (a quarantined file)."""
    cached = _cache_dir(settings, sub) / f"words-{WORDS_VERSION}.json"
    if not cached.is_file():
        with _WORDS:
            if not cached.is_file():
                try:
                    pages = _read_words(original_file(settings, sub), settings)
                except (UnreadableFile, OSError) as exc:
                    log.info("words of submission %s cannot be read: %s", sub.id, exc)
                    return []
                except Exception as exc:  # noqa: BLE001 - the page images still show; only picking words is lost
                    log.warning("words of submission %s cannot be read: %s", sub.id, type(exc).__name__)
                    return []
                _write_atomic(cached, json.dumps([asdict(p) for p in pages], ensure_ascii=False).encode())
                return pages
    return [PageWords(p["number"], p["width"], p["height"], [PageWord(**w) for w in p["words"]])
            for p in json.loads(cached.read_text())]


def words_on(settings: Settings, sub: Submission, number: int) -> PageWords | None:
    """The words of page ``number`` (1-based); None when there is no such page to show."""
    if number < 1 or number > len(page_sizes(settings, sub)):
        return None
    for page in page_words(settings, sub):
        if page.number == number:
            return page
    return PageWords(number, *_size_of(settings, sub, number), [])  # drawn, but no words could be read


def _size_of(settings: Settings, sub: Submission, number: int) -> tuple[float, float]:
    size = page_sizes(settings, sub)[number - 1]
    return size.width, size.height


# --------------------------------------------------------------------------- where the numbered markers go

#: A marker's size in points: the height of a line of small print, a little wider for two digits.
MARKER_HEIGHT = 14.0
MARKER_GAP = 4.0  # between a marker and its box: room for the box's outline, drawn just outside it
_CLEAR = 0.6  # the least space kept between a marker and a word


@dataclass(frozen=True)
class Rect:
    x0: float
    top: float
    x1: float
    bottom: float

    def overlaps(self, other: Rect, clear: float = 0.0) -> bool:
        return (self.x0 < other.x1 + clear and other.x0 - clear < self.x1
                and self.top < other.bottom + clear and other.top - clear < self.bottom)

    def overlap_area(self, other: Rect) -> float:
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(w, 0.0) * max(h, 0.0)

    def gap_to(self, other: Rect) -> float:
        dx = max(other.x0 - self.x1, self.x0 - other.x1, 0.0)
        dy = max(other.top - self.bottom, self.top - other.bottom, 0.0)
        return (dx * dx + dy * dy) ** 0.5


def marker_size(number: int) -> tuple[float, float]:
    return (MARKER_HEIGHT if number < 10 else MARKER_HEIGHT * 1.45), MARKER_HEIGHT


def _candidates(box: Rect, w: float, h: float, width: float, height: float) -> list[tuple[float, Rect]]:
    """Places for a marker outside ``box``, each with a cost: the nearer the box and the more usual the side,
    the cheaper. Beside the box on the left first (where the eye starts a line), then the right."""
    g = MARKER_GAP
    mid = (box.top + box.bottom) / 2 - h / 2
    ys = [box.top, mid] if box.bottom - box.top > 2.2 * h else [mid]
    out: list[tuple[float, Rect]] = []

    def add(x: float, y: float, cost: float) -> None:
        if x >= 0.5 and x + w <= width - 0.5 and y >= 0.5 and y + h <= height - 0.5:
            out.append((cost, Rect(x, y, x + w, y + h)))

    for y in ys:
        add(box.x0 - g - w, y, 0.0)
        add(box.x1 + g, y, 1.0)
    # Outside a corner: diagonally, then just above or below an end.
    for i, (x, y) in enumerate(((box.x0 - g - w, box.top - h - g), (box.x1 + g, box.top - h - g),
                                (box.x0 - g - w, box.bottom + g), (box.x1 + g, box.bottom + g),
                                (box.x1 - w, box.top - h - g), (box.x1 - w, box.bottom + g),
                                (box.x0, box.top - h - g), (box.x0, box.bottom + g))):
        add(x, y, 3.0 + i * 0.5)
    # Further out into the gutter on either side, on the box's line.
    step = 2.0
    x = box.x0 - g - w - step
    while x >= 0.5:
        add(x, ys[0], 8.0 + (box.x0 - g - w - x) / 4)
        x -= step
    x = box.x1 + g + step
    while x + w <= width - 0.5:
        add(x, ys[0], 9.0 + (x - box.x1 - g) / 4)
        x += step
    # A little up or down, beside the box.
    for k in (0.5, 1.0, 1.5, 2.0):
        for sign in (-1, 1):
            y = mid + sign * k * h
            add(box.x0 - g - w, y, 12.0 + k)
            add(box.x1 + g, y, 13.0 + k)
    return out


def place_markers(boxes: Sequence[tuple[Hashable, Rect, int]], words: Sequence[Rect], width: float,
                  height: float) -> dict[Hashable, Rect]:
    """A place for each box's numbered marker that covers no word, no answer box and no other marker.

    ``boxes`` are (key, box, number) in points. Where no place is clear of every word (a crowded page),
    the marker goes where it covers least text.
    """
    placed: dict[Hashable, Rect] = {}
    all_boxes = [b for _, b, _ in boxes]
    for key, box, number in boxes:
        w, h = marker_size(number)
        reach = Rect(box.x0 - width, box.top - 4 * h, box.x1 + width, box.bottom + 4 * h)
        near_words = [r for r in words if r.overlaps(reach)]
        near_boxes = [b for b in all_boxes if b.overlaps(reach)]
        others = list(placed.values())
        best: tuple[float, float, Rect] | None = None
        for cost, spot in sorted(_candidates(box, w, h, width, height), key=lambda c: c[0]):
            if any(spot.overlaps(b, 1.0) for b in near_boxes) or any(spot.overlaps(m, 1.0) for m in others):
                continue
            touched = [r for r in near_words if spot.overlaps(r, _CLEAR)]
            if not touched:
                best = (0.0, cost, spot)
                break
            covered = 0.01 + sum(spot.overlap_area(r) for r in touched)  # touching is better than covering
            if best is None or (covered, cost) < best[:2]:
                best = (covered, cost, spot)
        if best is None:  # nowhere outside the box: its top left corner, inside
            best = (0.0, 0.0, Rect(box.x0, box.top, box.x0 + w, box.top + h))
        placed[key] = best[2]
    return placed


@dataclass(frozen=True)
class PlacedBox:
    """An answer's box on a page image, and its numbered marker, as CSS: percentages of the page and the box."""

    field: Any
    box_style: str
    marker_style: str
    tip_right: bool = False  # the box is on the right of the page: its name, on hover, runs leftwards


def _pct(value: float, whole: float) -> str:
    return f"{value / whole * 100:.3f}%" if whole else "0%"


def answer_boxes(settings: Settings, sub: Submission, sizes: Sequence[PageSize],
                 fields: Sequence[Any]) -> dict[int, list[PlacedBox]]:
    """Each page's answer boxes (fields with a number and a box), with markers placed off the page's text."""
    by_page: dict[int, list[tuple[Any, Rect]]] = {}
    for f in fields:
        r = f.row
        if not f.number or r is None or r.page is None or None in (r.x0, r.top, r.x1, r.bottom):
            continue
        by_page.setdefault(r.page, []).append((f, Rect(r.x0, r.top, max(r.x1, r.x0 + 1), max(r.bottom, r.top + 1))))
    if not by_page:
        return {}
    words = {p.number: p for p in page_words(settings, sub)}
    out: dict[int, list[PlacedBox]] = {}
    for size in sizes:
        placed = by_page.get(size.number, [])
        text = [Rect(w.x0, w.top, w.x1, w.bottom) for w in words[size.number].words] if size.number in words else []
        spots = place_markers([(f.name, box, f.number) for f, box in placed], text, size.width, size.height)
        for f, box in placed:
            m, bw, bh = spots[f.name], box.x1 - box.x0, box.bottom - box.top
            out.setdefault(size.number, []).append(PlacedBox(
                f,
                f"left: {_pct(box.x0, size.width)}; top: {_pct(box.top, size.height)}; "
                f"width: {_pct(bw, size.width)}; height: {_pct(bh, size.height)}",
                f"left: {_pct(m.x0 - box.x0, bw)}; top: {_pct(m.top - box.top, bh)}; "
                f"width: {_pct(m.x1 - m.x0, bw)}; height: {_pct(m.bottom - m.top, bh)}",
                (box.x0 + box.x1) / 2 > 0.55 * size.width))
    return out
