"""The PDFs the reader comparisons run over: the golden PDFs, and ../shared/realforms when it is beside the repo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber
from pdfplumber.page import Page

GOLDEN = Path(__file__).parent / "golden"
REALFORMS = Path(__file__).resolve().parents[3] / "shared" / "realforms"


def readable_pdfs(read: Callable[[Page], Any]) -> list[Path]:
    """The PDFs on which pdfplumber can ``read`` every page (damaged ones, some on purpose, have nothing to compare)."""
    paths = sorted(GOLDEN.rglob("*.pdf"))
    if REALFORMS.is_dir():
        paths += sorted(REALFORMS.glob("*.pdf"))
    readable = []
    for path in paths:
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    read(page)
            readable.append(path)
        except Exception:  # noqa: BLE001 - see above
            continue
    return readable
