"""Golden files for extractors: ``golden/<form_type>/<case>.pdf`` beside ``<case>.expected.json``.

A golden case records what the extraction of one PDF is *now*: the form type
and, per field, the normal form, the confidence (two places) and the method,
as the export would show them, plus any field present but invalid and the
extractor's notes. ``test_golden.py`` extracts every case and compares the
rendering exactly; ``pytest tests/extractors --update-golden`` rewrites the
expected files instead, to be read in ``git diff`` before committing.

The folder is the form type the file must be classified as; files no
extractor may claim (other documents, unreadable files) live in
``golden/none/``. A golden file is not the truth: it is the extractor's
current answer, so a wrong answer shows up as a diff when it changes, and a
known-wrong one is noted in ``golden/README.md``, never edited by hand.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from formwork.pipeline import extract_file
from formwork.settings import Limits

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
#: The folder of files that must not be recognised as any form type.
NO_FORM_TYPE = "none"
EXPECTED_SUFFIX = ".expected.json"
UPDATE_HINT = "pytest tests/extractors --update-golden"


@dataclass(frozen=True)
class GoldenCase:
    folder: str  # the form type the PDF must come out as, or NO_FORM_TYPE
    name: str
    pdf: Path

    @property
    def id(self) -> str:
        return f"{self.folder}/{self.name}"

    @property
    def expected_path(self) -> Path:
        return self.pdf.with_name(self.name + EXPECTED_SUFFIX)

    @property
    def expected_form_type(self) -> str | None:
        return None if self.folder == NO_FORM_TYPE else self.folder


def cases(root: Path = GOLDEN_DIR) -> list[GoldenCase]:
    """Every ``<folder>/<case>.pdf`` under ``root``, in folder then name order."""
    if not root.is_dir():
        return []
    return [GoldenCase(pdf.parent.name, pdf.stem, pdf) for pdf in sorted(root.glob("*/*.pdf"))]


def orphans(root: Path = GOLDEN_DIR) -> list[Path]:
    """Expected files whose PDF is gone."""
    return [p for p in sorted(root.glob(f"*/*{EXPECTED_SUFFIX}"))
            if not p.with_name(p.name.removesuffix(EXPECTED_SUFFIX) + ".pdf").is_file()]


def extraction_view(pdf: Path) -> dict[str, Any]:
    """The extraction of ``pdf`` as the pipeline makes it, in the golden files' shape."""
    result = extract_file(0, pdf, Limits())
    ex = result.extraction
    fields = list(ex.fields.values()) if ex is not None else []
    # What the export shows: valid fields with a value.
    shown = [f for f in fields if f.valid and f.value not in (None, "", [])]
    return {
        "status": result.status,
        "detail": result.detail,
        "form_type": ex.form_type if ex is not None else None,
        "extractor": ex.extractor if ex is not None else None,
        "fields": {f.name: f.value for f in shown},
        "confidence": {f.name: round(f.confidence, 2) for f in shown},
        "method": {f.name: f.method for f in shown},
        "invalid": {f.name: {"raw": f.raw, "problem": f.problem, "method": f.method}
                    for f in fields if not f.valid},
        "notes": list(ex.notes) if ex is not None else [],
    }


def render(view: dict[str, Any]) -> str:
    """The stable text of a view: sorted keys, two-space indent, UTF-8 as is, final newline."""
    return json.dumps(view, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@cache
def actual_text(pdf: Path) -> str:
    """The rendering of ``pdf``'s extraction now (cached: several tests read each case)."""
    return render(extraction_view(pdf))


def diff(expected: str, actual: str, case: GoldenCase) -> str:
    return "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=f"{case.id}{EXPECTED_SUFFIX} (expected)", tofile=f"{case.id} (extracted now)"))


def write_expected(case: GoldenCase) -> bool:
    """Write the case's expected file from its extraction now; True if it changed."""
    text = actual_text(case.pdf)
    path = case.expected_path
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
