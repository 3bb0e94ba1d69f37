"""The faster page objects (extractors/pageobjects.py) and table-cell text are pdfplumber's own, value for value."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from extractors.document import _cell_text
from extractors.pageobjects import speed_up

GOLDEN = Path(__file__).parent / "golden"


def _readable(path: Path) -> bool:
    try:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages) > 0
    except Exception:  # noqa: BLE001 - the golden set holds files that are not PDFs on purpose
        return False


PDFS = [p for p in sorted(GOLDEN.rglob("*.pdf")) if _readable(p)]


@pytest.mark.parametrize("pdf_path", PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_objects_words_and_cell_text_are_pdfplumbers(pdf_path: Path) -> None:
    with pdfplumber.open(pdf_path) as plain, pdfplumber.open(pdf_path) as fast:
        for page, quick in zip(plain.pages, fast.pages, strict=True):
            speed_up(quick)
            assert quick.objects == page.objects
            assert quick.extract_words() == page.extract_words()
            chars = page.chars
            for table in page.find_tables():
                for row in table.rows:
                    for cell in row.cells:
                        if cell is not None:
                            assert _cell_text(chars, cell) == (page.crop(cell, strict=False).extract_text() or "")


def test_the_golden_files_have_objects_of_every_kind() -> None:
    """So that the comparison above covers characters, rules, boxes, curves and tables."""
    kinds: set[str] = set()
    tables = 0
    for path in PDFS:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                kinds |= set(page.objects)
                tables += len(page.find_tables())
    assert {"char", "rect"} <= kinds
    assert tables > 0
