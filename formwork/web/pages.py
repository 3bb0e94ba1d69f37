"""Images of a submission's pages, rendered once and kept in the data folder.

Pages are addressed by submission id and page number, never by a path from
the request. The images are cached under ``<home>/page-images/<sha256>/``
because a stored file never changes (the store is content-addressed).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfplumber.display import PageImage

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
