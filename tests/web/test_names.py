"""Every name staff read is in one of the tables in formwork/web/names.py, not left to the fallback."""

from __future__ import annotations

import re
from pathlib import Path

from extractors.registry import default_registry
from formwork.checks import CHECKS
from formwork.web import names

ROOT = Path(__file__).resolve().parents[2]


def test_every_field_of_every_form_type_has_a_label() -> None:
    registry = default_registry()
    seen = 0
    for extractor in (e.extractor for e in registry.entries):
        for spec in extractor.fields:
            seen += 1
            assert spec.name in names.FIELDS or (extractor.form_type, spec.name) in names.FIELDS_BY_FORM, (
                f"{extractor.form_type}.{spec.name} has no label in formwork/web/names.py")
            label = names.field_label(spec.name, extractor.form_type)
            assert label[0].isupper() and "_" not in label
    assert seen >= 30
    assert names.field_label("vrm") == "Vehicle registration"
    assert names.field_label("account_ref") == "Council Tax account number"


def test_every_check_has_a_name() -> None:
    found = {fn.__name__ for checks in CHECKS.values() for fn in checks}
    for source in (ROOT / "formwork" / "checks").glob("*.py"):  # the names their outcomes carry
        found |= set(re.findall(r'CheckOutcome\(\s*"(\w+)"', source.read_text()))
    assert len(found) >= 20
    missing = sorted(found - set(names.CHECKS))
    assert not missing, f"checks with no name in formwork/web/names.py: {missing}"


def test_how_an_answer_was_read() -> None:
    assert names.how_read("acroform") == "Read from a fillable box"
    assert names.how_read("table") == "Read from a table"
    assert names.how_read("label") == "Read from a printed label"
    assert names.how_read("label", "Postcode") == "Read from a printed label, “Postcode”"
    assert names.how_read("text") == "Read from the text"
    assert names.how_read("staff") == "Entered by staff"
    assert names.how_read("learned") == "Read with a lesson from staff"
    assert names.METHODS["learned"] == "a lesson from staff"
    assert names.how_read(None) == "Not found on the form"


def test_a_name_in_no_table_still_reads_as_english() -> None:
    assert names.field_label("previous_vrm_ref") == "Previous vehicle registration reference"
    assert names.check_label("landlord_is_known") == "Landlord is known"
    assert names.key_label("uprn") == "Property reference (UPRN)"
    assert names.key_label("postcode") == "Postcode"  # a field's name as an evidence key
    assert names.describe("MISSING_FIELD:vrm", "parking_permit") == "A required answer is missing: Vehicle registration"


def test_evidence_values() -> None:
    assert names.value_text("2026-03-01") == "1 March 2026"
    assert names.value_text(["2026-03-01", "2026-04-02"]) == "1 March 2026, 2 April 2026"
    assert names.value_text(True) == "yes" and names.value_text(None) == "–"
    assert names.value_text(["postcode", "address"], "mismatched", "council_tax_spd") == (
        "Postcode, Address of the property")
    assert names.value_text(["ACCOUNT_CLOSED"], "overridden") == "The council tax account is closed"
    assert names.value_text("FW1 1AA") == "FW1 1AA"
    assert names.date_reading("01/03/2026") == "1 March 2026"
    assert names.date_reading("2026-03-01; 2 April 2026") == "1 March 2026, 2 April 2026"
    assert names.date_reading("31/02/2026") == "" and names.date_reading("") == ""
