"""The lean widget reader (extractors/document.py) finds what pdfplumber's ``Page.annots`` finds.

``_page_widgets`` resolves only what a widget needs; here every golden PDF
(and every real-world PDF in ../shared/realforms, when it is beside the
repository) is read both ways, on the page as it is and turned through each
rotation, and the widgets must be equal: names, values, kinds and boxes.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pdfplumber.page import Page

from extractors.document import Widget, _page_widgets, _widget
from tests.extractors.corpus import readable_pdfs


def _by_pdfplumber(page: Page) -> list[Widget]:
    """What ``_page_widgets`` found before it stopped going through ``Page.annots``."""
    found = []
    for annot in page.annots:
        try:
            w = _widget(annot, page.page_number)
        except Exception:  # noqa: BLE001 - as the reader does: one broken widget is skipped
            continue
        if w is not None:
            found.append(w)
    return found


PDFS = readable_pdfs(lambda page: page.annots)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("pdf_path", PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_same_widgets_as_through_page_annots(pdf_path: Path, rotation: int) -> None:
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            page.rotation = rotation  # both readers place boxes from the page's rotation
            assert _page_widgets(page) == _by_pdfplumber(page)


def test_the_comparison_covers_filled_widgets_of_every_kind() -> None:
    """So that the test above compares text, choice and button values, not empty lists."""
    kinds: set[str] = set()
    filled = 0
    for path in PDFS:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for w in _page_widgets(page):
                    kinds.add(w.kind)
                    filled += w.value is not None
    assert {"Tx", "Btn"} <= kinds
    assert filled > 50
