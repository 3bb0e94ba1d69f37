"""A sample of every form type: each type in every layout, every reason code of each type, truthful fields."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from formwork import reasons as rc
from formwork.normalise import InvalidValue, normalise
from formwork.sample import generate, move_wording, permit_wording
from formwork.sample.generate import FORM_TYPES
from formwork.sample.layouts import LAYOUTS
from formwork.sample.oracle import FIELDS as SPD_FIELDS
from formwork.sample.oracles import MOVE_FIELDS, PERMIT_FIELDS, PERMIT_REQUIRED, move_required
from tests.sample.conftest import AS_OF, FORMS, Sample
from tests.sample.test_truth import _acroform_values

KINDS = {"council_tax_spd": SPD_FIELDS, "council_tax_move": MOVE_FIELDS, "parking_permit": PERMIT_FIELDS}
#: forms.md's reason codes for each form type (UNKNOWN_FORM_TYPE and UNREADABLE_FILE need no form type).
CODES = {
    "council_tax_move": {rc.MISSING_FIELD, rc.INVALID_FORMAT, rc.LOW_CONFIDENCE, rc.ACCOUNT_NOT_FOUND,
                         rc.NAME_MISMATCH, rc.ADDRESS_MISMATCH, rc.PROPERTY_NOT_FOUND, rc.DATE_IN_FUTURE,
                         rc.DATE_TOO_OLD, rc.DUPLICATE_SUBMISSION},
    "parking_permit": {rc.MISSING_FIELD, rc.INVALID_FORMAT, rc.LOW_CONFIDENCE, rc.PROPERTY_NOT_FOUND,
                       rc.NOT_IN_PERMIT_ZONE, rc.NOT_RESIDENT, rc.VRM_HAS_PERMIT, rc.PERMIT_CAP_REACHED,
                       rc.DATE_IN_FUTURE, rc.DUPLICATE_SUBMISSION},
}


def test_every_form_type_in_every_layout(mixed: Sample) -> None:
    by_type = mixed.manifest["counts"]["form_types"]
    assert set(by_type) == set(FORM_TYPES)
    sizes = [t["forms"] for t in by_type.values()]
    assert max(sizes) - min(sizes) <= 1 and sum(sizes) == FORMS - round(FORMS * 0.05)
    for t in by_type.values():
        assert set(t["layouts"]) == set(LAYOUTS)
        assert max(t["layouts"].values()) - min(t["layouts"].values()) <= 1


@pytest.mark.parametrize("form_type", sorted(CODES))
def test_every_reason_code_of_the_form_type_is_in_the_truth(mixed: Sample, form_type: str) -> None:
    codes = Counter(r.split(":")[0] for t in mixed.truth if t["form_type"] == form_type for r in t["reasons"])
    assert CODES[form_type] <= set(codes), CODES[form_type] - set(codes)
    approved = sum(t["outcome"] == "approved" for t in mixed.truth if t["form_type"] == form_type)
    assert 0.5 <= approved / mixed.manifest["counts"]["form_types"][form_type]["forms"] <= 0.7


def test_the_vrm_fault_is_the_checks_invalid_format(mixed: Sample) -> None:
    bad = [t for t in mixed.truth if rc.with_field(rc.INVALID_FORMAT, "vrm") in t["reasons"]]
    assert bad and all("vrm" in t["fields"] for t in bad)  # kept as written, refused by its shape


def test_fields_are_the_form_types_own_in_normal_form(mixed: Sample) -> None:
    for t in mixed.truth:
        if t["form_type"] is None:
            continue
        kinds = KINDS[t["form_type"]]
        assert set(t["fields"]) <= set(kinds), t["file"]
        for name, value in t["fields"].items():
            try:
                assert normalise(kinds[name], value).value == value
            except InvalidValue:  # an invalid answer is kept as written
                assert rc.with_field(rc.INVALID_FORMAT, name) in t["reasons"], (t["file"], name)
                assert value == " ".join(value.split())


def test_required_fields_follow_the_move_direction(mixed: Sample) -> None:
    for t in mixed.truth:
        if t["form_type"] not in ("council_tax_move", "parking_permit"):
            continue
        required = (move_required(t["fields"].get("move_type")) if t["form_type"] == "council_tax_move"
                    else PERMIT_REQUIRED)
        for name in required:
            # an invalid answer is kept as written, an ill-shaped registration refused by a check
            assert (name not in t["fields"]) == (rc.with_field(rc.MISSING_FIELD, name) in t["reasons"]), \
                (t["file"], name)


@pytest.mark.parametrize(("kind", "words", "fields"), [("move", move_wording, MOVE_FIELDS),
                                                       ("permit", permit_wording, PERMIT_FIELDS)])
def test_truth_fields_are_what_the_named_acroforms_hold(mixed: Sample, kind: str, words: object,
                                                        fields: dict[str, str]) -> None:
    widgets = words.WIDGETS  # type: ignore[attr-defined]
    to_field = {name: key for key, styles in widgets.items() for name in styles.values() if key in fields}
    # A move type asked with a tick box per direction: the ticked box says it.
    ticks = {name: key.removeprefix("tick_") for key, styles in widgets.items() if key.startswith("tick_")
             for name in styles.values()}
    assert len(to_field) == sum(len(set(s.values())) for k, s in widgets.items() if k in fields)  # names unique
    truth = {t["file"]: t for t in mixed.truth}
    files = mixed.files(kind=kind, layout="acroform_named")
    assert files
    for path in files:
        expected: dict[str, str] = {}
        for widget, raw in _acroform_values(path).items():
            if widget in ticks and "Yes" in raw:  # /Yes, however the name object prints
                expected["move_type"] = ticks[widget]
            key = to_field.get(widget)
            if key and raw.strip():
                try:
                    expected[key] = normalise(fields[key], raw).value
                except InvalidValue:  # kept as written
                    expected[key] = " ".join(raw.split())
        assert truth[path.name]["fields"] == expected, path.name


def test_a_sample_of_one_form_type_holds_only_that_type(tmp_path: Path) -> None:
    result = generate(tmp_path, 20, seed=4, as_of=AS_OF, properties=200, types=("parking_permit",))
    types = {t["form_type"] for t in (json.loads(line) for line in result.truth_path.read_text().splitlines())}
    assert types <= {"parking_permit", None} and "parking_permit" in types


def test_unknown_form_types_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="form types must be distinct"):
        generate(tmp_path, 5, types=("council_tax_spd", "dog_licence"))
