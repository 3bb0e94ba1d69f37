"""Every golden case extracts exactly as recorded; every built-in extractor has golden cases.

Run ``pytest tests/extractors --update-golden`` to rewrite the expected files
from what the extractors produce now (see tests/extractors/golden.py).
"""

from __future__ import annotations

import json

import pytest

from extractors.contract import Extractor
from extractors.registry import default_registry
from tests.extractors import golden
from tests.extractors.conftest import REWRITTEN

CASES = golden.cases()
#: The extractors that ship with Formwork: every one but entry-point plugins installed beside it.
OURS = [e.extractor for e in default_registry().entries if not e.source.startswith("entry point")]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_extraction_matches_golden(case: golden.GoldenCase, update_golden: bool) -> None:
    actual = golden.actual_text(case.pdf)
    if update_golden:
        if golden.write_expected(case):
            REWRITTEN.append(case.id)
        return
    if not case.expected_path.is_file():
        pytest.fail(f"{case.id}: no {case.expected_path.name} beside the PDF.\n"
                    f"Make it with `{golden.UPDATE_HINT}`, read it once against the form, and commit both.",
                    pytrace=False)
    expected = case.expected_path.read_text(encoding="utf-8")
    if actual != expected:
        pytest.fail(
            f"{case.id}: the extraction differs from {case.expected_path.relative_to(golden.GOLDEN_DIR.parent)}\n"
            f"{golden.diff(expected, actual, case)}\n"
            f"If the change is intended (a better reading, a bumped extractor), run `{golden.UPDATE_HINT}`, "
            f"read `git diff tests/extractors/golden`, and commit the new expected files.",
            pytrace=False)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_is_classified_as_its_folder(case: golden.GoldenCase) -> None:
    """The folder says what the file is: an extractor that claims another's form is a bug, not a new golden."""
    got = json.loads(golden.actual_text(case.pdf))["form_type"]
    assert got == case.expected_form_type, (
        f"{case.id} is in golden/{case.folder}/ but is now classified as {got!r}; --update-golden will not "
        "fix this: fix the classification, or move the case if the folder is wrong")


@pytest.mark.parametrize("extractor", OURS, ids=[e.name for e in OURS])
def test_every_builtin_extractor_has_golden_cases(extractor: Extractor) -> None:
    form_type = extractor.form_type
    mine = [c for c in CASES if c.folder == form_type and c.expected_path.is_file()]
    assert mine, (
        f"extractor {extractor.name} has no golden case: add at least one PDF of form type "
        f"{form_type} to tests/extractors/golden/{form_type}/ (python -m tests.extractors.make_golden --from "
        f"SAMPLE_DIR makes them from `formwork sample`), then run `{golden.UPDATE_HINT}`")


def test_no_expected_file_without_its_pdf() -> None:
    assert golden.orphans() == [], "expected files whose PDF is gone: delete them or put the PDF back"


def test_golden_folders_are_known_form_types() -> None:
    """A misspelt folder would never be checked against any extractor's form type."""
    known = {e.form_type for e in OURS} | {golden.NO_FORM_TYPE}
    folders = {p.name for p in golden.GOLDEN_DIR.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert folders <= known, f"golden folders that are no registered form type: {sorted(folders - known)}"
