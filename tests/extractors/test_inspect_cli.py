"""``formwork extractors`` and ``formwork extract``, run as a user would (typer's CliRunner)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PIL import Image
from typer.testing import CliRunner

from extractors.contract import Extraction
from extractors.document import Document
from extractors.registry import Registered, Registry, default_registry
from formwork import inspect as fw_inspect
from formwork.cli import app
from formwork.pipeline import extract_file
from formwork.settings import Limits
from tests.extractors.conftest import SmallSample

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def page_count(pdf: Path) -> int:
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def multi_page_form(sample: SmallSample) -> Path:
    forms = sample.files(kind="spd", clean=True)
    for pdf in forms:
        if page_count(pdf) > 1:
            return pdf
    pytest.fail("the small sample has no form of more than one page")


# --------------------------------------------------------------------------- formwork extractors


def test_extractors_json_lists_every_registered_extractor() -> None:
    result = run("extractors", "--json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    registry = default_registry()
    assert [e["name"] for e in listed] == [e.extractor.name for e in registry.entries]
    spd = next(e for e in listed if e["name"] == "council_tax_spd")
    assert spd["form_type"] == "council_tax_spd"
    assert spd["version"] == registry.get("council_tax_spd").version
    assert spd["source"] == "builtin" and spd["entry_point"] is None
    assert spd["module"] == "extractors.council_tax_spd"
    assert spd["fields"] == len(registry.get("council_tax_spd").fields)
    assert spd["required"] == sum(f.required for f in registry.get("council_tax_spd").fields)


@dataclass
class _Plugin:
    """An extractor as a council's package might ship it, read from a spec file."""

    spec_path: str
    name: str = "housing_benefit"
    version: str = "2.1"
    form_type: str = "housing_benefit"
    fields: Sequence[Any] = ()

    def score(self, doc: Document) -> float | None:
        return None

    def extract(self, doc: Document) -> Extraction:
        return Extraction(self.form_type, self.name, self.version)


@pytest.fixture
def with_plugin(monkeypatch: pytest.MonkeyPatch) -> Registry:
    registry = Registry([*default_registry().entries,
                         Registered(_Plugin("specs/housing_benefit.yaml"),
                                    "entry point housing_benefit (my_council_forms.housing:extractor)")])
    monkeypatch.setattr(fw_inspect, "default_registry", lambda: registry)
    return registry


def test_extractors_says_where_a_plugin_came_from(with_plugin: Registry) -> None:
    listed = {e["name"]: e for e in json.loads(run("extractors", "--json").stdout)}
    plugin = listed["housing_benefit"]
    assert plugin["source"] == "entry point"
    assert plugin["entry_point"] == "housing_benefit"
    assert plugin["module"] == "my_council_forms.housing:extractor"
    assert plugin["spec_file"] == "specs/housing_benefit.yaml"
    assert plugin["version"] == "2.1"
    assert listed["council_tax_spd"]["spec_file"] is None


