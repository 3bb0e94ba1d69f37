"""extractors/yaml_spec.py: form types as YAML specs, validated, registered, and read end to end."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlmodel import select

from extractors import registry
from extractors.document import open_document
from extractors.spec import SpecExtractor
from extractors.yaml_spec import BUILTIN_SPECS_DIR, SpecError, load_dir, load_spec, spec_factory
from formwork import settings
from formwork.db import session_scope
from formwork.models import ExtractedField, Outcome, Submission
from formwork.pipeline import process_inbox

GARDEN_WASTE = textwrap.dedent("""\
    # A council's own form type: no Python anywhere.
    form_type: garden_waste
    title: Garden waste collection subscription
    identify: ["garden waste (?:collection|subscription|bin)"]
    fields:
      - name: applicant_name
        kind: name
        required: true
        labels: ["(?:your |full )*name"]
      - name: address
        kind: text
        required: true
        labels: ["(?:collection |your )?address"]
        exclude: ["e ?mail"]
      - name: postcode
        kind: postcode
        required: true
        labels: ["post ?code"]
      - name: bins
        kind: text
        labels: ["(?:number of )?(?:bins|brown bins)(?: wanted| required)?"]
      - name: start_date
        kind: date
        required: true
        labels: ["(?:subscription )?start date", "start from"]
""")


def test_the_builtin_yaml_form_types_are_registered() -> None:
    """Fails when a built-in form type silently stops registering."""
    names = {e.name: e.form_type for e in registry.Registry(
        [*(registry.Registered(e, "builtin") for e in registry.BUILTINS), *registry._builtin_specs()])}
    assert names == {"council_tax_spd": "council_tax_spd", "council_tax_move": "council_tax_move",
                     "parking_permit": "parking_permit", "correspondence": "correspondence"}
    assert sorted(p.name for p in BUILTIN_SPECS_DIR.glob("*.yaml")) == sorted(registry.BUILTIN_SPECS)


def test_the_move_spec_makes_its_addresses_conditional() -> None:
    spec = load_spec(BUILTIN_SPECS_DIR / "council_tax_move.yaml")
    assert spec.field("account_ref").required_when == (("move_type", "out"),)
    assert spec.field("new_postcode").required_when == (("move_type", "in"),)
    assert set(spec.required) == {"move_type", "applicant_name", "move_date", "declaration_date"}
    assert spec.by_direction is not None and spec.by_direction.field == "move_type"
    assert dict((v, (h, e)) for v, h, e in spec.by_direction.said)["out"] == ("the address you are leaving",
                                                                             "your new address")


@pytest.mark.parametrize(("text", "problem"), [
    ("form_type: x\n", "title: Field required"),
    (GARDEN_WASTE.replace("kind: postcode", "kind: zip"), "unknown kind 'zip'"),
    (GARDEN_WASTE.replace('"post ?code"', '"post (code"'), "bad regular expression"),
    (GARDEN_WASTE.replace("name: bins", "name: postcode"), "field 'postcode' is defined twice"),
    (GARDEN_WASTE.replace("name: bins\n", "name: bins\n    required_when: {colour: red}\n"),
     "required_when names no field 'colour'"),
    (GARDEN_WASTE.replace("name: bins\n", "name: bins\n    implied_by: {colour: {two: [brown]}}\n"),
     "implied_by names no field 'colour'"),
    (GARDEN_WASTE.replace("name: start_date\n", "name: start_date\n    implied_by: {bins: {soon: [brown]}}\n"),
     "implied_by value 'soon' is no valid date"),
    (GARDEN_WASTE.replace("fields:", "by_direction: {field: colour, here: [ours], said: {a: [x, y]}}\nfields:"),
     "by_direction names no field 'colour'"),
    (GARDEN_WASTE.replace("identify:", "identfy:"), "identify: Field required (and 1 more)"),
    ("form_type: [unclosed\n", "not valid YAML at line"),
    ("- just\n- a list\n", "a spec is a mapping"),
])
def test_a_bad_spec_is_one_line_naming_the_file_and_the_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and problem in message and "\n" not in message


def test_a_missing_spec_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match=r"absent\.yaml: cannot read the file"):
        load_spec(tmp_path / "absent.yaml")


def test_an_entry_point_factory_loads_a_packaged_spec(tmp_path: Path) -> None:
    (tmp_path / "garden_waste.yaml").write_text(GARDEN_WASTE, encoding="utf-8")
    made = registry._coerce(spec_factory(tmp_path / "garden_waste.yaml"))
    assert isinstance(made, SpecExtractor) and made.form_type == "garden_waste"
    assert [e.name for e in load_dir(tmp_path)] == ["garden_waste"]


def _garden_waste_pdf(path: Path) -> None:
    c = Canvas(str(path), pagesize=A4, invariant=1)
    y = 800.0
    for text in ("Borough of Nowhere", "Garden waste collection subscription", "",
                 "Your name: Ms Ada Lovelace", "Collection address: 4 Engine Row", "Postcode: nr2 4ab",
                 "Number of brown bins: 2", "Start date: 1st April 2026", "Email address: ada@example.com"):
        c.drawString(60, y, text)
        y -= 24
    c.save()


@pytest.fixture
def specs_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / "garden_waste.yaml").write_text(GARDEN_WASTE, encoding="utf-8")
    (folder / "broken.yaml").write_text("form_type: broken\n", encoding="utf-8")  # skipped, logged
    monkeypatch.setenv("FORMWORK_SPECS_DIR", str(folder))
    settings.reset()
    registry.default_registry.cache_clear()
    yield folder
    registry.default_registry.cache_clear()


def test_a_spec_file_alone_adds_a_form_type(specs_dir: Path, tmp_path: Path, db_url: str,
                                            caplog: pytest.LogCaptureFixture) -> None:
    """docs/extractors.md, "A new form type with a spec file alone", followed to the letter."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _garden_waste_pdf(inbox / "garden.pdf")
    with open_document(inbox / "garden.pdf") as doc:
        found = registry.default_registry().classify(doc)
    assert found.extractor is not None and found.extractor.form_type == "garden_waste"
    assert "broken.yaml: title: Field required" in caplog.text

    summary = process_inbox(inbox, settings.Settings(home=tmp_path / "home", db=db_url, as_of=dt.date(2026, 3, 1)))
    assert summary.processed == 1
    with session_scope(db_url) as session:
        sub = session.exec(select(Submission)).one()
        fields = {f.name: f.value for f in session.exec(select(ExtractedField))}
    assert (sub.form_type, sub.outcome, sub.reasons) == ("garden_waste", Outcome.approved, [])
    assert fields == {"applicant_name": "Ms Ada Lovelace", "address": "4 Engine Row", "postcode": "NR2 4AB",
                      "bins": "2", "start_date": "2026-04-01"}


def test_formwork_check_spec(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from formwork.cli import app

    good = tmp_path / "garden_waste.yaml"
    good.write_text(GARDEN_WASTE, encoding="utf-8")
    ok = CliRunner().invoke(app, ["check-spec", str(good), str(BUILTIN_SPECS_DIR / "council_tax_move.yaml")])
    assert ok.exit_code == 0, ok.output
    output = " ".join(ok.output.split())
    assert "garden_waste 1.0, 5 fields, 4 required" in output
    assert "council_tax_move 1.0, 11 fields, 4 required, 5 required depending on others" in output
    bad = tmp_path / "bad.yaml"
    bad.write_text(GARDEN_WASTE.replace("kind: postcode", "kind: zip"), encoding="utf-8")
    failed = CliRunner().invoke(app, ["check-spec", str(bad)])
    assert failed.exit_code != 0
