"""The golden-file helpers and ``python -m tests.extractors.make_golden``, on a small generated sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extractors import golden, make_golden
from tests.extractors.conftest import SmallSample


def test_one_per_layout_makes_a_case_per_layout_with_its_extraction(
        small_sample: SmallSample, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "golden"
    assert make_golden.main(["--from", str(small_sample.folder), "--golden", str(root), "--one-per-layout"]) == 0

    clean = {(t["form_type"], small_sample.manifest["files"][name]["layout"])
             for name, t in small_sample.truth.items()
             if t["form_type"] and t["outcome"] == "approved" and not small_sample.manifest["files"][name]["faults"]}
    made = golden.cases(root)
    assert {(c.folder, c.name) for c in made} == clean
    for case in made:
        expected = json.loads(case.expected_path.read_text(encoding="utf-8"))
        assert expected == golden.extraction_view(case.pdf)
        assert expected["form_type"] == case.folder
        assert case.expected_path.read_text(encoding="utf-8") == golden.render(expected)
    out = capsys.readouterr().out
    assert all(f"{c.id} <- " in out for c in made)


def test_named_files_go_to_their_form_type_folder_and_existing_cases_are_kept(
        small_sample: SmallSample, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "golden"
    other = next(n for n, t in small_sample.truth.items() if t["form_type"] is None)
    form = next(n for n, t in small_sample.truth.items() if t["form_type"] == "council_tax_spd")
    args = ["--from", str(small_sample.folder), "--golden", str(root), f"{form}=my-case", other]
    assert make_golden.main(args) == 0
    copied = root / "council_tax_spd" / "my-case.pdf"
    assert copied.read_bytes() == (small_sample.folder / "inbox" / form).read_bytes()
    nothing = golden.cases(root)[-1]
    assert nothing.folder == golden.NO_FORM_TYPE
    assert json.loads(nothing.expected_path.read_text(encoding="utf-8"))["form_type"] is None

    mine = root / "council_tax_spd" / "my-case.expected.json"
    mine.write_text("{}\n", encoding="utf-8")
    capsys.readouterr()
    assert make_golden.main(args) == 0
    assert "council_tax_spd/my-case: exists, kept" in capsys.readouterr().out
    assert mine.read_text(encoding="utf-8") == "{}\n"
    assert make_golden.main([*args, "--force"]) == 0
    assert mine.read_text(encoding="utf-8") != "{}\n"


def test_listing_and_bad_input(small_sample: SmallSample, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert make_golden.main(["--from", str(small_sample.folder), "--golden", str(tmp_path)]) == 0
    listing = capsys.readouterr().out
    assert all(name in listing for name in small_sample.truth)
    assert list(tmp_path.iterdir()) == []  # listing writes nothing

    assert make_golden.main(["--from", str(tmp_path / "absent"), "--golden", str(tmp_path)]) == 2
    assert "not a `formwork sample` folder" in capsys.readouterr().err
    assert make_golden.main(["--from", str(small_sample.folder), "--golden", str(tmp_path), "nope.pdf"]) == 2
    assert "nope.pdf is not in" in capsys.readouterr().err


def test_truth_comparison_names_each_difference() -> None:
    view = {"form_type": "council_tax_spd", "extractor": "council_tax_spd",
            "fields": {"postcode": "NR1 3QU", "email": "Part C", "address": "1 High St"},
            "confidence": {"postcode": 0.95, "email": 0.9, "address": 0.4},
            "invalid": {"account_ref": {"raw": "4001", "problem": "too short", "method": "label"}}}
    truth = {"form_type": "council_tax_spd", "reasons": ["MISSING_FIELD:declaration_date"],
             "fields": {"postcode": "NR1 3QU", "address": "1 High Street", "account_ref": "40012345"}}
    assert make_golden.compare_with_truth(view, truth) == [
        "account_ref: missing (read as invalid: too short), truth '40012345'",
        "address: '1 High St', truth '1 High Street'",
        "email: 'Part C' extracted, absent from the truth",
    ]
    reasons = make_golden.compare_reasons(view, truth)
    assert "INVALID_FORMAT:account_ref raised, not in the truth" in reasons
    assert "LOW_CONFIDENCE:address raised, not in the truth" in reasons
    assert "MISSING_FIELD:applicant_name raised, not in the truth" in reasons
    assert "MISSING_FIELD:declaration_date expected by the truth, not raised" not in reasons  # it is raised
    assert "MISSING_FIELD:declaration_date raised, not in the truth" not in reasons


def test_orphaned_expected_files_are_found(tmp_path: Path) -> None:
    folder = tmp_path / "council_tax_spd"
    folder.mkdir()
    (folder / "kept.pdf").write_bytes(b"%PDF-")
    (folder / "kept.expected.json").write_text("{}")
    (folder / "gone.expected.json").write_text("{}")
    assert golden.orphans(tmp_path) == [folder / "gone.expected.json"]
    assert [c.id for c in golden.cases(tmp_path)] == ["council_tax_spd/kept"]