def test_extractors_table(with_plugin: Registry) -> None:
    result = CliRunner().invoke(app, ["extractors"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    spd = next(line for line in lines if "council_tax_spd" in line)
    assert "builtin" in spd and "extractors.council_tax_spd" in spd
    plugin = next(line for line in lines if "housing_benefit" in line)
    assert "entry point housing_benefit" in plugin and "specs/housing_benefit.yaml" in plugin


def test_spec_file_is_read_from_the_extractor_or_its_spec() -> None:
    class WithSpec:
        class spec:  # noqa: N801 - stands in for a FormSpec read from a file
            path = Path("extractors/specs/parking_permit.yaml")

    assert fw_inspect.spec_file(WithSpec()) == "extractors/specs/parking_permit.yaml"
    assert fw_inspect.spec_file(default_registry().get("council_tax_spd")) is None


# --------------------------------------------------------------------------- formwork extract


def test_extract_json_shows_classification_and_every_field(small_sample: SmallSample) -> None:
    pdf = small_sample.files(kind="spd", layout="printed_labels", clean=True)[0]
    result = run("extract", str(pdf), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)

    pipeline = extract_file(0, pdf, Limits())
    assert pipeline.extraction is not None
    assert data["status"] == "extracted" and data["reason"] is None
    assert data["form_type"] == pipeline.extraction.form_type == small_sample.truth[pdf.name]["form_type"]
    assert data["classification"]["winner"] == pipeline.extraction.extractor
    assert set(data["classification"]["scores"]) == {e.name for e in default_registry()}
    assert data["classification"]["score"] >= data["classification"]["min_score"]
    assert data["pages"] == page_count(pdf)

    by_name = {f["name"]: f for f in data["fields"]}
    assert set(by_name) == set(pipeline.extraction.fields)
    for name, fv in pipeline.extraction.fields.items():
        shown = by_name[name]
        assert shown["value"] == fv.value
        assert shown["confidence"] == pytest.approx(fv.confidence, abs=1e-4)
        assert shown["method"] == fv.method and shown["label"] == fv.label
        assert fv.box is not None
        assert shown["page"] == fv.box.page
        x0, top, x1, bottom = shown["bbox"]
        assert 0 <= x0 < x1 and 0 <= top < bottom
    # What a reader would check by eye: the applicant's name as the truth has it.
    assert by_name["applicant_name"]["value"] == small_sample.truth[pdf.name]["fields"]["applicant_name"]


def test_extract_table_for_people(small_sample: SmallSample) -> None:
    pdf = small_sample.files(kind="spd", layout="online_export", clean=True)[0]
    result = CliRunner().invoke(app, ["extract", str(pdf)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "council_tax_spd" in out and "chosen" in out
    truth = small_sample.truth[pdf.name]["fields"]
    for name in ("account_ref", "applicant_name", "postcode"):
        line = next(line for line in out.splitlines() if line.strip("│ ").startswith(name))
        assert truth[name] in line


def test_extract_png_draws_every_page(small_sample: SmallSample, tmp_path: Path) -> None:
    pdf = multi_page_form(small_sample)
    out = tmp_path / "pictures"  # created by the command
    result = run("extract", str(pdf), "--json", "--png", str(out), "--resolution", "50")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    written = [Path(p) for p in data["png"]]
    assert len(written) == page_count(pdf) > 1
    assert sorted(out.iterdir()) == sorted(written)
    with pdfplumber.open(pdf) as doc:
        sizes = [(round(p.width * 50 / 72), round(p.height * 50 / 72)) for p in doc.pages]
    for path, (w, h) in zip(written, sizes, strict=True):
        assert path.read_bytes()[:8] == PNG_SIGNATURE
        with Image.open(path) as im:
            im.load()
            assert im.format == "PNG"
            assert abs(im.width - w) <= 1 and abs(im.height - h) <= 1

    # Every field's box is drawn: its left edge, half-way down, is in the "read well" green.
    field = next(f for f in data["fields"] if f["valid"] and f["confidence"] >= data["confidence_threshold"])
    x0, top, _, bottom = field["bbox"]
    with Image.open(written[field["page"] - 1]) as im:
        pixel = im.convert("RGB").getpixel((round(x0 * 50 / 72), round((top + bottom) / 2 * 50 / 72)))
    assert isinstance(pixel, tuple)
    r, g, b = pixel[:3]
    assert g > r + 40 and g > b + 20, (r, g, b)


def test_extract_png_prints_the_paths(small_sample: SmallSample, tmp_path: Path) -> None:
    pdf = small_sample.files(kind="spd", layout="boxed_grid", clean=True)[0]
    result = run("extract", str(pdf), "--png", str(tmp_path), "--resolution", "30")
    assert result.exit_code == 0, result.output
    expected = [tmp_path / f"{pdf.stem}.page-{n}.png" for n in range(1, page_count(pdf) + 1)]
    for path in expected:
        assert path.is_file()
        assert f"wrote {path}" in result.stdout.replace("\n", "")


def test_extract_a_document_no_extractor_knows(small_sample: SmallSample) -> None:
    other = [p for p in small_sample.folder.joinpath("inbox").iterdir()
             if small_sample.truth[p.name]["form_type"] is None]
    assert other
    data = json.loads(run("extract", str(other[0]), "--json").stdout)
    assert data["reason"] == "UNKNOWN_FORM_TYPE"
    assert data["form_type"] is None and data["fields"] == []
    assert data["classification"]["winner"] is None
    assert all(s is None or s < data["classification"]["min_score"] for s in data["classification"]["scores"].values())


def test_extract_an_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "letter.pdf"
    bad.write_text("Dear Sir, this is not a PDF at all.")
    result = run("extract", str(bad), "--json", "--png", str(tmp_path / "png"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["reason"] == "UNREADABLE_FILE" and data["status"] == "unreadable"
    assert "not a PDF" in data["detail"]
    assert data["png"] == []
    human = run("extract", str(bad))
    assert "UNREADABLE_FILE: not a PDF" in human.stdout


@pytest.mark.parametrize("problem", ["missing", "folder"])
def test_extract_bad_file_is_one_line(problem: str, tmp_path: Path) -> None:
    target = tmp_path / "nope.pdf" if problem == "missing" else tmp_path
    result = run("extract", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0] == (f"formwork: error: file not found: {target}" if problem == "missing"
                        else f"formwork: error: not a file: {target}")


def test_extract_png_must_be_a_folder(small_sample: SmallSample, tmp_path: Path) -> None:
    pdf = small_sample.files(kind="spd", clean=True)[0]
    taken = tmp_path / "taken.png"
    taken.write_bytes(b"")
    result = run("extract", str(pdf), "--png", str(taken))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"formwork: error: --png must be a folder, not a file: {taken}"


@pytest.mark.parametrize("command", ["extractors", "extract"])
def test_every_option_is_documented(command: str) -> None:
    import typer.main

    doc = (Path(__file__).resolve().parents[2] / "docs" / "extractors.md").read_text(encoding="utf-8")
    assert f"### `formwork {command}" in doc
    group = typer.main.get_command(app)
    cmd = group.commands[command]  # type: ignore[attr-defined]
    options = [o for p in cmd.params for o in p.opts if o.startswith("--") and o != "--help"]
    assert options
    assert [o for o in options if f"`{o}" not in doc] == []


def test_extract_pairs_shows_every_label_and_answer_as_json(tmp_path: Path) -> None:
    """``formwork extract FILE --pairs --json``: cli.md's shape, boxes in points from the top-left."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "form.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.drawString(50, 780, "Garden waste subscription")
    c.drawString(50, 740, "Number of bins: 2")
    c.drawString(50, 720, "Your name: Ada Lovelace")
    c.save()
    result = CliRunner().invoke(app, ["extract", str(path), "--pairs", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["file"] == "form.pdf"
    found = {(p["label"], p["answer"]) for p in data["pairs"]}
    assert {("Number of bins", "2"), ("Your name", "Ada Lovelace")} <= found  # no form type uses the bins
    pair = next(p for p in data["pairs"] if p["label"] == "Your name")
    assert set(pair) >= {"page", "label", "label_box", "answer", "answer_box", "score"}
    x0, top, x1, bottom = pair["answer_box"]
    assert pair["page"] == 1 and x0 < x1 and top < bottom and 842 - 720 - 12 < top < 842 - 720 + 2
    assert 0 < pair["score"] <= 1
