"""The sample as a whole: determinism, coverage of layouts and faults, the manifest."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from formwork import reasons as rc
from formwork.sample import generate
from formwork.sample.layouts import LAYOUTS
from formwork.sample.other_docs import NOT_FORMS, UNREADABLE
from formwork.sample.spd import FAULTS
from tests.sample.conftest import AS_OF, FORMS, Sample


def _digests(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 30, seed=5, as_of=AS_OF, properties=300)
    b = generate(tmp_path / "b", 30, seed=5, as_of=AS_OF, properties=300)
    digests_a, digests_b = _digests(a.out_dir), _digests(b.out_dir)
    assert len(digests_a) == 30 + 3  # inbox, records.xlsx, truth.jsonl, sample.json
    assert digests_a == digests_b


def test_another_process_makes_the_same_files(tmp_path: Path) -> None:
    """Nothing may depend on the process: not set order (PYTHONHASHSEED), not the clock."""
    a = generate(tmp_path / "a", 12, seed=6, as_of=AS_OF, properties=200)
    script = ("import datetime, pathlib, sys; from formwork.sample import generate; "
              "generate(pathlib.Path(sys.argv[1]), 12, seed=6, as_of=datetime.date(2026, 11, 27), properties=200)")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "b")], check=True, env=env, timeout=120)
    assert _digests(a.out_dir) == _digests(tmp_path / "b")


def test_a_different_seed_gives_a_different_sample(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 20, seed=1, as_of=AS_OF, properties=300)
    b = generate(tmp_path / "b", 20, seed=2, as_of=AS_OF, properties=300)
    assert a.truth_path.read_bytes() != b.truth_path.read_bytes()
    assert a.records_path.read_bytes() != b.records_path.read_bytes()
    common = {p.name for p in a.inbox_dir.iterdir()} & {p.name for p in b.inbox_dir.iterdir()}
    assert all((a.inbox_dir / n).read_bytes() != (b.inbox_dir / n).read_bytes() for n in common)


def test_a_second_run_replaces_the_inbox(tmp_path: Path) -> None:
    generate(tmp_path, 25, seed=1, as_of=AS_OF, properties=300)
    result = generate(tmp_path, 10, seed=2, as_of=AS_OF, properties=300)
    assert len(list(result.inbox_dir.iterdir())) == 10


def test_every_layout_is_used_about_equally(sample: Sample) -> None:
    layouts = sample.manifest["counts"]["layouts"]
    assert set(layouts) == set(LAYOUTS)
    assert max(layouts.values()) - min(layouts.values()) <= 1


def test_every_fault_and_every_kind_of_other_file_appears(sample: Sample) -> None:
    counts = sample.manifest["counts"]
    assert set(counts["faults"]) == set(FAULTS)
    assert min(counts["faults"].values()) >= 3
    assert counts["double_faults"] >= 3
    assert set(counts["other_files"]) == set(UNREADABLE + NOT_FORMS)
    assert sum(counts["other_files"].values()) == round(FORMS * 0.05)


def test_every_reason_code_appears_in_the_truth(sample: Sample) -> None:
    codes = Counter(r.split(":")[0] for t in sample.truth for r in t["reasons"])
    assert set(FAULTS) | {rc.UNREADABLE_FILE, rc.UNKNOWN_FORM_TYPE} <= set(codes)


def test_most_forms_are_clean(sample: Sample) -> None:
    approved = sum(t["outcome"] == "approved" for t in sample.truth)
    assert 0.55 <= approved / FORMS <= 0.60
    assert sample.manifest["counts"]["clean"] == approved


def test_a_duplicate_of_an_approved_form_gets_duplicate_submission_alone(sample: Sample) -> None:
    # cli.md: of a pair, "one is approved, the other gets DUPLICATE_SUBMISSION"; the discount the first one
    # applied is that approval seen again, not a fault of the second.
    seen: dict[str, str] = {}
    repeats = 0
    for t in sample.truth:
        ref = t["fields"].get("account_ref")
        if t["form_type"] == "council_tax_spd" and ref:
            if ref in seen:
                assert rc.DUPLICATE_SUBMISSION in t["reasons"]
                if seen[ref] == "approved":
                    repeats += 1
                    assert rc.DISCOUNT_ALREADY_APPLIED not in t["reasons"], t
            seen.setdefault(ref, t["outcome"])
    assert repeats


def test_the_manifest_records_the_inputs(sample: Sample) -> None:
    m = sample.manifest
    assert (m["seed"], m["as_of"], m["forms"]) == (3, AS_OF.isoformat(), FORMS)
    assert m["records"]["properties"] == 2000
    assert sorted(m["files"]) == [t["file"] for t in sample.truth]


def test_a_small_council_grows_to_fit_the_forms(tmp_path: Path) -> None:
    result = generate(tmp_path, 80, seed=1, as_of=AS_OF, properties=10)
    assert result.counts["outcomes"]["approved"] > 0
    assert len(list(result.inbox_dir.iterdir())) == 80


@pytest.mark.parametrize("forms", [0, 1, 7])
def test_tiny_samples_work(tmp_path: Path, forms: int) -> None:
    result = generate(tmp_path, forms, seed=1, as_of=dt.date(2026, 2, 28), properties=200)
    assert len(result.truth_path.read_text().splitlines()) == forms
