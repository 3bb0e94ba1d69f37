"""extractors/spec.py and layout.py on small hand-made PDFs: the readings the move and permit forms need."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from extractors.document import open_document
from extractors.registry import Registry, _builtin_specs

REGISTRY = Registry([*_builtin_specs()])


def _read(path: Path) -> tuple[str | None, dict[str, tuple[object, bool]]]:
    with open_document(path) as doc:
        found = REGISTRY.classify(doc)
        assert found.extractor is not None
        ex = found.extractor.extract(doc)
    return found.extractor.form_type, {n: (f.value, f.valid) for n, f in ex.fields.items()}


def _flat(path: Path, lines: list[tuple[float, float, str]]) -> Path:
    c = Canvas(str(path), pagesize=A4, invariant=1)
    for x, y, text in lines:
        c.drawString(x, y, text)
    c.save()
    return path


def test_a_ticked_box_answers_the_move_type(tmp_path: Path) -> None:
    path = tmp_path / "ticks.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.drawString(50, 800, "Council Tax - tell us you are moving")
    for y, name, text, ticked in ((740, "In", "I am moving in", False), (716, "Out", "I am moving out", True)):
        c.acroForm.checkbox(name=name, checked=ticked, x=50, y=y - 3, size=12, buttonStyle="check")
        c.drawString(70, y, text)
    c.drawString(50, 680, "Date of move")
    c.acroForm.textfield(name="Text1", value="3 March 2026", x=200, y=676, width=150, height=16)
    c.save()
    form_type, fields = _read(path)
    assert form_type == "council_tax_move"
    assert fields["move_type"] == ("out", True) and fields["move_date"] == ("2026-03-03", True)


def test_a_label_wrapped_in_a_narrow_column_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.drawString(50, 800, "Council Tax - tell us you are moving")
    rows = (("Address of the property you are", "leaving", "Text1", "8 Marsh Street"),
            ("Address of the property you are", "moving into", "Text2", "3 Elm Road"))
    y = 740.0
    for first, second, name, value in rows:
        c.drawString(50, y, first)
        c.drawString(50, y - 12, second)
        c.acroForm.textfield(name=name, value=value, x=250, y=y - 6, width=200, height=18)
        y -= 50
    c.save()
    _, fields = _read(path)
    assert fields["previous_address"] == ("8 Marsh Street", True)
    assert fields["new_address"] == ("3 Elm Road", True)


def test_an_abbreviated_label_without_a_colon(tmp_path: Path) -> None:
    path = _flat(tmp_path / "dotted.pdf", [
        (50, 800, "Residents' parking permit application"),
        (50, 760, "Reg. no. LH70 NHS"),
        (50, 740, "Permit zone: Zone B2"),
    ])
    form_type, fields = _read(path)
    assert form_type == "parking_permit"
    assert fields["vrm"] == ("LH70NHS", True) and fields["zone"] == ("B2", True)


def test_blank_answers_are_not_read_from_the_next_line(tmp_path: Path) -> None:
    path = _flat(tmp_path / "blank.pdf", [
        (50, 800, "Council Tax - tell us you are moving"),
        (50, 760, "New postcode"),
        (50, 746, "5. Declaration"),          # a numbered heading where the answer would be
        (50, 700, "Date of move"),
        (50, 686, "DD/MM/YYYY"),              # the form's own hint, nothing written
        (50, 650, "Email address"),
        (50, 636, "Your declaration"),
    ])
    _, fields = _read(path)
    assert "new_postcode" not in fields and "move_date" not in fields and "email" not in fields



def test_a_bare_postcode_is_the_one_of_its_section(tmp_path: Path) -> None:
    path = _flat(tmp_path / "sections.pdf", [
        (50, 800, "Council Tax - tell us you are moving"),
        (50, 770, "Are you moving in or out?"),
        (50, 756, "Moving out"),                  # an answer, not a heading
        (50, 720, "Your old address"),
        (50, 700, "Address: 8 Marsh Street"),
        (50, 686, "Postcode: FW1 2AB"),
        (50, 650, "Your forwarding address"),
        (50, 630, "Address: 3 Elm Road, Leeds"),
        (50, 616, "Postcode: LS1 4QQ"),
    ])
    _, fields = _read(path)
    assert fields["move_type"] == ("out", True)
    assert fields["previous_address"] == ("8 Marsh Street", True) and fields["previous_postcode"] == ("FW1 2AB", True)
    # An address's normal form is its first line (forms.md): the town goes.
    assert fields["new_address"] == ("3 Elm Road", True) and fields["new_postcode"] == ("LS1 4QQ", True)


def test_a_bare_postcode_with_no_telling_heading_is_not_guessed(tmp_path: Path) -> None:
    path = _flat(tmp_path / "nosection.pdf", [
        (50, 800, "Council Tax - tell us you are moving"),
        (50, 760, "Moving out"),
        (50, 700, "Postcode: FW1 2AB"),
    ])
    _, fields = _read(path)
    assert "previous_postcode" not in fields and "new_postcode" not in fields


def test_a_reference_written_one_character_a_box_is_kept(tmp_path: Path) -> None:
    """A guard against sentences read as codes must not drop "4 0 0 1 2 3 4 5" written in boxes."""
    lines = [(50.0, 800.0, "Council Tax - tell us you are moving"), (50.0, 760.0, "Council Tax account number")]
    lines += [(50.0 + 16 * i, 744.0, ch) for i, ch in enumerate("40012345")]
    _, fields = _read(_flat(tmp_path / "comb.pdf", lines))
    assert fields["account_ref"] == ("40012345", True)


def _move_dated(tmp_path: Path, date_label: str, extra: list[tuple[float, float, str]] | None = None) -> Path:
    return _flat(tmp_path / "implied.pdf", [
        (50, 800, "Council Tax - tell us you are moving"),
        (50, 760, "Full name"), (50, 746, "Ada Lovelace"),
        (50, 720, date_label), (50, 706, "3 March 2026"),
        *(extra or []),
    ])


def test_an_unasked_move_type_is_implied_by_the_move_dates_label(tmp_path: Path) -> None:
    _, fields = _read(_move_dated(tmp_path, "Date you moved out"))
    assert fields["move_type"] == ("out", True) and fields["move_date"] == ("2026-03-03", True)
    _, fields = _read(_move_dated(tmp_path, "First day at this address"))
    assert fields["move_type"] == ("in", True)


def test_a_move_dates_label_that_does_not_say_implies_nothing(tmp_path: Path) -> None:
    for label in ("Date of move", "Date you moved in or out", "Date moving in/out"):
        _, fields = _read(_move_dated(tmp_path, label))
        assert "move_type" not in fields, label


def test_an_answered_move_type_is_not_overridden_by_the_dates_label(tmp_path: Path) -> None:
    _, fields = _read(_move_dated(tmp_path, "Date you moved out",
                                  [(50, 680, "Are you moving in or out?"), (50, 666, "Moving in")]))
    assert fields["move_type"] == ("in", True)


def test_of_options_printed_with_tick_boxes_the_ticked_one_is_read(tmp_path: Path) -> None:
    path = tmp_path / "options.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.drawString(50, 800, "Council Tax - tell us you are moving")
    c.drawString(50, 760, "Are you moving in or out?")
    c.drawString(50, 746, "[ ] Moving in   [X] Moving out")
    c.save()
    _, fields = _read(path)
    assert fields["move_type"] == ("out", True)
