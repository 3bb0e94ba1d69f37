"""Held-out single person discount forms, in layouts and wordings Formwork has never seen, through the real CLI.

The forms come from tests/unseen/forms.py, written apart from formwork.sample;
the records from ``formwork sample``. The bar is the acceptance bar for unseen
layouts: every file exported, no false approval, field accuracy at least 0.95.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from tests.unseen.forms import LAYOUTS, build

AS_OF = "2026-11-27"
SEED = 2026
PER_LAYOUT = 8
FIELD_ACCURACY_BAR = 0.95


def run(*args: str, root: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMWORK_")}
    env |= {"FORMWORK_HOME": str(root / "data"), "FORMWORK_SETTINGS": str(root / "absent-formwork.toml")}
    proc = subprocess.run([sys.executable, "-m", "formwork.cli", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300)
    if proc.returncode != 0:
        raise AssertionError(f"formwork {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def unseen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("unseen")
    run("sample", "--out", "council", "--forms", "1", "--seed", "5", "--as-of", AS_OF, root=root)
    forms = build(root / "council/records.xlsx", root / "unseen", SEED, date.fromisoformat(AS_OF), PER_LAYOUT)
    run("records", "load", "council/records.xlsx", root=root)
    run("process", "unseen/inbox", "--engine", "local", "--as-of", AS_OF, "--json", root=root)
    run("export", "--format", "jsonl", "--out", "export.jsonl", root=root)
    scores = json.loads(run("eval", "--truth", "unseen/truth.jsonl", "--json", "--mistakes", "200", root=root).stdout)
    export = [json.loads(line) for line in (root / "export.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return {"root": root, "forms": forms, "export": export, "scores": scores}


def _by_layout(unseen: dict[str, Any]) -> str:
    """The eval's mistakes grouped by layout, for whoever has to fix the extractors."""
    layout = {f.file: f.layout for f in unseen["forms"]}
    grouped: dict[str, list[dict[str, Any]]] = {}
    for m in unseen["scores"]["mistakes"]:
        grouped.setdefault(layout.get(m["file"], "?"), []).append(m)
    return json.dumps(grouped, indent=1)


def test_the_set_covers_every_layout_and_both_outcomes(unseen: dict[str, Any]) -> None:
    forms = unseen["forms"]
    assert Counter(f.layout for f in forms) == dict.fromkeys(LAYOUTS, PER_LAYOUT)
    outcomes = Counter(f.outcome for f in forms)
    assert outcomes["approved"] >= len(forms) // 2 and outcomes["exception"] >= len(LAYOUTS) * 2
    assert len({f.truth.get("account_ref") for f in forms}) == len(forms)  # no DUPLICATE_SUBMISSION by accident


def _page_words(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [w for page in pdf.pages for w in (page.extract_text() or "").split()]


def _widget_values(path: Path) -> dict[str, str]:
    with pdfplumber.open(path) as pdf:
        fields = [resolve1(f) for f in resolve1(resolve1(pdf.doc.catalog["AcroForm"])["Fields"])]
        return {f["T"].decode(): (f.get("V") or b"").decode() for f in fields}


def _in_order(needle: list[str], haystack: list[str]) -> bool:
    rest = iter(haystack)
    return all(any(w == h for h in rest) for w in needle)


def test_what_the_truth_says_is_on_the_page(unseen: dict[str, Any]) -> None:
    """The generator's own check: each answer is printed (or in its widget), each blank field is blank."""
    inbox = unseen["root"] / "unseen/inbox"
    for form in unseen["forms"]:
        assert set(form.written) == set(form.truth), form.file
        if form.widgets:
            values = _widget_values(inbox / form.file)
            for f in ("account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date",
                      "other_adult_name", "other_adult_forwarding_address", "change_description", "phone", "email"):
                assert values[form.widgets[f]] == form.written.get(f, ""), (form.file, f)
        else:
            words = _page_words(inbox / form.file)
            for f, value in form.written.items():
                assert _in_order(value.split(), words), (form.file, f, value)


def test_every_file_is_in_the_export(unseen: dict[str, Any]) -> None:
    inbox = sorted(p.name for p in (unseen["root"] / "unseen/inbox").iterdir())
    assert inbox == sorted(f.file for f in unseen["forms"])
    assert sorted(e["file"] for e in unseen["export"]) == inbox
    assert unseen["scores"]["missing_files"] == []


def test_no_false_approvals(unseen: dict[str, Any]) -> None:
    assert unseen["scores"]["false_approvals"] == 0, (unseen["scores"]["false_approval_files"], _by_layout(unseen))


def test_fields_are_read_accurately(unseen: dict[str, Any]) -> None:
    scores = unseen["scores"]
    assert scores["field_accuracy"] >= FIELD_ACCURACY_BAR, (
        f"field accuracy {scores['field_accuracy']} on unseen layouts\n"
        f"{json.dumps(scores['by_form_type'], indent=1)}\n{_by_layout(unseen)}")
