"""The inbox files: readable where they should be, unreadable where they should not."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pdfplumber
import pytest

from formwork.sample.other_docs import UNREADABLE
from tests.sample.conftest import Sample


def _readable(path: Path) -> bool:
    try:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages) > 0 and all(p.chars is not None for p in pdf.pages)
    except Exception:  # noqa: BLE001 - any failure to read is what "unreadable" means
        return False


def test_no_two_files_are_identical(sample: Sample) -> None:
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in sample.result.inbox_dir.iterdir()]
    assert len(digests) == len(set(digests))


@pytest.mark.parametrize("kind", UNREADABLE)
def test_broken_files_cannot_be_read(sample: Sample, kind: str) -> None:
    files = sample.files(kind=kind)
    assert files
    for path in files:
        assert not _readable(path), path.name


def test_forms_and_other_documents_can_be_read(sample: Sample) -> None:
    for kind in ("spd", "scan", "agenda", "invoice", "product_sheet"):
        files = sample.files(kind=kind)[:15]
        assert files, kind
        for path in files:
            assert _readable(path), path.name


def test_the_scan_has_no_text_and_the_other_documents_do(sample: Sample) -> None:
    for path in sample.files(kind="scan"):
        with pdfplumber.open(path) as pdf:
            assert not pdf.pages[0].chars and pdf.pages[0].images
    for kind in ("agenda", "invoice", "product_sheet"):
        for path in sample.files(kind=kind):
            with pdfplumber.open(path) as pdf:
                text = pdf.pages[0].extract_text()
            assert text and "council tax" not in text.lower()


def test_online_exports_are_tables(sample: Sample) -> None:
    for path in sample.files(kind="spd", layout="online_export")[:10]:
        with pdfplumber.open(path) as pdf:
            rows = [row for page in pdf.pages for table in page.extract_tables() for row in table]
        assert ["Question", "Answer"] in rows, path.name


def test_many_forms_run_to_two_pages(sample: Sample) -> None:
    files = sample.files(kind="spd")[:60]
    pages = []
    for path in files:
        with pdfplumber.open(path) as pdf:
            pages.append(len(pdf.pages))
    assert sum(n >= 2 for n in pages) >= len(pages) // 3
