"""truth.jsonl: the export's names and normal forms, and agreement with what the PDFs hold."""

from __future__ import annotations

import re
from typing import Any

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from formwork import reasons as rc
from formwork.normalise import InvalidValue, normalise
from formwork.sample import wording
from formwork.sample.oracle import FIELDS, FORM_TYPE, REQUIRED
from tests.sample.conftest import Sample

_SHAPES = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "postcode": re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$"),
    "account_ref": re.compile(r"^\d{8}$"),
}


def test_every_line_has_the_export_keys(sample: Sample) -> None:
    for t in sample.truth:
        assert list(t) == ["file", "form_type", "fields", "outcome", "reasons"]
        assert t["outcome"] in {"approved", "exception", "quarantined"}
        assert isinstance(t["reasons"], list)
        assert (t["outcome"] == "approved") == (t["reasons"] == [])


def test_files_are_unique_and_in_name_order(sample: Sample) -> None:
    files = [t["file"] for t in sample.truth]
    assert files == sorted(set(files))
    assert files == sorted(p.name for p in sample.result.inbox_dir.iterdir())


def test_fields_are_in_normal_form(sample: Sample) -> None:
    for t in sample.truth:
        assert set(t["fields"]) <= set(FIELDS)
        for name, value in t["fields"].items():
            kind = FIELDS[name]
            assert value and value == value.strip() and "  " not in value
            if rc.with_field(rc.INVALID_FORMAT, name) in t["reasons"]:  # kept as written
                with pytest.raises(InvalidValue):
                    normalise(kind, value)
                continue
            if kind in _SHAPES:
                assert _SHAPES[kind].match(value), (t["file"], name, value)
            assert normalise(kind, value).value == value


def test_unreadable_and_unknown_files_have_no_form_type_or_fields(sample: Sample) -> None:
    for t in sample.truth:
        if t["form_type"] is None:
            assert t["fields"] == {}
            assert t["reasons"] in (["UNREADABLE_FILE"], ["UNKNOWN_FORM_TYPE"])
            assert t["outcome"] == ("quarantined" if t["reasons"] == ["UNREADABLE_FILE"] else "exception")
        else:
            assert t["form_type"] == FORM_TYPE


def test_a_missing_required_field_is_absent_and_named(sample: Sample) -> None:
    for t in sample.truth:
        if t["form_type"] is None:
            continue
        for name in REQUIRED:
            missing = rc.with_field(rc.MISSING_FIELD, name) in t["reasons"]
            assert (name not in t["fields"]) == missing, (t["file"], name)  # an invalid answer is kept


def _acroform_values(path: Any) -> dict[str, str]:
    with pdfplumber.open(path) as pdf:
        fields = resolve1(pdf.doc.catalog["AcroForm"])["Fields"]
        out = {}
        for ref in fields:
            field = resolve1(ref)
            value = resolve1(field.get("V"))
            out[field["T"].decode()] = value.decode() if isinstance(value, bytes) else str(value or "")
        return out


def test_no_two_fields_share_an_acroform_name() -> None:
    owners: dict[str, str] = {}
    for key, styles in wording.WIDGETS.items():
        for name in styles.values():
            assert owners.setdefault(name, key) == key, name


def test_truth_fields_are_what_the_named_acroforms_hold(sample: Sample) -> None:
    widget_to_field = {name: key for key, styles in wording.WIDGETS.items() for name in styles.values()
                       if key in FIELDS}
    truth = {t["file"]: t for t in sample.truth}
    files = sample.files(kind="spd", layout="acroform_named")
    assert files
    for path in files:
        expected: dict[str, str] = {}
        for widget, raw in _acroform_values(path).items():
            key = widget_to_field.get(widget)
            if key and raw.strip():
                try:
                    expected[key] = normalise(FIELDS[key], raw).value
                except InvalidValue:  # kept as written
                    expected[key] = " ".join(raw.split())
        assert truth[path.name]["fields"] == expected, path.name


def test_generic_acroforms_name_their_fields_text_n(sample: Sample) -> None:
    for path in sample.files(kind="spd", layout="acroform_generic"):
        names = _acroform_values(path)
        assert names and all(re.fullmatch(r"(Text|Check)\d+", n) for n in names)
        assert any(v for v in names.values())


def test_flat_forms_print_the_applicants_name(sample: Sample) -> None:
    truth = {t["file"]: t for t in sample.truth}
    for layout in ("printed_labels", "online_export", "boxed_grid"):
        files = sample.files(kind="spd", layout=layout)[:12]
        assert files
        for path in files:
            name = truth[path.name]["fields"].get("applicant_name")
            if name:
                with pdfplumber.open(path) as pdf:
                    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
                assert name in text, (path.name, name)
