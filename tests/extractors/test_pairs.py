"""The label/answer pair reader (extractors/pairs.py) on small forms drawn here, one arrangement each.

Each test draws one way councils set a form out (issue 15's list: label left with or without a leader or
colon, label above, label in the top of a box, caption under the line, numbered questions, tables, comb
and Day/Month/Year boxes, bilingual labels, answers that wrap or run onto the next page, fillable fields
with tooltips, check boxes and radio groups, choices answered in words) and checks the pair the reader
finds, then the field the form type's extractor makes of it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from extractors import council_tax_spd
from extractors.contract import Extraction
from extractors.document import open_document
from extractors.pairs import Pair, find_pairs
from extractors.registry import Registered as _Registered
from extractors.registry import Registry, _builtin_specs

REGISTRY = Registry([_Registered(council_tax_spd.extractor, "builtin"), *_builtin_specs()])
W, H = A4


def _pairs(path: Path) -> list[Pair]:
    with open_document(path) as doc:
        return find_pairs(doc)


def _answer(pairs: list[Pair], label_start: str) -> str | None:
    for p in pairs:
        if p.label.lower().startswith(label_start.lower()):
            return p.answer
    return None


def _extraction(path: Path) -> Extraction:
    with open_document(path) as doc:
        found = REGISTRY.classify(doc)
        assert found.extractor is not None, found.scores
        return found.extractor.extract(doc)


def _fields(path: Path) -> tuple[str | None, dict[str, object]]:
    out = _extraction(path)
    return out.form_type, {n: f.value for n, f in out.fields.items() if f.valid}


def _put(c: Canvas, *items: tuple[str, float, float, float, str]) -> None:
    """Text at places given from the page's top: (font, size, x, top, text) each."""
    for font, size, x, top, text in items:
        c.setFont(font, size)
        c.drawString(x, H - top, text)


def _canvas(path: Path, title: str) -> Canvas:
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, H - 60, title)
    return c


def test_label_then_a_dotted_leader_then_a_typed_answer_far_right(tmp_path: Path) -> None:
    path = tmp_path / "leaders.pdf"
    c = _canvas(path, "Application for Single Person Discount")
    y = H - 120
    for label, answer in (("Your name:", "Jane Smith"), ("Council Tax account reference", "4001 2345"),
                          ("Post code:", "nr1 3qu"), ("Date of declaration", "01/03/2026")):
        c.setFont("Times-Roman", 10)
        c.drawString(50, y, label)
        c.setFont("Times-Roman", 6)
        c.drawString(50 + c.stringWidth(label, "Times-Roman", 10) + 4, y, "." * 70)
        c.setFont("Courier", 10)
        c.drawString(380, y, answer)
        y -= 22
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Your name") == "Jane Smith"
    assert _answer(pairs, "Post code") == "nr1 3qu"
    form_type, fields = _fields(path)
    assert form_type == "council_tax_spd"
    assert fields["applicant_name"] == "Jane Smith" and fields["postcode"] == "NR1 3QU"
    assert fields["account_ref"] == "40012345" and fields["declaration_date"] == "2026-03-01"


def test_label_above_its_answer_and_a_numbered_question(tmp_path: Path) -> None:
    path = tmp_path / "numbered.pdf"
    c = _canvas(path, "Residents' parking permit application")
    y = H - 120
    for number, question, answer in (("1.", "What is your full name?", "Carys O'Brien"),
                                     ("2a.", "What is the vehicle's registration number?", "wx64 sak"),
                                     ("2b.", "Which permit zone is your street in?", "P1")):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(50, y, number)
        c.drawString(80, y, question)
        c.setFont("Helvetica", 11)
        c.setFillColorRGB(0.1, 0.2, 0.6)
        c.drawString(84, y - 16, answer)
        c.setFillColorRGB(0, 0, 0)
        y -= 44
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "What is your full name") == "Carys O'Brien"
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Carys O'Brien" and fields["vrm"] == "WX64SAK" and fields["zone"] == "P1"


def test_label_as_small_text_in_the_top_of_its_box(tmp_path: Path) -> None:
    path = tmp_path / "boxes.pdf"
    c = _canvas(path, "Apply for a residents' parking permit")
    y = H - 140
    for label, answer in (("Your name", "Ms Emily Rogers"), ("Home address", "33 Orchard Close"),
                          ("Postcode", "FW3 0EJ"), ("Vehicle registration mark (VRM)", "ps18epx")):
        c.rect(50, y - 8, 300, 34)
        c.setFont("Helvetica", 6.5)
        c.drawString(54, y + 18, label)
        c.setFont("Courier", 11)
        c.drawString(54, y - 2, answer)
        y -= 44
    c.save()
    pairs = _pairs(path)
    assert {p.how for p in pairs if p.label == "Home address"} == {"box"}
    _, fields = _fields(path)
    assert fields["address"] == "33 Orchard Close" and fields["vrm"] == "PS18EPX"
    assert fields["applicant_name"] == "Ms Emily Rogers"


def test_caption_printed_under_the_answer_line(tmp_path: Path) -> None:
    path = tmp_path / "captions.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount Application")
    y = H - 140
    for caption, answer in (("Full name", "Robert Hughes"), ("Postcode", "KV3 2AB"),
                            ("Date (DD/MM/YYYY)", "14/10/2026")):
        c.setFont("Times-Roman", 12)
        c.drawString(60, y, answer)
        c.line(55, y - 4, 400, y - 4)
        c.setFont("Times-Roman", 7)
        c.drawString(58, y - 13, caption)
        y -= 48
    c.save()
    pairs = _pairs(path)
    assert {(p.label, p.answer, p.how) for p in pairs} >= {("Full name", "Robert Hughes", "caption"),
                                                           ("Postcode", "KV3 2AB", "caption")}


def test_captions_close_under_answer_lines_with_numbered_parts(tmp_path: Path) -> None:
    """Answers on rules with their captions just under, packed close: each caption is nearer its own answer's
    rule than the next answer, so it is that answer's label (not the label of the answer under it), and
    the parts' numbered headings label nothing. The form's title says which way the move goes."""
    path = tmp_path / "tight.pdf"
    c = _canvas(path, "Council Tax: notification of moving out of a property")
    y = H - 110

    def heading(text: str) -> None:
        nonlocal y
        c.setFont("Times-Bold", 12)
        c.drawString(50, y, text)
        y -= 24

    def field(answer: str, caption: str, x: float = 50, width: float = 480, *, last: bool = True,
              lines: int = 1) -> None:
        nonlocal y
        c.setFont("Times-Roman", 11)
        c.drawString(x + 2, y, answer)
        for k in range(lines):
            c.line(x, y - 2 - 16 * k, x + width, y - 2 - 16 * k)
        c.setFont("Times-Italic", 7.5)
        c.drawString(x, y - 10 - 16 * (lines - 1), caption)
        if last:
            y -= 33 + 16 * (lines - 1)

    heading("1. Applicant")
    field("Mrs Susan Thompson", "Full name (including title)")
    field("", "Telephone")
    heading("2. About your move")
    field("01-12-2026", "Date you leave (DD/MM/YYYY)")
    heading("3. Property you are leaving")
    field("63826477", "Account reference")
    field("22 Beacon Hill Road", "Address line 1")
    field("", "Address line 2")
    field("KV2 6JR", "Postcode")
    field("I am going to live abroad with my daughter.", "Anything else we should know?", lines=3)
    heading("Declaration")
    field("S. Thompson", "Signature", width=300, last=False)
    field("25-11-2026", "Date (DD/MM/YYYY)", x=365, width=170)
    c.setFont("Times-Bold", 9)
    c.rect(50, y - 30, 480, 40)
    c.drawString(56, y - 4, "Office use only")
    c.setFont("Times-Roman", 9)
    c.drawString(170, y - 4, "Date stamped: 29-11-2026")
    c.save()
    pairs = _pairs(path)
    got = {p.label: p.answer for p in pairs}
    assert got["Full name (including title)"] == "Mrs Susan Thompson"
    assert got["Date you leave (DD/MM/YYYY)"] == "01-12-2026" and got["Postcode"] == "KV2 6JR"
    assert got["Anything else we should know?"].startswith("I am going to live abroad")
    assert got["Date (DD/MM/YYYY)"] == "25-11-2026"
    assert not {"Applicant", "About your move", "Property you are leaving", "Telephone", "Address line 2",
                "S. Thompson"} & set(got)  # headings, blank answers and a signature label nothing
    assert {p.section for p in pairs if p.label == "Address line 1"} == {"Property you are leaving"}
    assert {p.zone for p in pairs if p.answer == "29-11-2026"} == {"office"}
    form_type, fields = _fields(path)
    assert form_type == "council_tax_move"
    assert fields["move_type"] == "out"  # unanswered, but the title says so
    assert fields["applicant_name"] == "Mrs Susan Thompson" and fields["move_date"] == "2026-12-01"
    assert fields["declaration_date"] == "2026-11-25"  # the applicant's date, not the office's stamp


def test_question_and_answer_table_with_a_choice_in_words(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    c = _canvas(path, "Change of Address - Council Tax")
    rows = [("Question", "Your answer"), ("Moving in or moving out", "Out"), ("Date of move", "31/07/2026"),
            ("Surname", "Jones"), ("Forename(s)", "Louise"), ("Council tax reference", "6377 1958")]
    top = H - 110
    for i, (q, a) in enumerate(rows):
        y = top - 20 * i
        c.rect(50, y - 20, 250, 20)
        c.rect(300, y - 20, 220, 20)
        c.setFont("Helvetica", 9)
        c.drawString(54, y - 14, q)
        c.drawString(304, y - 14, a)
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Moving in or moving out") == "Out"
    assert {p.how for p in pairs if p.label == "Date of move"} == {"table"}
    _, fields = _fields(path)
    assert fields["move_type"] == "out" and fields["move_date"] == "2026-07-31"
    assert fields["applicant_name"] == "Louise Jones"  # a name written in parts is joined


def test_headers_over_a_row_of_answers(tmp_path: Path) -> None:
    path = tmp_path / "headers.pdf"
    c = _canvas(path, "Residents' parking permit")
    for j, (head, answer) in enumerate((("Registration", "nxr 606j"), ("Make", "BMW"), ("Colour", "Silver"))):
        x = 50 + 150 * j
        c.rect(x, H - 140, 150, 20)
        c.rect(x, H - 160, 150, 20)
        c.drawString(x + 4, H - 134, head)
        c.drawString(x + 4, H - 154, answer)
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Registration") == "nxr 606j" and _answer(pairs, "Make") == "BMW"


def _grid(c: Canvas, top: float, rows: list[tuple[str, ...]], widths: tuple[float, ...], *,
          bold_first: bool = False) -> None:
    """A ruled table: every cell a drawn box, its text inset at the top left."""
    for i, row in enumerate(rows):
        y = top - 22 * i
        x = 50.0
        for text, w in zip(row, widths, strict=True):
            c.rect(x, y - 22, w, 22)
            c.setFont("Helvetica-Bold" if bold_first and i == 0 else "Helvetica", 9)
            c.drawString(x + 4, y - 15, text)
            x += w


def test_questions_marked_in_a_yes_or_no_column(tmp_path: Path) -> None:
    path = tmp_path / "grid.pdf"
    c = _canvas(path, "Council Tax - tell us you are moving")
    _grid(c, H - 100, [("Your name", "Amrit Kaur"), ("Council tax account number", "5550 1234"),
                       ("Date of the move", "02/12/2026")], (250, 220))
    _grid(c, H - 200, [("Question", "Yes", "No"), ("Are you moving out of this address?", "", "X"),
                       ("Is anyone else staying on at the address?", "X", "")], (330, 70, 70), bold_first=True)
    c.save()
    pairs = _pairs(path)
    choices = {p.label: p.answer for p in pairs if p.how == "choice"}
    assert choices == {"Are you moving out of this address?": "No",
                       "Is anyone else staying on at the address?": "Yes"}
    assert "Question" not in {p.label for p in pairs}  # the options' header is not a question
    form_type, fields = _fields(path)
    assert form_type == "council_tax_move"
    assert fields["move_type"] == "in"  # "moving out?" answered "No"
    assert fields["applicant_name"] == "Amrit Kaur" and fields["move_date"] == "2026-12-02"


def test_labels_over_answers_with_a_box_left_blank(tmp_path: Path) -> None:
    path = tmp_path / "over.pdf"
    c = _canvas(path, "Residents' parking permit application")
    _grid(c, H - 100, [("Surname", "First name(s)", "Daytime phone"), ("Okafor", "Chidi", ""),
                       ("Vehicle registration", "Make", "Colour"), ("lk19 xyz", "Skoda", "Grey")],
          (160, 160, 160))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Surname") == "Okafor" and _answer(pairs, "First name") == "Chidi"
    assert _answer(pairs, "Vehicle registration") == "lk19 xyz" and _answer(pairs, "Colour") == "Grey"
    assert _answer(pairs, "Daytime phone") is None  # the blank box is no one's answer
    assert "Okafor" not in {p.label for p in pairs}  # an answer row is never read as labels
    _, fields = _fields(path)
    assert fields["vrm"] == "LK19XYZ" and fields["applicant_name"] == "Chidi Okafor"


def test_question_and_answer_header_over_a_first_question_left_blank(tmp_path: Path) -> None:
    path = tmp_path / "qa.pdf"
    c = _canvas(path, "Single Person Discount - online application received")
    _grid(c, H - 100, [("Question", "Answer"), ("Telephone", ""), ("Full name", "Mr Samuel Allen"),
                       ("Email address", "s.allen@mail.example.com"), ("Post code", "FW3 1AN")],
          (250, 220), bold_first=False)
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Full name") == "Mr Samuel Allen" and _answer(pairs, "Post code") == "FW3 1AN"
    assert {"Question", "Answer"}.isdisjoint({p.label for p in pairs})  # the columns' names are not labels


def test_characters_in_boxes_and_day_month_year_boxes(tmp_path: Path) -> None:
    path = tmp_path / "comb.pdf"
    c = _canvas(path, "Council Tax Change of Address")

    def comb(x: float, y: float, text: str) -> float:
        for ch in text:
            c.rect(x, y - 4, 15, 16)
            c.drawString(x + 4, y, ch)
            x += 15
        return x

    c.setFont("Helvetica", 8)
    c.drawString(54, H - 120, "Account number (8 digits)")
    c.setFont("Helvetica", 11)
    comb(58, H - 138, "63534416")
    c.setFont("Helvetica", 8)
    c.drawString(54, H - 170, "Date of move")
    c.setFont("Helvetica", 11)
    x = comb(58, H - 188, "29")
    x = comb(x + 10, H - 188, "07")
    comb(x + 10, H - 188, "2026")
    c.setFont("Helvetica", 6)
    c.drawString(58, H - 200, "Day")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Account number") == "63534416"
    assert _answer(pairs, "Date of move") == "29/07/2026"


def test_bilingual_labels_and_an_answer_level_with_the_two_lines(tmp_path: Path) -> None:
    path = tmp_path / "bilingual.pdf"
    c = _canvas(path, "Gostyngiad Person Sengl / Single Person Discount")
    y = H - 130
    for welsh, english, answer in (("Enw llawn", "Full name", "Ms Ffion Rowlands"),
                                   ("Cod post", "Postcode", "wq51sx"),
                                   ("Rhif cyfrif y dreth gyngor", "Council tax account number", "61626577")):
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(45, y, welsh)
        c.setFont("Helvetica-Oblique", 8)
        c.drawString(45, y - 11, english)
        c.rect(260, y - 14, 300, 22)
        c.setFont("Helvetica", 10)
        c.drawString(264, y - 7, answer)
        y -= 40
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Cod post") == "wq51sx"
    assert "Postcode" in next(p.label for p in pairs if p.answer == "wq51sx")
    _, fields = _fields(path)
    assert fields["postcode"] == "WQ5 1SX" and fields["account_ref"] == "61626577"


def test_a_wrapped_answer_and_one_that_runs_onto_the_next_page(tmp_path: Path) -> None:
    path = tmp_path / "two_pages.pdf"
    c = _canvas(path, "Application for Single Person Discount")
    c.setFont("Helvetica", 9)
    c.drawString(50, H - 120, "Address of the property:")
    c.setFont("Courier", 10)
    c.drawString(250, H - 120, "17 Ashgrove")
    c.drawString(250, H - 133, "Tawelfryn")
    c.setFont("Helvetica", 9)
    c.drawString(50, 80, "Please tell us what has changed:")
    c.setFont("Courier", 10)
    c.drawString(250, 80, "My partner Beatrice and I have")
    c.drawString(250, 67, "separated and she has moved")
    c.setFont("Helvetica", 7)
    c.drawString(280, 25, "Page 1 of 2 - please continue overleaf")
    c.showPage()
    c.setFont("Helvetica", 7)
    c.drawString(50, H - 30, "Application for Single Person Discount (continued)")
    c.setFont("Courier", 10)
    c.drawString(250, H - 70, "out of the property.")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Address of the property") == "17 Ashgrove\nTawelfryn"
    assert _answer(pairs, "Please tell us what has changed") == (
        "My partner Beatrice and I have\nseparated and she has moved\nout of the property.")


def test_answer_box_with_its_label_printed_after_it(tmp_path: Path) -> None:
    path = tmp_path / "right.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount Claim")
    y = H - 120
    for answer, label in (("4490-8626", "Billing account reference"), ("61 Walnut Lane", "House number and street"),
                          ("fw7 6qj", "Postcode of the dwelling")):
        c.rect(50, y - 6, 110, 20)
        c.setFont("Helvetica", 10)
        c.drawString(54, y, answer)
        c.setFont("Helvetica", 8)
        c.drawString(170, y, label)
        y -= 32
    c.save()
    pairs = _pairs(path)
    assert {(p.label, p.answer) for p in pairs} >= {("Billing account reference", "4490-8626"),
                                                    ("Postcode of the dwelling", "fw7 6qj")}


def test_fillable_fields_with_generic_names_read_by_their_tooltips(tmp_path: Path) -> None:
    path = tmp_path / "tooltips.pdf"
    c = _canvas(path, "Council Tax - tell us you are moving")
    form = c.acroForm
    y = H - 120
    for n, (tip, value) in enumerate((("Your full name", "Mr Kwame Sutton"), ("Date of move", "5/7/2026"),
                                      ("Postcode of the property you are leaving", "WQ31WT")), start=1):
        form.textfield(name=f"Text{n}", tooltip=tip, value=value, x=250, y=y, width=200, height=16)
        y -= 30
    c.drawString(50, y + 4, "Moving in or out")
    form.radio(name="Group1", value="Choice1", selected=False, x=250, y=y, size=12, tooltip="Moving in or out")
    c.drawString(266, y + 3, "Moving in")
    form.radio(name="Group1", value="Choice2", selected=True, x=350, y=y, size=12, tooltip="Moving in or out")
    c.drawString(366, y + 3, "Moving out")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Your full name") == "Mr Kwame Sutton"
    assert _answer(pairs, "Moving in or out") == "Moving out"
    _, fields = _fields(path)
    assert fields["move_type"] == "out" and fields["previous_postcode"] == "WQ3 1WT"
    assert fields["move_date"] == "2026-07-05" and fields["applicant_name"] == "Mr Kwame Sutton"


@pytest.mark.parametrize(("ticked", "expected"), [("I am moving in", "in"), ("I am moving out", "out")])
def test_printed_tick_boxes_beside_options(tmp_path: Path, ticked: str, expected: str) -> None:
    path = tmp_path / "ticks.pdf"
    c = _canvas(path, "Council Tax Change of Address")
    c.setFont("Helvetica", 8.5)
    c.drawString(54, H - 120, "Please tick one")
    for x, option in ((54, "I am moving in"), (180, "I am moving out")):
        c.rect(x, H - 142, 10, 10)
        if option == ticked:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(x + 2, H - 140, "X")
        c.setFont("Helvetica", 9)
        c.drawString(x + 16, H - 140, option)
    c.setFont("Helvetica", 8.5)
    c.drawString(54, H - 170, "Date of move")
    c.setFont("Helvetica", 11)
    c.drawString(58, H - 186, "29/07/2026")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Please tick one") == ticked
    _, fields = _fields(path)
    assert fields["move_type"] == expected


def test_letterhead_and_office_use_pairs_are_marked_and_never_the_applicants(tmp_path: Path) -> None:
    path = tmp_path / "distractors.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, H - 50, "Tawelfryn County Borough Council")
    c.setFont("Helvetica", 8)
    c.drawString(430, H - 50, "Tel: 01632 960410")
    c.setFont("Times-Bold", 14)
    c.drawString(50, H - 100, "APPLICATION FOR SINGLE PERSON DISCOUNT")
    c.setFont("Times-Roman", 10)
    c.drawString(50, H - 140, "Your name:")
    c.setFont("Courier", 10)
    c.drawString(250, H - 140, "Robin Howells")
    c.setFont("Helvetica-Bold", 9)
    c.drawString(50, H - 400, "FOR OFFICE USE ONLY")
    c.setFont("Helvetica", 9)
    c.drawString(50, H - 420, "Date received: 02/12/2026")
    c.save()
    pairs = _pairs(path)
    assert {p.zone for p in pairs if p.answer == "01632 960410"} == {"letterhead"}
    assert {p.zone for p in pairs if p.answer == "02/12/2026"} == {"office"}
    _, fields = _fields(path)
    assert "phone" not in fields and "declaration_date" not in fields


def test_two_columns_each_read_down_on_its_own(tmp_path: Path) -> None:
    """A landscape form of two columns under shaded bars: each bar heads its own column, a bare "Post
    code" belongs to the address above it in its column, crosses drawn in boxes labelled on their left
    are read, and a box in the right column holds the office's part."""
    from reportlab.lib.pagesizes import landscape

    path = tmp_path / "columns.pdf"
    w, h = landscape(A4)
    c = Canvas(str(path), pagesize=(w, h), invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(34, h - 30, "Kesvale Borough Council")
    c.setFont("Helvetica", 12)
    c.drawString(34, h - 48, "Council Tax - change of occupier")

    def bar(x: float, y: float, text: str) -> None:
        c.setFillColorRGB(0.85, 0.85, 0.85)
        c.rect(x, y - 4, 375, 15, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(x + 5, y, text)

    def row(x: float, y: float, label: str, *answers: str) -> None:
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(x, y, label)
        c.setFont("Helvetica", 9.5)
        for k, a in enumerate(answers):
            c.drawString(x + 130, y - 13 * k, a)
            c.line(x + 130, y - 3 - 13 * k, x + 370, y - 3 - 13 * k)

    bar(34, h - 100, "ABOUT YOU")
    row(34, h - 120, "Name:", "Mr Callum Pilling")
    row(34, h - 135, "Tel. no.:", "07700 900119")
    row(34, h - 150, "E-mail:", "cpilling@example.co.uk")
    bar(34, h - 175, "ABOUT THE MOVE")
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(34, h - 195, "Student or moving out?")
    c.setFont("Helvetica", 9)
    for x, option, crossed in ((164, "Moving in", False), (254, "Moving out", True)):
        c.drawString(x, h - 195, option)
        bx = x + c.stringWidth(option, "Helvetica", 9) + 4
        c.rect(bx, h - 197, 8, 8)
        if crossed:
            c.line(bx + 2, h - 195, bx + 6, h - 191)
            c.line(bx + 2, h - 191, bx + 6, h - 195)
    row(34, h - 212, "Effective date:", "28 November 2026")
    bar(433, h - 100, "ABOUT THE PROPERTY")
    row(433, h - 120, "Account no.:", "67129547")
    row(433, h - 135, "Old address:", "22 Pennyroyal Avenue", "Daleham")
    row(433, h - 163, "Post code:", "KV4 2SJ")
    bar(433, h - 185, "FORWARDING DETAILS")
    row(433, h - 205, "New address:", "49 Castle Mews", "Dunmere")
    row(433, h - 233, "Post code:", "DV2 1SZ")
    bar(34, h - 262, "DECLARATION")
    row(34, h - 285, "Dated:", "26th November 2026")
    c.rect(578, h - 325, 230, 48)
    c.setFont("Helvetica-Bold", 7)
    c.drawString(583, h - 285, "OFFICE USE")
    c.setFont("Helvetica", 7.5)
    c.drawString(583, h - 298, "Recd: 30th November 2026")
    c.save()
    pairs = _pairs(path)
    sections = {p.label: p.section for p in pairs}
    assert sections["Account no."] == "ABOUT THE PROPERTY" and sections["E-mail"] == "ABOUT YOU"
    assert sections["Dated"] == "DECLARATION"  # not the office box's, though that heading is higher
    assert {p.zone for p in pairs if p.label == "Dated"} == {"body"}
    assert {p.zone for p in pairs if p.answer == "30th November 2026"} == {"office"}
    assert _answer(pairs, "Student or moving out") == "Moving out"
    form_type, fields = _fields(path)
    assert form_type == "council_tax_move"
    assert fields["move_type"] == "out" and fields["phone"] == "07700 900119"
    assert fields["previous_postcode"] == "KV4 2SJ" and fields["new_postcode"] == "DV2 1SZ"
    assert fields["declaration_date"] == "2026-11-26"


def test_the_councils_address_block_beside_the_title_is_its_letterhead(tmp_path: Path) -> None:
    path = tmp_path / "block.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, H - 50, "Kesvale Borough Council")
    c.setFont("Helvetica-Bold", 11.5)
    c.drawString(40, H - 70, "COUNCIL TAX - CHANGE OF ADDRESS NOTIFICATION")
    c.setFont("Helvetica", 7.5)
    for k, line in enumerate(("Revenues Service", "Civic Centre", "Abbey Road", "Kesvale", "KV1 1XB",
                              "Tel: 01632 960410")):
        c.drawRightString(555, H - 47 - 9 * k, line)
    for k, (label, answer) in enumerate((("Your name", "Rebecca Parker"), ("Date of move", "19/09/2026"),
                                         ("Daytime telephone", ""))):
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(40, H - 140 - 22 * k, label)
        c.setFont("Courier", 10)
        c.drawString(200, H - 140 - 22 * k, answer)
    c.save()
    from extractors.pairs import _letterhead_blocks, _title_top, segments_of

    with open_document(path) as doc:
        segs = segments_of(doc.pages[0])
        blocks = _letterhead_blocks(segs, _title_top(doc))
    tel = next(s for s in segs if s.text.startswith("01632"))
    name = next(s for s in segs if s.text == "Rebecca Parker")
    assert len(blocks) == 1 and blocks[0].union(tel.box) == blocks[0] and blocks[0].union(name.box) != blocks[0]
    assert {p.zone for p in _pairs(path) if p.answer == "01632 960410"} <= {"letterhead"}
    _, fields = _fields(path)
    assert "phone" not in fields


def _label_colon_form(path: Path, title: str, rows: list[tuple[str, str]]) -> None:
    c = _canvas(path, title)
    for k, (label, answer) in enumerate(rows):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(50, H - 110 - 20 * k, f"{label}:")
        c.setFont("Helvetica", 10)
        c.drawString(200, H - 110 - 20 * k, answer)
    c.save()


def test_a_model_is_not_the_make_and_an_effective_date_is_no_date_signed(tmp_path: Path) -> None:
    permit = tmp_path / "permit.pdf"
    _label_colon_form(permit, "Residents' parking permit application", [
        ("Name", "Ms Ann Lee"), ("Vehicle reg. mark", "WT15 TVM"), ("Vehicle model", "Micra"),
        ("Permit from", "3 December 2026"), ("CPZ zone", "C2"), ("Dated", "24 November 2026")])
    _, fields = _fields(permit)
    assert "vehicle_make" not in fields  # only the model was given
    assert fields["vrm"] == "WT15TVM" and fields["start_date"] == "2026-12-03"
    move = tmp_path / "move.pdf"
    _label_colon_form(move, "Council Tax - change of occupier", [
        ("Name", "Mr Callum Pilling"), ("Old address", "22 Pennyroyal Avenue"), ("Effective date", "28 November 2026"),
        ("Dated", "26 November 2026")])
    with open_document(move) as doc:
        found = REGISTRY.classify(doc)
        assert found.extractor is not None
        out = found.extractor.extract(doc)
    assert out.fields["move_date"].value == "2026-11-28"
    signed = out.fields["declaration_date"]
    assert signed.value == "2026-11-26" and signed.confidence >= 0.8, out.notes  # the move's date is no rival


def test_a_blank_answer_is_not_filled_from_the_column_beyond(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    c = _canvas(path, "Council Tax - change of occupier")
    for k, (left, left_answer, right, right_answer) in enumerate((
            ("Name:", "Miss Aisha Cooper", "New address:", "27 St Aldhelm's Road"),
            ("Tel. no.:", "", "", "Kesvale"),
            ("E-mail:", "aisha46@example.co.uk", "Post code:", "KV2 4YT"))):
        y = H - 120 - 15 * k
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(34, y, left)
        c.drawString(300, y, right)
        c.setFont("Helvetica", 9.5)
        c.drawString(110, y, left_answer)
        c.drawString(400, y, right_answer)
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Tel. no") is None
    assert _answer(pairs, "New address") == "27 St Aldhelm's Road\nKesvale"


@pytest.mark.parametrize("tooltips", [True, False, "stem"])
def test_a_date_typed_into_day_month_and_year_fillable_boxes_is_one_answer(tmp_path: Path, tooltips: object) -> None:
    path = tmp_path / "dmy.pdf"
    c = _canvas(path, "Council Tax - tell us you are moving")
    form = c.acroForm
    c.setFont("Helvetica", 9)
    c.drawString(50, H - 120, "Your full name")
    form.textfield(name="Text1", x=220, y=H - 126, width=250, height=18, value="Amrit Kaur", borderWidth=1)
    c.drawString(50, H - 160, "Dyddiad symud / Date of move")
    for k, (part, value, tip) in enumerate((("DD", "02", "Day"), ("MM", "12", "Month"), ("YYYY", "2026", "Year"))):
        c.setFont("Helvetica", 6)
        c.drawString(220 + 60 * k, H - 146, part)
        tooltip = f"Date of move {part}" if tooltips == "stem" else tip if tooltips else None
        form.textfield(name=f"Text{2 + k}", x=220 + 60 * k, y=H - 166, width=50, height=18, value=value,
                       borderWidth=1, tooltip=tooltip)
    c.save()
    pairs = _pairs(path)
    label = "Date of move" if tooltips == "stem" else "Dyddiad symud / Date of move"
    assert {p.label for p in pairs if p.answer == "02/12/2026"} == {label}
    assert not {"Day", "Month", "Year", "MM", "YYYY"} & {p.label for p in pairs}
    _, fields = _fields(path)
    assert fields["move_date"] == "2026-12-02"


def test_numbered_questions_with_hints_and_lettered_parts(tmp_path: Path) -> None:
    """A bare bold number before each question, a hint in small italics between a question and its answer
    box, lettered parts under a question: the hint and the parts' labels are never answers, the question
    heads its parts until the next question, and a request worded as a sentence is still a question."""
    path = tmp_path / "numbered.pdf"
    c = _canvas(path, "Application for Single Person Discount")
    y = H - 110

    def question(number: str, text: str, hint: str = "") -> None:
        nonlocal y
        c.setFont("Times-Bold", 12)
        c.drawString(56, y, number)
        c.setFont("Times-Bold", 11)
        c.drawString(80, y, text)
        y -= 14
        if hint:
            c.setFont("Times-Italic", 9)
            c.drawString(80, y, hint)
            y -= 14

    def answer(text: str, part: str = "") -> None:
        nonlocal y
        if part:
            c.setFont("Times-Roman", 9.5)
            c.drawString(80, y, part)
            y -= 12
        c.rect(80, y - 14, 300, 20)
        c.setFont("Helvetica", 10)
        c.drawString(86, y - 8, text)
        y -= 30

    question("1", "What is your Council Tax account reference?", "It is eight digits long and is printed at the top "
                                                                 "of your bill.")
    answer("3660 7928")
    question("2", "What is your name?")
    answer("Agnieszka Turner")
    question("3", "What is the address of the property you are claiming for?")
    answer("10 Church Street", "(a) House number and street")
    answer("QJ4 9YW", "(b) Postcode")
    question("4", "From what date have you been the only adult living there?", "An adult is anyone aged 18 or over.")
    answer("04/05/2026")
    question("5", "Please tell us in your own words what has changed.")
    answer("My partner Megan moved out on 4/5/2026.")
    c.save()
    pairs = _pairs(path)
    got = {p.label: p.answer for p in pairs}
    assert got["What is your Council Tax account reference?"] == "3660 7928"
    assert got["(a) House number and street"] == "10 Church Street" and got["(b) Postcode"] == "QJ4 9YW"
    assert got["Please tell us in your own words what has changed."].startswith("My partner Megan")
    assert not {p.answer for p in pairs} & {"(a) House number and street", "An adult is anyone aged 18 or over."}
    sections = {p.label: p.section for p in pairs}
    assert sections["(b) Postcode"].startswith("What is the address of the property")
    assert not sections["From what date have you been the only adult living there?"].startswith("What is the address")
    _, fields = _fields(path)
    assert fields["account_ref"] == "36607928" and fields["address"] == "10 Church Street"
    assert fields["postcode"] == "QJ4 9YW" and fields["sole_adult_since"] == "2026-05-04"


def test_a_form_whose_title_no_pattern_knows_is_known_by_what_it_asks(tmp_path: Path) -> None:
    path = tmp_path / "scheme.pdf"
    _label_colon_form(path, "RESIDENTS' PARKING SCHEME - APPLICATION", [
        ("Applicant's name", "Ms Gemma James"), ("House number and street", "5 Quay Road"), ("Postcode", "QJ1 6NE"),
        ("Vehicle registration mark", "AG25 BUV"), ("Parking zone", "C1"), ("Date", "29/11/2026")])
    form_type, fields = _fields(path)
    assert form_type == "parking_permit" and fields["vrm"] == "AG25BUV" and fields["zone"] == "C1"
    plain = tmp_path / "plain.pdf"  # a name and an address ask nothing only one form type asks
    _label_colon_form(plain, "Request for a replacement bin", [("Your name", "Ms Gemma James"),
                                                              ("Address", "5 Quay Road"), ("Date", "29/11/2026")])
    with open_document(plain) as doc:
        assert REGISTRY.classify(doc).extractor is None


def test_a_question_that_names_the_forms_business_counts_towards_knowing_it(tmp_path: Path) -> None:
    path = tmp_path / "one_adult.pdf"
    c = _canvas(path, "COUNCIL TAX DISCOUNT: ONE ADULT IN THE HOME")
    rows = (("Who is applying?", "", "Miss Owen Holroyd"), ("Council Tax reference", "", "4067 5336"),
            ("When did you start living there as the only", "adult?", "1 June 2026"),
            ("Date of signature", "", "24 November 2026"))
    for k, (label, wrapped, answer) in enumerate(rows):
        _put(c, ("Helvetica", 9, 50, 110 + 30 * k, label), ("Helvetica", 9, 50, 121 + 30 * k, wrapped),
             ("Helvetica", 10, 260, 110 + 30 * k, answer))  # the answer between the question's two lines
    c.save()
    form_type, fields = _fields(path)
    assert form_type == "council_tax_spd"
    assert fields["sole_adult_since"] == "2026-06-01" and fields["account_ref"] == "40675336"


def test_a_sentence_typed_in_larger_type_than_the_labels_is_an_answer_not_a_hint(tmp_path: Path) -> None:
    # the only answers in a type of their own are the boxed digits; the rest are typed in plain type, larger
    # than the labels', and the description is written in sentences as guidance is
    path = tmp_path / "sentences.pdf"
    c = _canvas(path, "Stowbridge and Fell District Council")
    _put(c, ("Helvetica", 10, 55, 80, "Council Tax - Application for Single Person Discount"),
         ("Helvetica", 9, 40, 95, "You can get 25% off your Council Tax bill if you are the only adult"),
         ("Helvetica", 9, 40, 106, "(aged 18 or over) who lives in the property as your main home."),
         ("Helvetica", 9, 40, 120, "1.1 Council Tax account number"),
         ("Courier-Bold", 11, 235, 120, "40871570"),
         ("Helvetica", 9, 40, 150, "1.2 Your full name"),
         ("Helvetica", 10, 235, 150, "Michael Bell"),
         ("Helvetica", 9, 40, 180, "1.3 Postcode"),
         ("Courier-Bold", 11, 235, 180, "SF2 9YY"),
         ("Helvetica", 9, 40, 210, "1.4 Please tell us briefly what has changed"),
         ("Helvetica", 10, 235, 210, "Agnieszka moved out on 22nd March 2026 after we separated. I now"),
         ("Helvetica", 10, 235, 225, "live here on my own."))
    c.save()
    _, fields = _fields(path)
    assert fields["change_description"] == ("Agnieszka moved out on 22nd March 2026 after we separated. "
                                            "I now live here on my own.")


def test_a_side_panel_of_notes_beside_the_questions_labels_nothing(tmp_path: Path) -> None:
    path = tmp_path / "panel.pdf"
    c = _canvas(path, "Living on your own? Apply for a 25% discount")
    notes = ["If you are the only adult (aged 18 or over)", "living in your home, your Council Tax bill",
             "can be reduced by a quarter.", "Os mai chi yw'r unig oedolyn sy'n byw yn",
             "eich cartref, gall eich bil Treth Gyngor", "fod yn is.", "Call us if this applies to someone in your",
             "home."]
    c.setFont("Helvetica-Bold", 9.5)
    c.drawString(46, H - 110, "People we do not count")
    c.setFont("Helvetica", 8.2)
    for k, line in enumerate(notes):
        c.setFillColorRGB(0.35, 0.1, 0.1) if 3 <= k <= 5 else c.setFillColorRGB(0, 0, 0)  # Welsh in another colour
        c.drawString(46, H - 124 - 10.4 * k, line)
    c.setFillColorRGB(0, 0, 0)
    y = H - 120
    for label, answer in (("Your full name", "Rhys Lloyd"), ("Daytime telephone", "01632 960957"),
                          ("Postcode", "QJ6 1EX")):
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(232, y, label)
        c.setFont("Helvetica", 10)
        c.drawString(237, y - 16, answer)
        y -= 40
    c.save()
    pairs = _pairs(path)
    got = {p.label: p.answer for p in pairs}
    assert got["Your full name"] == "Rhys Lloyd" and got["Daytime telephone"] == "01632 960957"
    assert not any(p.label.startswith(("People we do not count", "living in", "home", "eich", "fod")) for p in pairs)


@pytest.mark.parametrize("full_name", ["Full name", "Full name (first name and surname)"])
def test_a_title_ticked_before_the_full_name_and_a_label_with_an_aside(tmp_path: Path, full_name: str) -> None:
    path = tmp_path / "title.pdf"
    c = _canvas(path, "Council Tax - Change of Address")
    c.setFont("Helvetica", 9.5)
    c.drawString(40, H - 120, "Title")
    for k, title in enumerate(("Mr", "Mrs", "Ms", "Miss")):
        x = 100 + 58 * k
        c.rect(x, H - 122, 10, 10)
        if title == "Miss":
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(x + 2, H - 120, "X")
            c.setFont("Helvetica", 9.5)
        c.drawString(x + 14, H - 120, title)
    c.drawString(40, H - 140, full_name)  # (a full name asked in its parts' words is still one answer)
    c.drawString(40, H - 160, "Council Tax account no.")
    c.drawString(145, H - 160, "(if known)")
    c.setFont("Courier", 10.5)
    c.drawString(205, H - 140, "Rebecca Ap Iorwerth")
    c.drawString(205, H - 160, "3272-0365")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Council Tax account no.") == "3272-0365"
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Miss Rebecca Ap Iorwerth" and fields["account_ref"] == "32720365"


def test_a_table_whose_header_names_number_question_answer_and_option_columns(tmp_path: Path) -> None:
    path = tmp_path / "ticktable.pdf"
    c = _canvas(path, "Residents' parking - permit request")
    rows = [("No.", "Question", "Your answer", "Yes", "No"), ("1", "Name of applicant", "Mx Gwyn Hill", "", ""),
            ("2", "Vehicle registration", "GR11TPM", "", ""), ("3", "Is this address your main home?", "", "X", ""),
            ("4", "Parking zone", "B2", "", ""), ("5", "Date of this application", "25-11-2026", "", "")]
    _grid(c, H - 100, rows, (30, 190, 160, 40, 40), bold_first=True)
    c.setFont("Courier-Bold", 16)
    c.drawString(100, H - 420, "G. Hill")  # a signature in large type, far down the page, is no title
    c.save()
    pairs = _pairs(path)
    got = {p.label: p.answer for p in pairs}
    assert got["Name of applicant"] == "Mx Gwyn Hill" and got["Is this address your main home?"] == "Yes"
    assert not {"No.", "Question", "Your answer", "1", "2"} & set(got)
    assert {p.zone for p in pairs} == {"body"}
    form_type, fields = _fields(path)
    assert form_type == "parking_permit" and fields["vrm"] == "GR11TPM" and fields["zone"] == "B2"


def test_a_bilingual_label_over_a_date_in_boxes_with_day_month_year_captions(tmp_path: Path) -> None:
    path = tmp_path / "bilingual.pdf"
    c = _canvas(path, "Cais am Ostyngiad Person Sengl / Single Person Discount Application")
    c.setFont("Helvetica", 8)
    c.drawString(192, H - 150, "Dyddiad y daethoch yn unig oedolyn / Date you became the only adult")
    c.setFont("Times-Roman", 12)
    for k, ch in enumerate("22062026"):
        x = 197 + 18 * k + (24 if k >= 2 else 0) + (24 if k >= 4 else 0)
        c.rect(x - 3, H - 172, 15, 18)
        c.drawString(x, H - 168, ch)
    c.setFont("Helvetica", 6)
    for x, caption in ((192, "Dydd/Day"), (238, "Mis/Month"), (284, "Blwyddyn/Year")):
        c.drawString(x, H - 182, caption)
    c.save()
    pairs = _pairs(path)
    assert {p.label for p in pairs if p.answer == "22/06/2026"} == {
        "Dyddiad y daethoch yn unig oedolyn / Date you became the only adult"}
    _, fields = _fields(path)
    assert fields["sole_adult_since"] == "2026-06-22"


def test_a_table_cell_that_holds_its_own_label_over_its_answer(tmp_path: Path) -> None:
    path = tmp_path / "cells.pdf"
    c = _canvas(path, "Notification of moving home")
    c.rect(50, H - 160, 250, 40)
    c.rect(300, H - 160, 250, 40)
    c.setFont("Helvetica", 8)
    c.drawString(54, H - 132, "Council Tax account number (if you have one)")
    c.drawString(304, H - 132, "Date of move (dd/mm/yyyy)")
    c.setFont("Courier", 11)
    c.drawString(304, H - 150, "22/05/2026")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Date of move") == "22/05/2026"
    assert _answer(pairs, "Council Tax account number") is None


def test_a_move_said_in_answer_to_a_question_of_no_fields_words(tmp_path: Path) -> None:
    path = tmp_path / "portal.pdf"
    _label_colon_form(path, "Check your answers - tell us you are moving", [
        ("What are you telling us about?", "Moving out of a property in Ardwenny"), ("Full name", "Mr Owain Vaughan"),
        ("Moving date", "15 October 2026"), ("Address you are leaving", "9 Bryn Awel")])
    _, fields = _fields(path)
    assert fields["move_type"] == "out" and fields["move_date"] == "2026-10-15"



_INTRO = ("Use this form to tell us that you now live alone. We will reduce your bill by 25% from the date you "
          "became the only", "adult at the property. People who are disregarded for council tax, such as "
          "full-time students, are not", "counted as adults. Ask us about a disregard if this applies.")


def _intro(c: Canvas, font: str) -> float:
    c.setFont(font, 9.5)
    for k, line in enumerate(_INTRO):
        c.drawString(50, H - 100 - 12.3 * k, line)
    return H - 100 - 12.3 * len(_INTRO) - 20


def _stacked_form(path: Path, rows: list[tuple[str, str | None]]) -> tuple[Canvas, list[float]]:
    """A council's form in Times: guidance, then bold labels, each with its typed answer on a rule under it
    (None: left blank). The canvas, unsaved, and the baseline of every answer's line."""
    c = _canvas(path, "Council Tax - Single Person Discount application")
    y = _intro(c, "Times-Roman")
    c.setFont("Times-Bold", 12)
    c.drawString(50, y, "The property")
    y -= 28
    lines = []
    for label, answer in rows:
        c.setFont("Times-Bold", 9)
        c.drawString(50, y, label)
        y -= 12.3
        lines.append(y)
        if answer is not None:
            c.setFont("Times-Roman", 10.5)
            c.drawString(50, y, answer)
        c.line(50, y - 3, 545, y - 3)  # each answer on a rule
        y -= 22.7
    return c, lines


def test_a_label_that_ends_with_an_abbreviations_full_stop_has_the_answer_under_it(tmp_path: Path) -> None:
    path = tmp_path / "no.pdf"
    c, _ = _stacked_form(path, [
        ("Account no.", "CT 4367 7747"), ("Address for which you are claiming:", "31 Ash Place"),
        ("Town/city:", "Ashby Vale"), ("Postcode of the property:", "Fw7 2Ss"), ("Your full name:", "Miss Sian Hayes"),
        ("Contact number:", "01632 960711"), ("Sole adult since:", "22/10/2026")])
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Account no.") == "CT 4367 7747"
    _, fields = _fields(path)
    assert fields["account_ref"] == "43677747"


def test_a_question_under_an_answer_is_the_next_label_not_its_caption(tmp_path: Path) -> None:
    path = tmp_path / "question.pdf"
    c = _canvas(path, "Single Person Discount - application form")
    y = _intro(c, "Helvetica")
    rows = [("Account no.", "4042 6947"), ("Your name", "Susan Williams"), ("Contact number", None),
            ("Discount to start from", "27 March 2026"), ("Who has moved out?", "Ms Samina Kelly"),
            ("Where have they moved to?", None), ("Reason for your application",
                                                   "I am now the only adult living at this address.")]
    for label, answer in rows:  # labels in small bold, each answer on a full-width rule under it
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(50, y, label)
        if answer is not None:
            c.setFont("Helvetica", 10)
            c.drawString(50, y - 12.5, answer)
        c.line(50, y - 15, 545, y - 15)
        y -= 33.7
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Discount to start from") == "27 March 2026"
    assert _answer(pairs, "Who has moved out?") == "Ms Samina Kelly"
    assert _answer(pairs, "Where have they moved to?") is None


def _beside_form(path: Path, parts: list[tuple[str, list[tuple[str, str | None]]]], bar: bool = False) -> None:
    """Guidance, then bold labels with typed answers beside them, in parts under headings (white on a dark
    bar if ``bar``)."""
    c = _canvas(path, "Council Tax: Single Occupancy Discount")
    y = _intro(c, "Helvetica")
    for heading, rows in parts:
        if bar:
            c.setFillGray(0.3)
            c.rect(50, y - 5, 495, 18, fill=1, stroke=0)
            c.setFillGray(1.0)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(56, y, heading)
        c.setFillGray(0.0)
        y -= 27.3
        for label, answer in rows:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(50, y, label)
            if answer is not None:
                c.setFont("Helvetica", 10)
                c.drawString(242, y, answer)
            y -= 19.5
        y -= 6.7
    c.save()


@pytest.mark.parametrize(("style", "bar"), [("Section {n}: {title}", False), ("Part {letter} - {title}", False),
                                             ("{n}. {title}", True)])
def test_a_parts_heading_is_not_the_label_of_a_blank_first_question_under_it(tmp_path: Path, style: str,
                                                                              bar: bool) -> None:
    def heading(n: int, title: str) -> str:
        return style.format(n=n, letter="ABCD"[n - 1], title=title)

    path = tmp_path / "parts.pdf"
    _beside_form(path, [
        (heading(1, "Your council tax account"), [("Council tax reference number", "46499061"),
                                                   ("First line of address", "58 Bramble Rise"),
                                                   ("Postcode of the property", "fw10 8qu")]),
        (heading(2, "Applicant details"), [("Your name", "Finley Hughes")]),
        (heading(3, "Change in household"), [("Only adult living at the property from", "7th November 2026"),
                                              ("Name of the adult who has left", "Lewis Jones")]),
        (heading(4, "Your contact details"), [("Daytime telephone number", None),
                                               ("Email", "finleyhughes11@example.org")])], bar=bar)
    pairs = _pairs(path)
    assert not [p for p in pairs if p.answer == "Daytime telephone number"], pairs
    _, fields = _fields(path)
    assert "change_description" not in fields and "phone" not in fields
    assert fields["email"] == "finleyhughes11@example.org"


def _badge(c: Canvas, x: float, y: float, n: int) -> None:
    c.setFillGray(0.2)
    c.circle(x + 2.5, y + 2.5, 6, fill=1, stroke=0)
    c.setFillGray(1.0)
    c.setFont("Helvetica-Bold", 7.5)
    c.drawString(x, y, str(n))
    c.setFillGray(0.0)


def _boxes(c: Canvas, x: float, y: float, chars: str) -> float:
    """One character per box (a space leaves a box empty); returns the x after the last box."""
    c.setFont("Courier-Bold", 11)
    for ch in chars:
        c.rect(x, y - 4, 15, 18)
        if ch != " ":
            c.drawString(x + 4, y, ch)
        x += 15
    return x


def _numbered_permit(path: Path, zone_ticked: str, make: str | None) -> None:
    c = _canvas(path, "Residents' parking permit")
    c.setFont("Helvetica", 8)
    c.drawString(50, H - 80, "Write in BLOCK CAPITALS, one character to each box. Questions marked * must be answered.")
    y = H - 110

    def question(n: int, text: str, x: float = 50) -> None:
        _badge(c, x, y, n)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(x + 14, y, text)

    question(1, "* Your full name")
    c.rect(60, y - 26, 480, 18)
    c.setFont("Courier-Bold", 10)
    c.drawString(64, y - 21, "MS CLARA BELLWOOD")
    y -= 48
    question(2, "* Your address")
    c.rect(60, y - 26, 480, 18)
    c.setFont("Courier-Bold", 10)
    c.drawString(64, y - 21, "10 FOUNDRY LANE")
    y -= 48
    question(3, "* Postcode")
    _boxes(c, 60, y - 22, "FW2 1UW")
    y -= 48
    question(4, "* Which permit zone is your address in? (mark one)")
    x = 60
    for option in ("A", "B1", "B2", "C", "K", "M"):
        c.rect(x, y - 22, 9, 9)
        if option == zone_ticked:
            c.setFont("Courier-Bold", 9.5)
            c.drawString(x + 1.5, y - 20.5, "X")
        c.setFont("Helvetica", 8.5)
        c.drawString(x + 13, y - 21, option)
        x += 36
    y -= 48
    question(5, "* Vehicle registration number")
    c.setFont("Helvetica-Oblique", 7)
    c.drawString(64, y - 11, "As shown on your V5C log book")
    _boxes(c, 60, y - 32, "HD53RFT")
    y -= 58
    question(6, "Make")
    question(7, "Model", x=310)
    c.rect(60, y - 26, 230, 18)
    c.rect(320, y - 26, 220, 18)
    c.setFont("Courier-Bold", 10)
    if make:
        c.drawString(64, y - 21, make)
    c.drawString(324, y - 21, "208")
    y -= 48
    question(8, "* Permit to start on")
    c.setFont("Helvetica", 6)
    for dx, prompt in ((0, "Day"), (40, "Month"), (80, "Year")):
        c.drawString(60 + dx, y - 12, prompt)
    _boxes(c, 60, y - 28, "10")
    _boxes(c, 100, y - 28, "11")
    _boxes(c, 140, y - 28, "2026")
    c.save()


@pytest.mark.parametrize(("zone", "make"), [("B2", None), ("K", "PEUGEOT"), ("C", None)])
def test_numbered_questions_in_badges_with_hints_combs_and_short_tick_options(tmp_path: Path, zone: str,
                                                                             make: str | None) -> None:
    path = tmp_path / "numbered.pdf"
    _numbered_permit(path, zone, make)
    form_type, fields = _fields(path)
    assert form_type == "parking_permit"
    assert fields["applicant_name"] == "MS CLARA BELLWOOD"  # capitals in a bold typewriter face: an answer
    assert fields["address"] == "10 FOUNDRY LANE" and fields["postcode"] == "FW2 1UW"
    assert fields["zone"] == zone  # "A  B1 [X] B2  C  K": options, not a value written one per box
    assert fields["vrm"] == "HD53RFT"  # under its hint in small italics
    assert fields["start_date"] == "2026-11-10"  # under "Day Month Year"
    if make:
        assert fields["vehicle_make"] == make
    else:
        assert "vehicle_make" not in fields  # not "7", the next question's number


def test_a_ticked_option_is_no_address_and_a_yes_no_question_asks_for_none(tmp_path: Path) -> None:
    path = tmp_path / "tenure.pdf"
    c = _canvas(path, "Council Tax: tell us you are moving")
    c.setFont("Helvetica-Bold", 9)
    c.drawString(50, H - 100, "Please tick one box")
    for k, option in enumerate(("I am moving OUT of a property in the district",
                                "I am moving INTO a property in the district")):
        c.rect(50, H - 122 - 16 * k, 9, 9)
        if k == 0:
            c.setFont("Courier-Bold", 9)
            c.drawString(51.5, H - 120.5, "X")
        c.setFont("Helvetica", 8.5)
        c.drawString(64, H - 121 - 16 * k, option)
    rows = [("Date of your move", "04/11/2026"), ("Council tax account number", "71123574"),
            ("Your full name", "Harriet Szymanski"), ("Address you are leaving", "21 Saxon Way"),
            ("Postcode", "FW6 6YN"), ("Your new address (if you are leaving: where we should send your bill)", None),
            ("Address", "2 Heslington Lane"), ("Postcode", "YO10 4LR")]
    y = H - 170
    for label, answer in rows:
        if answer is None:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(50, y, label)
            y -= 26
            continue
        c.rect(50, y - 22, 490, 30)
        c.setFont("Helvetica", 6.5)
        c.drawString(54, y, label)
        c.setFont("Courier", 11)
        c.drawString(56, y - 14, answer)
        y -= 36
    c.setFont("Helvetica-Bold", 9)
    c.drawString(50, y, "Do you own or rent the property you are moving into?")
    for k, option in enumerate(("Owner", "Tenant")):
        c.rect(50 + 80 * k, y - 20, 9, 9)
        if k == 0:
            c.setFont("Courier-Bold", 9)
            c.drawString(51.5, y - 18.5, "X")
        c.setFont("Helvetica", 8.5)
        c.drawString(64 + 80 * k, y - 19, option)
    c.save()
    _, fields = _fields(path)
    assert fields["move_type"] == "out"
    assert fields["new_address"] == "2 Heslington Lane" and fields["new_postcode"] == "YO10 4LR"
    assert fields["previous_address"] == "21 Saxon Way"


@pytest.mark.parametrize(("text", "prompt"), [
    ("Mark one box", True), ("Tick all that apply", True), ("Please tick", True), ("Select your title", True),
    ("Day", True), ("Mark Powell", False), ("Chooser Lane", False), ("Mark", True)])
def test_a_prompt_is_an_instruction_not_a_name_that_starts_like_one(text: str, prompt: bool) -> None:
    from extractors.pairs import _PROMPTS

    assert bool(_PROMPTS.match(text)) == prompt


def test_a_summary_pages_change_links_and_a_drop_downs_placeholder_are_no_answers(tmp_path: Path) -> None:
    path = tmp_path / "portal.pdf"
    c = _canvas(path, "Moving home - check your answers")
    y = H - 110
    for heading, rows in (("The property you are leaving", [("Address", "2 Tollard Road"), ("Postcode", "FW8 7RW"),
                                                             ("Council Tax account number", "74664149")]),
                          ("Where we should send your final bill", [("Forwarding address", "17 Sidwell Street"),
                                                                    ("Postcode", "EX4 6NN")]),
                          ("Your details", [("Title", "Please select"), ("Full name", "Dominic Ingram"),
                                            ("Moving date", "13 October 2026")])):
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, y, heading)
        y -= 22
        for label, answer in rows:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(50, y, label)
            c.setFont("Helvetica", 10)
            c.drawString(220, y, answer)
            c.setFillColorRGB(0.1, 0.3, 0.7)
            c.drawString(500, y, "Change")
            c.setFillGray(0.0)
            y -= 20
        y -= 10
    c.save()
    pairs = _pairs(path)
    sections = sorted(p.section for p in pairs if p.label == "Postcode")  # (a role word may lead it: "new ...")
    assert sections[0].endswith("The property you are leaving"), sections
    assert sections[1].endswith("Where we should send your final bill"), sections
    _, fields = _fields(path)
    assert fields["previous_postcode"] == "FW8 7RW" and fields["new_postcode"] == "EX4 6NN"
    assert fields["applicant_name"] == "Dominic Ingram"


def test_boxes_that_touch_read_as_a_table_lose_none_of_their_answers(tmp_path: Path) -> None:
    path = tmp_path / "boxes.pdf"
    c = _canvas(path, "Council Tax: tell us you are moving")
    rows = [["1  Your move"], [("Date of your move (DD/MM/YYYY)", "25/09/2026"), ("Council tax account number", "")],
            ["2  About you"],
            [("Your full name (include your title)", "Ms Hannah Bramley\n"),
             ("Daytime telephone number", "01632 960933")],
            [("Email address", "bramley.hannah@example.com")], ["3  Your new address"],
            [("Address", "30 Beacon Hill Road\nHarrowfield"), ("Postcode", "FW3 2LF")]]
    y = H - 110
    for row in rows:  # type: ignore[assignment]
        if isinstance(row[0], str):  # a part's heading on a dark bar across the frame
            c.setFillGray(0.2)
            c.rect(40, y - 16, 500, 16, fill=1, stroke=1)
            c.setFillGray(1.0)
            c.setFont("Helvetica-Bold", 8.5)
            c.drawString(44, y - 12, row[0])
            c.setFillGray(0.0)
            y -= 16
            continue
        widths = [500] if len(row) == 1 else {"D": [210, 290], "Y": [330, 170], "A": [370, 130]}[row[0][0][0]]
        x = 40
        for (label, answer), w in zip(row, widths, strict=True):
            c.rect(x, y - 34, w, 34)  # boxes that share their edges: a table to pdfplumber
            c.setFont("Helvetica", 6.5)
            c.drawString(x + 3, y - 9, label)
            c.setFont("Courier", 10.5)
            for k, line in enumerate(answer.splitlines()):
                c.drawString(x + 4, y - 22 - 12 * k, line)
            x += w
        y -= 34
    c.save()
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Ms Hannah Bramley" and fields["email"] == "bramley.hannah@example.com"
    assert fields["move_date"] == "2026-09-25" and fields["phone"] == "01632 960933"


def test_a_fillable_fields_label_wrapped_onto_two_lines_is_taken_whole(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.pdf"
    c = _canvas(path, "Council Tax - single person discount")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, H - 100, "Your circumstances")
    c.setFont("Helvetica", 8)
    c.drawString(41, H - 125, "Date from which you have been the only adult")
    c.drawString(41, H - 135, "resident")
    c.acroForm.textfield(name="Field_7", value="01.08.2026", x=250, y=H - 130, width=150, height=16, borderWidth=0.8)
    c.drawString(41, H - 155, "Name of the other adult who has left")
    c.acroForm.textfield(name="Field_8", value="Aisha Thornton", x=250, y=H - 158, width=150, height=16,
                         borderWidth=0.8)
    c.save()
    from extractors import pair_sources
    from extractors.pairs import segments_of

    with open_document(path) as doc:
        page = doc.pages[0]
        segments = segments_of(page)
        got, taken = pair_sources.page_pairs(doc, page, segments)
    rest = next(s for s in segments if s.text == "resident")
    assert any(b.x0 <= rest.box.x0 + 1 and b.x1 >= rest.box.x1 - 1 and b.top <= rest.box.top + 1
               and b.bottom >= rest.box.bottom - 1 for b in taken)  # the end of a label: no answer to anything
    assert {p.printed for p in got if p.answer == "01.08.2026"} == {
        "Date from which you have been the only adult resident"}
    _, fields = _fields(path)
    assert fields["sole_adult_since"] == "2026-08-01" and "change_description" not in fields


def test_an_answer_not_of_the_fields_kind_does_not_contest_one_that_is(tmp_path: Path) -> None:
    path = tmp_path / "contest.pdf"
    c = _canvas(path, "Council Tax: moving home")
    y = H - 100
    for heading, rows in (("Part 1 Your move", [("Are you moving IN or OUT?", "OUT"),
                                                 ("Date of your move", "14th December 2026")]),
                          ("Part 2 About you", [("Your full name", "Dr Aisha Holloway")]),
                          ("Part 3 The address you are leaving", [
                              ("Address line 1", "22 Quarry Hill"), ("Town", "Marlbrook"), ("Postcode", "hf7 2pf"),
                              ("Council Tax account number for that address", "7203 3466")]),
                          ("Part 4 Your new address", [("Address line 1", "12 Castle Terrace"),
                                                       ("Postcode", "TD15 1NZ")])):
        c.setFont("Times-Bold", 12)
        c.drawString(50, y, heading)
        y -= 22
        for label, answer in rows:
            c.setFont("Times-Roman", 10)
            c.drawString(50, y, label)
            c.setDash(1, 2)
            c.line(50 + c.stringWidth(label, "Times-Roman", 10) + 4, y, 295, y)
            c.setDash()
            c.setFont("Courier", 10)
            c.drawString(300, y, answer)
            y -= 20
        y -= 8
    c.save()
    with open_document(path) as doc:
        found = REGISTRY.classify(doc)
        assert found.extractor is not None
        fields = found.extractor.extract(doc).fields
    assert fields["previous_address"].value == "22 Quarry Hill"
    assert fields["previous_address"].confidence >= 0.8  # "7203 3466" is no address to doubt it by


def test_a_bilingual_form_with_two_line_labels_and_long_part_headings(tmp_path: Path) -> None:
    path = tmp_path / "dwyieithog.pdf"
    c = _canvas(path, "Treth y Cyngor - Newid Cyfeiriad")
    c.setFont("Helvetica-Oblique", 9)
    c.drawString(50, H - 74, "Council Tax - Change of Address")
    y = H - 110

    def part(welsh: str, english: str) -> None:
        nonlocal y
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(45, y, welsh)
        c.setFont("Helvetica-BoldOblique", 8.5)
        c.drawString(45 + c.stringWidth(welsh + "  ", "Helvetica-Bold", 8.5), y, f"/ {english}")
        y -= 24

    def row(welsh: str, english: str, answer: str) -> None:
        nonlocal y
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(45, y, welsh)
        c.setFont("Helvetica-Oblique", 6.5)
        c.drawString(45, y - 9, english)
        c.rect(250, y - 12, 300, 20)
        c.setFont("Courier-Oblique", 12.5)  # a large hand
        c.drawString(255, y - 6, answer)
        y -= 30

    part("Adran 1 – Amdanoch chi", "Section 1 – About you")
    row("Dyddiad symud", "Date of move", "17/07/2026")
    row("Enw llawn", "Full name", "TOMASZ KAUR")
    part("Adran 2 – Y cyfeiriad rydych yn ei adael", "Section 2 – The address you are leaving")
    row("Cyfeiriad", "Address (number and street)", "3 PARK VIEW")
    row("Cod post", "Postcode", "NG23 4EJ")
    part("Adran 3 – Eich cyfeiriad newydd", "Section 3 – Your new address")
    row("Cyfeiriad", "Address (number and street)", "43 STATION ROAD")
    row("Cod post", "Postcode", "LB2 9AL")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Enw llawn / Full name") == "TOMASZ KAUR"  # the two languages, one label
    assert [p.section.split(" /")[0] for p in pairs if p.answer in ("3 PARK VIEW", "43 STATION ROAD")] == [
        "Adran 2 – Y cyfeiriad rydych yn ei adael", "Adran 3 – Eich cyfeiriad newydd"]
    _, fields = _fields(path)
    assert fields["previous_address"] == "3 PARK VIEW" and fields["previous_postcode"] == "NG23 4EJ"
    assert fields["new_address"] == "43 STATION ROAD" and fields["new_postcode"] == "LB2 9AL"


def test_a_declaration_filled_in_and_answers_on_lines_over_their_captions(tmp_path: Path) -> None:
    path = tmp_path / "captions.pdf"
    c = _canvas(path, "Single Person Discount")
    y = H - 110

    def line(answer: str | None, caption: str, x: float = 40, width: float = 300) -> None:
        nonlocal y
        if answer:
            c.setFont("Courier-Oblique", 13)  # a hand that runs through the line it is written on
            c.drawString(x + 4, y + 1, answer)
        c.line(x, y - 1, x + width, y - 1)
        c.setFont("Helvetica", 7)
        c.drawString(x, y - 10, caption)
        y -= 34

    line("CT58408157", "Council Tax account number – printed at the top of your bill")
    line("01632 960416", "Daytime telephone number")
    line(None, "Full name of the adult who has moved out")
    line(None, "Their new address, if you know it")
    c.setFont("Courier-Oblique", 13)
    c.drawString(44, y + 1, "I now live on my own.")
    for k in range(3):
        c.line(40, y - 1 - 18 * k, 340, y - 1 - 18 * k)
    c.setFont("Helvetica", 7)
    c.drawString(40, y - 46, "Please tell us, in your own words, what has changed")
    y = H - 470  # the declaration, its blanks filled in
    c.setFont("Helvetica", 10.5)
    c.drawString(40, y, "I,")
    c.drawString(220, y, "of")
    c.drawString(40, y - 26, "postcode")
    c.drawString(150, y - 26, ", declare that I am the only adult living at this address.")
    c.setFont("Courier-Oblique", 13)
    c.drawString(58, y, "Mr Tariq McAllister")
    c.drawString(238, y, "13 Station Road")
    c.drawString(90, y - 26, "FW2 9AL")
    c.save()
    _, fields = _fields(path)
    assert fields["account_ref"] == "58408157" and fields["phone"] == "01632 960416"
    assert fields["applicant_name"] == "Mr Tariq McAllister" and fields["address"] == "13 Station Road"
    assert fields["change_description"] == "I now live on my own."
    assert "other_adult_forwarding_address" not in fields and "other_adult_name" not in fields


def test_a_question_response_tables_header_names_its_columns_not_its_first_question(tmp_path: Path) -> None:
    path = tmp_path / "case.pdf"
    c = _canvas(path, "Case summary")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, H - 100, "Customer responses")
    rows = [("Question", "Response"), ("Applicant name", "Carol Powell"),
            ("Address where the vehicle is kept", "7 Yew Tree Road, Formwick"), ("Postcode", "FW1 7WP"),
            ("Vehicle registration mark", "W956JHU"), ("Permit zone", "A"), ("Requested start date", "2026-12-18")]
    y = H - 110
    for k, (question, response) in enumerate(rows):
        if k < 2:  # the header on a shaded band, the first row boxed; the rest ruled off
            c.setFillGray(0.9 if k == 0 else 1.0)
            c.rect(40, y - 20, 510, 20, fill=1)
            c.setFillGray(0.0)
        else:
            c.line(40, y - 20, 550, y - 20)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(45, y - 14, question)
        c.setFont("Helvetica-Bold" if k == 0 else "Helvetica", 9 if k == 0 else 10)
        c.drawString(295, y - 14, response)
        y -= 20
    c.save()
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Carol Powell" and fields["zone"] == "A" and fields["postcode"] == "FW1 7WP"


def test_words_set_one_space_apart_without_space_characters_stay_words(tmp_path: Path) -> None:
    path = tmp_path / "justified.pdf"
    c = _canvas(path, "Single Person Discount")
    x = 50.0
    c.setFont("Helvetica", 10.5)
    for word in ["I", "have", "been", "the", "only", "adult", "living", "at", "this", "address", "since"]:
        c.drawString(x, H - 120, word)  # each word placed apart, as justified text is: no space characters
        x += c.stringWidth(word, "Helvetica", 10.5) + c.stringWidth(" ", "Helvetica", 10.5)
    c.setFont("Courier-Oblique", 12)
    c.drawString(x + 8, H - 120, "7 March 2026")
    c.save()
    with open_document(path) as doc:
        texts = [p.text for line in doc.pages[0].lines for p in line.phrases]
    assert any("only adult living at this address since" in t for t in texts), texts


def test_a_blank_in_a_declaration_is_asked_by_the_sentence_it_ends(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    c = _canvas(path, "Single Person Discount")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, H - 100, "PART 3  Declaration")
    c.setFont("Helvetica", 10.5)
    c.drawString(40, H - 125, "postcode")
    c.drawString(160, H - 125, "declare that I have been the only adult (aged 18 or")
    c.drawString(40, H - 150, "over) living at this address since")
    c.drawString(310, H - 150, ". I will tell you of any change.")
    c.setFont("Courier-Oblique", 12)
    c.drawString(95, H - 125, "FW2 9AL")
    c.drawString(200, H - 150, "7 March 2026")
    c.save()
    pairs = _pairs(path)
    label = next(p.label for p in pairs if p.answer == "7 March 2026")
    assert label == "declare that I have been the only adult (aged 18 or over) living at this address since", label


def test_a_reduction_for_living_alone_asked_who_else_lived_there(tmp_path: Path) -> None:
    path = tmp_path / "reduction.pdf"
    _label_colon_form(path, "Council Tax - Application for 25% Single Occupier Reduction", [
        ("Council tax reference shown on your bill", "40847190"), ("Full name of applicant", "Mrs Grace Ormerod"),
        ("First line of the address", "101 Canal Side"), ("Postcode", "FW9 6SQ"),
        ("Who else used to live there?", "Bethan Pennington"), ("Date signed", "02/12/2026")])
    form_type, fields = _fields(path)
    assert form_type == "council_tax_spd" and fields["other_adult_name"] == "Bethan Pennington"


def _grouped_boxes(c: Canvas, x: float, y: float, groups: list[str], guide: str = "") -> None:
    """Characters one to a box, in groups set a little apart ("DD MM YYYY" in tiny print over them)."""
    for group, letter in zip(groups, guide.split() or [""] * len(groups), strict=True):
        for ch in group:
            c.rect(x, y - 4, 13, 17)
            if letter:
                c.setFont("Helvetica", 5.5)
                c.drawString(x + 1, y + 14, letter[0])
            c.setFont("Courier-Bold", 10.5)
            c.drawString(x + 3, y, ch)
            x += 13
        x += 7


def test_a_date_in_grouped_boxes_under_a_two_line_question_with_its_guide_letters(tmp_path: Path) -> None:
    path = tmp_path / "grouped.pdf"
    c = _canvas(path, "Single Person Discount")
    c.setFont("Helvetica", 8.8)
    c.drawString(56, H - 120, "Council Tax account number")
    _grouped_boxes(c, 232, H - 120, ["4001", "2345"])
    c.setFont("Helvetica", 8.8)
    c.drawString(56, H - 150, "From what date have you been the only")
    c.drawString(56, H - 160, "adult living at this address?")
    _grouped_boxes(c, 232, H - 158, ["09", "06", "2026"], "DD MM YYYY")
    c.save()
    pairs = _pairs(path)
    # The boxes' groups are the date's parts; the guide letters over them are the form's, not an answer.
    assert _answer(pairs, "From what date") == "09/06/2026", [(p.label, p.answer) for p in pairs]
    assert not any(p.answer.replace(" ", "").upper() == "DDMMYYYY" for p in pairs)
    assert _fields(path)[1]["sole_adult_since"] == "2026-06-09"


def test_a_bold_heading_over_a_printed_declaration_still_heads_the_date_under_it(tmp_path: Path) -> None:
    path = tmp_path / "declaration.pdf"
    c = _canvas(path, "Single Person Discount")
    rows = (("Council Tax account number", "40012345"), ("Full name", "Jane Smith"),
            ("Address", "1 Mill Lane"), ("Postcode", "NR1 3QU"),
            ("Date you became the only adult in the property", "20.06.2026"))
    y = H - 110
    for label, answer in rows:
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(52, y, label)
        c.setFont("Helvetica-Oblique", 10.5)
        c.drawString(58, y - 18, answer)
        y -= 42
    c.setFont("Helvetica-Bold", 9.5)
    c.drawString(44, y, "Datganiad / Declaration")
    c.setFont("Helvetica", 7.8)
    c.drawString(44, y - 14, "Rwy'n datgan bod y wybodaeth a roddwyd ar y ffurflen hon yn gywir ac yn gyflawn.")
    c.drawString(44, y - 24, "I declare that the information given on this form is correct and complete.")
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(300, y - 50, "Date")
    c.setFont("Helvetica-Oblique", 10.5)
    c.drawString(330, y - 50, "28.11.2026")
    c.save()
    date = next(p for p in _pairs(path) if p.answer == "28.11.2026")
    assert date.section == "Datganiad / Declaration"
    out = _extraction(path)
    signed = out.fields["declaration_date"]
    assert signed.value == "2026-11-28" and signed.confidence >= 0.9, signed


def test_an_address_on_four_lines_keeps_its_last_and_a_wrapped_answer_passes_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "lines.pdf"
    c = _canvas(path, "Single Person Discount")
    y = H - 110
    for n, label, lines in ((1, "Full name", ["Margaret Nancarrow"]), (2, "Council Tax account number", ["40033848"]),
                            (3, "Address (including postcode)", ["44 Mill Lane", "Trevean", "Penhallow", "PH3 9TJ"]),
                            (4, "Telephone number", []), (5, "Email", ["mn@example.com"])):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(39, y, f"{n}.")
        c.drawString(52, y, label)
        c.setFont("Courier", 10)
        for k, line in enumerate(lines or [""]):
            c.drawString(58, y - 18 - 18 * k, line)
            c.line(52, y - 21 - 18 * k, 559, y - 21 - 18 * k)
        y -= 24 + 18 * max(1, len(lines))
    c.setFont("Helvetica", 8.8)
    c.drawString(56, y - 10, "Please tell us what has changed")
    c.setFont("Helvetica-Oblique", 6.6)
    c.drawString(56, y - 20, "For example: someone moved out, separation,")
    c.drawString(56, y - 28, "bereavement. Continue on a separate sheet if needed.")
    c.rect(232, y - 46, 327, 46)
    c.setFont("Courier", 10)
    c.drawString(237, y - 13.5, "My partner moved out on 24 February 2026 and I now")
    c.drawString(237, y - 25.5, "live here on my own.")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Address") == "44 Mill Lane\nTrevean\nPenhallow\nPH3 9TJ"
    assert _answer(pairs, "Telephone") is None  # the postcode over it is the address's last line, not its answer
    wrapped = "My partner moved out on 24 February 2026 and I now\nlive here on my own."
    assert _answer(pairs, "Please tell us") == wrapped  # the hint in small print beside it takes no line of it


def test_if_yes_asks_about_the_question_before_it(tmp_path: Path) -> None:
    path = tmp_path / "ifyes.pdf"
    rows = [("Council tax account reference", "71977675"), ("Your full name", "Dr Glesni Khan"),
            ("First line of the address of the property", "1 School Lane"), ("Postcode", "GZ11 1BQ"),
            ("Are you the only person aged 18 or over living at this address?", "Yes"),
            ("If YES, from what date?", "18.02.2026"), ("Date of this application", "27.11.2026")]
    c = _canvas(path, "Council Tax - request for single person discount")
    for k, (label, answer) in enumerate(rows):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(50, H - 110 - 20 * k, label)
        c.setFont("Helvetica", 10)
        c.drawString(340, H - 110 - 20 * k, answer)
    c.save()
    label = next(p.label for p in _pairs(path) if p.answer == "18.02.2026")
    assert label == "If YES, from what date? (Are you the only person aged 18 or over living at this address)"
    out = _extraction(path)
    since = out.fields["sole_adult_since"]
    assert since.value == "2026-02-18" and since.confidence >= 0.8, since
    assert out.fields["declaration_date"].value == "2026-11-27"


def test_a_ruled_table_of_welsh_over_english_labels_keeps_each_label_in_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "cells.pdf"
    c = _canvas(path, "Gostyngiad person sengl / Single person discount")
    rows = (("Rhif cyfrif", "Council Tax account number", "59617889"), ("Teitl", "Title", "Mr"),
            ("Enw(au) cyntaf", "First name(s)", "James"), ("Cyfenw", "Surname", "Watson"),
            ("Cod post", "Postcode", "QR3 3HB"))
    top = 160.0
    for welsh, english, answer in rows:
        c.rect(40, H - top - 24, 210, 24)
        c.rect(250, H - top - 24, 305, 24)
        c.setFont("Helvetica-Oblique", 7.5)
        c.drawString(60, H - top - 10, welsh)
        c.setFont("Helvetica-Bold", 8)
        c.drawString(60, H - top - 20, english)
        c.setFont("Helvetica", 10)
        c.drawString(256, H - top - 13, answer)
        top += 24
    c.save()
    pairs = _pairs(path)
    # Each label is its own cell's two lines, never the row above's English with this row's Welsh.
    assert _answer(pairs, "Enw(au) cyntaf") == "James", [(p.label, p.answer) for p in pairs]
    assert _answer(pairs, "Cyfenw") == "Watson"
    assert not any(p.label.startswith("Title") for p in pairs)


def test_a_date_one_digit_to_a_box_with_slashes_set_a_size_apart_is_one_value() -> None:
    from extractors.document import Box, Phrase, Style, Word, _merge_character_boxes

    digit, slash = Style("DejaVuSans", 9.5), Style("DejaVuSans", 10.0)
    words = [Word(ch, Box(1, x, 416, x + (3 if ch == "/" else 6), 426), slash if ch == "/" else digit)
             for x, ch in zip((262, 276, 289, 301, 315, 328, 340, 354, 368, 382), "24/05/2026", strict=True)]
    merged = _merge_character_boxes([Phrase(words[:3]), Phrase(words[3:6]), Phrase(words[6:])])
    assert [p.text for p in merged] == ["24/05/2026"]


def test_a_form_of_captions_under_its_answers_keeps_to_them_under_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "captions.pdf"
    c = _canvas(path, "Single Person Discount Application")
    c.setFont("Times-Bold", 11)
    c.drawString(50, H - 110, "YOUR DETAILS")
    rows = [[("55224047", "Council Tax Account Number", 50), ("24/06/1974", "Date of Birth", 300)],
            [("CARL RAMAN", "Full Name (incl. Title)", 50)],
            [("76", "House No./Name", 50), ("NELSON STREET", "Street", 176)],
            [("QUARRINGTON", "Town", 300)], [("QR3 7BN", "Postcode", 50), ("07700 900125", "Telephone No.", 220)]]
    y = H - 135
    for row in rows:
        for answer, caption, x in row:
            c.setFont("Courier", 10)
            c.drawString(x + 2, y, answer)
            c.setDash(1, 2)
            c.line(x, y - 3, x + 110, y - 3)
            c.setDash()
            c.setFont("Times-Roman", 7.5)
            c.drawString(x, y - 12, caption)
        y -= 34
    c.setFont("Times-Bold", 11)
    c.drawString(50, y, "CHANGE IN CIRCUMSTANCES")
    y -= 25
    for answer, caption in (("25th February 2026", "Date you became the sole adult occupier"),
                            ("MRS CHARLOTTE RAMAN", "Name of other adult who has left")):
        c.setFont("Courier", 10)
        c.drawString(52, y, answer)
        c.setDash(1, 2)
        c.line(50, y - 3, 300, y - 3)
        c.setDash()
        c.setFont("Times-Roman", 7.5)
        c.drawString(50, y - 12, caption)
        y -= 34
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Council Tax Account Number") == "55224047", [(p.label, p.answer, p.how) for p in pairs]
    assert _answer(pairs, "Full Name") == "CARL RAMAN"
    assert _answer(pairs, "Date you became") == "25th February 2026"
    assert not any(p.label in ("YOUR DETAILS", "CHANGE IN CIRCUMSTANCES") for p in pairs)


def test_house_number_and_street_asked_apart_are_one_first_line(tmp_path: Path) -> None:
    path = tmp_path / "house_and_street.pdf"
    c = _canvas(path, "Single Person Discount - Claim Form")
    y = H - 140
    for row in ((("Council Tax Account Number", "55224047", 60),), (("Full Name", "CARL RAMAN", 60),),
                (("House No./Name", "76", 60), ("Street", "NELSON STREET", 190)),
                (("Town", "KILVERTON", 60),), (("Postcode", "KV3 7BN", 60),),
                (("Date you became the only adult", "25/02/2026", 60),), (("Date", "29/10/2026", 60),)):
        for caption, answer, x in row:
            c.setFont("Courier", 11)
            c.drawString(x + 2, y, answer)
            c.line(x, y - 4, x + 120, y - 4)
            c.setFont("Helvetica", 7)
            c.drawString(x, y - 13, caption)
        y -= 40
    c.save()
    _, fields = _fields(path)
    assert fields["address"] == "76 NELSON STREET"
    assert fields["postcode"] == "KV3 7BN"


def test_a_second_label_line_in_a_cell_of_labels_is_no_answer(tmp_path: Path) -> None:
    # A ruled table: each label cell shaded, a Welsh line over its English line; the answer in the cell beside.
    path = tmp_path / "cells.pdf"
    c = _canvas(path, "Treth Gyngor / Council Tax: moving home")
    top = H - 120
    for welsh, english, answer in (("Teitl", "Title", "Mr"), ("Enw(au) cyntaf", "First name(s)", "Imran"),
                                   ("Cyfenw", "Surname", "Price"), ("Dyddiad geni", "Date of birth", "24/06/1996"),
                                   ("Rhif ffôn", "Telephone number", "07700 900601"), ("Cod post", "Postcode", "")):
        c.setFillColorRGB(0.96, 0.96, 0.94)
        c.rect(40, top - 24, 210, 24, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.rect(250, top - 24, 305, 24, stroke=1, fill=0)
        c.setFont("Helvetica-Oblique", 7.5)
        c.drawString(60, top - 9, welsh)
        c.setFont("Helvetica-Bold", 8)
        c.drawString(60, top - 19, english)
        c.setFont("Helvetica", 10)
        c.drawString(256, top - 16, answer)
        top -= 24
    c.save()
    pairs = _pairs(path)
    assert {(p.label.split()[-1], p.answer) for p in pairs} >= {("Title", "Mr"), ("Surname", "Price")}
    assert not any(p.answer in {"Title", "First name(s)", "Surname", "Postcode"} for p in pairs)


def test_a_tick_between_two_lines_of_small_print_does_not_make_them_one(tmp_path: Path) -> None:
    path = tmp_path / "tick_between.pdf"
    c = _canvas(path, "Council Tax: tell us you are moving home")
    y = H - 140
    c.setFont("Helvetica-Oblique", 7.5)
    c.drawString(60, y, "Ydych chi'n symud i mewn neu allan?")
    c.drawString(273, y - 1, "Symud i mewn i'r fwrdeistref")
    c.drawString(404, y - 1, "Symud allan o'r fwrdeistref")
    c.setFont("ZapfDingbats", 9.5)
    c.drawString(390, y - 9, "4")  # a tick, set between the two lines
    c.setFont("Helvetica", 8)
    c.drawString(60, y - 10, "Are you moving in or out?")
    c.drawString(273, y - 10, "Moving into the borough")
    c.drawString(404, y - 10, "Moving out of the borough")
    c.save()
    with open_document(path) as doc:
        texts = [" ".join(w.text for w in ph.words) for line in doc.pages[0].lines for ph in line.phrases]
    assert "Ydych chi'n symud i mewn neu allan?" in texts
    assert any(t.endswith("Moving out of the borough") for t in texts)


def test_an_eform_of_labels_over_boxes_with_hints_asides_and_a_date_in_three_boxes(tmp_path: Path) -> None:
    """Fillable boxes named Text1, Text2...: a label over each box; small print between a label and its box
    (the hint, not the label); "(if known)" after a label (an aside, never a section's heading); a date in
    three boxes with "Day Month Year" printed under them and the question over them."""
    path = tmp_path / "eform.pdf"
    c = _canvas(path, "Council Tax - Moving Home")
    form = c.acroForm
    y = H - 100
    n = 0

    def heading(text: str) -> None:
        nonlocal y
        c.setFont("Helvetica-Bold", 11.5)
        c.drawString(36, y, text)
        y -= 26

    def box(label: str, value: str, hint: str = "", aside: str = "") -> None:
        nonlocal y, n
        n += 1
        c.setFont("Helvetica-Bold", 9)
        c.drawString(36, y, label)
        if aside:
            c.drawString(40 + c.stringWidth(label, "Helvetica-Bold", 9), y, aside)
        if hint:
            c.setFont("Helvetica", 7.5)
            c.drawString(36, y - 12, hint)
        form.textfield(name=f"fill_{n}", x=36, y=y - 32, width=400, height=18, value=value, borderWidth=0.5)
        y -= 46

    box("Your full name", "Ms Rebecca Bradley")
    box("Phone number", "01632 960469")
    heading("Section B - Address you are leaving")
    box("Council Tax account no.", "51633236", aside="(if known)")
    box("Address", "9 Victoria Terrace")
    box("Postcode", "KV2 4TN")
    heading("Section C - Address you are moving to")
    box("Address", "6 Kiln Lane", hint="If you are leaving the district please give your forwarding address")
    box("Postcode", "ST4 3ET")
    c.setFont("Helvetica-Bold", 9)
    c.drawString(36, y, "Date of move")
    for k, (part, value) in enumerate((("Day", "19"), ("Month", "12"), ("Year", "2026"))):
        form.textfield(name=("dd", "mm", "yyyy")[k], x=36 + 42 * k, y=y - 26, width=34, height=18, value=value,
                       borderWidth=0.5)
        c.setFont("Helvetica", 6.5)
        c.drawString(36 + 42 * k, y - 34, part)
    c.save()
    pairs = _pairs(path)
    by_answer = {p.answer: p for p in pairs}
    assert by_answer["6 Kiln Lane"].label == "Address"
    assert by_answer["6 Kiln Lane"].section == "Section C - Address you are moving to"
    assert by_answer["9 Victoria Terrace"].section == "Section B - Address you are leaving"
    assert by_answer["19/12/2026"].label == "Date of move"
    _, fields = _fields(path)
    assert fields["previous_address"] == "9 Victoria Terrace" and fields["new_address"] == "6 Kiln Lane"
    assert fields["new_postcode"] == "ST4 3ET" and fields["move_date"] == "2026-12-19"


def test_a_question_wrapped_in_its_column_and_answered_beside_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "wrapped_question.pdf"
    c = _canvas(path, "Application for Single Person Discount")
    y = H - 120
    for lines, answer in ((["Council Tax account number"], "57858386"), (["Your full name"], "Valerie Chapman"),
                          (["Date from which you have been the only", "adult (aged 18 or over) living at the",
                            "property"], "21-10-2026"),
                          (["Full name of the adult who has left"], "Donald Chapman")):
        c.setFont("Courier", 10)
        c.drawString(242, y, answer)
        c.setFont("Helvetica", 9)
        for k, line in enumerate(lines):
            c.drawString(58, y - 11 * k, line)
        y -= 11 * len(lines) + 16
    c.save()
    assert _answer(_pairs(path), "Date from which") == "21-10-2026"
    _, fields = _fields(path)
    assert fields["sole_adult_since"] == "2026-10-21"


def test_a_mark_typed_in_the_box_that_follows_its_option(tmp_path: Path) -> None:
    path = tmp_path / "box_after_option.pdf"
    c = _canvas(path, "Change of address - Council Tax")
    y = H - 120
    c.setFont("Times-Roman", 10)
    c.drawString(50, y, "I am:")
    x = 85
    for option, ticked in (("MOVING IN", True), ("MOVING OUT", False)):
        c.drawString(x, y, option)
        bx = x + c.stringWidth(option, "Times-Roman", 10) + 4
        c.rect(bx, y - 3, 11, 11)
        if ticked:
            c.drawString(bx + 2.5, y, "X")
        x = bx + 30
    c.save()
    pairs = _pairs(path)
    assert [(p.label, p.answer, p.how) for p in pairs if p.how == "tick"] == [("I am", "MOVING IN", "tick")]


def test_an_answer_of_two_lines_beside_a_numbered_label_of_two_languages_in_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "two_line_cells.pdf"
    c = _canvas(path, "Gostyngiad person sengl / Single person discount")
    top = H - 120
    for number, welsh, english, answer in (
            ("9", "Dyddiad geni", "Date of birth", ["24/06/1996"]),
            ("10", "Beth sydd wedi newid?", "What has changed?",
             ["My brother has moved out permanently and I now live", "alone."]),
            ("11", "Rhif ffôn", "Telephone number", ["07700 900601"])):
        c.rect(40, top - 46, 210, 46)
        c.rect(250, top - 46, 305, 46)
        c.setFont("Helvetica-Bold", 8)
        c.drawString(44, top - 10, number)
        c.setFont("Helvetica-Oblique", 7.5)
        c.drawString(60, top - 10, welsh)
        c.setFont("Helvetica-Bold", 8)
        c.drawString(60, top - 20, english)
        c.setFont("Helvetica", 10)
        for k, line in enumerate(answer):
            c.drawString(255, top - 11 - 12 * k, line)
        top -= 46
    c.save()
    pairs = _pairs(path)
    told = next(p for p in pairs if p.answer.startswith("My brother"))
    assert told.answer == "My brother has moved out permanently and I now live\nalone."
    assert told.label.endswith("What has changed?")
    assert not any(p.answer == "alone." for p in pairs)


def _dotted_form(path: Path, title: str, rows: list[list[tuple[str, str]]], *, header: tuple[str, str] | None = None,
                 lines: tuple[str, ...] = ()) -> Canvas:
    """An old typewriter-style form: printed labels in Times, each answer typed in Courier a space after its
    label on a dotted rule, two questions on some rows; an account box at the head if given."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Times-Bold", 15)
    c.drawString(50, H - 50, "KILVERTON DISTRICT COUNCIL")
    if header:
        c.setFont("Times-Roman", 8.5)
        c.drawString(369, H - 96, header[0])
        c.rect(436, H - 100, 110, 16)
        c.setFont("Courier", 10)
        c.drawString(440, H - 96, header[1])
    c.setFont("Times-Bold", 11)
    c.drawString(50, H - 150, title)
    y = H - 190
    for line in lines:
        c.setFont("Times-Roman", 10)
        c.drawString(50, y, line)
        y -= 22
    for n, row in enumerate(rows, 1):
        x = 50
        for k, (label, answer) in enumerate(row):
            text = f"{n}. {label}" if k == 0 else label
            c.setFont("Times-Roman", 10)
            c.drawString(x, y, text)
            ax = x + c.stringWidth(text, "Times-Roman", 10) + 8
            c.setDash(1, 2)
            c.line(ax - 2, y - 3, x + 240, y - 3)
            c.setDash()
            c.setFont("Courier", 10)
            c.drawString(ax, y, answer)
            x += 258
        y -= 22
    return c


def test_answers_typed_a_space_after_their_labels_on_dotted_rules(tmp_path: Path) -> None:
    path = tmp_path / "typed_close.pdf"
    c = _dotted_form(path, "CLAIM FOR SINGLE PERSON DISCOUNT (25%)",
                     [[("Name of applicant", "Tanya Lindqvist")], [("Address of the property", "14 North Parade")],
                      [("Postcode", "KV1 8UZ"), ("Tel.", "07700 900682")],
                      [("Only adult since", "16/02/2026")], [("Dated", "24/11/2026")]],
                     header=("Account No.", "6148-1083"))
    c.save()
    pairs = _pairs(path)
    assert {(p.label, p.answer) for p in pairs} >= {("Name of applicant", "Tanya Lindqvist"),
                                                     ("Postcode", "KV1 8UZ"), ("Tel.", "07700 900682")}
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Tanya Lindqvist" and fields["postcode"] == "KV1 8UZ"
    assert fields["address"] == "14 North Parade"
    # The account number in its box at the head of the form, as the form asks ("quote it at the top").
    assert fields["account_ref"] == "61481083"


def test_a_choice_made_by_crossing_out_the_other_option(tmp_path: Path) -> None:
    path = tmp_path / "struck.pdf"
    c = _dotted_form(path, "COUNCIL TAX - NOTIFICATION OF CHANGE OF ADDRESS",
                     [[("Full name", "Daniel Rowe")], [("New address", "16 Brook Street")],
                      [("Postcode", "KV1 5NS")], [("Date of move", "25 November 2026")]],
                     lines=("I am moving INTO / OUT OF Kilverton (delete as appropriate)",))
    c.setLineWidth(1.2)
    x = 50 + c.stringWidth("I am moving INTO / ", "Times-Roman", 10)
    c.line(x - 1, H - 190 + 3.5, x + c.stringWidth("OUT OF", "Times-Roman", 10) + 1, H - 190 + 3.5)
    c.save()
    chosen = [p for p in _pairs(path) if p.how == "choice"]
    assert [(p.answer, p.options) for p in chosen] == [("INTO", ("INTO", "OUT OF"))]
    _, fields = _fields(path)
    assert fields["move_type"] == "in"



def test_a_box_described_only_as_date_is_read_by_its_printed_question(tmp_path: Path) -> None:
    path = tmp_path / "described_date.pdf"
    c = _canvas(path, "Council Tax - tell us you are moving")
    form = c.acroForm
    y = H - 120
    for printed, tip, value in (("Full name of person liable", "Full name of person liable", "Ms Yasmin Rahman"),
                                ("I am moving", "Move type", "in"), ("Date of move", "Date", "20.12.2026"),
                                ("New address", "New address", "16 Hollow Way"), ("New postcode", "New postcode",
                                                                                  "KV3 4RD"),
                                ("Date", "Date signed", "30/11/2026")):
        c.setFont("Helvetica", 9)
        c.drawString(50, y + 4, printed)
        form.textfield(name=f"Date{y:.0f}_af_date" if "Date" in tip else f"Text{y:.0f}", tooltip=tip, value=value,
                       x=236, y=y, width=200, height=18, borderWidth=0.5)
        y -= 30
    c.save()
    out = _extraction(path)
    assert out.fields["move_date"].value == "2026-12-20" and out.fields["declaration_date"].value == "2026-11-30"
    assert out.fields["declaration_date"].confidence >= 0.8  # the box described as "Date" is no rival for it


def test_captions_under_answer_rules_under_a_numbered_heading_in_capitals(tmp_path: Path) -> None:
    """"1. YOUR DETAILS" in bold capitals, then answers typed on rules with their captions in small italics
    close under each rule: every caption is its answer's, and the heading is nobody's label."""
    path = tmp_path / "captions_heading.pdf"
    c = _canvas(path, "SINGLE PERSON DISCOUNT - CLAIM FORM")
    c.setFont("Times-Bold", 11)
    c.drawString(50, H - 136.8, "1. YOUR DETAILS")
    y = H - 149 - 8
    for row in ((("52741915", "Council Tax Account Number", 52), ("01/12/1976", "Date of Birth", 300)),
                (("George Ainsworth", "Full Name (incl. Title)", 52),),
                (("43", "House No./Name", 52), ("Hetton Road", "Street", 176)),
                (("Quarrington", "Town", 52),), (("KV5 6YX", "Postcode", 52),)):
        for answer, caption, x in row:
            c.setFont("Courier-Bold", 10)
            c.drawString(x, y, answer)
            c.line(x - 2, y - 5, x + 115, y - 5)
            c.setFont("Times-Italic", 7.5)
            c.drawString(x - 2, y - 14, caption)
        y -= 34
    c.save()
    pairs = _pairs(path)
    assert {(p.label, p.answer) for p in pairs} >= {("Council Tax Account Number", "52741915"),
                                                     ("Full Name (incl. Title)", "George Ainsworth")}
    _, fields = _fields(path)
    assert fields["account_ref"] == "52741915" and fields["applicant_name"] == "George Ainsworth"
    assert fields["address"] == "43 Hetton Road"


def test_a_form_column_beside_a_boxed_panel_of_guidance_notes(tmp_path: Path) -> None:
    """Questions over their answers in the left column, a drawn panel of notes down the right: the panel is
    no answer box of the questions level with it; the council's name set sideways up the margin joins no
    line."""
    path = tmp_path / "panel.pdf"
    c = _canvas(path, "Application for Single Person Discount")
    c.rect(398, H - 400, 166, 260)
    c.setFont("Helvetica", 7)
    notes = ("You can get 25% off your bill if you are the only", "adult who lives in the property as their main",
             "home. Some people are not counted, for example", "full-time students and apprentices. We will not",
             "normally award the discount for more than twelve", "months before we receive your application. We",
             "compare applications with the electoral register", "and review every discount once a year.")
    for k, line in enumerate(notes * 3):
        c.drawString(404, H - 150 - 9 * k, line)
    c.saveState()
    c.translate(20, 300)
    c.rotate(90)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(0, 0, "Kilverton District Council")
    c.restoreState()
    y = H - 150
    for number, label, answer in (("1", "Council Tax account number", "40020420"),
                                  ("2", "Your full name (including title)", "Olivia Cowperthwaite"),
                                  ("3", "Address of the property you are claiming for", "33 Chapel Brow"),
                                  ("4", "Postcode", "KV4 2LD"), ("5", "Full name of the adult who has left",
                                                               "Harry Wren")):
        c.setFont("Helvetica-Bold", 7)
        c.drawString(44, y, number)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(57, y, label)
        c.rect(57, y - 30, 326, 17)
        c.setFont("Courier-Bold", 11 if label == "Postcode" else 9.5)
        c.drawString(61, y - 25, answer)
        y -= 48
    c.save()
    pairs = _pairs(path)
    assert {(p.label, p.answer) for p in pairs} >= {("Council Tax account number", "40020420"),
                                                     ("Address of the property you are claiming for", "33 Chapel Brow")}
    assert not any("Kilverton" in p.label or "Kilverton" in p.answer for p in pairs)
    _, fields = _fields(path)
    assert fields["address"] == "33 Chapel Brow"




def test_a_bilingual_labels_second_language_is_no_answer_when_its_answer_is_blank(tmp_path: Path) -> None:
    """Welsh in bold over English, answers typed beside in a larger type: a blank answer leaves the English
    line alone, not the Welsh line's answer; a two-line answer beside a two-language question is one answer."""
    path = tmp_path / "bilingual_blank.pdf"
    c = _canvas(path, "Gostyngiad Person Sengl / Single Person Discount")
    y = H - 130
    rows = (("Enw llawn", "Full name", ["Ms Ffion Rowlands"]),
            ("Rhif cyfrif", "Account number", []),
            ("Hen gyfeiriad", "Previous address", []),
            ("Cod post", "Postcode", ["WQ5 1SX"]),
            ("Beth sydd wedi newid?", "What has changed?", ["My partner has moved into their own flat. Nobody",
                                                            "else aged 18 or over lives here now."]),
            ("Dyddiad dod yn unig oedolyn", "Date you became the only adult", ["01/03/2026"]),
            ("Rhif ffon", "Phone number", ["01632 960279"]))
    for welsh, english, answer in rows:
        c.setFont("Helvetica-Bold", 8)
        c.drawString(54, y, welsh)
        c.setFont("Helvetica", 8)
        c.drawString(54, y - 9.5, english)
        c.setFont("Helvetica", 10)
        for i, line in enumerate(answer):
            c.drawString(192, y - 15 * i, line)
        y -= 27 + 15 * max(0, len(answer) - 1)
    c.save()
    pairs = _pairs(path)
    assert not [p for p in pairs if p.answer in {"Account number", "Previous address"}], pairs
    assert _answer(pairs, "Beth sydd") == ("My partner has moved into their own flat. Nobody\n"
                                           "else aged 18 or over lives here now.")
    _, fields = _fields(path)
    assert "account_ref" not in fields and fields["postcode"] == "WQ5 1SX"
    assert fields["sole_adult_since"] == "2026-03-01"


def test_a_decimal_numbered_question_wrapped_under_its_words_and_captions_over_empty_boxes(tmp_path: Path) -> None:
    """ "1.1 Your name" over boxes captioned "Title", "Forename(s)", "Surname" (the title left blank): the
    caption is no answer. "2.1 On what date ..." wraps under its words, not under its number, with the answer
    typed level between its two lines."""
    path = tmp_path / "grid.pdf"
    c = _canvas(path, "Council Tax - Application for a Single Occupier Reduction (25%)")
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(45, H - 100, "SECTION 1 THE PERSON APPLYING")
    top = H - 120
    c.drawString(40, top, "1.1 Your name")
    c.setFont("Helvetica", 6.5)
    for x, caption, answer in ((228, "Title", None), (282, "Forename(s)", "Dylan"), (413, "Surname", "Jackson")):
        c.rect(x - 3, top - 16, 120 if x > 228 else 45, 24)
        c.setFont("Helvetica", 6.5)
        c.drawString(x, top, caption)
        if answer:
            c.setFont("Courier", 10)
            c.drawString(x + 3, top - 12, answer)
    rows = (("1.2 Council Tax account number", None, "43201167"),
            ("2.1 On what date did you start living there", "as the only person aged 18 or over?", "01/03/2026"),
            ("2.2 Full name of the adult who no longer", "lives with you", "Mrs Chloe Lee"))
    y = top - 40
    for first, second, answer in rows:
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(40, y, first)
        if second:
            c.drawString(58, y - 10.7, second)
        c.rect(228, y - 9, 300, 16)
        c.setFont("Courier", 11 if answer[0].isdigit() else 10)
        c.drawString(232, y - 4, answer)
        y -= 48
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(40, y, "3.1 Date")
    c.setFont("Courier", 11)
    c.drawString(232, y - 4, "12/11/2026")
    c.save()
    pairs = _pairs(path)
    assert not [p for p in pairs if p.answer == "Title"], pairs
    assert _answer(pairs, "On what date") == "01/03/2026"
    assert next(p.label for p in pairs if p.answer == "01/03/2026").endswith("as the only person aged 18 or over?")
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Dylan Jackson"
    assert fields["sole_adult_since"] == "2026-03-01" and fields["other_adult_name"] == "Mrs Chloe Lee"


def test_a_two_line_note_in_a_column_of_notes_is_no_label_for_the_answer_level_with_it(tmp_path: Path) -> None:
    """A column of notes beside questions set over their answers: a note of two lines, wrapped at the notes'
    margin, is level with the date answered under "Date of the move" and labels nothing."""
    path = tmp_path / "notes_column.pdf"
    c = _canvas(path, "Moving home? Let us know")
    notes = [(9.5, "Helvetica-Bold", "Tell us as soon as you can"),
             (8, "Helvetica", "Let us know about a move within 21 days"),
             (8, "Helvetica", "so we can bill the right person from the right"),
             (8, "Helvetica", "date."),
             (9.5, "Helvetica-Bold", "Leaving the area"),
             (8, "Helvetica", "Give us a forwarding address so we can"),
             (8, "Helvetica", "send your final bill. Any credit will be"),
             (8, "Helvetica", "refunded."),
             (9.5, "Helvetica-Bold", "Landlords"),
             (8, "Helvetica", "If you rent the property out, please use our"),
             (8, "Helvetica", "landlord notification instead.")]
    y = H - 110
    for size, font, text in notes:
        y -= 4 if font.endswith("Bold") else 0
        c.setFont(font, size)
        c.drawString(46, y, text)
        y -= 10.4
    y = H - 120
    for label, answer in (("Full name of the person responsible for the bill", "Ms Agnieszka Pritchard"),
                          ("Account number (if you have one)", "3376 1014"), ("Date of the move", "2026-11-03")):
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(232, y, label)
        c.setFont("Helvetica", 10)
        c.drawString(237, y - 16, answer)
        y -= 40
    c.save()
    pairs = _pairs(path)
    notes_text = " ".join(t for _, _, t in notes)
    assert _answer(pairs, "Date of the move") == "2026-11-03", pairs
    assert not [p for p in pairs if p.label in notes_text], pairs


def test_a_label_of_the_next_column_over_its_own_answer_is_not_the_label_after_a_box(tmp_path: Path) -> None:
    """Two columns of labels set over answer boxes, the right one a little lower: "Date" starts just past the
    end of the left column's answer box, level with it, but its own answer is in the box under it."""
    path = tmp_path / "leaflet.pdf"
    c = _canvas(path, "Living alone? Claim 25% off your Council Tax")
    y = H - 140
    for left, right in ((("Your name", "Nadia Crossley"), ("What happened?", "My son left to go to university.")),
                        (("I have been the only adult (18+) at home since", "17th October 2026"),
                         ("Date", "26th November 2026"))):
        for x, drop, (label, answer) in ((40, 0, left), (307.6, 15, right)):
            c.setFont("Helvetica-Bold", 9)
            c.drawString(x, y - drop, label)
            c.rect(x, y - drop - 24, 247.6, 20)
            c.setFont("Helvetica", 10)
            c.drawString(x + 4, y - drop - 17, answer)
        y -= 50
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "I have been the only adult") == "17th October 2026", pairs
    assert _answer(pairs, "Date") == "26th November 2026"


def test_a_date_in_boxes_whose_day_reads_as_one_word_is_one_answer(tmp_path: Path) -> None:
    """The day's two characters in boxes that touch read as one word ("07"), the rest one character a box
    with the slashes printed between: one date, not "07" and "/11/2026"."""
    path = tmp_path / "comb_date.pdf"
    c = _canvas(path, "Residents' Parking Permit / Trwydded Barcio")
    y = H - 160
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(408, y + 5, "Dyddiad")
    c.setFont("Helvetica-Oblique", 8)
    c.drawString(408, y - 5, "Date")
    x = 458.0
    c.setFont("Helvetica", 12.5)
    for k in range(2):
        c.rect(x + 10.5 * k, y - 6, 10.5, 17)
    c.drawString(x + 2, y, "07")
    x += 21 + 3
    for chunk in ("11", "2026"):
        c.drawString(x, y, "/")
        x += 9
        for ch in chunk:
            c.rect(x, y - 6, 10.5, 17)
            c.drawString(x + 2, y, ch)
            x += 10.5
        x += 3
    c.save()
    pairs = _pairs(path)
    assert [p.answer for p in pairs if p.answer_box.x0 >= 450] == ["07/11/2026"], pairs


def test_an_answer_of_two_lines_over_its_caption_is_read_whole(tmp_path: Path) -> None:
    """Answers written over captions in small print: an answer of two lines has its caption under the
    second, and both lines are its answer."""
    path = tmp_path / "captions_two_lines.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    y = H - 140
    for caption, lines in (("Full name of the adult who has moved out", ["Rachel Richards"]),
                           ("Their new address, if you know it", []),
                           ("Please tell us, in your own words, what has changed",
                            ["Our daughter Rachel left home on 30/10/2026 for a job in another", "town."]),
                           ("Adults living there now, including you", ["1"])):
        c.setFont("Times-Roman", 12)
        for k, line in enumerate(lines):
            c.drawString(44, y - 19 * k, line)
        y -= 19 * max(0, len(lines) - 1)
        c.line(40, y - 4, 400, y - 4)
        c.setFont("Helvetica", 7)
        c.drawString(40, y - 14, caption)
        y -= 36
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Please tell us") == "Our daughter Rachel left home on 30/10/2026 for a job in another\ntown."
    assert _answer(pairs, "Full name of the adult") == "Rachel Richards"


@pytest.mark.parametrize("ticked", ["B2", "R1"])
def test_a_question_whose_tick_boxes_run_onto_a_second_row(tmp_path: Path, ticked: str) -> None:
    """ "Permit zone (tick one)" beside two rows of boxes, box under box: one question, whichever row the
    tick is in; a yes/no question under it with its own label stays its own."""
    path = tmp_path / "zones.pdf"
    c = _canvas(path, "Residents' Parking Permit")
    c.setFont("Helvetica-Bold", 8)
    c.drawString(52, H - 140, "Permit zone (tick one)")
    for r, zones in enumerate((("A", "B", "B2", "C", "F1"), ("F2", "H", "R1", "S", "G"))):
        y = H - 142 - 16 * r
        for k, zone in enumerate(zones):
            x = 205 + 38 * k
            c.rect(x, y - 1, 9, 9)
            if zone == ticked:
                c.setFont("Helvetica-Bold", 9)
                c.drawString(x + 1.5, y + 0.5, "X")
            c.setFont("Helvetica", 8.5)
            c.drawString(x + 13, y, zone)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(52, H - 190, "Do you have a garage?")
    for k, option in enumerate(("Yes", "No")):
        x = 205 + 38 * k
        c.rect(x, H - 191, 9, 9)
        if option == "No":
            c.setFont("Helvetica-Bold", 9)
            c.drawString(x + 1.5, H - 189.5, "X")
        c.setFont("Helvetica", 8.5)
        c.drawString(x + 13, H - 190, option)
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Permit zone") == ticked, pairs
    assert _answer(pairs, "Do you have a garage") == "No"


def test_an_answer_in_italics_far_under_the_title_is_no_hint(tmp_path: Path) -> None:
    """Answers typed in italics on a form's second page: the first sits far under the council's name in
    larger type, which is no question it could be a hint to."""
    path = tmp_path / "italic_answers.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 12)
    c.drawString(220, H - 62, "Penhallow District Council")
    y = H - 140
    for label, answer in (("Rhif cofrestru'r cerbyd / Vehicle registration number", "rbp923d"),
                          ("Gwneuthuriad y cerbyd / Vehicle make", "Skoda")):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(52, y, label)
        c.setFont("Helvetica-Oblique", 10.5)
        c.drawString(330 if answer == "rbp923d" else 260, y + 1, answer)
        y -= 24
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Rhif cofrestru") == "rbp923d", pairs


def test_cells_with_their_label_over_a_written_answer_and_blank_cells_beside(tmp_path: Path) -> None:
    """A ruled form of cells, each with its label in small print at the top and the answer written under it
    in the answers' type: a cell whose answer is a name (no value's shape) is still its own pair, and a blank
    cell's label is no answer to the cell beside it."""
    path = tmp_path / "cells.pdf"
    c = _canvas(path, "Application for a Single Person Discount (25%)")

    def row(top: float, cells: list[tuple[float, float, str, str]], height: float = 30) -> None:
        for x0, x1, label, answer in cells:
            c.rect(x0, H - top - height, x1 - x0, height)
            c.setFont("Helvetica", 6.5)
            c.drawString(x0 + 3, H - top - 7.8, label)
            if answer:
                c.setFont("Helvetica", 10)
                c.drawString(x0 + 5, H - top - 21, answer)

    for top in (128, 271, 406):  # the parts' headings on bars across the form
        c.rect(30, H - top - 15, 535, 15)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(35, H - 139, "1 The property and the person claiming")
    row(144, [(30, 298, "Council Tax account number", "7176 1922"), (298, 565, "Postcode of the property", "GZ2 7XL")])
    row(174, [(30, 105, "Title", ""), (105, 298, "Forename(s)", "Paul"), (298, 565, "Surname", "Khan")])
    row(204, [(30, 362, "Property address - house number and street", "11 Station Road"),
              (362, 565, "Town", "Glanmorfa")])
    row(234, [(30, 244, "Daytime telephone no.", "07700 900545"), (244, 565, "Email address", "")])
    c.setFont("Helvetica-Bold", 9)
    c.drawString(35, H - 282, "2 Your household")
    row(288, [(30, 565, "Date from which you have been the only adult resident (dd/mm/yyyy)", "17/05/2026")])
    row(318, [(30, 244, "Full name of the adult who has left", "Pauline Okafor"),
              (244, 565, "Their new address, if known", "")])
    row(348, [(30, 565, "Please tell us what has changed", "")], height=52)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(35, H - 417, "3 Where they have gone")
    row(423, [(30, 244, "House number and street", ""), (244, 565, "Postcode", "")])
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Full name of the adult") == "Pauline Okafor", pairs
    assert not [p for p in pairs if p.answer in {"Their new address, if known", "Postcode"}], pairs


def test_fillable_boxes_captioned_under_with_tool_written_tooltips(tmp_path: Path) -> None:
    """A fillable form that prints each box's label under it; some tooltips say what the box asks, others
    are what the form tool wrote ("Text Field 3", "subform text field 9"): those boxes are known by their
    captions."""
    path = tmp_path / "captioned_fields.pdf"
    c = _canvas(path, "Parking Services: Residents' parking permit")
    form = c.acroForm
    rows = [[("fill_1", "Applicant's name", "Applicant's name", "Miss Wendy Lomax", 40, 344),
             ("fill_2", "Phone number", "Phone number", "01632 960589", 352, 555)],
            [("fill_3", "Text Field 3", "Home address (no P.O. boxes)", "23 Harcourt Road", 40, 395),
             ("fill_4", "Postcode", "Postcode", "WX43GN", 403, 555)],
            [("fill_6", "Text Field 6", "Registration", "vw18 gww", 40, 190),
             ("fill_8", "Zone", "Zone", "D", 405, 555)],
            [("fill_9", "subform text field 9", "Permit to begin on", "12th December 2026", 40, 246)]]
    top = 112.0
    for row in rows:
        for name, tip, caption, value, x0, x1 in row:
            form.textfield(name=name, tooltip=tip, value=value, x=x0, y=H - top - 18, width=x1 - x0, height=18,
                           borderWidth=1)
            c.setFont("Helvetica", 7)
            c.drawString(x0, H - top - 26, caption)
        top += 50
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Home address") == "23 Harcourt Road", pairs
    assert _answer(pairs, "Registration") == "vw18 gww" and _answer(pairs, "Permit to begin on") == "12th December 2026"
    assert not [p for p in pairs if p.label.lower().startswith(("text field", "subform"))]
    _, fields = _fields(path)
    assert fields["vrm"] == "VW18GWW" and fields["address"] == "23 Harcourt Road"


def test_a_numbered_bilingual_table_with_options_in_glyphs_and_blank_answers(tmp_path: Path) -> None:
    """A ruled table of number | Welsh over English label | answer: the number is no label, and a blank answer
    does not take the next row's number."""
    path = tmp_path / "numbered_table.pdf"
    c = _canvas(path, "Symud ty / Moving home")
    rows = [("1", "Ydych chi'n symud i mewn neu allan?", "Are you moving in or out?",
             ["\u2612 Symud i mewn / Moving in", "\u2610 Symud allan / Moving out"]),
            ("2", "Dyddiad symud", "Date of move", ["4th August 2026"]),
            ("3", "Enw llawn", "Full name", ["Mr Stuart Gardner"]),
            ("4", "Rhif cyfrif", "Account number (if moving out)", []),
            ("5", "Rhif ffon", "Phone", ["07700900585"]),
            ("6", "Cod post newydd", "New postcode", ["wx13ju"])]
    top = 170.0
    for number, welsh, english, answer in rows:
        c.rect(40, H - top - 28, 20, 28)
        c.rect(60, H - top - 28, 200, 28)
        c.rect(260, H - top - 28, 295, 28)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(46, H - top - 10, number)
        c.setFont("Helvetica-Oblique", 7.5)
        c.drawString(68, H - top - 10, welsh)
        c.setFont("Helvetica", 8.5)
        c.drawString(68, H - top - 19, english)
        c.setFont("Helvetica", 9.5)
        for k, line in enumerate(answer):
            c.drawString(268, H - top - 10 - 12 * k, line)
        top += 28
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Dyddiad symud") == "4th August 2026", pairs
    assert not [p for p in pairs if p.label in {"1", "2", "3", "5", "6"} or p.answer in {"5", "6"}], pairs
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Mr Stuart Gardner" and fields["new_postcode"] == "WX1 3JU"
    assert "account_ref" not in fields


@pytest.mark.parametrize("title", ["Mx", ""])
def test_name_boxes_captioned_over_and_the_name_printed_again_under_the_signature(tmp_path: Path, title: str) -> None:
    """ "Your name" beside three boxes captioned "Title", "First name(s)", "Surname" in small print over
    them, and "Print name" in capitals under the declaration: the name is the boxes' (the first, the fuller),
    whether or not the title is given, and the two agree."""
    path = tmp_path / "name_boxes.pdf"
    c = _canvas(path, "Council Tax - Moving home")
    y = H - 170
    c.setFont("Helvetica", 9)
    c.drawString(68, y, "Your name")
    for x, caption, answer in ((250, "Title", title), (296, "First name(s)", "Morgan"), (420, "Surname", "Threlfall")):
        c.rect(x - 4, y - 6, 40 if caption == "Title" else 110, 24)
        c.setFont("Helvetica", 6.5)
        c.drawString(x, y + 9, caption)
        if answer:
            c.setFont("Courier", 10)
            c.drawString(x + 4, y - 2, answer)
    c.setFont("Helvetica", 9)
    c.drawString(68, y - 40, "Contact telephone")
    c.setFont("Courier", 10)
    c.drawString(255, y - 40, "07700900225")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(52, y - 90, "Declaration")
    c.setFont("Helvetica", 9)
    c.drawString(68, y - 110, "Print name")
    c.setFont("Courier", 10)
    c.drawString(255, y - 110, "MORGAN THRELFALL")
    c.setFont("Helvetica", 9)
    c.drawString(68, y - 130, "Date")
    c.setFont("Courier", 10)
    c.drawString(255, y - 130, "01/12/2026")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Your name") is None, pairs  # its boxes are the captions'
    out = _extraction(path)
    want = f"{title} Morgan Threlfall".strip()
    assert out.fields["applicant_name"].value == want and out.fields["applicant_name"].confidence >= 0.9, out.notes


def test_a_label_last_on_its_page_answered_first_on_the_next(tmp_path: Path) -> None:
    """An online form's receipt: "Date" is the last thing on page 1 and "23/11/2026" the first answer on page 2,
    under the running head."""
    path = tmp_path / "overleaf.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    for page in (1, 2):
        c.setFont("Helvetica-Bold", 13)
        c.drawString(40, H - 30, "Wexcombe Borough Council")
        c.setFont("Helvetica", 8.5)
        c.drawString(442, H - 30, "MyWexcombe online services")
        if page == 1:
            y = H - 90
            for label, answer in (("Full name", "Rachel Harvey"), ("Council tax account number", "4132-8409"),
                                  ("Date of your move", "15/11/2026"), ("Postcode", "WX8 5DG")):
                c.setFont("Helvetica-Bold", 9)
                c.drawString(56, y, label)
                c.setFont("Helvetica", 10)
                c.drawString(66, y - 12, answer)
                y -= 30
            c.setFont("Helvetica-Bold", 12)
            c.drawString(56, H - 735, "Declaration")
            c.setFont("Helvetica-Bold", 9)
            c.drawString(56, H - 752, "I declare that the information I have provided is true")
            c.setFont("Helvetica", 10)
            c.drawString(66, H - 764, "Yes")
            c.setFont("Helvetica-Bold", 9)
            c.drawString(56, H - 782, "Date")
        else:
            c.setFont("Helvetica", 10)
            c.drawString(66, H - 84, "23/11/2026")
            c.setFont("Helvetica-Bold", 12)
            c.drawString(56, H - 108, "How we use your information")
        c.showPage()
    c.save()
    pairs = _pairs(path)
    assert [p.answer for p in pairs if p.label == "Date"] == ["23/11/2026"], pairs
    assert _answer(pairs, "Date of your move") == "15/11/2026"


def test_fillable_boxes_labelled_over_with_day_month_year_boxes_captioned_under(tmp_path: Path) -> None:
    """Labels printed over their boxes, a date in Day, Month and Year boxes captioned under them, most boxes
    named by the form tool: the captions of the date's boxes do not make it a form of captions under boxes."""
    path = tmp_path / "labels_over.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    form = c.acroForm
    top = 120.0
    for n, (label, tip, value) in enumerate((("Council Tax reference number", "Council tax account reference",
                                             "52741915"), ("Name of applicant", "Full name", "George Ainsworth"),
                                            ("Postcode", None, "QR56YX"), ("Email", None, "g@example.com"),
                                            ("Name of the adult who moved out", None, "Thomas Oliver")), start=1):
        c.setFont("Helvetica", 8)
        c.drawString(40, H - top, label)
        form.textfield(name=f"Text{n}", tooltip=tip, value=value, x=40, y=H - top - 22, width=300, height=18)
        top += 40
    c.setFont("Helvetica", 8)
    c.drawString(40, H - top, "Date you became the only adult resident")
    for k, (part, value) in enumerate((("Day", "02"), ("Month", "11"), ("Year", "2026"))):
        form.textfield(name=part, value=value, x=40 + 60 * k, y=H - top - 22, width=50, height=18)
        c.drawString(40 + 60 * k, H - top - 30, part)
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Name of the adult who moved out") == "Thomas Oliver", pairs
    assert _answer(pairs, "Postcode") == "QR56YX" and _answer(pairs, "Email") == "g@example.com"


@pytest.mark.parametrize(("ticked", "expected"), [(0, "in"), (1, "out")])
def test_a_box_marked_with_a_dingbat(tmp_path: Path, ticked: int, expected: str) -> None:
    """A tick box filled with a ZapfDingbats black square: the font's own code ("n") is the text, with no
    Unicode meaning, and it marks the box it sits in."""
    path = tmp_path / "dingbat.pdf"
    c = _canvas(path, "Council Tax - Notification of a Change of Address")
    c.setFont("Helvetica", 9)
    c.drawString(56, H - 178, "Please tick one box")
    for k, option in enumerate(("Moving INTO a property in the district", "Moving OUT of a property in the district")):
        y = H - 200 - 15 * k
        c.rect(58, y - 2, 10, 10)
        if k == ticked:
            c.setFont("ZapfDingbats", 9)
            c.drawString(59.5, y - 0.5, "n")
        c.setFont("Helvetica", 9)
        c.drawString(73, y, option)
    c.drawString(56, H - 250, "Date of your move")
    c.setFont("Courier", 11)
    c.drawString(300, H - 250, "19/10/2026")
    c.save()
    _, fields = _fields(path)
    assert fields["move_type"] == expected


def test_a_printed_label_that_says_whose_outweighs_a_bare_tooltip(tmp_path: Path) -> None:
    """Two fillable address boxes, both described only as an address; the words printed beside the second
    say it is where the other adult moved to: it is theirs, and the applicant's address is not in doubt."""
    path = tmp_path / "whose_address.pdf"
    c = _canvas(path, "Council Tax: claim a 25% discount because you live alone")
    form = c.acroForm
    y = H - 120
    for n, (printed, tip, value) in enumerate((
            ("Council Tax reference", "Council tax account reference", "40063682"),
            ("Applicant's name", "Applicant full name", "Miss Teresa Kaur"),
            ("Address of the property", "Address 1", "6 Victoria Terrace"),
            ("Post code", "Postcode", "LM1 1LJ"),
            ("You have lived alone since (date)", "Date became sole adult", "2026-06-20"),
            ("Name of the person who left", "Name", "Nathan Kaur"),
            ("Where did they move to? (address)", "Address", "22 Albion Street, Leeds, LS1 6AG"),
            ("Date signed", "Date", "11 November 2026")), start=1):
        c.setFont("Helvetica", 9)
        c.drawString(40, y + 4, printed)
        form.textfield(name=f"Text{n}", tooltip=tip, value=value, x=230, y=y, width=300, height=18)
        y -= 25
    c.save()
    out = _extraction(path)
    assert out.fields["other_adult_forwarding_address"].value == "22 Albion Street, Leeds, LS1 6AG"
    assert out.fields["address"].value == "6 Victoria Terrace" and out.fields["address"].confidence >= 0.9
    assert out.fields["postcode"].value == "LM1 1LJ" and out.fields["postcode"].confidence >= 0.9, out.notes


def test_a_label_with_its_value_level_with_it_is_no_caption_of_the_line_over_it(tmp_path: Path) -> None:
    """An address typed on three lines under its label, then "Postcode" with the postcode typed far right on
    its own line: the postcode is the label's, not a caption's answer over it (the address's last line)."""
    path = tmp_path / "postcode_level.pdf"
    c = _canvas(path, "Council Tax - Notification of a Change of Address")
    _put(c, ("Helvetica", 9, 56, 445, "Address"), *(("Courier", 10.5, 62, 464 + 15 * k, line) for k, line in
                                                    enumerate(("7 Sandpiper Walk", "Lark Meadows", "Larkmoor"))),
         ("Helvetica", 9, 56, 518, "Postcode"), ("Courier", 11, 304, 520, "LM2 3PS"),
         ("Helvetica", 9, 56, 560, "Date of your move"), ("Courier", 11, 304, 560, "07/02/2027"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Postcode") == "LM2 3PS", pairs


def test_a_prefix_printed_before_boxes_and_a_question_of_three_lines(tmp_path: Path) -> None:
    """ "Council tax account number   CT [61074162]": the printed "CT" is part of the answer's box, not its
    label; "From what date have you been the only / adult (aged 18 or over) living at this / address?" is a
    question of three lines, not a paragraph of notes, answered level with its second line."""
    path = tmp_path / "prefix.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    question = ("From what date have you been the only", "adult (aged 18 or over) living at this", "address?")
    _put(c, ("Helvetica", 8, 67, 180, "Council tax account number"), ("Helvetica-Bold", 10, 235, 181, "CT"),
         ("Courier-Bold", 11, 258, 181, "61074162"),
         *(("Helvetica", 8, 67, 397 + 9.5 * k, line) for k, line in enumerate(question)),
         ("Courier-Bold", 11, 238, 406, "13/06/2026"), ("Helvetica", 8, 67, 436, "Postcode"),
         ("Courier-Bold", 11, 238, 436, "FH9 2XL"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Council tax account number") == "61074162", pairs
    assert _answer(pairs, "From what date") == "13/06/2026"


def test_the_applicants_name_with_a_middle_name_over_the_shorter_one_signed(tmp_path: Path) -> None:
    """ "Applicant: Priya Anne Kowalski" and, under the declaration, "Signed (type your name): Priya Kowalski":
    one person, written more fully first; the name is the fuller, with no conflict."""
    path = tmp_path / "signed_name.pdf"
    c = _canvas(path, "Resident parking permit - application")
    form = c.acroForm
    y = H - 130
    for n, (tip, value) in enumerate((("Applicant", "Priya Anne Kowalski"), ("VRM", "S506SXM"),
                                      ("Permit zone", "B"), ("Signed (type your name)", "Priya Kowalski"),
                                      ("Date", "19/11/2026")), start=1):
        c.setFont("Helvetica", 9)
        c.drawString(40, y + 5, tip)
        form.textfield(name=f"Text{n}", tooltip=tip, value=value, x=220, y=y, width=250, height=18)
        y -= 30
    c.save()
    out = _extraction(path)
    name = out.fields["applicant_name"]
    assert name.value == "Priya Anne Kowalski" and name.confidence >= 0.9, out.notes


def test_a_label_wrapped_onto_a_line_level_with_the_answers_second_line(tmp_path: Path) -> None:
    """ "Address of the property you are claiming" / "for", the typed address's second line level with
    "for": one label, one answer of two lines (not "for" answered by the town)."""
    path = tmp_path / "wrapped_label.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    _put(c, ("Helvetica", 9, 68, 230, "Your name"), ("Courier", 10, 255, 232, "Ms Chloe Morris"),
         ("Helvetica", 9, 68, 277, "Address of the property you are claiming"), ("Helvetica", 9, 68, 288, "for"),
         ("Courier", 10, 255, 276, "10 Market Street"), ("Courier", 10, 255, 291, "Wexcombe"),
         ("Helvetica", 9, 68, 339, "Postcode"), ("Courier", 11, 255, 340, "WX1 4AY"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Address of the property") == "10 Market Street\nWexcombe", pairs
    assert not [p for p in pairs if p.answer == "Wexcombe"]


def _chars_in_boxes(c: Canvas, x: float, top: float, chars: str, *, font: tuple[str, float] = ("Helvetica", 11),
                    pitch: float = 17, box_height: float = 18,
                    slash: tuple[str, float, float, float] = ("Helvetica", 11, 2, 17)) -> float:
    """One character to a 15-point box from ``x``, a box every ``pitch`` points (a space leaves its box empty),
    each "/" printed between a date's boxes (``slash``: its font, size, offset and the room it takes). Text at
    ``top`` from the page's top, as :func:`_put` places it. Returns the x after the last box."""
    slash_font, slash_size, offset, step = slash
    for ch in chars:
        if ch == "/":
            _put(c, (slash_font, slash_size, x + offset, top, "/"))
            x += step
            continue
        c.rect(x, H - top - 5, 15, box_height)
        if ch != " ":
            _put(c, (font[0], font[1], x + 4, top, ch))
        x += pitch
    return x


def test_a_question_on_two_lines_beside_date_boxes_with_a_small_format_hint(tmp_path: Path) -> None:
    """ "2.1  From what date have you been the only adult" / "(aged 18 or over) living at the property?", the
    date one digit to a box level between the two lines and "DD / MM / YYYY" printed small after the boxes:
    one label, the date alone (the boxes are no tick boxes, the hint no part of the date)."""
    path = tmp_path / "date_boxes.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    _put(c, ("Helvetica", 8.5, 40, 200, "2.1"),
         ("Helvetica", 8.5, 54, 200, "From what date have you been the only adult"),
         ("Helvetica", 8.5, 40, 210, "(aged 18 or over) living at the property?"))
    x = _chars_in_boxes(c, 236, 205, "12/02/2026")
    _put(c, ("Helvetica", 6.5, x + 6, 204, "DD / MM / YYYY"))
    c.save()
    pairs = _pairs(path)
    [pair] = [p for p in pairs if p.answer.startswith("12")]
    assert pair.answer == "12/02/2026"
    assert pair.label == "From what date have you been the only adult (aged 18 or over) living at the property?"
    assert _fields(path)[1].get("sole_adult_since") == "2026-02-12"


def test_a_postcode_in_a_comb_with_empty_boxes_between_its_halves(tmp_path: Path) -> None:
    """ "O K 4 _ _ 5 U Z": the characters of one row of touching boxes are one answer, however many boxes
    are left empty, and the empty ones are the space between the halves."""
    path = tmp_path / "postcode_comb.pdf"
    c = _canvas(path, "Council Tax - Moving home")
    _put(c, ("Helvetica", 9, 40, 200, "Postcode of the address you are leaving"))
    _chars_in_boxes(c, 236, 200, "OK4  5UZ")
    c.save()
    assert _answer(_pairs(path), "Postcode of the address") == "OK4 5UZ"


def test_small_captions_under_answers_side_by_side(tmp_path: Path) -> None:
    """Answers on rules, each with a small caption under it; the phone left blank, the e-mail address typed
    over its caption "E-mail" to the right: the e-mail is E-mail's, not the answer "beside" "Phone no.", which
    is lower than it. A question in the captions' small print under a description of two lines is its caption."""
    path = tmp_path / "captions.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    c.setLineWidth(0.5)
    rows = ((115, "Council Tax account no.", "71314558"), (150, "Your name", "Olivia Whitlock"),
            (185, "Postcode", "OK6 2UE"))
    for top, caption, answer in rows:
        _put(c, ("Helvetica", 11, 42, top, answer))
        c.line(40, H - top - 3, 410, H - top - 3)
        _put(c, ("Helvetica", 7, 40, top + 12, caption))
    _put(c, ("Helvetica", 11, 42, 220, "We separated and Deborah has moved away permanently. Nobody else"),
         ("Helvetica", 11, 42, 238, "over 18 lives with me."))
    for top in (223, 241, 259):
        c.line(40, H - top, 410, H - top)
    _put(c, ("Helvetica", 7, 40, 268, "In your own words, what changed?"))
    _put(c, ("Helvetica", 11, 233, 300, "whitlock.family@example.net"))
    c.line(40, H - 303, 220, H - 303)
    c.line(231, H - 303, 410, H - 303)
    _put(c, ("Helvetica", 7, 40, 313, "Phone no."), ("Helvetica", 7, 231, 313, "E-mail"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "E-mail") == "whitlock.family@example.net", pairs
    assert _answer(pairs, "Phone") is None
    assert _answer(pairs, "In your own words") == ("We separated and Deborah has moved away permanently. Nobody else"
                                                   "\nover 18 lives with me.")


def test_fillable_boxes_that_share_one_tooltip_are_read_by_their_printed_labels(tmp_path: Path) -> None:
    """Every box's tooltip says "Please enter": the form tool's words, not any box's. Each box is read by the
    label printed over it, on page 2 too, where the new address's postcode is the only box; and that bare
    "Post code" under "New address" at the foot of page 1 is the new address's."""
    path = tmp_path / "please_enter.pdf"
    c = _canvas(path, "Council Tax - Tell us you are moving home")
    rows = (("Your name", "Ms Siobhan Shackleton"), ("Old address", "6 Union Street"), ("Post code", "BQ3 5AB"),
            ("New address", "99 Beech Grove"))
    top = 600.0
    for n, (label, value) in enumerate(rows, 1):
        _put(c, ("Helvetica", 9, 50, top, label))
        c.acroForm.textfield(name=f"Text{n}", tooltip="Please enter", value=value, x=50, y=H - top - 28,
                             width=300, height=18)
        top += 55
    c.showPage()
    _put(c, ("Helvetica", 9, 50, 90, "Post code"))
    c.acroForm.textfield(name="Text9", tooltip="Please enter", value="HX3 7UJ", x=50, y=H - 118, width=300,
                         height=18)
    c.save()
    pairs = _pairs(path)
    assert [p.label for p in pairs if p.how == "widget"] == [label for label, _ in rows] + ["Post code"]
    _, fields = _fields(path)
    assert (fields.get("previous_postcode"), fields.get("new_postcode")) == ("BQ3 5AB", "HX3 7UJ")


def test_captions_under_answers_over_a_shaded_part_heading(tmp_path: Path) -> None:
    """A caption under its answer line, with the next part's title on a shaded band right under the caption:
    the band is no answer box of the caption's. A postcode typed with a wide gap between its halves
    ("PR2     4DD") is one answer."""
    path = tmp_path / "band.pdf"
    c = _canvas(path, "Council Tax - Moving home")
    c.setDash(1, 1.5)
    answers = ((200, "Ryan Shackleton", "C3/Q3 Enw llawn / Full name"),
               (236, "07700 900669", "C4/Q4 Rhif ffôn / Phone number"),
               (330, "42547319", "C6/Q6 Rhif cyfrif / Account number"),
               (366, "PR2", "C8/Q8 Cod post / Postcode"))
    for top, answer, caption in answers:
        _put(c, ("Courier", 11.5, 50, top, answer))
        c.line(46, H - top - 3, 549, H - top - 3)
        _put(c, ("Helvetica", 7, 46, top + 13, caption))
    _put(c, ("Courier", 11.5, 85, 366, "4DD"))
    c.setDash()
    c.setFillGray(0.85)
    c.rect(46, H - 274, 503, 17, stroke=0, fill=1)
    c.setFillGray(0)
    _put(c, ("Helvetica-Bold", 9.5, 54, 268, "Rhan 3 Yr hen gyfeiriad / Part 3 Address you are leaving"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "C4/Q4") == "07700 900669", pairs
    assert _answer(pairs, "C8/Q8") == "PR2 4DD"


def test_a_label_whose_aside_closes_on_the_answers_line(tmp_path: Path) -> None:
    """ "Date of move (the date you get / give up" over "the keys)", the date typed level with the second line:
    the label is both lines."""
    path = tmp_path / "aside.pdf"
    c = _canvas(path, "Council Tax - Moving home")
    _put(c, ("Helvetica", 8, 60, 200, "Date of move (the date you get / give up"),
         ("Helvetica", 8, 60, 209.5, "the keys)"),
         ("Courier", 10.5, 240, 209, "06/09/2026"), ("Helvetica", 8, 60, 240, "Your full name"),
         ("Courier", 10.5, 240, 240, "Denise Haigh"))
    c.save()
    pairs = _pairs(path)
    [pair] = [p for p in pairs if p.answer == "06/09/2026"]
    assert pair.label == "Date of move (the date you get / give up the keys)"


def test_an_answer_of_two_lines_in_a_table_cell_is_not_a_label_over_a_value(tmp_path: Path) -> None:
    """A ruled table of number | question | answer | notes, the address typed on two lines of its cell with the
    postcode on the second: one answer, not "36 Victoria Terrace, Brackenholme" labelling "BQ2 9SU"."""
    path = tmp_path / "cell.pdf"
    c = _canvas(path, "Residents' parking permit application")
    columns = (36, 70, 300, 520, 590)
    rows = ((["No."], "Question", "Notes"), (["Bethany"], "Forename(s)", ""), (["Sutcliffe"], "Surname", ""),
            (["36 Victoria Terrace, Brackenholme", "BQ2 9SU"], "Address in the permit zone (including postcode)",
             "In zone"), (["07700900222"], "Contact telephone", ""))
    top = 104.0
    for n, (lines, question, note) in enumerate(rows):
        height = 34.0 if len(lines) > 1 else 21.0
        for x0, x1 in itertools.pairwise(columns):
            c.rect(x0, H - top - height, x1 - x0, height)
        if n == 0:
            _put(c, ("Helvetica-Bold", 8.5, 40, top + 13, "No."), ("Helvetica-Bold", 8.5, 74, top + 13, question),
                 ("Helvetica-Bold", 8.5, 304, top + 13, "Answer"), ("Helvetica-Bold", 8.5, 524, top + 13, note))
        else:
            _put(c, ("Helvetica", 8.5, 40, top + 13, str(n)), ("Helvetica", 8.5, 74, top + 13, question),
                 ("Helvetica", 6.5, 524, top + 13, note))
            for k, line in enumerate(lines):
                _put(c, ("Courier", 10, 304, top + 13 + 13 * k, line))
        top += height
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Address in the permit zone") == "36 Victoria Terrace, Brackenholme\nBQ2 9SU", pairs


def test_a_question_over_tick_boxes_set_in_from_the_first_box(tmp_path: Path) -> None:
    """ "Which zone are you applying for?" starts where the options' words do, right of the first box, with a
    hint in brackets between it and the row of boxes: it is the options' question, and the zone is read."""
    path = tmp_path / "zones.pdf"
    c = _canvas(path, "Residents' parking permit application")
    _put(c, ("Helvetica", 8.5, 57, 180, "Name of applicant"), ("Times-Roman", 11, 57, 196, "Mr Marek Holloway"),
         ("Helvetica-Bold", 8.5, 56, 230, "Which zone are you applying for?"),
         ("Helvetica-Oblique", 7, 42, 240, "(the zone is shown on the signs at the entry to your street)"))
    for x, zone in ((42, "A"), (104, "B"), (166, "C1"), (228, "D")):
        c.rect(x, H - 258, 11, 11)
        if zone == "D":
            _put(c, ("Helvetica", 8.5, x + 2, 255, "X"))
        _put(c, ("Helvetica", 8.5, x + 15, 255, f"Zone {zone}"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Which zone") == "Zone D", pairs
    assert _fields(path)[1].get("zone") == "D"


def test_a_bilingual_caption_in_small_print_under_a_postcode_after_a_previous_address(tmp_path: Path) -> None:
    """Labels beside their answers in 8.5 points, but the postcode and the move date captioned under their
    answer lines in 7.5 ("Cod post /" over "Postcode"): the caption names the field as plainly as the form's
    own labels do, and the postcode under "Previous address" is that address's, sure enough to go through."""
    path = tmp_path / "caption_small.pdf"
    c = _canvas(path, "Council Tax - Moving home / Symud cartref")
    _put(c, ("Helvetica-Oblique", 8.5, 48, 250, "Enw /"), ("Helvetica", 8.5, 48, 260, "Name"),
         ("Times-Roman", 11, 257, 258, "Mr Keith Pennington"),
         ("Helvetica-Oblique", 8.5, 48, 300, "Hen gyfeiriad /"), ("Helvetica", 8.5, 48, 310, "Previous address"),
         ("Times-Roman", 11, 257, 308, "119 Ferry Lane"), ("Times-Roman", 11, 257, 325, "Exeter"),
         ("Times-Roman", 11, 52, 379, "EX4 4UA"), ("Times-Roman", 11, 313, 379, "17th July 2026"),
         ("Helvetica-Oblique", 7.5, 48, 392, "Cod post /"), ("Helvetica-Oblique", 7.5, 309, 392, "Dyddiad symud /"),
         ("Helvetica", 7.5, 48, 401, "Postcode"), ("Helvetica", 7.5, 309, 401, "Date of move"),
         ("Helvetica-Oblique", 8.5, 48, 440, "Cyfeiriad newydd /"), ("Helvetica", 8.5, 48, 450, "New address"),
         ("Times-Roman", 11, 257, 448, "48 Ashworth Road"),
         ("Helvetica-Oblique", 8.5, 48, 480, "Cod post /"), ("Helvetica", 8.5, 48, 490, "Postcode"),
         ("Times-Roman", 11, 257, 488, "HZ9 5PD"))
    c.setLineWidth(0.5)
    for x0, x1 in ((48, 290), (309, 550)):
        c.line(x0, H - 382, x1, H - 382)
    c.save()
    out = _extraction(path)
    postcode = out.fields["previous_postcode"]
    assert postcode.value == "EX4 4UA" and postcode.confidence >= 0.8, out.notes
    assert out.fields["move_date"].value == "2026-07-17"


def _table_row(c: Canvas, top: float, height: float, columns: tuple[float, ...]) -> None:
    for x0, x1 in itertools.pairwise(columns):
        c.rect(x0, H - top - height, x1 - x0, height)


def test_a_numbered_question_table_with_values_one_character_to_a_box(tmp_path: Path) -> None:
    """A ruled table of numbered questions, answers typed one character to a box inside the answer cells
    ("Q V 1 _ 2 E U", "1 2 / 1 2 / 2 0 2 6" over "D D M M Y Y Y Y"): each cell's value is one value, the guide
    under the date's boxes is none of it, and "2 Address ..." over "3 Postcode" are two questions, not a row of
    labels over a row of answers."""
    path = tmp_path / "comb_table.pdf"
    c = _canvas(path, "Residents' parking permit application")
    columns = (38.0, 243.0, 557.0)
    _table_row(c, 168, 22, columns)
    _put(c, ("Helvetica", 8.5, 42, 182, "1  Full name"), ("Courier", 10.5, 251, 182, "RHYS EVANS"))
    _table_row(c, 190, 49, columns)
    _put(c, ("Helvetica", 8.5, 42, 204, "2  Address where the vehicle is kept overnight"),
         ("Courier", 10.5, 251, 204, "51 MILL LANE"), ("Courier", 10.5, 251, 218, "QUENBY"))
    _table_row(c, 239, 28, columns)
    _put(c, ("Helvetica-Bold", 8.5, 42, 256, "3"), ("Helvetica", 8.5, 52, 256, "Postcode"))
    _chars_in_boxes(c, 251, 257, "QV1 2EU", font=("Courier", 11), pitch=15)
    _table_row(c, 267, 36, columns)
    _put(c, ("Helvetica", 8.5, 42, 281, "4  Date you want the permit to start"))
    _chars_in_boxes(c, 251, 283, "12/12/2026", font=("Courier", 11), pitch=15, slash=("Helvetica", 10, 1, 8))
    _put(c, ("Helvetica", 5.5, 255, 299, "D  D      M  M      Y  Y  Y  Y"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "2 Address") == "51 MILL LANE\nQUENBY", pairs
    assert _answer(pairs, "3") == "QV1 2EU"
    assert _answer(pairs, "4 Date") == "12/12/2026"


def test_an_answer_beside_its_label_in_a_drawn_row_runs_onto_the_lines_under_it(tmp_path: Path) -> None:
    """A printed summary of an online form: each question and its answer in a drawn row, the address's lines
    under its first, level with the label: one answer of three lines, not the town under "Your address"."""
    path = tmp_path / "summary.pdf"
    c = _canvas(path, "Apply for a residents' parking permit")
    for top, height in ((198, 22), (222, 44), (266, 22)):
        c.rect(36, H - top - height, 523, height)
    _put(c, ("Helvetica-Bold", 8.5, 44, 213, "Name of applicant"), ("Helvetica", 9.5, 272, 213, "Mr Mark Li"),
         ("Helvetica-Bold", 8.5, 44, 235, "Your address"), ("Helvetica", 9.5, 272, 235, "69 St Anne's Road"),
         ("Helvetica", 9.5, 272, 246, "Quenby"), ("Helvetica", 9.5, 272, 257.5, "qv2 7sa"),
         ("Helvetica-Bold", 8.5, 44, 280, "Phone"), ("Helvetica", 9.5, 272, 280, "07700900709"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Your address") == "69 St Anne's Road\nQuenby\nqv2 7sa", pairs


def test_a_bilingual_part_heading_gives_its_addresses_their_role(tmp_path: Path) -> None:
    """ "Rhan 2:" in bold, then "Yr hen gyfeiriad / Part 2: Old address" on its line: one heading (never a label
    and its answer), and the bare "Cyfeiriad / Address" captions under it are the old and the new address."""
    path = tmp_path / "rhan.pdf"
    c = _canvas(path, "Rhoi gwybod i ni eich bod yn symud / Tell us you are moving")
    c.setLineWidth(0.5)

    def part(top: float, number: str, title: str) -> None:
        _put(c, ("Helvetica-Bold", 9.5, 55, top, f"Rhan {number}:"), ("Helvetica", 9.5, 99, top, title))

    def answer(top: float, lines: list[str], caption: str) -> None:
        for k, line in enumerate(lines):
            _put(c, ("Courier", 11.5, 53, top + 16 * k, line))
            c.line(50, H - top - 16 * k - 4, 400, H - top - 16 * k - 4)
        _put(c, ("Helvetica", 7, 50, top + 16 * (len(lines) - 1) + 13, caption))

    answer(150, ["Ms Aisha Sharma"], "Enw llawn / Full name")
    answer(185, ["25.10.2026"], "Dyddiad symud / Date of move")
    part(225, "2", "Yr hen gyfeiriad / Part 2: Old address")
    answer(250, ["3 Bridge End", "Kendal"], "Cyfeiriad / Address")
    answer(300, ["LA9 4DT"], "Cod post / Postcode")
    part(340, "3", "Y cyfeiriad newydd / Part 3: New address")
    answer(365, ["10 Station Road", "Quenby"], "Cyfeiriad / Address")
    answer(415, ["QV1 3EU"], "Cod post / Postcode")
    c.save()
    pairs = _pairs(path)
    assert not [p for p in pairs if p.label.startswith("Rhan")], pairs
    _, fields = _fields(path)
    assert (fields.get("previous_address"), fields.get("previous_postcode")) == ("3 Bridge End", "LA9 4DT")
    assert (fields.get("new_address"), fields.get("new_postcode")) == ("10 Station Road", "QV1 3EU")


def test_a_fillable_date_box_described_only_by_its_format_is_read_by_its_printed_label(tmp_path: Path) -> None:
    """A box named "Date1" with the tooltip "dd/mm/yyyy" under "Date you became the only adult living at the
    property": the date the adult left, not the date signed (the form's signature date is left blank)."""
    path = tmp_path / "date_format_tip.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    form = c.acroForm
    rows = (("Text1", "Council Tax reference", "Council Tax reference", "6536 1569"),
            ("Text2", "Name", "Name", "Mr Liam Jenkins"),
            ("Date1", "dd/mm/yyyy", "Date you became the only adult living at the property", "24-11-2026"),
            ("Date2", "Date signed", "Date signed", ""))
    top = 150.0
    for name, tip, printed, value in rows:
        _put(c, ("Helvetica", 7.5, 45, top, printed))
        form.textfield(name=name, tooltip=tip, value=value, x=45, y=H - top - 24, width=200, height=16)
        top += 45
    c.save()
    _, fields = _fields(path)
    assert fields.get("sole_adult_since") == "2026-11-24", fields
    assert "declaration_date" not in fields


def test_day_month_and_year_boxes_described_day_month_year_with_their_guide_under_them(tmp_path: Path) -> None:
    """ "Date" over three fillable boxes described "Day", "Month" and "Year", "DD MM YYYY" printed small under
    them: the parts' descriptions are labels of the date's parts (a whole date's format, "dd/mm/yyyy", would be
    none), and the date is one answer, the date signed."""
    path = tmp_path / "dmy_under.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    form = c.acroForm
    _put(c, ("Helvetica-Bold", 8, 36, 180, "Signed (type your name)"), ("Helvetica-Bold", 8, 300, 180, "Date"))
    form.textfield(name="Text20", value="Neil Delaney", x=36, y=H - 210, width=240, height=18)
    for k, (name, tip, value, guide) in enumerate((("Text21a", "Day", "13", "DD"), ("Text21b", "Month", "11", "MM"),
                                                   ("Text21c", "Year", "2026", "YYYY"))):
        form.textfield(name=name, tooltip=tip, value=value, x=300 + 36 * k, y=H - 210, width=30, height=18)
        _put(c, ("Helvetica", 6.5, 300 + 36 * k, 220, guide))
    c.save()
    pairs = _pairs(path)
    assert {p.label for p in pairs if p.answer == "13/11/2026"} == {"Date"}, pairs
    assert _fields(path)[1].get("declaration_date") == "2026-11-13"


def test_a_question_over_a_hint_and_date_boxes_with_their_guide_under_them(tmp_path: Path) -> None:
    """ "8. Date from which you have been the only adult ..." in bold, a sentence of guidance in small italics
    under it, the date one digit to a box, "D D M M Y Y Y Y" under the boxes: the guide is no caption nearer
    the date than its question."""
    path = tmp_path / "guide_under.pdf"
    c = _canvas(path, "Application for Single Person Discount")
    _put(c, ("Helvetica-Bold", 9, 40, 550, "8."),
         ("Helvetica-Bold", 9, 50, 550, "Date from which you have been the only adult (aged 18 or over) living at "
                                        "the property"),
         ("Helvetica-Oblique", 7.5, 40, 568, "We can only award the discount from the date you became the only "
                                             "adult living there."))
    _chars_in_boxes(c, 40, 585, "07/02/2026", font=("Courier-Bold", 11), pitch=15, box_height=19,
                    slash=("Helvetica", 12, 2, 10))
    _put(c, ("Helvetica", 6, 45, 598, "D  D      M  M      Y  Y  Y  Y"),
         ("Helvetica-Bold", 9, 40, 617, "9."),
         ("Helvetica-Bold", 9, 50, 617, "Full name of the adult who has left"),
         ("Courier", 10, 45, 635, "Adam Quigley"))
    c.save()
    pairs = _pairs(path)
    [pair] = [p for p in pairs if p.answer == "07/02/2026"]
    assert pair.label.startswith("Date from which you have been the only adult"), pairs
    assert _fields(path)[1].get("sole_adult_since") == "2026-02-07"



def test_a_question_table_numbered_q1_q2_with_options_printed_in_brackets(tmp_path: Path) -> None:
    """ "No. | Question | Your answer" over rows numbered "Q1", "Q2": the number's column is no question, and a
    cell of options printed with their boxes ("[ ] Moving in ... [X] Moving away") is read as ticked, not as
    words that mention both directions."""
    path = tmp_path / "q_table.pdf"
    c = _canvas(path, "Council Tax - Moving home")
    columns = (42.0, 74.0, 284.0, 554.0)
    rows = (("No.", "Question", "Your answer"),
            ("Q1", "Are you moving in or moving out? (tick one)", "[ ] Moving in to Stowbridge|[X] Moving away"),
            ("Q2", "Your name", "Amira Wainwright"), ("Q3", "Date of the move", "09/11/2026"),
            ("Q4", "Address you are leaving", "57 Sheepwash Lane"), ("Q5", "Its postcode", "SF9 9BR"))
    top = 110.0
    for n, cells in enumerate(rows):
        height = 34.0 if "|" in cells[2] else 22.0
        _table_row(c, top, height, columns)
        font = "Helvetica-Bold" if n == 0 else "Helvetica"
        for x, text in zip((46, 78, 288), cells, strict=True):
            for k, line in enumerate(text.split("|")):
                _put(c, (font if x < 288 or n == 0 else "Courier", 9, x, top + 14 + 12 * k, line))
        top += height
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Your name") == "Amira Wainwright", pairs
    assert not [p for p in pairs if p.label in {"Q1", "Q2", "Q3"}]
    assert _fields(path)[1].get("move_type") == "out"


def test_a_fillable_box_under_its_label_under_a_part_heading(tmp_path: Path) -> None:
    """ "Part B - Who lives there now" in bold, then "I have lived alone (no other over-18s) since (dd/mm/yyyy)"
    in small print right over an undescribed box: the small print is the box's label, not a hint under the
    heading (a part's heading asks nothing)."""
    path = tmp_path / "part_heading_box.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    form = c.acroForm
    _put(c, ("Helvetica", 8.5, 40, 110, "Account / reference no. (from your bill)"))
    form.textfield(name="fld_02", tooltip="Account / reference no. (from your bill)", value="4001 4627", x=40,
                   y=H - 138, width=240, height=18)
    _put(c, ("Helvetica-Bold", 10, 40, 300, "Part B - Who lives there now"),
         ("Helvetica", 8.5, 40, 316, "I have lived alone (no other over-18s) since (dd/mm/yyyy)"))
    form.textfield(name="fld_07", value="25/5/2026", x=40, y=H - 338, width=248, height=18)
    c.save()
    pairs = _pairs(path)
    [pair] = [p for p in pairs if p.answer == "25/5/2026"]
    assert pair.printed.startswith("I have lived alone"), pairs
    assert _fields(path)[1].get("sole_adult_since") == "2026-05-25"


def test_a_date_guide_lettered_box_by_box_and_a_numbered_question_under_an_empty_box(tmp_path: Path) -> None:
    # "D D M M Y Y Y Y", a small letter at the top of each of the date's boxes, between the question and the
    # date; and "9. Postcode" just under question 8's empty box, nearer it than its own answer
    path = tmp_path / "guide.pdf"
    c = _canvas(path, "Council Tax: Tell us about a change of address")
    _put(c, ("Helvetica-Bold", 10, 36, 100, "SECTION D THE PROPERTY YOU ARE MOVING TO"),
         ("Helvetica-Bold", 9, 40, 120, "8."), ("Helvetica-Bold", 9, 56, 120, "Address you are moving to"))
    c.rect(56, H - 178, 500, 46)
    _put(c, ("Helvetica-Bold", 9, 40, 190, "9."), ("Helvetica-Bold", 9, 56, 190, "Postcode"))
    _chars_in_boxes(c, 56, 216, "KF29HS  ", font=("Courier-Bold", 11), pitch=15)
    _put(c, ("Helvetica-Bold", 9, 40, 238, "10."), ("Helvetica-Bold", 9, 56, 238, "Date of the move"))
    x = 56.0
    for part, width in (("DD", 2), ("MM", 2), ("YYYY", 4)):
        for k, letter in enumerate(part):
            _put(c, ("Helvetica", 4.5, x + 15 * k + 6, 248, letter))
        x += 15 * width + 12
    _chars_in_boxes(c, 56, 263, "04/08/2026", font=("Courier-Bold", 11), pitch=15,
                    slash=("Helvetica", 12, 2, 12))
    c.save()
    _, fields = _fields(path)
    assert fields["new_postcode"] == "KF2 9HS" and fields["move_date"] == "2026-08-04"


def test_an_address_typed_over_three_lines_of_its_box_and_the_numbered_postcode_under_it(tmp_path: Path) -> None:
    # the address's lines typed one under another in a box (none of them a label of the next), and
    # "9. Postcode" just under the box's foot, nearer the address's last line than its own answer
    path = tmp_path / "typed.pdf"
    c = _canvas(path, "Council Tax: Tell us about a change of address")
    _put(c, ("Helvetica-Bold", 10, 36, 100, "SECTION D THE PROPERTY YOU ARE MOVING TO"),
         ("Helvetica-Bold", 9, 40, 120, "8."), ("Helvetica-Bold", 9, 56, 120, "Address you are moving to"))
    c.rect(56, H - 178, 500, 46)
    _put(c, ("Courier", 10, 61, 145, "8 Orchard Close"), ("Courier", 10, 61, 158, "Wenham Magna"),
         ("Courier", 10, 61, 171, "Kestrelford"))
    _put(c, ("Helvetica-Bold", 9, 40, 190, "9."), ("Helvetica-Bold", 9, 56, 190, "Postcode"))
    _chars_in_boxes(c, 56, 216, "KF98GT  ", font=("Courier-Bold", 11), pitch=15)
    _put(c, ("Helvetica-Bold", 9, 40, 238, "10."), ("Helvetica-Bold", 9, 56, 238, "Date of the move"))
    _chars_in_boxes(c, 56, 263, "09/07/2026", font=("Courier-Bold", 11), pitch=15,
                    slash=("Helvetica", 12, 2, 12))
    c.save()
    _, fields = _fields(path)
    assert fields["new_address"] == "8 Orchard Close" and fields["new_postcode"] == "KF9 8GT"
    assert _answer(_pairs(path), "Address you are moving to") == "8 Orchard Close\nWenham Magna\nKestrelford"


def test_a_bilingual_table_row_answered_over_a_row_left_blank(tmp_path: Path) -> None:
    # each question in Welsh (bold) over English (roman); "Name of the adult who moved out | Oliver Bowen" over
    # "That adult's new address | (blank)": the row under is the next question, though the word counts make
    # Welsh the cell's main type in one label and English in the other
    path = tmp_path / "dwyieithog.pdf"
    c = _canvas(path, "Cais am Ostyngiad Person Sengl / Single Person Discount Application")
    columns = (40.0, 240.0, 555.0)
    c.rect(40, H - 130, 515, 18)
    _put(c, ("Helvetica-Bold", 9, 46, 124, "Adran 2 - Eich aelwyd | Section 2 - Your household"))
    rows = (("Dyddiad y daethoch yn unig oedolyn", "Date you became the sole adult", "22nd May 2026"),
            ("Enw'r oedolyn a symudodd allan", "Name of the adult who moved out", "Oliver Bowen"),
            ("Cyfeiriad newydd yr oedolyn hwnnw", "That adult's new address", ""),
            ("Beth sydd wedi newid?", "What has changed?", "My daughter has moved out to live with family."))
    for k, (welsh, english, answer) in enumerate(rows):
        top = 130 + 28 * k
        _table_row(c, top, 28, columns)
        _put(c, ("Helvetica-Bold", 8.5, 45, top + 11, welsh), ("Helvetica", 8.5, 45, top + 21, english))
        if answer:
            _put(c, ("Helvetica", 10, 246, top + 13, answer))
    c.save()
    assert _answer(_pairs(path), "Enw'r oedolyn") == "Oliver Bowen"
    _, fields = _fields(path)
    assert fields["other_adult_name"] == "Oliver Bowen"


def test_a_declarations_words_across_a_table_make_the_date_under_them_the_date_signed(tmp_path: Path) -> None:
    # "I declare that ..." in a row across the table (read as the heading over what follows), then "Date"
    path = tmp_path / "declare.pdf"
    c = _canvas(path, "Gostyngiad Person Sengl / Single Person Discount")
    columns = (40.0, 300.0, 555.0)
    rows = (("Your name / Eich enw", "Dr Joanne Nolan"), ("Council Tax account number", "4081 2234"),
            ("Date you became the only adult living at the property", "16/04/2026"))
    for k, (label, answer) in enumerate(rows):
        _table_row(c, 120 + 24 * k, 24, columns)
        _put(c, ("Helvetica", 8.5, 45, 135 + 24 * k, label), ("Helvetica", 10, 306, 135 + 24 * k, answer))
    _table_row(c, 200, 24, (40.0, 555.0))
    _put(c, ("Helvetica", 8.5, 45, 215, "I declare that the information on this form is correct. I will tell the "
                                        "council if my circumstances change."))
    _table_row(c, 224, 24, columns)
    _put(c, ("Helvetica", 8.5, 45, 239, "Date / Dyddiad"), ("Helvetica", 10, 306, 239, "2026-11-08"))
    c.save()
    signed = _extraction(path).fields["declaration_date"]
    assert signed.value == "2026-11-08" and signed.confidence >= 0.8


def test_a_tick_larger_than_its_box_and_an_address_captioned_under_its_last_line(tmp_path: Path) -> None:
    # captions under the lines they name; the tick (a dingbat set larger than its box) overhangs the box; the
    # new address's three lines sit between the old postcode's caption (its line left blank) and their own
    path = tmp_path / "captions.pdf"
    c = _canvas(path, "Change of address: Council Tax")
    _put(c, ("Helvetica", 8.5, 53, 165, "1 Are you moving in or out?"))
    for x, option in ((50, "In"), (200, "Out")):
        c.rect(x, H - 185, 13, 13)
        _put(c, ("Helvetica", 8.5, x + 18, 182, option))
    _put(c, ("ZapfDingbats", 14, 51, 184, "4"))
    c.line(40, H - 230, 300, H - 230)
    _put(c, ("Helvetica", 7, 40, 238, "6 Old postcode"))
    for k, line in enumerate(("54 Windmill Hill", "Upper Wickhurst", "Wickhurst")):  # each on its own rule
        _put(c, ("Courier", 10, 42, 252 + 20 * k, line))
        c.line(40, H - 256 - 20 * k, 300, H - 256 - 20 * k)
    _put(c, ("Helvetica", 7, 40, 302, "7 New address"))
    _put(c, ("Courier", 10, 42, 325, "rm9 8lq"))
    c.line(40, H - 329, 300, H - 329)
    _put(c, ("Helvetica", 7, 40, 337, "8 New postcode"))
    _put(c, ("Courier", 10, 42, 362, "23.11.2026"))
    c.line(40, H - 366, 300, H - 366)
    _put(c, ("Helvetica", 7, 40, 374, "2 Date of move"))
    for k, (answer, caption) in enumerate((("Mrs Lucy Bright", "3 Full name"), ("07700 900123", "9 Telephone"),
                                           ("lbright@example.org", "10 Email"))):
        _put(c, ("Courier", 10, 42, 399 + 37 * k, answer))
        c.line(40, H - 403 - 37 * k, 300, H - 403 - 37 * k)
        _put(c, ("Helvetica", 7, 40, 411 + 37 * k, caption))
    c.save()
    _, fields = _fields(path)
    assert fields["move_type"] == "in"
    assert fields["new_address"] == "54 Windmill Hill" and fields["new_postcode"] == "RM9 8LQ"


def test_a_name_in_three_fillable_boxes_each_captioned_in_small_print_under_the_question(tmp_path: Path) -> None:
    # "3. Your name" over "Title | First name(s) | Surname" in small print, a box under each; the title's box
    # described only by the form tool's "Enter text"
    path = tmp_path / "name_parts.pdf"
    c = _canvas(path, "Council Tax - tell us you are moving")
    _put(c, ("Helvetica-Bold", 9, 40, 110, "2."), ("Helvetica-Bold", 9, 58, 110, "Date of move"))
    c.acroForm.textfield(name="untitled24", value="10 October 2026", x=58, y=H - 138, width=150, height=18)
    _put(c, ("Helvetica-Bold", 9, 40, 160, "3."), ("Helvetica-Bold", 9, 58, 160, "Your name"),
         ("Helvetica", 7, 58, 175, "Title"), ("Helvetica", 7, 128, 175, "First name(s)"),
         ("Helvetica", 7, 328, 175, "Surname"))
    for name, tip, x, w, value in (("untitled31", "Enter text", 58, 60, "Mr"), ("untitled28", None, 128, 190, "Liam"),
                                   ("untitled10", None, 328, 227, "Castle")):
        c.acroForm.textfield(name=name, tooltip=tip, value=value, x=x, y=H - 202, width=w, height=18)
    c.save()
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Mr Liam Castle"


def test_a_date_in_three_fillable_boxes_whatever_printed_words_the_month_and_year_are_given(tmp_path: Path) -> None:
    # only the day's box is described ("Start date"); "DD MM YYYY" is printed over the boxes and the next
    # part's "Zones" note sits just over the year's box
    path = tmp_path / "date_parts.pdf"
    c = _canvas(path, "Residents' parking permit application")
    _put(c, ("Helvetica-Bold", 9, 40, 100, "Vehicle registration"))
    c.acroForm.textfield(name="fill_9", tooltip="Vehicle registration", value="BF15 UWG", x=207, y=H - 108,
                         width=150, height=16)
    _put(c, ("Helvetica", 7, 290, 128, "Zones"), ("Helvetica", 7, 207, 128, "DD MM YYYY"))
    for name, tip, x, value in (("fill_12", "Start date", 207, "16"), ("fill_13", None, 245, "12"),
                                ("fill_14", None, 283, "2026")):
        c.acroForm.textfield(name=name, tooltip=tip, value=value, x=x, y=H - 148, width=34, height=16)
    _put(c, ("Helvetica-Bold", 9, 40, 144, "Start date"))
    c.save()
    _, fields = _fields(path)
    assert fields["start_date"] == "2026-12-16"


def test_a_date_captioned_under_its_guide_which_shares_a_line_with_another_caption(tmp_path: Path) -> None:
    # "11/11/2026" written over "Signature of applicant ... D D M M Y Y Y Y", then "Date (DD/MM/YYYY)"
    path = tmp_path / "signed.pdf"
    c = _canvas(path, "Council Tax - Application for Single Person Discount")
    _put(c, ("Helvetica-Bold", 9.5, 42, 60, "PART 4 DECLARATION"),
         ("Helvetica", 8.5, 40, 75, "I declare that the information I have given on this form is correct."),
         ("Helvetica", 12, 336, 137, "11/11/2026"), ("Helvetica", 7.5, 40, 150, "Signature of applicant"))
    c.line(330, H - 141, 470, H - 141)
    for k, letter in enumerate("DDMMYYYY"):
        _put(c, ("Helvetica", 6, 330 + 9 * k, 150, letter))
    _put(c, ("Helvetica", 7.5, 330, 158, "Date (DD/MM/YYYY)"))
    c.save()
    assert _answer(_pairs(path), "Date (DD/MM/YYYY)") == "11/11/2026"


def test_a_receipt_question_with_its_hint_in_one_run_and_a_paragraph_run_in_under_an_answer(tmp_path: Path) -> None:
    # a printed online form: each question in bold, its answer under it; one question carries its hint in the
    # same run; under the last answer a paragraph begins "What happens next" in small print
    path = tmp_path / "receipt.pdf"
    c = _canvas(path, "Apply for a single person discount")
    rows = (("What is your Council Tax account reference? You can find it on the top right of your bill.",
             "CT66877494"), ("Your full name", "Jane Pickering"), ("Postcode", "ty6 8ls"),
            ("Date of declaration", "2026-11-22"))
    for k, (question, answer) in enumerate(rows):
        _put(c, ("Helvetica-Bold", 9, 44, 110 + 40 * k, question), ("Helvetica", 10, 56, 125 + 40 * k, answer))
    _put(c, ("Helvetica", 7.5, 44, 290, "What happens next"),
         ("Helvetica", 7.5, 113, 290, "we aim to process your request within 10 working days. We will write to you "
                                      "if we need more information."))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "What is your Council Tax account reference?") == "CT66877494"
    assert _answer(pairs, "Date of declaration") == "2026-11-22"


def test_two_fillable_dates_described_alike_are_told_apart_by_their_printed_labels(tmp_path: Path) -> None:
    # both boxes' tooltips say only "Date (dd/mm/yyyy)"; the printed labels say which date each is; the
    # declaration is an "I agree" tick box's option, wrapped onto a second line under "4. Declaration"
    path = tmp_path / "two_dates.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    _put(c, ("Helvetica-Bold", 10.5, 36, 100, "2. Your circumstances"),
         ("Helvetica", 8.5, 40, 124, "Date you became the only adult"))
    c.acroForm.textfield(name="Date1", tooltip="Date (dd/mm/yyyy)", value="11-08-2026", x=200, y=H - 128,
                         width=150, height=16)
    _put(c, ("Helvetica-Bold", 10.5, 36, 160, "4. Declaration"))
    c.acroForm.checkbox(name="Check Box1", tooltip="I agree", checked=True, x=40, y=H - 186, size=10)
    _put(c, ("Helvetica", 8, 58, 184, "I declare that I am the only adult living at the address above and that the "
                                      "information on this form is correct. I will tell the Council within 21"),
         ("Helvetica", 8, 58, 194, "days if my circumstances change."), ("Helvetica", 8.5, 166, 220, "Date *"))
    c.acroForm.textfield(name="Date2", tooltip="Date (dd/mm/yyyy)", value="2026-12-01", x=200, y=H - 224,
                         width=150, height=16)
    c.save()
    out = _extraction(path)
    assert out.fields["sole_adult_since"].value == "2026-08-11"
    signed = out.fields["declaration_date"]
    assert signed.value == "2026-12-01" and signed.confidence >= 0.8, out.notes


def _dotted(c: Canvas, x: float, top: float, label: str, to: float, answer: str = "", size: float = 7.5) -> None:
    """A label, its leader of dots a space apart (". . . . :") up to ``to``, and the answer typed after it."""
    c.setFont("Helvetica", size)
    c.drawString(x, H - top, label)
    dot = c.stringWidth(label, "Helvetica", size) + x + 4
    while dot < to - 6:
        c.drawString(dot, H - top, ".")
        dot += 4.2
    c.drawString(to - 2, H - top, ":")
    if answer:
        _put(c, ("Courier", 9, to + 6, top + 1.4, answer))


def test_a_landscape_form_in_two_columns_with_leaders_of_spaced_dots(tmp_path: Path) -> None:
    # labels and answers side by side, joined by leaders of dots a space apart; a column of labels at one
    # margin (not running text); a wrapped question answered level with its second line; options in brackets
    # under a question; a signature typed after its leader in the next column, beside Section B's heading
    path = tmp_path / "landscape.pdf"
    c = Canvas(str(path), pagesize=(842, H), invariant=1)  # (as wide as A4 is tall: two columns)
    _put(c, ("Helvetica-Bold", 14, 22, 30, "CARROW VALE COUNCIL"),
         ("Helvetica-Bold", 11, 600, 30, "Council Tax - Single Person Discount application"),
         ("Helvetica-Bold", 8.5, 22, 90, "Section A - Your Council Tax account"),
         ("Helvetica-Bold", 8.5, 440, 160, "Section D - Declaration"),
         ("Helvetica-Bold", 8.5, 22, 190, "Section B - About the change"))
    _dotted(c, 22, 105, "Council Tax account number *", 205, "61568179")
    _dotted(c, 22, 118, "Full name of applicant (including title) *", 205, "Liam Lomax")
    _dotted(c, 22, 131, "Address of the property *", 205, "1 Canal Street")
    _dotted(c, 22, 144, "Postcode *", 205, "CV1 2DN")
    _put(c, ("Helvetica", 7.5, 440, 176, "I declare that the information I have given on this form is true."))
    _dotted(c, 440, 212, "Signature", 530)
    _put(c, ("Times-BoldItalic", 13, 538, 211, "Liam Lomax"))
    _dotted(c, 440, 226, "Date", 530, "02/12/2026")
    _put(c, ("Helvetica", 7.5, 22, 211, "Date from which you have been the only adult (18"))
    _dotted(c, 22, 220, "or over) living at the property *", 205, "17/10/2026")
    _dotted(c, 22, 233, "Full name of the adult who has left", 205, "Janet Lomax")
    _dotted(c, 22, 246, "Their forwarding address (if known)", 205, "31 Chorley New Road, Bolton BL1 8SB")
    _dotted(c, 22, 259, "Tell us what changed", 205, "My wife and I have separated.")
    _put(c, ("Helvetica-Bold", 8.5, 22, 296, "Section C - Other people"),
         ("Helvetica", 7.5, 22, 312, "Does anyone aged 18 or over still live with you?"))
    _dotted(c, 22, 321, "(Yes / No)", 205, "No")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Full name of the adult who has left") == "Janet Lomax"
    assert _answer(pairs, "Date from which you have been the only adult (18 or over)") == "17/10/2026"
    assert _answer(pairs, "Does anyone aged 18 or over still live with you?") == "No"
    sections = {p.answer: p.section for p in pairs}
    assert sections["02/12/2026"] == "Section D - Declaration"  # the signature is no heading, Section B not its
    assert sections["Janet Lomax"] == "Section B - About the change"
    form_type, fields = _fields(path)
    assert form_type == "council_tax_spd"
    assert fields["sole_adult_since"] == "2026-10-17" and fields["other_adult_name"] == "Janet Lomax"
    assert fields["declaration_date"] == "2026-12-02" and fields["account_ref"] == "61568179"


def test_an_account_number_in_boxes_under_its_question_with_the_next_numbered_question_under_them(
        tmp_path: Path) -> None:
    # "2.1 Council Tax account number (if you have one)" over its boxes, "2.2 Title" just under them: the next
    # question, not a caption; the address left is asked "(leave blank if you are moving into the borough)"
    # under "Section 3 The address you are leaving"; the other adult's-style address written on two lines
    path = tmp_path / "sections.pdf"
    c = _canvas(path, "Council Tax - Change of Address (moving in or out)")
    _put(c, ("Helvetica-Bold", 10.5, 48, 100, "Section 1 Are you moving in or out?"),
         ("Helvetica-Bold", 9, 72, 118, "X"), ("Helvetica", 9, 84, 118, "I am moving OUT of a property in the area"),
         ("Helvetica-Bold", 10.5, 48, 140, "Section 2 About you"),
         ("Helvetica-Bold", 9, 42, 156, "2.1"),
         ("Helvetica", 9, 64, 156, "Council Tax account number (if you have one)"))
    c.rect(70, H - 121, 9, 9)
    _boxes(c, 64, H - 190, "60998103")
    _put(c, ("Helvetica-Bold", 9, 42, 198, "2.2"), ("Helvetica", 9, 64, 198, "Title"),
         ("Helvetica-Bold", 9, 122, 198, "2.3"), ("Helvetica", 9, 144, 198, "Forename(s)"),
         ("Helvetica-Bold", 9, 322, 198, "2.4"), ("Helvetica", 9, 344, 198, "Surname"),
         ("Courier", 10, 68, 214, "Miss"), ("Courier", 10, 127, 214, "Zofia"), ("Courier", 10, 330, 214, "Thornton"))
    for x0, x1 in ((64, 108), (122, 302), (322, 540)):
        c.rect(x0, H - 220, x1 - x0, 16)
    _put(c, ("Helvetica-Bold", 10.5, 48, 250, "Section 3 The address you are leaving"),
         ("Helvetica-Bold", 9, 42, 266, "3.1"),
         ("Helvetica", 9, 64, 266, "Address (leave blank if you are moving into the borough from elsewhere)"),
         ("Courier", 10, 68, 284, "Flat 8, Linden House"), ("Courier", 10, 68, 298, "Church Street"),
         ("Helvetica-Bold", 9, 42, 320, "3.2"), ("Helvetica", 9, 64, 320, "Postcode"),
         ("Helvetica-Bold", 10.5, 48, 360, "Section 4 Your new address"),
         ("Helvetica-Bold", 9, 42, 376, "4.1"),
         ("Helvetica", 9, 64, 376, "Address you are moving to (for a move out, your forwarding address)"),
         ("Courier", 10, 68, 394, "Flat 1, Kestrel Court"), ("Courier", 10, 68, 408, "Station Road"),
         ("Helvetica-Bold", 9, 42, 430, "4.2"), ("Helvetica", 9, 64, 430, "Postcode"),
         ("Helvetica-Bold", 9, 42, 470, "5.1"), ("Helvetica", 9, 64, 470, "Date you moved, or will move"),
         ("Courier", 10, 68, 486, "23/11/2026"), ("Helvetica-Bold", 9, 42, 510, "6.1"),
         ("Helvetica", 9, 64, 510, "Date signed"), ("Courier", 10, 68, 526, "01/12/2026"))
    c.rect(64, H - 304, 300, 30)
    c.rect(64, H - 414, 300, 30)
    _boxes(c, 64, H - 338, "WL1 8HJ")
    _boxes(c, 64, H - 448, "WL2 6WZ")
    c.save()
    form_type, fields = _fields(path)
    assert form_type == "council_tax_move"
    assert fields["account_ref"] == "60998103"
    assert fields["previous_address"] == "Flat 8, Linden House" and fields["previous_postcode"] == "WL1 8HJ"
    assert fields["new_address"] == "Flat 1, Kestrel Court" and fields["new_postcode"] == "WL2 6WZ"


def test_a_question_starred_before_its_aside_in_small_print(tmp_path: Path) -> None:
    # "11 Which permit zone do you live in? * (shown on the zone entry signs, e.g. A, B, C1)" in a grey band,
    # "B" in italics under it; "1 Council Tax account number * (8 digits, ...)" over its boxes
    path = tmp_path / "starred.pdf"
    c = _canvas(path, "Application for a Single Person Discount")
    for top, number, question, aside in ((100, "1", "Council Tax account number *", "(8 digits, shown at the top of "
                                          "your bill)"),
                                         (160, "11", "Which permit zone do you live in? *", "(shown on the zone entry "
                                          "signs, e.g. A, B, C1)")):
        c.setFillGray(0.88)
        c.rect(40, H - top - 4, 500, 14, stroke=0, fill=1)
        c.setFillGray(0.0)
        at = 46 + c.stringWidth(number, "Helvetica-Bold", 7.5) + 3.5
        _put(c, ("Helvetica-Bold", 7.5, 46, top, number), ("Helvetica-Bold", 7.5, at, top, question))
        x = at + c.stringWidth(question, "Helvetica-Bold", 7.5) + 4
        _put(c, ("Helvetica", 5.5, x, top, aside))
    _put(c, ("Helvetica", 12, 53, 122, "6 1 2 1 0 5 3 2"), ("Times-Italic", 11.5, 48, 180, "B"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "11 Which permit zone do you live in?") == "B"
    assert (_answer(pairs, "1 Council Tax account number") or "").replace(" ", "") == "61210532"


def test_a_forwarding_address_on_lines_reads_as_written_on_one(tmp_path: Path) -> None:
    # the other adult's new address typed in a box on two lines: its lines joined as an address is, by commas
    path = tmp_path / "forwarding.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount application")
    _put(c, ("Helvetica", 9, 64, 100, "Your Council Tax account number"), ("Courier", 10, 68, 116, "46823785"),
         ("Helvetica", 9, 64, 140, "Full name of the adult who has left"), ("Courier", 10, 68, 156, "Helen Vaughan"),
         ("Helvetica", 9, 64, 180, "Their forwarding address, if known"), ("Courier", 10, 68, 196, "3 Station Road"),
         ("Courier", 10, 68, 210, "Westerleigh, WL2 3JL"))
    c.rect(64, H - 216, 300, 30)
    c.save()
    _, fields = _fields(path)
    assert fields["other_adult_forwarding_address"] == "3 Station Road, Westerleigh, WL2 3JL"
    # written on one line and wrapped at the column's edge between the postcode's halves: the postcode one
    path = tmp_path / "one_line.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount application")
    _put(c, ("Helvetica", 9, 64, 100, "Your Council Tax account number"), ("Courier", 10, 68, 116, "46823785"),
         ("Helvetica", 9, 64, 140, "Full name of the adult who has left"), ("Courier", 10, 68, 156, "Helen Vaughan"),
         ("Helvetica", 9, 64, 180, "Their forwarding address, if known"),
         ("Courier", 10, 68, 196, "112 Bowerham Road, Lancaster LA1"), ("Courier", 10, 68, 208, "4XE"))
    c.save()
    _, fields = _fields(path)
    assert fields["other_adult_forwarding_address"] == "112 Bowerham Road, Lancaster LA1 4XE"


def test_an_address_in_fillable_lines_is_its_first_line_whatever_the_second_holds(tmp_path: Path) -> None:
    # "Address line 1" holds the flat and its building, "Address line 2" the street: the second line's label
    # reads like the first's, yet it is no rival for the address (no "different values were found")
    path = tmp_path / "lines.pdf"
    c = _canvas(path, "Residents' Parking Permit application")
    for k, (label, value) in enumerate((("Full name", "Miss Ruth Chaudhry"), ("Address line 1", "Flat 2, Linden House"),
                                        ("Address line 2", "Church Street"), ("Town", "Westerleigh"),
                                        ("Postcode", "WL1 8HJ"), ("Registration mark", "DR23 YDY"))):
        _put(c, ("Helvetica", 9, 50, 110 + 26 * k, label))
        c.acroForm.textfield(name=f"Text{k + 1}", tooltip=label, value=value, x=180, y=H - 114 - 26 * k, width=200,
                             height=16)
    c.save()
    out = _extraction(path)
    address = out.fields["address"]
    assert address.value == "Flat 2, Linden House" and address.confidence >= 0.8, out.notes


def test_a_tick_box_crossed_corner_to_corner_past_its_edges(tmp_path: Path) -> None:
    # the cross drawn as two strokes a point past each corner of the 10-point box (not a shaded box)
    path = tmp_path / "crossed.pdf"
    c = _canvas(path, "Council Tax: tell us about a change of address")
    _put(c, ("Times-Bold", 10, 50, 120, "1."), ("Times-Bold", 10, 66, 120, "Are you moving in or out?"),
         ("Times-Roman", 10, 90, 140, "Moving into a property in Sedgemere"),
         ("Times-Roman", 10, 90, 157, "Moving out of a property in Sedgemere"))
    for top in (131, 148):
        c.rect(72, H - top - 10, 10, 10)
    c.line(71, H - 159, 83, H - 147)
    c.line(71, H - 147, 83, H - 159)
    c.save()
    assert _answer(_pairs(path), "Are you moving in or out?") == "Moving out of a property in Sedgemere"


def test_a_sentence_written_in_larger_than_the_labels_is_an_answer_not_a_hint(tmp_path: Path) -> None:
    # the only values the form's answers give away are in boxes (account, postcode: 12-point), so the italic
    # answers are not known for answers; "Sadly my wife ... 2026." is a sentence smaller than the boxes' type,
    # yet far larger than the 7.5 to 9-point labels: written in, not a hint under the question
    path = tmp_path / "bands.pdf"
    c = _canvas(path, "Application for a Single Person Discount")
    _put(c, ("Helvetica-Bold", 9, 46, 100, "1 Council Tax account number"),
         ("Helvetica", 12, 53, 118, "6 1 5 0 9 7 6 7"), ("Helvetica-Bold", 9, 46, 140, "6 Postcode"),
         ("Helvetica", 12, 53, 158, "C V 3   1 H P"),
         ("Helvetica-Bold", 9, 46, 180, "10 Who has moved out?"), ("Times-Italic", 11.5, 48, 198, "Joanne Pilkington"),
         ("Helvetica-Bold", 9, 46, 222, "11 Where have they moved to?"),
         ("Helvetica-Bold", 9, 46, 264, "12 Tell us what changed"),
         ("Times-Italic", 11.5, 48, 282, "Sadly my wife Joanne passed away on 23rd May 2026."))
    c.save()
    assert _answer(_pairs(path), "12 Tell us what changed") == "Sadly my wife Joanne passed away on 23rd May 2026."


@pytest.mark.parametrize(("direction", "here", "there"), [("out", "previous", "new"), ("in", "new", "previous")])
def test_addresses_named_by_place_follow_the_moves_direction(tmp_path: Path, direction: str, here: str,
                                                              there: str) -> None:
    # "Section B - The property in Formwick" and "Section C - Your other address": the council's property is
    # the one left when moving out and the new one when moving in; the other address is the other one
    path = tmp_path / "places.pdf"
    c = _canvas(path, "Council Tax - tell us you are moving home")
    _put(c, ("Helvetica-Bold", 8.5, 22, 90, "Section A - About you"))
    _dotted(c, 22, 105, "Full name of person responsible for the bill *", 205, "Piotr Doyle")
    _dotted(c, 22, 118, "Are you moving in or out? *", 205, f"Moving {direction}")
    _put(c, ("Helvetica-Bold", 8.5, 22, 150, "Section B - The property in Formwick"),
         ("Helvetica", 7.5, 22, 165, "Address of the Formwick property you are"))
    _dotted(c, 22, 174, "moving into or out of *", 205, "24 Mill Lane")
    _dotted(c, 22, 187, "Postcode *", 205, "FW3 7LN")
    _dotted(c, 22, 200, "Date you moved in or out (or will move) *", 205, "07-11-2026")
    _put(c, ("Helvetica-Bold", 8.5, 22, 230, "Section C - Your other address"),
         ("Helvetica-Oblique", 7.5, 22, 244, "If you are moving out, give your forwarding address. If you are moving "
                                             "in, give the address you have come from."))
    _dotted(c, 22, 260, "Address", 120, "15 Heaton Moor Road")
    _dotted(c, 22, 273, "Postcode", 120, "SK4 2PQ")
    _dotted(c, 22, 300, "Date", 120, "18-11-2026")
    c.save()
    form_type, fields = _fields(path)
    assert form_type == "council_tax_move" and fields["move_type"] == direction
    assert (fields[f"{here}_address"], fields[f"{here}_postcode"]) == ("24 Mill Lane", "FW3 7LN")
    assert (fields[f"{there}_address"], fields[f"{there}_postcode"]) == ("15 Heaton Moor Road", "SK4 2PQ")


def test_an_x_typed_in_a_box_hard_against_the_option_before_it(tmp_path: Path) -> None:
    # "[ ] Symud i mewn / Moving in[X] Symud allan / Moving out": the X touches "in", the box's left edge
    # under the last letter; under a bilingual part heading of more than twelve words in all, "|" between
    path = tmp_path / "tick.pdf"
    c = _canvas(path, "Treth y Cyngor - Council Tax - Tell us you are moving home")
    _put(c, ("Helvetica-Bold", 8.6, 40, 100, "Ydych chi'n symud i mewn neu allan?"),
         ("Helvetica", 8.6, 40, 110, "Are you moving in or out?"))
    c.rect(258, H - 109, 13, 13)
    c.rect(388, H - 109, 13, 13)
    c.setFont("Helvetica", 8.6)
    end = 388.5
    c.drawRightString(end, H - 105, "Symud i mewn / Moving in")
    _put(c, ("Courier-Bold", 10.4, 390.6, 105, "X"), ("Helvetica", 8.6, 406, 105, "Symud allan / Moving out"),
         ("Helvetica-Bold", 9.5, 46, 140, "Adran 2 - Yr eiddo rydych yn ei adael | Section 2 - The property you are "
                                          "leaving"),
         ("Helvetica-Bold", 8.5, 40, 160, "Cyfeiriad"), ("Helvetica", 8.5, 40, 170, "Address"),
         ("Courier", 10, 264, 163, "48 Church Street"), ("Helvetica-Bold", 8.5, 40, 200, "Cod post"),
         ("Helvetica", 8.5, 40, 210, "Postcode"), ("Courier", 10, 264, 203, "DT4 6LT"))
    c.save()
    form_type, fields = _fields(path)
    assert form_type == "council_tax_move" and fields["move_type"] == "out"
    assert fields["previous_address"] == "48 Church Street" and fields["previous_postcode"] == "DT4 6LT"


def test_a_town_written_over_its_caption_is_no_heading_for_the_postcode_beside_it(tmp_path: Path) -> None:
    # answers on lines, captions in small italics under them; the town ("Fenmarsh", in the answers' 10.5-point
    # type) is level with the postcode's boxes: the postcode belongs to its part, not under "Fenmarsh"
    path = tmp_path / "captions.pdf"
    c = _canvas(path, "Council Tax - Change of Address")
    for top, part, street, town, postcode in ((100, "Part 3 The property you are leaving", "9 Willow Road", "Fenmarsh",
                                               "FM2 4YR"),
                                              (220, "Part 4 The property you are moving to", "Flat 4, Riverside Court",
                                               "King's Lynn", "PE30 1HT")):
        _put(c, ("Times-Bold", 11, 46, top, part), ("Helvetica", 10.5, 43, top + 30, street),
             ("Times-Italic", 7.5, 40, top + 44, "House number and street"), ("Helvetica", 10.5, 43, top + 60, town),
             ("Times-Italic", 7.5, 40, top + 74, "Town or village"), ("Times-Italic", 7.5, 360, top + 78, "Postcode"))
        c.line(40, H - top - 34, 330, H - top - 34)
        c.line(40, H - top - 64, 330, H - top - 64)
        _boxes(c, 352, H - top - 62, postcode.replace(" ", "  "))
    _put(c, ("Helvetica", 10.5, 40, 75, "I am moving OUT of a property in Fenmarsh District"))
    c.save()
    pairs = _pairs(path)
    sections = {p.answer.replace(" ", ""): p.section for p in pairs}
    assert sections["FM24YR"] == "Part 3 The property you are leaving"
    assert sections["PE301HT"] == "Part 4 The property you are moving to"


def test_the_councils_own_email_in_the_guidance_is_never_the_applicants(tmp_path: Path) -> None:
    # "You can fill in this form on screen and email it to us: refeniw@dyffryntawel.gov.uk"; the applicant
    # left their own email blank
    path = tmp_path / "guidance.pdf"
    c = _canvas(path, "Residents' Parking Permit application")
    _put(c, ("Helvetica", 8.5, 50, 90, "You can fill in this form on screen and send it to us by email:"),
         ("Helvetica-Bold", 8.5, 320, 90, "refeniw@dyffryntawel.gov.uk"))
    for k, (label, value) in enumerate((("Full name", "Sioned Powell"), ("Address line 1", "50 Victoria Road"),
                                        ("Postcode", "DT7 8PJ"), ("Registration number", "P915 KOO"),
                                        ("Email", ""))):
        _put(c, ("Helvetica", 9, 50, 120 + 26 * k, label))
        c.acroForm.textfield(name=f"Text{k + 1}", tooltip=label, value=value, x=180, y=H - 124 - 26 * k, width=200,
                             height=16)
    c.save()
    form_type, fields = _fields(path)
    assert form_type == "parking_permit" and fields["vrm"] == "P915KOO"
    assert "email" not in fields


def test_an_answer_given_widely_spaced_lines_has_its_caption_under_the_last(tmp_path: Path) -> None:
    # three writing lines 22 points apart under 10.5-point type, the caption "Tell us briefly what changed" in
    # small italics under the third; the answer written on the first
    path = tmp_path / "lines.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    _put(c, ("Helvetica", 10.5, 43, 100, "21/02/2026"),
         ("Times-Italic", 7.5, 40, 116, "Date you became the only adult living here (DD/MM/YYYY)"),
         ("Helvetica", 10.5, 43, 140, "Charlotte Dack"),
         ("Times-Italic", 7.5, 40, 156, "Full name of the adult who has moved out (if any)"),
         ("Helvetica", 10.5, 43, 180, "3 Mill Cottages, Littleport, CB6 1PZ"),
         ("Times-Italic", 7.5, 40, 196, "Their new address, if you know it"),
         ("Helvetica", 10.5, 43, 220, "My partner has moved out permanently. I am the only person living here now."),
         ("Times-Italic", 7.5, 40, 278, "Tell us briefly what changed"),
         ("Helvetica", 10.5, 43, 310, "06/11/2026"), ("Times-Italic", 7.5, 40, 326, "Date signed (DD/MM/YYYY)"))
    for top in (106, 146, 186, 226, 248, 270, 316):
        c.line(40, H - top, 555, H - top)
    c.save()
    assert _answer(_pairs(path), "Tell us briefly what changed") == \
        "My partner has moved out permanently. I am the only person living here now."


def test_a_bilingual_description_of_a_forwarding_address_is_no_rival_for_the_applicants_postcode(
        tmp_path: Path) -> None:
    # the box named "cyfeiriad_ymlaen", described "Cyfeiriad anfon ymlaen / Forwarding address", its Welsh half
    # printed beside it: "cyfeiriad" alone is the applicant's address, but the description says whose it is
    path = tmp_path / "welsh.pdf"
    c = _canvas(path, "Gostyngiad person sengl / Single person discount")
    for k, (name, label, value) in enumerate((
            ("rhifcyfrif", "Rhif cyfrif / Account no.", "6158 2026"), ("enw", "Enw llawn / Full name", "Bethan Morgan"),
            ("cyfeiriad1", "Cyfeiriad llinell 1 / Address line 1", "28 Cilgant y Parc"),
            ("codpost", "Cod post / Postcode", "DT5 4JW"),
            ("cyfeiriad_ymlaen", "Cyfeiriad anfon ymlaen / Forwarding address", "9 Orchard Close, Hereford HR2 7NP"))):
        _put(c, ("Helvetica", 9, 50, 120 + 26 * k, label.split(" / ")[0]))
        c.acroForm.textfield(name=name, tooltip=label, value=value, x=220, y=H - 124 - 26 * k, width=250, height=16)
    c.save()
    out = _extraction(path)
    assert out.fields["postcode"].value == "DT5 4JW" and out.fields["postcode"].confidence >= 0.8, out.notes
    assert out.fields["other_adult_forwarding_address"].value == "9 Orchard Close, Hereford HR2 7NP"


def test_a_registration_written_wrong_is_still_the_registration(tmp_path: Path) -> None:
    # nine characters where a registration has at most seven: the answer to "Reg. no.", not a missing one
    # (INVALID_FORMAT:vrm tells staff what is wrong; MISSING_FIELD would say it was left blank)
    path = tmp_path / "reg.pdf"
    c = _canvas(path, "Apply for a residents' parking permit")
    for k, (label, answer) in enumerate((("Your name", "Ms Emily Rogers"), ("Home address", "33 Orchard Close"),
                                         ("Postcode", "FW3 0EJ"), ("Q7 Reg. no.", "YT19 KLMNP"))):
        _put(c, ("Helvetica", 9, 50, 120 + 24 * k, f"{label}:"), ("Courier", 11, 200, 120 + 24 * k, answer))
    c.save()
    _, fields = _fields(path)
    assert fields["vrm"] == "YT19KLMNP"  # (the permit's checks say it is no registration: INVALID_FORMAT:vrm)


def test_a_date_in_three_boxes_with_slashes_printed_between_them(tmp_path: Path) -> None:
    # "[08] / [05] / [2026]": day, month and year each in a box of its own, a slash printed between the boxes
    # and "DD", "MM", "YYYY" in small print under them; the question over the boxes
    path = tmp_path / "slashes.pdf"
    c = _canvas(path, "Single Person Discount")
    _put(c, ("Helvetica-Bold", 9.5, 51, 120, "7"),
         ("Helvetica", 9.5, 71, 120, "From what date have you been the only adult living at the property?"))
    for x0, x1, text, guide in ((70.9, 99.2, "08", "DD"), (113.4, 141.7, "05", "MM"), (155.9, 201.3, "2026", "YYYY")):
        c.rect(x0, H - 156, x1 - x0, 20)
        _put(c, ("Courier", 10.5, x0 + 8, 148, text), ("Helvetica", 6, x0 + 2, 164, guide))
    _put(c, ("Helvetica", 12, 104.6, 148, "/"), ("Helvetica", 12, 147.2, 148, "/"))
    c.save()
    _, fields = _fields(path)
    assert fields["sole_adult_since"] == "2026-05-08"


def _caps_table(c: Canvas, rows: Sequence[tuple[str, str, str]]) -> None:
    """A print supplier's ruled table: each row a cell across it, a small capitals label in its top corner and
    the answer typed under it ("cell"), a shaded part heading ("band"), or a date in boxes at the right ("date")."""
    top = 100.0
    for kind, label, answer in rows:
        height = 14.0 if kind == "band" else 30.0
        c.rect(34, H - top - height, 527, height)
        _put(c, ("Helvetica-Bold", 8 if kind == "band" else 6.5, 38, top + (10 if kind == "band" else 8), label))
        if kind == "cell" and label == "NAME":
            c.line(120, H - top, 120, H - top - height)  # "TITLE | NAME": the table has columns
            _put(c, ("Helvetica-Bold", 6.5, 124, top + 8, "SURNAME"), ("Courier", 10, 39, top + 22, "MRS"),
                 ("Courier", 10, 125, top + 22, answer))
        elif kind == "cell" and answer:
            _put(c, ("Courier", 10, 39, top + 22, answer))
        elif kind == "date":
            _put(c, ("Helvetica", 5.5, 424, top + 7, "DAY"), ("Helvetica", 5.5, 460, top + 7, "MONTH"),
                 ("Helvetica", 5.5, 496, top + 7, "YEAR"))
            for x, part in ((421, "18"), (457, "10"), (493, "2026")):
                _boxes(c, x, H - top - 22, part)
        top += height
    c.rect(34, H - top, 527, top - 100)  # the table's frame round its rows


@pytest.mark.parametrize("email", ["shazia_firth@example.org", ""])
def test_cells_across_a_ruled_table_holding_their_own_label_over_the_answer(tmp_path: Path, email: str) -> None:
    # a print supplier's form: every row a cell across the table, a small capitals label in its top corner
    # and the answer typed under it; part headings on shaded rows; the move's date written in boxes at the
    # right of its cell under "DAY MONTH YEAR"
    path = tmp_path / "caps.pdf"
    c = _canvas(path, "COUNCIL TAX - CHANGE OF ADDRESS (MOVING HOME)")
    rows = (("band", "SECTION 1 - YOUR MOVE", ""), ("cell", "ARE YOU MOVING INTO OR OUT OF A PROPERTY?  OUT", ""),
            ("date", "DATE OF MOVE (THE DAY YOU GOT THE KEYS / LEFT THE PROPERTY)", "18102026"),
            ("band", "SECTION 2 - YOUR DETAILS", ""), ("cell", "NAME", "FIRTH"),
            ("cell", "EMAIL ADDRESS", email),  # (left blank: the next part's heading is no answer to it)
            ("band", "SECTION 3 - ADDRESS YOU ARE LEAVING", ""), ("cell", "ADDRESS", "58 GIBSON MILL ROAD"),
            ("cell", "POSTCODE", "CB3 2SD"), ("band", "SECTION 4 - ADDRESS YOU ARE MOVING TO", ""),
            ("cell", "ADDRESS", "110 PEEL STREET"), ("cell", "POSTCODE", "CB9 2DY"),
            ("band", "SECTION 5 - DECLARATION", ""), ("cell", "DATE", "29/11/2026"),
            ("band", "FOR OFFICE USE ONLY", ""), ("band", "DATE RECEIVED", ""), ("band", "INPUT BY", ""),
            ("band", "CHECKED BY", ""))
    _caps_table(c, rows)
    c.save()
    form_type, fields = _fields(path)
    assert form_type == "council_tax_move" and fields.get("email", "") == email
    assert fields["previous_address"] == "58 GIBSON MILL ROAD" and fields["new_postcode"] == "CB9 2DY"
    assert fields["move_date"] == "2026-10-18"


def test_a_question_left_blank_over_a_cell_holding_its_own_label_and_answer(tmp_path: Path) -> None:
    # "THEIR NEW ADDRESS (IF KNOWN)" left blank, then "REASON FOR THE CHANGE" over what changed: the reason is
    # its own cell's answer, not the blank address's
    path = tmp_path / "spd.pdf"
    c = _canvas(path, "COUNCIL TAX - SINGLE PERSON DISCOUNT")
    _caps_table(c, (("band", "SECTION 1 - YOUR COUNCIL TAX ACCOUNT", ""),
                    ("cell", "COUNCIL TAX ACCOUNT NO. (SHOWN ON YOUR BILL)", "6634 4621"),
                    ("band", "SECTION 2 - YOUR DETAILS", ""), ("cell", "NAME", "UTTLEY"),
                    ("cell", "POSTCODE", "CB5 8GP"), ("band", "SECTION 3 - ABOUT THE CHANGE", ""),
                    ("cell", "DATE YOU BECAME THE ONLY ADULT LIVING AT THE PROPERTY", "14/01/2026"),
                    ("cell", "FULL NAME OF THE ADULT WHO HAS LEFT", "JANE UTTLEY"),
                    ("cell", "THEIR NEW ADDRESS (IF KNOWN)", ""),
                    ("cell", "REASON FOR THE CHANGE", "MY LODGER HAS LEFT AND I NOW LIVE ON MY OWN."),
                    ("band", "SECTION 4 - DECLARATION", ""), ("band", "FOR OFFICE USE ONLY", ""),
                    ("band", "DATE RECEIVED", ""), ("band", "CHECKED BY", "")))
    c.save()
    _, fields = _fields(path)
    assert fields["change_description"] == "MY LODGER HAS LEFT AND I NOW LIVE ON MY OWN."
    assert "other_adult_forwarding_address" not in fields


def _govuk_question(c: Canvas, top: float, question: str, hint: str, answer: str | None) -> float:
    """A question in large bold, its hint in grey under it, its answer typed in a bordered box: the online form's
    answers printed. Returns the top of the next question."""
    _put(c, ("Helvetica-Bold", 15, 56, top, question))
    c.setFillColorRGB(0.31, 0.35, 0.37)
    _put(c, ("Helvetica", 10.5, 56, top + 23, hint))
    c.setFillColorRGB(0, 0, 0)
    if answer is None:
        return top + 40
    c.rect(56, H - top - 62, 300, 28)
    _put(c, ("Helvetica", 12, 62, top + 55, answer))
    return top + 84


def _govuk_date(c: Canvas, top: float, question: str, hint: str, day: str, month: str, year: str) -> float:
    top = _govuk_question(c, top, question, hint, None)
    for x, caption, part in ((56, "Day", day), (114, "Month", month), (172, "Year", year)):
        _put(c, ("Helvetica", 11, x, top, caption))
        c.rect(x, H - top - 38, 42 if caption != "Year" else 64, 26)
        _put(c, ("Helvetica", 12, x + 7, top + 24, part))
    return top + 60


def test_an_online_forms_answers_printed_with_grey_hints_date_boxes_and_radio_buttons(tmp_path: Path) -> None:
    # GOV.UK style: each question's hint in grey between it and its answer's box; the start date in three boxes
    # set wide apart under "Day", "Month", "Year"; the zone chosen among radio buttons drawn as circles, the
    # chosen one with a dot in it
    path = tmp_path / "govuk.pdf"
    c = _canvas(path, "Apply for a residents' parking permit")
    top = _govuk_question(c, 100, "What is your full name?", "The permit holder must live at the address.",
                          "Reuben Martin")
    top = _govuk_question(c, top, "What is your home address?", "You must live inside a controlled zone.", None)
    for label, answer in (("Address line 1", "10 Kestrel Way"), ("Postcode", "WY6 3GQ")):
        _put(c, ("Helvetica", 11, 56, top, label), ("Helvetica", 12, 62, top + 22, answer))
        top += 46
    top = _govuk_question(c, top, "Which zone is your address in?", "The zone is shown on the street signs.", None)
    for k, zone in enumerate(("Zone A", "Zone B", "Zone C")):
        c.circle(67, H - top - 11 - 28 * k, 11)
        if zone == "Zone B":
            c.circle(67, H - top - 11 - 28 * k, 6, stroke=0, fill=1)
        _put(c, ("Helvetica", 12, 86, top + 15 + 28 * k, zone))
    top += 96
    top = _govuk_question(c, top, "What is the vehicle registration number?", "This is on the log book (V5C).",
                          "YV24 CLF")
    top = _govuk_question(c, top, "What is the make of the vehicle?", "For example, Ford or Toyota", "Kia")
    _govuk_date(c, top, "When do you want the permit to start?", "For example, 1 12 2026", "2", "12", "2026")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "What is your full name") == "Reuben Martin"  # not its hint
    assert _answer(pairs, "When do you want the permit to start") == "2/12/2026"
    assert not any(p.answer.startswith(("The permit holder", "For example")) for p in pairs)
    form_type, fields = _fields(path)
    assert form_type == "parking_permit"
    assert fields["zone"] == "B" and fields["vehicle_make"] == "Kia" and fields["start_date"] == "2026-12-02"


def test_an_unanswered_question_heads_the_labels_of_its_parts(tmp_path: Path) -> None:
    # "What is the address you are leaving?" answered by "Address line 1" and "Postcode" under it: its parts
    path = tmp_path / "govuk_move.pdf"
    c = _canvas(path, "Tell us you are moving home")
    top = _govuk_question(c, 100, "What is your full name?", "As it is on your bill.", "Jack Patel")
    for question, hint, street, postcode in (
            ("What is the address you are leaving?", "Leave this blank if you are moving in.", "5 Kestrel Way",
             "WY6 3ZP"),
            ("What is the address you are moving to?", "We will send your final bill here.", "27 Moorland View",
             "HG2 7LS")):
        top = _govuk_question(c, top, question, hint, None)
        for label, answer in (("Address line 1", street), ("Postcode", postcode)):
            _put(c, ("Helvetica", 11, 56, top, label), ("Helvetica", 12, 62, top + 22, answer))
            top += 46
    _govuk_date(c, top, "What date did you move?", "For example, 14 11 2026", "14", "11", "2026")
    c.save()
    pairs = [p for p in _pairs(path) if p.label == "Postcode"]
    assert [p.section for p in pairs] == ["What is the address you are leaving?",
                                          "What is the address you are moving to?"]


def test_a_table_labelled_both_ways_gives_each_address_its_rows_name(tmp_path: Path) -> None:
    # "| House number / name and street | Town or village | Postcode" over a row for each address, named at its
    # left: each answer is its column's, under its row's name (whose address it is)
    path = tmp_path / "two_way.pdf"
    c = _canvas(path, "Moving home - council tax notification")
    _grid(c, H - 100, [("Your full name", "Graham Wreford"), ("Council tax account number", "5233 4767"),
                       ("Date of move", "21 August 2026")], (220, 250))
    _grid(c, H - 200, [("", "House number / name and street", "Town or village", "Postcode"),
                       ("Property you are leaving", "Well Cottage, Barton Lane", "Westleigh", "SH116BX"),
                       ("Property you are moving to", "Flat 3, 41 Mutley Plain", "Plymouth", "PL46LE")],
          (130, 170, 100, 80))
    _put(c, ("Helvetica", 10, 50, 300, "I am moving out of a property in South Haddon"))
    c.save()
    pairs = {(p.section, p.label): p.answer for p in _pairs(path) if p.how == "header" and p.section}
    assert pairs[("Property you are leaving", "Postcode")] == "SH116BX"
    assert pairs[("Property you are moving to", "Town or village")] == "Plymouth"
    _, fields = _fields(path)
    assert fields["previous_postcode"] == "SH11 6BX" and fields["new_postcode"] == "PL4 6LE"
    assert fields["previous_address"] == "Well Cottage, Barton Lane"


def test_a_zone_ticked_yes_in_a_table_of_statements(tmp_path: Path) -> None:
    path = tmp_path / "statements.pdf"
    c = _canvas(path, "Application for a Resident Parking Permit")
    _grid(c, H - 100, [("Applicant", "Mr Alan Dawson"), ("Address", "2 Cliff Road"), ("Postcode", "LM2 3HR"),
                       ("Vehicle reg.", "MKF787P")], (150, 250))
    _grid(c, H - 220, [("Statement", "Yes", "No"), ("Zone SA - Seafront A", "", "X"),
                       ("Zone SB - Seafront B", "X", ""), ("I hold a Blue Badge", "", "X")], (300, 60, 60),
          bold_first=True)
    c.save()
    _, fields = _fields(path)
    assert fields["zone"] == "SB"


def test_a_named_zone_is_read_as_printed(tmp_path: Path) -> None:
    path = tmp_path / "named_zone.pdf"
    c = _canvas(path, "Residents' parking permit application")
    _grid(c, H - 100, [("Full name", "Amelia Chen"), ("Address", "12 Minster Yard"), ("Postcode", "WY1 2AB"),
                       ("Vehicle registration", "AB12 CDE"), ("Parking zone", "Zone Cathedral")], (150, 250))
    c.save()
    _, fields = _fields(path)
    assert fields["zone"] == "Zone Cathedral"


@pytest.mark.parametrize(("month", "expected"), [("11", "2026-11-06"), ("September", "2026-09-06")])
def test_a_date_written_over_day_month_and_year_lines_its_month_a_word_or_a_number(
        tmp_path: Path, month: str, expected: str) -> None:
    # each part on a dotted line of its own, its caption under it; the month's line is longer for a word
    path = tmp_path / "dmy_lines.pdf"
    c = _canvas(path, "Council Tax - Moving home")
    _put(c, ("Times-Bold", 10.5, 42, 120, "4. Date of your move"))
    x = 60.0
    for part, caption, width in (("06", "Day", 40), (month, "Month", 40 if month.isdigit() else 80),
                                 ("2026", "Year", 55)):
        c.setDash(1, 2)
        c.line(x, H - 150, x + width, H - 150)
        c.setDash()
        _put(c, ("Times-Italic", 12.5, x + 2, 146, part), ("Helvetica", 6.5, x, 157, caption))
        x += width + 10
    _put(c, ("Times-Bold", 10.5, 42, 190, "5. Your name"), ("Times-Italic", 12.5, 62, 215, "Philip Harker"))
    c.line(60, H - 219, 300, H - 219)
    _put(c, ("Helvetica", 6.5, 60, 228, "Full name"))
    c.save()
    assert _answer(_pairs(path), "Date of your move") in {"06/11/2026", "06 September 2026"}
    _, fields = _fields(path)
    assert fields["move_date"] == expected


def test_a_long_question_over_a_date_in_boxes_with_its_guide_under_them(tmp_path: Path) -> None:
    # "Date from which you have been the only adult (aged 18 or over) living at the property" over the date's
    # boxes, "DD MM YYYY" under them, then the next question: the date is the long question's, not the next's
    path = tmp_path / "long_question.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    _put(c, ("Helvetica", 8.5, 46, 100, "Council Tax account number"))
    _boxes(c, 50, H - 118, "47361808")
    _put(c, ("Helvetica", 8.5, 46, 140, "Surname"))
    _boxes(c, 50, H - 158, "IBBOTSON")
    _put(c, ("Helvetica", 8.5, 46, 180,
             "Date from which you have been the only adult (aged 18 or over) living at the property"))
    x = _boxes(c, 50, H - 198, "01")
    x = _boxes(c, x + 8, H - 198, "07")
    _boxes(c, x + 8, H - 198, "2026")
    _put(c, ("Helvetica", 6, 57, 213, "DD        MM          YYYY"))
    _put(c, ("Helvetica", 8.5, 46, 224, "Full name of the adult who has left (if applicable)"))
    _put(c, ("Courier-Bold", 11, 50, 240, "SIMON BLENKIN"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Date from which") == "01/07/2026"
    assert _answer(pairs, "Full name of the adult") == "SIMON BLENKIN"


def _underlined(c: Canvas, top: float, *cells: tuple[float, str, float, str, float]) -> None:
    """Labels with their answers typed on underlines, several to a line: (label x, label, answer x, answer, end)."""
    for lx, label, ax, answer, end in cells:
        _put(c, ("Helvetica", 8.5, lx, top, label))
        c.line(ax - 2, H - top - 3, end, H - top - 3)
        if answer:
            _put(c, ("Courier", 10, ax, top, answer))


def test_an_underlined_form_with_two_answers_to_a_line(tmp_path: Path) -> None:
    # "Address (number/name and street)" is an address, not a name; "Town ... Postcode" on one line under the
    # address you are moving to are that address's; "Email" left blank two lines under an address is no caption
    path = tmp_path / "underlined.pdf"
    c = _canvas(path, "Notification of a Change of Address")
    _put(c, ("Helvetica-Bold", 10, 40, 95, "PART 1 - ABOUT YOU"))
    _underlined(c, 115, (53, "Full name", 110, "Miss Pauline Isaac", 540))
    _underlined(c, 137, (53, "Date of move", 130, "18/09/2026", 540))
    _underlined(c, 159, (53, "I am moving", 120, "into the district", 540))
    _put(c, ("Helvetica-Bold", 10, 40, 187, "PART 2 - ADDRESSES"))
    _underlined(c, 209, (53, "New address (number/name and street)", 230, "21 Sheep Street", 540))
    _underlined(c, 231, (56, "Town", 89, "Haddon Market", 330), (340, "Postcode", 390, "SH1 2AE", 540))
    _underlined(c, 253, (53, "Phone number (optional)", 163, "07700 9989619", 300), (310, "Email", 345, "", 540))
    c.save()
    pairs = _pairs(path)
    assert not any(p.label == "Email" for p in pairs)  # left blank: it captions nothing
    postcode = next(p for p in pairs if p.label == "Postcode")
    assert postcode.section.startswith("new")
    form_type, fields = _fields(path)
    assert form_type == "council_tax_move"
    assert fields["new_address"] == "21 Sheep Street" and fields["new_postcode"] == "SH1 2AE"
    assert fields["applicant_name"] == "Miss Pauline Isaac"



def test_a_zone_ticked_in_the_right_column_level_with_an_answer_in_the_left(tmp_path: Path) -> None:
    # "Permit zone (tick one)" over its options in the right-hand column, the first option level with the
    # postcode written in the left-hand column: the postcode is no label of the options
    path = tmp_path / "two_columns.pdf"
    c = _canvas(path, "Residents' parking permit")
    _put(c, ("Helvetica", 8, 40, 100, "Full name"), ("Helvetica", 8, 308, 100, "Registration number"))
    c.rect(40, H - 124, 247, 20)
    c.rect(308, H - 124, 247, 20)
    _put(c, ("Courier", 9.5, 45, 116, "Amy Voaden"), ("Courier", 9.5, 313, 116, "FP68JXC"))
    _put(c, ("Helvetica", 8, 40, 142, "No. & street"), ("Helvetica", 8, 308, 184, "Permit zone (tick one)"))
    c.rect(40, H - 166, 247, 20)
    _put(c, ("Courier", 9.5, 45, 158, "6 Church Street"))
    _put(c, ("Helvetica", 8, 40, 184, "Postcode"))
    c.rect(40, H - 208, 247, 20)
    _put(c, ("Courier", 9.5, 45, 200, "SH41CS"))
    for k, (option, ticked) in enumerate((("MS Market Square", False), ("Q Quay Street", False),
                                          ("K1 Kingsbury", True))):
        top = 192 + 14 * k  # (the first level with the postcode written in the left-hand column)
        c.rect(312, H - top - 9, 9, 9)
        _put(c, ("Helvetica", 8, 326, top + 7.5, option))
        if ticked:
            _put(c, ("Helvetica", 8, 314, top + 7.5, "X"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Permit zone") == "K1 Kingsbury"
    _, fields = _fields(path)
    assert fields["zone"] == "K1" and fields["address"] == "6 Church Street" and fields["postcode"] == "SH4 1CS"


def test_a_parts_heading_at_the_top_of_its_frame_answers_nothing(tmp_path: Path) -> None:
    # "Part 2 DETAILS OF THE CHANGE" in the top corner of the frame round the part: its questions' answers are
    # theirs, not the heading's
    path = tmp_path / "framed.pdf"
    c = _canvas(path, "COUNCIL TAX - SINGLE PERSON DISCOUNT")
    _put(c, ("Helvetica", 8, 40, 100, "Council tax a/c no."), ("Courier", 8.5, 206, 100, "4031 9820"),
         ("Helvetica", 8, 40, 113, "Full name of person liable"), ("Courier", 8.5, 206, 113, "Pauline Okafor"))
    c.rect(34, H - 235, 527, 100)
    _put(c, ("Helvetica-Bold", 8, 38, 145, "Part 2 DETAILS OF THE CHANGE"),
         ("Helvetica", 8, 40, 161, "Full name of adult who has left"), ("Courier", 8.5, 206, 161, "Noah Okafor"),
         ("Helvetica", 8, 40, 174, "Their forwarding address (incl. postcode)"),
         ("Courier", 8.5, 48, 185, "118 Gloucester Road, Bristol, BS7 8NT"),
         ("Helvetica", 8, 40, 198, "Please give brief details of the change"),
         ("Courier", 8.5, 48, 209, "Noah moved out on 26 May 2026. We have separated."))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Their forwarding address") == "118 Gloucester Road, Bristol, BS7 8NT"
    assert _answer(pairs, "Part 2") is None


def test_a_kiosk_receipt_of_question_and_answer_lines(tmp_path: Path) -> None:
    # "QUESTION 05: Date you became the only adult" (wrapping) over "ANSWER: 2026-07-09"; "(skipped)" is no answer
    path = tmp_path / "kiosk.pdf"
    c = Canvas(str(path), pagesize=(227, 560), invariant=1)
    lines = ["BRACKENFIELD BOROUGH COUNCIL", "Self-service kiosk 03", "-" * 38,
             "SERVICE: COUNCIL TAX - SINGLE PERSON DISCOUNT", "-" * 38,
             "QUESTION 01: Council tax account number", "ANSWER: 62149157", "QUESTION 02: Your full name",
             "ANSWER: Miss Donna Hollis", "QUESTION 03: First line of address", "ANSWER: 5 Winding Wheel Drive",
             "QUESTION 04: Postcode", "ANSWER: BF87GL", "QUESTION 05: Date you became the only adult",
             "living there", "ANSWER: 2026-07-09", "QUESTION 06: Tell us what changed", "ANSWER: (skipped)",
             "QUESTION 07: Date of declaration", "ANSWER: 2026-11-08", "-" * 38, "*** THANK YOU ***"]
    for k, text in enumerate(lines):
        c.setFont("Courier", 6.5)
        c.drawString(8, 540 - 11 * k, text)
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Date you became the only adult living there") == "2026-07-09"
    assert _answer(pairs, "Your full name") == "Miss Donna Hollis"
    form_type, fields = _fields(path)
    assert form_type == "council_tax_spd"
    assert fields["account_ref"] == "62149157" and fields["postcode"] == "BF8 7GL"
    assert fields["sole_adult_since"] == "2026-07-09" and "change_description" not in fields


def test_options_with_their_brackets_after_them(tmp_path: Path) -> None:
    path = tmp_path / "brackets.pdf"
    c = _canvas(path, "Council Tax - tell us you are moving")
    _put(c, ("Helvetica", 9, 60, 120, "Are you moving into, or out of, a property in Thornaby Moor?"),
         ("Courier", 9.5, 345, 120, "In [ ]"), ("Courier", 9.5, 381, 120, "Out [X]"),
         ("Helvetica", 9, 60, 142, "Your full name"), ("Courier", 9.5, 345, 142, "Malcolm Fielden"),
         ("Helvetica", 9, 60, 164, "Date you moved, or will move"), ("Courier", 9.5, 345, 164, "18/12/2026"))
    c.save()
    assert _answer(_pairs(path), "Are you moving") == "Out"
    _, fields = _fields(path)
    assert fields["move_type"] == "out"


def test_blanks_filled_in_a_declaration_with_a_date_wrapped_at_the_line_end(tmp_path: Path) -> None:
    # "I, [name] , of [address] , ..." and "... to start on [27 December]" / "[2026] ."
    path = tmp_path / "declaration.pdf"
    c = _canvas(path, "APPLICATION AND DECLARATION FOR A RESIDENTS' PARKING PERMIT")
    _put(c, ("Times-Roman", 11, 60, 120, "I,"), ("Courier", 10.5, 75, 121, "Piotr Bairstow"),
         ("Times-Roman", 11, 169, 120, ", of"), ("Courier", 10.5, 193, 121, "7 Inkerman Street"),
         ("Times-Roman", 11, 306, 120, ", postcode"), ("Courier", 10.5, 370, 121, "tm46ep"),
         ("Times-Roman", 11, 420, 120, ","),
         ("Times-Roman", 11, 60, 140, "apply for a permit for my vehicle, registration number"),
         ("Courier", 10.5, 340, 141, "P14 AEW"), ("Times-Roman", 11, 400, 140, ","),
         ("Times-Roman", 11, 60, 160, "zone"), ("Courier", 10.5, 90, 161, "RP7"),
         ("Times-Roman", 11, 120, 160, ". I would like the permit to start on"),
         ("Courier", 10.5, 300, 161, "27 December"), ("Courier", 10.5, 60, 181, "2026"),
         ("Times-Roman", 11, 91, 180, "."))
    c.save()
    _, fields = _fields(path)
    assert fields["address"] == "7 Inkerman Street" and fields["start_date"] == "2026-12-27"


def test_numbered_questions_in_square_badges_beside_answer_boxes(tmp_path: Path) -> None:
    # each question's number printed in a small square (a badge, not a tick box), its label in capitals, its
    # answer typed in a long box to the right
    path = tmp_path / "badges.pdf"
    c = _canvas(path, "SINGLE PERSON DISCOUNT APPLICATION")
    for k, (label, answer) in enumerate((("COUNCIL TAX ACCOUNT NUMBER", "69070334"),
                                         ("FULL NAME OF PERSON LIABLE", "Jordan Charlton"),
                                         ("HOUSE NUMBER OR NAME AND STREET", "Apartment 13, Mariners Wharf"),
                                         ("POSTCODE", "AT1 5PA"))):
        top = 120 + 30 * k
        c.rect(40, H - top - 16, 16, 16)
        c.rect(255, H - top - 20, 300, 22)
        _put(c, ("Helvetica-Bold", 8.5, 45, top - 4 + 15, str(k + 1)), ("Helvetica-Bold", 8, 62, top + 11, label),
             ("Helvetica", 10, 261, top + 12, answer))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "FULL NAME OF PERSON LIABLE") == "Jordan Charlton"
    assert _answer(pairs, "HOUSE NUMBER OR NAME AND STREET") == "Apartment 13, Mariners Wharf"


def test_a_phone_print_of_answers_with_an_address_on_lines_of_its_own(tmp_path: Path) -> None:
    # small grey capitals over large answers; the address on three lines, its postcode last (no paragraph of
    # notes); page 2 begins with a question at its very top
    path = tmp_path / "phone.pdf"
    c = Canvas(str(path), pagesize=(300, 640), invariant=1)
    rows = (("YOUR FULL NAME", ["Ms Lisa Elliott"]),
            ("ADDRESS", ["First Floor Flat, 35 Rothbury Terrace", "Heaton Bank, Ashwick on Tyne", "AT2 5EA"]),
            ("DATE YOU BECAME THE ONLY ADULT", ["January 14, 2026"]))
    top = 60.0
    for label, lines in rows:
        c.setFillColorRGB(0.42, 0.42, 0.46)
        c.setFont("Helvetica", 7)
        c.drawString(14, 640 - top, label)
        c.setFillColorRGB(0, 0, 0)
        for k, line in enumerate(lines):
            c.setFont("Helvetica", 14)
            c.drawString(14, 640 - top - 17 - 17 * k, line)
        top += 30 + 17 * len(lines)
    c.showPage()
    c.setFillColorRGB(0.42, 0.42, 0.46)
    c.setFont("Helvetica", 7)
    c.drawString(14, 640 - 35, "EMAIL ADDRESS")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 14)
    c.drawString(14, 640 - 52, "lisaelliott42@example.com")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "ADDRESS") == "First Floor Flat, 35 Rothbury Terrace\nHeaton Bank, Ashwick on Tyne\nAT2 5EA"
    email = next(p for p in pairs if p.label == "EMAIL ADDRESS")
    assert email.zone == "body"


def test_a_label_and_its_answer_in_larger_type_are_not_the_forms_title(tmp_path: Path) -> None:
    # a postcard form whose title is set small: "Permit from: 21/12/2026", mostly in the labels' bold and its answer
    # in larger type than the title, is a label and its answer in the form's body, not the title
    path = tmp_path / "postcard.pdf"
    c = Canvas(str(path), pagesize=(595, 420), invariant=1)

    def put(font: str, size: float, x: float, top: float, text: str) -> None:
        c.setFont(font, size)
        c.drawString(x, 420 - top, text)

    put("Helvetica-Bold", 11, 62, 32, "SALTMARSH & WEND DISTRICT COUNCIL")
    put("Helvetica", 8.5, 62, 46, "RESIDENTS' PARKING PERMIT - SHORT APPLICATION")
    for x, column in ((24, (("Name:", "Ms Doreen Sayer"), ("Address:", "12 Market Place"), ("Postcode:", "SW11WS"))),
                      (206, (("Vehicle reg.:", "LY11 LJC"), ("Zone:", "W1"), ("Permit from:", "21/12/2026")))):
        for k, (label, answer) in enumerate(column):
            put("Helvetica-Bold", 7.5, x, 88 + 19 * k, label)  # the answer a space after its label
            put("Courier", 9, x + c.stringWidth(label, "Helvetica-Bold", 7.5) + 3, 88 + 19 * k, answer)
    c.save()
    pairs = _pairs(path)
    assert {p.zone for p in pairs if p.label in {"Name", "Zone", "Vehicle reg."}} == {"body"}
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Ms Doreen Sayer" and fields["zone"] == "W1" and fields["vrm"] == "LY11LJC"


def test_a_form_set_out_as_a_letter_is_read_as_the_form(tmp_path: Path) -> None:
    # "Dear Resident, ... please type your answers after each heading" then the questions with their answers,
    # "Yours faithfully": the council's own form in a letter's shape, not correspondence
    path = tmp_path / "letter_form.pdf"
    c = _canvas(path, "Westmarch City Council")
    rows = [("Dear Resident,", ""), ("Re  Council Tax - Single Person Discount", ""),
            ("Thank you for telling us about a change in your household. To consider a single person discount we "
             "need the", ""), ("following details. Please type your answers after each heading and return this "
                               "letter.", ""),
            ("Council Tax reference number", "60018302"),
            ("Name of the person responsible for paying the Council Tax", "Edward Radford"),
            ("Address of the property for which you are claiming", "7 Chantry Terrace"), ("Postcode", "WM1 4BX"),
            ("Date from which you have been the only adult resident", "3rd April 2026"),
            ("Full name of the adult who has moved out", "Tamsin Radford"), ("Dated", "6th December 2026"),
            ("Yours faithfully,", ""), ("Revenues and Parking Services", "")]
    for k, (text, answer) in enumerate(rows):
        top = 120 + 18 * k
        label = f"{text}:" if answer else text  # "Postcode: WM1 4BX", the label in bold
        _put(c, ("Times-Bold" if answer else "Times-Roman", 10.5, 50, top, label))
        if answer:
            _put(c, ("Times-Roman", 10.5, 50 + c.stringWidth(label, "Times-Bold", 10.5) + 6, top, answer))
    c.save()
    form_type, fields = _fields(path)
    assert form_type == "council_tax_spd"
    assert fields["account_ref"] == "60018302" and fields["sole_adult_since"] == "2026-04-03"
    assert fields["address"] == "7 Chantry Terrace"


def test_rows_under_a_question_and_answer_header_with_nothing_else_to_tell_them_apart(tmp_path: Path) -> None:
    # an online receipt: "Question   Your answer" over rows in one type, no rules; bold part headings; a question
    # left blank; a question wrapped onto a second line
    path = tmp_path / "receipt.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    rows = [("Question", "Your answer", False), ("Your details", "", True),
            ("Your full name", "Mrs Helen Kitto", False),
            ("Postcode", "WM6 1NB", False), ("Phone number", "", False), ("Email address", "hk@example.net", False),
            ("Your circumstances", "", True), ("When did you become the only adult living at the", "2026-02-18", False),
            ("property?", "", False), ("Who moved out?", "Tobias Oram", False)]
    for k, (label, answer, bold) in enumerate(rows):
        top = 120 + 17 * k
        _put(c, ("Helvetica-Bold" if bold or k == 0 else "Helvetica", 9.5 if bold else 9, 46, top, label))
        if answer:
            _put(c, ("Helvetica-Bold" if k == 0 else "Helvetica", 9, 265, top, answer))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Your full name") == "Mrs Helen Kitto"
    assert _answer(pairs, "When did you become the only adult living at the property?") == "2026-02-18"
    assert next(p for p in pairs if p.label == "Email address").section == "Your details"
    _, fields = _fields(path)
    assert fields["other_adult_name"] == "Tobias Oram" and fields["sole_adult_since"] == "2026-02-18"


def test_long_labels_ended_by_colons_one_under_another_are_no_paragraph(tmp_path: Path) -> None:
    # a printed portal email: "Label: value" lines from one margin, the labels long enough to look like a
    # paragraph's lines, the last answer a sentence
    path = tmp_path / "portal.pdf"
    c = _canvas(path, "Online form submission: Single Person Discount")
    rows = [("Council tax account number", "42973013"), ("Applicant name", "Keith Garth"),
            ("Address line 1", "4 Church Street"), ("Postcode", "KY1 8WH"), ("--- Part 2 - The change ---", ""),
            ("Date you started living alone", "2026-05-03"), ("Name of person who moved out", "Hannah Garth"),
            ("Forwarding address of that person", "22 Priory Gardens, Darlington, DL3 7QN"),
            ("Tell us what changed", "Hannah Garth moved out on 15 March 2026."), ("Declaration date", "2026-11-12")]
    for k, (label, answer) in enumerate(rows):
        top = 120 + 13 * k + (8 if label == "Declaration date" else 0)  # after a space
        if not answer:
            _put(c, ("Helvetica-Bold", 10, 40, top, label))
            continue
        _put(c, ("Helvetica", 10, 40, top, f"{label}:"),
             ("Helvetica", 10, 40 + c.stringWidth(f"{label}: ", "Helvetica", 10), top, answer))
    c.save()
    _, fields = _fields(path)
    assert fields["sole_adult_since"] == "2026-05-03" and fields["other_adult_name"] == "Hannah Garth"
    assert fields["change_description"] == "Hannah Garth moved out on 15 March 2026."


def _typed_form(path: Path, title: str, rows: list[tuple[str, str, float]]) -> None:
    """A typed form in Courier: "n. Label ......... answer", each row at its own top."""
    c = _canvas(path, title)
    for k, (label, answer, top) in enumerate(rows):
        _put(c, ("Courier", 10, 58, top, f"{k + 1}. {label} " + "." * max(3, 30 - len(label))))
        if answer:
            _put(c, ("Courier", 10, 306, top, answer))
    c.save()


def test_a_line_printed_half_a_line_under_a_question_left_blank_is_read_apart(tmp_path: Path) -> None:
    # the typist's blank answer moved the next question up: two lines of type 5 points apart, over each other
    path = tmp_path / "typed.pdf"
    _typed_form(path, "RESIDENTS' PARKING PERMIT APPLICATION", [
        ("Name of applicant", "Dr Michael Dobson", 120), ("Home address", "3 Station Road", 138),
        ("Postcode", "KY2 7DY", 156), ("Vehicle registration number", "EVV493D", 174),
        ("Make and model", "", 192), ("Permit zone applied for", "K2", 197),
        ("Permit to start on", "13 December 2026", 215)])
    _, fields = _fields(path)
    assert fields["zone"] == "K2" and fields["vrm"] == "EVV493D" and fields["start_date"] == "2026-12-13"


@pytest.mark.parametrize("second", [(282, 133), (60, 146)], ids=["side by side", "one under the other"])
def test_options_in_brackets_each_a_run_of_its_own_are_one_choice(tmp_path: Path, second: tuple[int, int]) -> None:
    # "[ ] I am moving INTO the district     [X] I am moving OUT of the district" under the question (or the one
    # under the other): the first option is not the question of the second, nor the question's answer
    path = tmp_path / "options.pdf"
    c = _canvas(path, "CHANGE OF ADDRESS - MOVING IN OR OUT")
    _put(c, ("Courier", 10, 58, 120, "1. Are you moving in or out?"),
         ("Courier", 10, 60, 133, "[ ] I am moving INTO the district"),
         ("Courier", 10, *second, "[X] I am moving OUT of the district"),
         ("Courier", 10, 58, 164, "2. Council Tax account number ......"), ("Courier", 10, 306, 164, "4644-4031"),
         ("Courier", 10, 58, 182, "3. Your full name .................."),
         ("Courier", 10, 306, 182, "Miss Jo Hutchinson"),
         ("Courier", 10, 58, 200, "4. Date of move ...................."), ("Courier", 10, 306, 200, "29.10.2026"))
    c.save()
    _, fields = _fields(path)
    assert fields["move_type"] == "out"


def test_a_last_address_is_the_previous_one_and_its_postcode_too(tmp_path: Path) -> None:
    path = tmp_path / "last.pdf"
    _typed_form(path, "CHANGE OF ADDRESS - MOVING IN OR OUT", [
        ("Your full name", "Mr Graham Guy", 120), ("Address of your new home", "1 Bridge Street", 138),
        ("Postcode", "KY1 5EY", 156), ("Your last address", "17 Lowther Street", 174), ("Postcode", "CA11 7UG", 192),
        ("Date of move", "29.10.2026", 210)])
    _, fields = _fields(path)
    assert fields["previous_address"] == "17 Lowther Street" and fields["previous_postcode"] == "CA11 7UG"
    assert fields["new_address"] == "1 Bridge Street" and fields["new_postcode"] == "KY1 5EY"


def test_answers_keyed_by_number_to_questions_printed_apart(tmp_path: Path) -> None:
    # a landscape form: the numbered questions in two columns across the top, then "Part B - your answers", each
    # answer beside its question's number, one left blank
    path = tmp_path / "keyed.pdf"
    c = Canvas(str(path), pagesize=(A4[1], A4[0]), invariant=1)
    height = A4[0]

    def put(font: str, size: float, x: float, top: float, text: str) -> None:
        c.setFont(font, size)
        c.drawString(x, height - top, text)

    put("Helvetica-Bold", 13, 284, 26, "COUNCIL TAX - TELL US YOU ARE MOVING")
    put("Helvetica-Bold", 9.5, 30, 60, "PART A - QUESTIONS")
    questions = ["Are you moving INTO a property in Calderwick or moving OUT of one? Write IN or OUT.",
                 "Your council tax account number, if you have one.",
                 "Full name of the person responsible for paying council tax.",
                 "The address you are moving to: house or flat number and street.",
                 "Postcode of the address you are moving to.", "The date you moved or will move.",
                 "Your email address.", "Date signed."]
    for k, q in enumerate(questions):
        x, top = (46, 75 + 14 * k) if k < 4 else (447, 75 + 14 * (k - 4))
        put("Helvetica", 8.5, x, top, f"{k + 1}. {q}")
    put("Helvetica", 7.5, 30, 200, "PART B - YOUR ANSWERS (write each answer next to the number of its question)")
    answers = ["Moving in", "", "Nathan Ali", "Flat 18, Kestrel Tower", "CW2 8QR", "20/12/2026", "nali@example.co.uk",
               "30/11/2026"]
    for k, a in enumerate(answers):
        x, top = (42, 225 + 19 * k) if k < 4 else (443, 225 + 19 * (k - 4))
        put("Helvetica-Bold", 9, x, top, str(k + 1))
        if a:
            put("Helvetica-Oblique", 10, x + 24, top, a)
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Postcode of the address you are moving to") == "CW2 8QR"
    assert _answer(pairs, "Your council tax account number") is None  # left blank: no answer, not the next one
    _, fields = _fields(path)
    assert fields["move_type"] == "in" and fields["applicant_name"] == "Nathan Ali"
    assert fields["new_address"] == "Flat 18, Kestrel Tower" and fields["new_postcode"] == "CW2 8QR"
    assert fields["move_date"] == "2026-12-20" and fields["declaration_date"] == "2026-11-30"


def test_captions_in_brackets_under_dotted_lines_and_a_signature_beside_the_date(tmp_path: Path) -> None:
    # "(full name of applicant)" in small italics under each dotted line; the signature "H. Lloyd" written on the
    # line under "Signature", level with the date under "Date"
    path = tmp_path / "dotted.pdf"
    c = _canvas(path, "Claim for a Single Person Discount (25%)")
    rows = [("7196-9253", "(council tax account reference - as shown on your bill)"),
            ("Ms Rhiannon Bennett", "(full name of applicant)"),
            ("11 Stryd yr Harbwr", "(address of the dwelling for which the discount is claimed)"),
            ("GM4 1QR", "(postcode)"), ("3 September 2026", "(date from which you have been the sole adult resident)"),
            ("Mair Bennett", "(name of the other adult who has left)"),
            ("18 Ffordd Penglais, Aberystwyth, SY23 3DL", "(his or her present address, if known)")]
    for k, (answer, caption) in enumerate(rows):
        top = 120 + 34 * k
        _put(c, ("Helvetica-Oblique", 11.5, 58, top, answer), ("Times-Italic", 7.5, 52, top + 10.6, caption))
        c.setDash(1, 2.2)
        c.line(50, H - top - 1.3, 545, H - top - 1.3)  # the dotted line just under the answer's baseline
        c.setDash()
    _put(c, ("Times-Roman", 9, 50, 380, "Signature"), ("Times-Roman", 9, 330, 380, "Date"),
         ("Times-BoldItalic", 14, 60, 398, "H. Lloyd"), ("Helvetica-Oblique", 11.5, 338, 399, "19/11/2026"))
    c.save()
    _, fields = _fields(path)
    assert fields["account_ref"] == "71969253" and fields["applicant_name"] == "Ms Rhiannon Bennett"
    assert fields["address"] == "11 Stryd yr Harbwr" and fields["postcode"] == "GM4 1QR"
    assert fields["sole_adult_since"] == "2026-09-03" and fields["other_adult_name"] == "Mair Bennett"
    assert fields["other_adult_forwarding_address"] == "18 Ffordd Penglais, Aberystwyth, SY23 3DL"
    assert fields["declaration_date"] == "2026-11-19"


def test_an_answer_of_two_lines_level_with_a_label_of_two_languages(tmp_path: Path) -> None:
    # "Dywedwch wrthym beth sydd wedi newid / Tell us what has changed" on two lines; the answer's second line is
    # level with the label's second: it carries the answer on, it is no answer of its own
    path = tmp_path / "bilingual.pdf"
    c = _canvas(path, "Gostyngiad Person Sengl / Single Person Discount")
    rows = [("Enw llawn / Full name", "", "Mr Huw Lloyd", 120), ("Rhif cyfrif / Account number", "", "72229688", 146),
            ("Dywedwch wrthym beth sydd wedi newid /", "Tell us what has changed",
             "My partner Mali Lloyd moved out on 1st May 2026 and now", 172)]
    for first, second, answer, top in rows:
        _put(c, ("Helvetica", 8.5, 40, top, first), ("Helvetica", 10, 241, top + 2, answer))
        if second:
            _put(c, ("Helvetica", 8.5, 40, top + 10.5, second))
    _put(c, ("Helvetica", 10, 241, top + 16, "lives at the address given above."))
    c.save()
    _, fields = _fields(path)
    assert fields["change_description"] == ("My partner Mali Lloyd moved out on 1st May 2026 and now lives at the "
                                            "address given above.")


def test_letters_printed_before_the_boxes_of_an_account_number_asked_over_them(tmp_path: Path) -> None:
    path = tmp_path / "comb.pdf"
    c = _canvas(path, "COUNCIL TAX - APPLICATION FOR SINGLE PERSON DISCOUNT")
    _put(c, ("Helvetica-Bold", 9, 42, 130, "PART 1 ABOUT YOU"),
         ("Helvetica", 8.5, 40, 152, "Council Tax reference number"), ("Helvetica-Bold", 11, 40, 171, "CT"))
    for k, ch in enumerate("73683360"):
        c.rect(62 + 16 * k + (8 if k >= 4 else 0), H - 176, 16, 19)  # boxes that touch, in two fours
        _put(c, ("Courier", 12, 66.4 + 16 * k + (8 if k >= 4 else 0), 171, ch))
    _put(c, ("Helvetica", 8.5, 40, 196, "Your name in full"), ("Courier", 10.5, 46, 214, "MRS MALI MORGAN"),
         ("Helvetica", 8.5, 40, 236, "Address of the property"), ("Courier", 10.5, 46, 254, "1 STRYD YR HARBWR"),
         ("Helvetica", 8.5, 40, 313, "Postcode"))
    c.rect(40, H - 220, 300, 20)  # the boxes the name and the address are written in
    c.rect(40, H - 280, 300, 40)
    for k, ch in enumerate("GM4 1QR"):
        c.rect(44 + 16 * k, H - 335, 14, 18)
        _put(c, ("Courier", 12, 47 + 16 * k, 330, ch))
    c.save()
    _, fields = _fields(path)
    assert fields["account_ref"] == "73683360"


def test_a_date_written_day_and_month_in_one_box_the_year_in_another(tmp_path: Path) -> None:
    path = tmp_path / "date.pdf"
    c = _canvas(path, "Single Person Discount")
    _put(c, ("Helvetica", 8, 40, 120, "Account number"), ("Courier", 10, 140, 121, "40011234"),
         ("Helvetica", 5.5, 398.6, 139.3, "DD"), ("Helvetica", 5.5, 432.6, 139.3, "MM"),
         ("Helvetica", 5.5, 466.6, 139.3, "YYYY"), ("Helvetica", 8, 40, 152, "Signature"),
         ("Helvetica-Oblique", 12, 140, 153, "Imran Walsh"), ("Helvetica", 8, 301.6, 152, "Date"),
         ("Helvetica-Oblique", 10, 404.1, 154, "20 / 10 /"), ("Helvetica-Oblique", 10, 474.5, 154, "2026"))
    for x0, x1 in ((136, 293.6), (397.6, 421.6), (431.6, 455.6), (465.6, 505.6)):  # the boxes written in
        c.rect(x0, H - 159, x1 - x0, 18)
    c.save()
    _, fields = _fields(path)
    assert fields["declaration_date"] == "2026-10-20"


def test_a_yes_or_no_with_words_after_it_is_no_address(tmp_path: Path) -> None:
    # "Do you have a forwarding address?" answered "No, not yet": the move has no forwarding address
    path = tmp_path / "summary.pdf"
    c = _canvas(path, "Summary of your answers: tell us you are moving")
    rows = [("Are you moving in or out?", "Moving out"), ("Your full name", "Mr Barry Pickles"),
            ("Address you are leaving", "15 Weaver Street"), ("Postcode", "CW4 2LP"),
            ("Date you moved out", "20/11/2026"), ("Do you have a forwarding address?", "No, not yet"),
            ("Date of declaration", "24/11/2026")]
    for k, (question, answer) in enumerate(rows):
        _put(c, ("Helvetica-Bold", 10, 50, 110 + 34 * k, question), ("Helvetica", 10, 50, 124 + 34 * k, answer))
    c.save()
    _, fields = _fields(path)
    assert fields["previous_address"] == "15 Weaver Street" and "new_address" not in fields


def test_an_answer_continued_overleaf_under_its_label_marked_continued(tmp_path: Path) -> None:
    path = tmp_path / "overleaf.pdf"
    c = _canvas(path, "Single Person Discount application")
    _put(c, ("Helvetica-Bold", 9, 48, 300, "1. Your Council Tax account reference"),
         ("Helvetica", 10.5, 44, 319, "7252 1412"),
         ("Helvetica-Bold", 9, 48, 344, "2. Your full name"), ("Helvetica", 10.5, 44, 363, "Mr Alun Prosser"),
         ("Helvetica-Bold", 9, 48, 715, "3. Address of the property"), ("Helvetica", 10.5, 44, 734, "Ffynnon Wen"),
         ("Helvetica-Oblique", 8, 342, 806, "Please turn over - the address continues on page 2 >"))
    c.showPage()
    _put(c, ("Helvetica-Oblique", 8, 36, 20, "Single Person Discount application (continued)"),
         ("Helvetica-Bold", 9, 48, 47, "3. Address of the property (continued)"),
         ("Helvetica", 10.5, 44, 66, "Rhydyfelin"),
         ("Helvetica", 10.5, 44, 81, "Aberglan"), ("Helvetica-Bold", 9, 48, 111, "4. Postcode"),
         ("Helvetica", 10.5, 44, 130, "GM8 3GN"),
         ("Helvetica-Bold", 9, 48, 155, "5. Since what date have you been the only adult living there?"),
         ("Helvetica", 10.5, 44, 174, "10/06/2026"))
    c.save()
    address = _extraction(path).fields["address"]
    assert address.value == "Ffynnon Wen" and address.raw == "Ffynnon Wen\nRhydyfelin\nAberglan"
    assert address.confidence >= 0.85


def test_a_label_under_a_heading_or_the_row_above_is_still_the_label_of_the_answer_beside_it(tmp_path: Path) -> None:
    # a portal's rows: "Address line 1" right under the heading "Forwarding address" (and under the row above, with
    # its answer beside it), its answer far right: the label is the answer's, whatever is printed over it
    path = tmp_path / "rows.pdf"
    c = _canvas(path, "Tell us you are moving home")
    _put(c, ("Helvetica", 8.5, 54, 80, "Your reference"), ("Helvetica", 8.5, 230, 80, "Submitted"),
         ("Helvetica", 8.5, 400, 80, "Status"), ("Helvetica-Bold", 12, 54, 96, "MYT-MOV-293274"),
         ("Helvetica-Bold", 10, 230, 96, "04/12/2026 14:02"), ("Helvetica-Bold", 10, 400, 96, "Received"))
    rows = [("Your move", None), ("Are you moving in or out?", "Moving out of a property in Thornaby Moor"),
            ("About you", None), ("Full name", "Mr Connor Aspinall"), ("The property you are leaving", None),
            ("Council Tax account number", "6169 4107"), ("Address line 1", "18 Hebden Street"),
            ("Postcode", "TM2 5ZJ"), ("Date you are moving out", "2026-11-21"), ("Forwarding address", None),
            ("Address line 1", "41 Oakworth Road"), ("Town or city", "Keighley"), ("Postcode", "BD21 1PW")]
    top = 110.0
    for label, answer in rows:
        if answer is None:
            top += 8
            _put(c, ("Helvetica-Bold", 12, 40, top, label))
        else:
            _put(c, ("Helvetica", 9, 40, top, label), ("Helvetica-Bold", 10, 255, top, answer))
        top += 22
    c.save()
    fields = _extraction(path).fields
    assert fields["new_address"].value == "41 Oakworth Road" and fields["new_address"].confidence >= 0.85
    assert fields["previous_address"].value == "18 Hebden Street" and fields["previous_address"].confidence >= 0.85


def test_label_colon_answer_lines_all_in_one_monospace_type(tmp_path: Path) -> None:
    # an online form's plain-text email, question and answer in one Courier: "Full name: Stanley Fitzgerald"
    path = tmp_path / "plain.pdf"
    c = _canvas(path, "New submission: Council Tax - tell us you are moving home")
    rows = ["Are you moving in or out?: Moving into Hartlepoole Vale", "== About you ==",
            "Full name: Stanley Fitzgerald",
            "Council tax account number (if known): (no answer)", "Contact number: 07700 900899",
            "== Your new address ==", "Address you are moving into: 21 Lister Avenue", "Postcode: HV3 2PL",
            "Date you moved in: 14/11/2026", "== Your old address ==", "Address you are moving out of: (no answer)",
            "Town: (no answer)", "Postcode: (no answer)", "== Declaration ==", "Declaration date: 2026-11-25",
            "I confirm the declaration: Yes", "Submitted: 25/11/2026 21:47", "Form version: v3.2 (Nov 2026)"]
    for k, (label, value) in enumerate([("From:", "FormPoint Citizen Services <no-reply@notify.formpoint.co.uk>"),
                                        ("Sent:", "25/11/2026 21:47"), ("To:", "ctax.intake@hartlepoole-vale.gov.uk"),
                                        ("Subject:", "New submission HV-735091")]):
        _put(c, ("Helvetica-Bold", 9.5, 40, 80 + 14 * k, label), ("Helvetica", 9.5, 95, 80 + 14 * k, value))
    for k, row in enumerate(rows):
        _put(c, ("Courier-Bold" if row.startswith("==") else "Courier", 9, 40, 150 + 14 * k, row))
    c.save()
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Stanley Fitzgerald" and fields["move_type"] == "in"
    assert fields["new_address"] == "21 Lister Avenue" and fields["move_date"] == "2026-11-14"


def test_a_tick_drawn_in_strokes_that_reach_out_of_its_box(tmp_path: Path) -> None:
    path = tmp_path / "ticks.pdf"
    c = _canvas(path, "Council Tax - tell us you are moving")
    _put(c, ("Helvetica-Bold", 10, 68, 128, "Are you"), ("Helvetica", 9.5, 90, 152, "moving into a property"),
         ("Helvetica", 9.5, 300, 152, "moving out of a property"), ("Helvetica-Bold", 10, 68, 190, "Name:"),
         ("Helvetica", 10, 105, 190, "Carol Kenyon"), ("Helvetica-Bold", 10, 68, 208, "Date you moved:"),
         ("Helvetica", 10, 160, 208, "01/11/2026"))
    c.rect(76, H - 154, 9, 9)
    c.rect(285.9, H - 154, 9, 9)
    c.line(287.4, H - 149.5, 289.5, H - 152.5)  # the tick's short stroke, in the box
    c.line(289.5, H - 152.5, 295.9, H - 143.0)  # its long one, reaching over the box's top and right
    c.save()
    _, fields = _fields(path)
    assert fields["move_type"] == "out"


def test_a_label_with_a_colon_under_an_answer_is_no_caption_of_it(tmp_path: Path) -> None:
    # "8. Date of declaration" over "2nd December 2026", then "9. Signature:" under it, left blank; and a note
    # "If nobody has left, leave blank" beside a question is no answer of it
    path = tmp_path / "numbered.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    _put(c, ("Helvetica", 10, 64, 120, "1. Council Tax account number"), ("Courier", 10.5, 68, 136, "61657284"),
         ("Helvetica", 10, 64, 159, "2. Name of the adult who has left"),
         ("Helvetica-Oblique", 7.5, 456, 161, "If nobody has left, leave blank"),
         ("Helvetica", 10, 64, 198, "3. Date from which you have been the only adult"),
         ("Courier", 10.5, 68, 214, "21st March 2026"),
         ("Helvetica", 10, 64, 260, "8. Date of declaration"), ("Courier", 10.5, 68, 276, "2nd December 2026"),
         ("Helvetica", 10, 64, 299, "9. Signature:"))
    c.save()
    _, fields = _fields(path)
    assert fields["declaration_date"] == "2026-12-02" and fields["sole_adult_since"] == "2026-03-21"
    assert "other_adult_name" not in fields


def test_a_parts_title_after_section_and_its_colon_is_no_answer(tmp_path: Path) -> None:
    # "Section 1: About your move" in bold over the question "Are you moving into, or out of, ...?", answered
    # under it: the title is no answer, and the question keeps its answer
    path = tmp_path / "section.pdf"
    c = _canvas(path, "Council Tax: Moving Home")
    _put(c, ("Helvetica-Bold", 11, 62, 185, "Section 1:"), ("Helvetica-Bold", 11, 117.6, 185, "About your move"),
         ("Helvetica-Bold", 10.5, 62, 205, "Are you moving into, or out of, a property in Pennock Vale?"),
         ("Helvetica", 10.5, 62, 231, "Moving out"), ("Helvetica-Bold", 10.5, 62, 253, "Your full name:"),
         ("Helvetica", 10.5, 258, 253, "Philip Binns"),
         ("Helvetica-Bold", 10.5, 62, 271, "Council Tax account number:"),
         ("Helvetica", 10.5, 258, 271, "60219696"), ("Helvetica-Bold", 10.5, 62, 319, "Date of move:"),
         ("Helvetica", 10.5, 258, 319, "05-07-2026"), ("Helvetica-Bold", 11, 62, 347, "Section 2:"),
         ("Helvetica-Bold", 11, 117.6, 347, "The address you are leaving"),
         ("Helvetica-Bold", 10.5, 62, 371, "Address:"), ("Helvetica", 10.5, 258, 371, "8 Scarcross Mills"),
         ("Helvetica-Bold", 10.5, 62, 389, "Postcode:"), ("Helvetica", 10.5, 258, 389, "PV2 4JX"),
         ("Helvetica-Bold", 11, 62, 431, "Section 3:"), ("Helvetica-Bold", 11, 117.6, 431, "Declaration"),
         ("Helvetica-Bold", 10.5, 62, 455, "Date:"), ("Helvetica", 10.5, 258, 455, "01/12/2026"))
    for top, x1 in ((188, 208), (350, 265), (434, 196)):
        c.line(62, H - top, x1, H - top)
    c.save()
    _, fields = _fields(path)
    assert fields["move_type"] == "out"


def test_a_move_out_date_in_words_the_reader_could_not_place_is_doubted_not_passed_over(tmp_path: Path) -> None:
    # a case print-out whose statement's label no field knows: the date in it (2 October) is not the one claimed
    # from (19 October); it becomes the change description, doubted, so that the dates are checked and staff look
    path = tmp_path / "case.pdf"
    c = _canvas(path, "CTAX SINGLE PERSON DISCOUNT (SPD) APPLICATION")
    rows = [("CTAX ACCOUNT NO", "CT71199811"), ("CUSTOMER NAME", "Mr Vincent Nettleton"),
            ("PROPERTY ADDRESS LINE 1", "10 Orchard Way"), ("PROPERTY POSTCODE", "KB4 5JF"),
            ("SOLE ADULT OCCUPIER FROM", "2026-10-19"), ("CASE NARRATIVE", "Sophia Lisle and I have separated and she"),
            ("", "moved out on 2nd October 2026."), ("DECLARATION DATE", "2026-11-29")]
    for k, (label, answer) in enumerate(rows):
        if label:
            _put(c, ("Courier", 9, 40, 120 + 13 * k, f"{label} {'.' * (30 - len(label))} :"))
        _put(c, ("Courier", 9, 262, 120 + 13 * k, answer))
    c.save()
    said = _extraction(path).fields["change_description"]
    assert "moved out on 2nd October 2026" in said.value and said.confidence < 0.85


def test_labels_and_answers_in_one_type_told_apart_by_their_columns(tmp_path: Path) -> None:
    # a paper form typed in its own Helvetica: labels at one left edge, answers at another further right, and
    # choices printed "In / Out" with the chosen one in bold, "Yes / No" with the chosen one ringed
    path = tmp_path / "columns.pdf"
    c = _canvas(path, "Council Tax - moving home")
    rows = [("Council tax reference (if known)", "CT40652649"), ("Your name", "Mrs Hannah Doyle"),
            ("Address you are leaving", "10 Victoria Street"), ("Post code", "WX2 7DD"),
            ("New address", "7 Kestrel Way"), ("Post code", "B97 5QT"), ("Date of move", "27-11-2026"),
            ("Telephone", "07702 964357"), ("E-mail", ""), ("Date signed", "03-12-2026")]
    _put(c, ("Helvetica", 10, 40, 107, "Are you moving"), ("Helvetica", 10, 121.5, 107, "In /"),
         ("Helvetica-Bold", 10, 138.2, 107, "Out"))
    for k, (label, answer) in enumerate(rows):
        _put(c, ("Helvetica", 10, 40, 131 + 22 * k, label), *([("Helvetica", 10, 210, 131 + 22 * k, answer)]
                                                               if answer else []))
        c.line(205, H - 142 - 22 * k, 555, H - 142 - 22 * k)
    _put(c, ("Helvetica", 10, 40, 375, "Will anyone else be liable for council tax at the new address?"),
         ("Helvetica", 10, 322.1, 375, "Yes / No"))
    c.ellipse(343, H - 387, 364, H - 372)  # "No" ringed
    c.save()
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Mrs Hannah Doyle" and fields["previous_address"] == "10 Victoria Street"
    assert fields["new_address"] == "7 Kestrel Way" and fields["new_postcode"] == "B97 5QT"
    assert fields["move_date"] == "2026-11-27" and fields["declaration_date"] == "2026-12-03"
    assert fields["move_type"] == "out" and fields["account_ref"] == "40652649"


def test_options_alone_with_one_struck_or_ringed_leave_the_answer_below_the_question_alone(tmp_path: Path) -> None:
    # "Is the vehicle registered to you at this address?  Yes / ~~No~~" over "Registration mark   BZ25TXQ":
    # the question is answered by its options, and the registration is the mark's
    for mark in ("struck", "ringed"):
        path = tmp_path / f"{mark}.pdf"
        c = _canvas(path, "Residents' parking permit application")
        rows = [("Applicant name", "Grace Kowalski"), ("Address", "11 Gladstone Road"), ("Post code", "WX3 1LF"),
                ("Permit zone", "W2")]
        for k, (label, answer) in enumerate(rows):
            _put(c, ("Helvetica", 10, 40, 107 + 22 * k, label), ("Helvetica", 10, 210, 107 + 22 * k, answer))
        _put(c, ("Helvetica", 10, 40, 195, "Is the vehicle registered to you at this address?"),
             ("Helvetica", 10, 261, 195, "Yes / No"), ("Helvetica", 10, 40, 219, "Registration mark"),
             ("Helvetica", 10, 210, 219, "BZ25TXQ"), ("Helvetica", 10, 40, 241, "Make of vehicle"),
             ("Helvetica", 10, 210, 241, "Volkswagen Golf"), ("Helvetica", 10, 40, 263, "Permit required from"),
             ("Helvetica", 10, 210, 263, "December 18, 2026"))
        if mark == "struck":
            c.line(285, H - 192.5, 300, H - 192.5)
        else:
            c.ellipse(256, H - 207, 283, H - 192)
        c.save()
        _, fields = _fields(path)
        assert fields["vrm"] == "BZ25TXQ", mark
        assert fields["applicant_name"] == "Grace Kowalski" and fields["start_date"] == "2026-12-18", mark


def test_a_label_in_two_languages_one_bold_one_italic_is_no_choice_of_options(tmp_path: Path) -> None:
    # "Cyfenw / Surname", the Welsh in bold and the English in italic, over the answer: a label, not the options
    # "Cyfenw" or "Surname" with the bold one chosen
    path = tmp_path / "bilingual.pdf"
    c = _canvas(path, "Gostyngiad Person Sengl / Single Person Discount")
    def label(x: float, top: float, welsh: str, english: str) -> None:
        for font, text in (("Helvetica-Bold", welsh + " "), ("Helvetica", "/ "), ("Helvetica-Oblique", english)):
            _put(c, (font, 9, x, top, text))
            x += stringWidth(text, font, 9)

    for x, welsh, english, answer in ((40, "Teitl", "Title", "Mr"), (120, "Enw cyntaf", "First name", "Rhys"),
                                      (340, "Cyfenw", "Surname", "Davies")):
        label(x, 206, welsh, english)
        _put(c, ("Courier", 10, x + 5, 222, answer))
    label(40, 244, "Cod post", "Postcode")
    _put(c, ("Courier", 10, 45, 260, "DT1 2PA"))
    c.save()
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Mr Rhys Davies" and fields["postcode"] == "DT1 2PA"


def test_a_second_column_of_labels_in_the_labels_type_is_no_column_of_answers(tmp_path: Path) -> None:
    # a ruled grid: labels in two columns, all in one small bold type, each answer typed right of its label;
    # "Date" in the right-hand column is a label, though a column of labels stands left of it
    path = tmp_path / "grid.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount")
    rows = [(160, "Name(s)", "Mx Amelia Hart", "Account no.", "52934174"),
            (184, "Address line 1", "94 Cressida Road", "", ""), (208, "Address line 2", "", "Town", "London"),
            (232, "Postcode", "SG4 8JS", "Mobile", ""), (256, "Email", "", "", ""),
            (280, "Only adult from", "24/7/2026", "Adults living there", "1"), (289, "(date)", "", "now", ""),
            (306, "Name of adult who left", "Joe Hart", "", ""), (330, "Signature", "", "Date", "30/11/2026")]
    for top, left, left_answer, right, right_answer in rows:
        _put(c, ("Helvetica-Bold", 7.5, 44, top, left), ("Helvetica-Bold", 7.5, 301.6, top, right),
             ("Courier", 10, 129, top + 2, left_answer), ("Courier", 10, 386.6, top + 2, right_answer))
    c.save()
    _, fields = _fields(path)
    assert fields["declaration_date"] == "2026-11-30" and fields["sole_adult_since"] == "2026-07-24"
    assert fields["account_ref"] == "52934174"


def test_answers_in_boxes_captioned_under_them_with_the_next_box_close_below(tmp_path: Path) -> None:
    # a paper form of boxes (one character a box for numbers and dates), each caption printed under its box,
    # the next box a little way under the caption: "6 1 2 7 5 9 5 4" over "Council Tax account no.", a date's
    # "DD MM YYYY" guide between it and its caption, what changed written at the top of a box of four lines
    path = tmp_path / "boxes.pdf"
    c = _canvas(path, "SPD1 Application for Single Person Discount")
    _put(c, ("Helvetica-Bold", 9.5, 36, 98, "1."), ("Helvetica-Bold", 9.5, 46.6, 98, "Your details"))

    def comb(x: float, top: float, text: str) -> None:
        for k, ch in enumerate(text):
            c.rect(x + 15 * k, H - top - 19, 15, 19)
            if ch.strip():
                _put(c, ("Helvetica", 12, x + 15 * k + 4, top + 14, ch))

    def box(x: float, top: float, width: float, height: float, text: str) -> None:
        c.rect(x, H - top - height, width, height)
        _put(c, ("Helvetica", 10.5, x + 4, top + 14, text))

    comb(40, 105, "61275954")
    box(200, 105, 355, 19, "Mr Rhys Lugg")
    _put(c, ("Helvetica", 7, 40, 133, "Council Tax account no."), ("Helvetica", 7, 200, 133, "Your full name"))
    box(40, 145, 330, 19, "10 Quay Street")
    comb(395, 145, "AM3 1QS")
    _put(c, ("Helvetica", 7, 40, 173, "Address of the property - number or house name, and street"),
         ("Helvetica", 7, 395, 173, "Postcode"))
    box(40, 185, 200, 19, "")
    _put(c, ("Helvetica", 7, 40, 213, "Telephone"))
    _put(c, ("Helvetica-Bold", 9.5, 36, 236, "2."), ("Helvetica-Bold", 9.5, 46.6, 236, "The change"))
    comb(40, 243, "14/07/2026")
    box(230, 243, 325, 19, "Jessica Lugg")
    _put(c, ("Helvetica", 6.5, 50, 271, "DD        MM        YYYY"),
         ("Helvetica", 7, 230, 271, "Name of the adult who has left (if any)"),
         ("Helvetica", 7, 40, 279, "Date you became the only adult in the property"))
    box(40, 288, 515, 19, "18 Boutport Street, Barnstaple EX31 1RX")
    _put(c, ("Helvetica", 7, 40, 315, "Their new address, if known"))
    box(40, 328, 515, 30, "My partner has moved out. We separated and Jessica left on 14 July 2026.")
    _put(c, ("Helvetica", 7, 40, 370, "What has changed? (for example: partner moved out, lodger left)"))
    box(40, 420, 240, 19, "Rhys Lugg")
    comb(300, 420, "06/11/2026")
    _put(c, ("Helvetica", 7, 40, 448, "Signature"), ("Helvetica", 6.5, 310, 448, "DD        MM        YYYY"),
         ("Helvetica", 7, 300, 456, "Date signed"),
         ("Helvetica", 7, 36, 812, "Aldermoor Borough Council, Moorgate, Aldermoor AM1 1ZZ | For office use: ______"))
    c.save()
    _, fields = _fields(path)
    assert fields["account_ref"] == "61275954" and fields["address"] == "10 Quay Street"
    assert fields["sole_adult_since"] == "2026-07-14" and fields["declaration_date"] == "2026-11-06"
    assert str(fields["change_description"]).startswith("My partner has moved out")
    assert fields["other_adult_forwarding_address"] == "18 Boutport Street, Barnstaple EX31 1RX"


def test_a_table_cell_of_options_a_line_each_is_answered_by_the_one_marked(tmp_path: Path) -> None:
    # a word processor's table: "I am moving in" over "I am moving out X" (or "[ ]" / "[ X ]") in the answer
    # cell (read whole, the first line said "in")
    for mark, empty in (("X", ""), ("[ X ]", "[ ]")):
        path = tmp_path / "cells.pdf"
        c = _canvas(path, "Council Tax - Change of Address")
        rows = [(["Are you moving into a property in the", "district, or moving out of one?"],
                 [f"I am moving in {empty}".strip(), f"I am moving out {mark}"]),
                (["Your full name"], ["Mr Graham Thornton"]), (["Address you are leaving"], ["37 Prospect Terrace"]),
                (["Postcode of the address you are leaving"], ["HF1 3SY"]),
                (["Address you are moving to"], ["Flat 11, Kelso Court"]),
                (["Postcode of the new address"], ["LS2 9PR"]),
                (["Date of the move"], ["24/10/2026"])]
        top = 100.0
        for question, answer in rows:
            height = 14 * max(len(question), len(answer)) + 6
            c.rect(40, H - top - height, 220, height)
            c.rect(260, H - top - height, 290, height)
            for k, line in enumerate(question):
                _put(c, ("Helvetica", 10, 45, top + 14 + 14 * k, line))
            for k, line in enumerate(answer):
                _put(c, ("Helvetica", 10, 265, top + 14 + 14 * k, line))
            top += height
        c.save()
        _, fields = _fields(path)
        assert fields["move_type"] == "out", mark


def test_fillable_fields_above_a_bold_heading_taken_for_the_title_are_still_the_applicants(tmp_path: Path) -> None:
    # the title in plain type, the parts' headings on bars in bold ("Vehicle and zone"): whatever is taken for
    # the title, a field made to be filled in ("Text1", its tooltip "Name of applicant") is an answer
    path = tmp_path / "fillable.pdf"
    c = _canvas(path, "")
    _put(c, ("Helvetica-Bold", 10, 40, 36, "Harrowfield District Council"),
         ("Helvetica", 13, 40, 54, "Residents' parking permit - fillable application"),
         ("Helvetica-Bold", 11, 40, 80, "Applicant"), ("Helvetica-Bold", 11, 40, 290, "Vehicle and zone"))
    fields = [("Name of applicant", "Name", "Jade Jagger"), ("First line of your address", "Address", "81 Park Road"),
              ("Postcode", "Postcode", "HF3 1AP"), ("Contact telephone number", "Phone", "07700900763")]
    for n, (tip, printed, value) in enumerate(fields, start=1):
        top = 95 + 25 * n
        _put(c, ("Helvetica", 9, 45, top, printed))
        c.acroForm.textfield(name=f"Text{n}", tooltip=tip, value=value, x=200, y=H - top - 5, width=350, height=17)
    for n, (tip, printed, value) in enumerate([("Vehicle registration number", "Registration", "W237LBF"),
                                                ("Permit zone", "Zone", "HC"),
                                                ("Date you want the permit to start", "Start date", "07/12/2026"),
                                                ("Date of declaration", "Date", "26/11/2026")], start=5):
        top = 310 + 25 * (n - 5)
        _put(c, ("Helvetica", 9, 45, top, printed))
        c.acroForm.textfield(name=f"Text{n}", tooltip=tip, value=value, x=200, y=H - top - 5, width=350, height=17)
    c.save()
    _, got = _fields(path)
    assert got["applicant_name"] == "Jade Jagger" and got["address"] == "81 Park Road"
    assert got["postcode"] == "HF3 1AP" and got["vrm"] == "W237LBF"


def test_a_case_systems_print_out_of_abbreviated_labels_with_their_colons_set_apart(tmp_path: Path) -> None:
    # a revenues system's case summary in one monospace type: "PROP ADDR LN1      :    14 Kiln Lane", the
    # colon typed a column or two after the label, some answers left empty, rules of "=" across the page,
    # a long answer hung under itself, and the form type only as the case system names it
    path = tmp_path / "case.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    _put(c, ("Courier-Bold", 9, 30, 40, "KILNSEY B.C.  REVENUES CASE MGMT  (CM 3.1)        PAGE 1 OF 1"),
         ("Courier", 9, 30, 54, "CASE NO : CM-2026-118204        PRINTED : 05/12/2026 09:12"),
         ("Courier", 9, 30, 66, "CASE TYPE : CTAX SPD APPLICATION     CHANNEL : POST"),
         ("Courier", 9, 30, 78, "=" * 70))
    rows = [("-- CUSTOMER", None, None), ("CUSTOMER NAME", 112, "Mrs Alison Petch"),
            ("LIABLE ACCT NO", 118, "40182736"),
            ("CONTACT TEL", 106, ""), ("CONTACT EMAIL", 140, ""), ("-- PROPERTY", None, None),
            ("PROP ADDR LN1", 150, "14 Kiln Lane"), ("PROP ADDR LN2", 106, ""), ("PROP TOWN", 96, "KILNSEY"),
            ("PROP PCODE", 122, "KS4 2DW"), ("-- DISCOUNT", None, None), ("SOLE OCC FROM", 128, "12-08-2026"),
            ("NON-RES ADULT NAME", 145, "Graham Petch"),
            ("NON-RES FWD ADDR", 150, "3 Carr Road, Skipton BD23 1AB"),
            ("CIRCS CHANGE TEXT", 140, "My husband Graham moved to Skipton on 12 August 2026 and I have lived"),
            ("", None, "here alone since then."), ("-- DECLARATION", None, None), ("DECL SIGNED", 112, "Y"),
            ("DECL DATE", 96, "01-12-2026")]
    top = 96
    for label, colon_x, value in rows:
        if colon_x is None and value is None:
            _put(c, ("Courier-Bold", 9, 30, top, f"{label} " + "-" * 50))
        elif not label:
            _put(c, ("Courier", 9, 185, top, value or ""))
        else:
            _put(c, ("Courier", 9, 30, top, label), ("Courier", 9, colon_x, top, ":"))
            if value:
                _put(c, ("Courier", 9, colon_x + 22, top, value))
        top += 13
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "CONTACT TEL") is None and _answer(pairs, "CONTACT EMAIL") is None  # empty, not each other
    assert _answer(pairs, "CASE TYPE") == "CTAX SPD APPLICATION"
    form_type, fields = _fields(path)
    assert form_type == "council_tax_spd"
    assert fields["account_ref"] == "40182736" and fields["address"] == "14 Kiln Lane"
    assert fields["postcode"] == "KS4 2DW" and fields["sole_adult_since"] == "2026-08-12"
    assert fields["other_adult_name"] == "Graham Petch"
    assert fields["other_adult_forwarding_address"] == "3 Carr Road, Skipton BD23 1AB"
    assert fields["declaration_date"] == "2026-12-01"
    assert str(fields["change_description"]).endswith("have lived here alone since then.")


def test_a_date_in_three_columns_each_under_its_caption_day_month_year(tmp_path: Path) -> None:
    # small capitals over each answer in a grid of columns: "DAY | MONTH | YEAR" over "02 | 07 | 2026" set as far
    # apart as the form's columns are, under the question they answer; "DATE SIGNED: DAY" beside a signature
    path = tmp_path / "grid.pdf"
    c = _canvas(path, "Single Person Discount")
    _put(c, ("Helvetica-Bold", 10.5, 40, 100, "1 Your details"),
         ("Helvetica", 7, 44, 117, "FULL NAME"), ("Helvetica", 7, 330, 117, "ACCOUNT NUMBER"),
         ("Times-Roman", 11, 45, 129, "Ruth Okonjo"), ("Times-Roman", 11, 331, 129, "40771234"),
         ("Helvetica", 7, 44, 149, "ADDRESS"), ("Helvetica", 7, 330, 149, "POSTCODE"),
         ("Times-Roman", 11, 45, 161, "8 Tanner Street"), ("Times-Roman", 11, 331, 161, "KS2 7QT"),
         ("Helvetica-Bold", 10.5, 40, 190, "2 When did you start living alone?"),
         ("Helvetica", 7, 44, 207, "DAY"), ("Helvetica", 7, 136, 207, "MONTH"), ("Helvetica", 7, 265, 207, "YEAR"),
         ("Times-Roman", 11, 45, 219, "09"), ("Times-Roman", 11, 137, 219, "September"),
         ("Times-Roman", 11, 266, 219, "2026"),
         ("Helvetica-Bold", 10.5, 40, 250, "3 Declaration"),
         ("Helvetica", 7, 44, 267, "SIGNATURE"), ("Helvetica", 7, 255, 267, "DATE SIGNED: DAY"),
         ("Helvetica", 7, 340, 267, "MONTH"), ("Helvetica", 7, 458, 267, "YEAR"),
         ("Times-Roman", 11, 48, 279, "R Okonjo"), ("Times-Roman", 11, 256, 279, "03"),
         ("Times-Roman", 11, 341, 279, "12"), ("Times-Roman", 11, 459, 279, "2026"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "2 When did you start living alone") == "09 September 2026"
    assert _answer(pairs, "DATE SIGNED") == "03/12/2026"
    assert not any(p.label in ("DAY", "MONTH", "YEAR") for p in pairs)
    _, fields = _fields(path)
    assert fields["sole_adult_since"] == "2026-09-09" and fields["declaration_date"] == "2026-12-03"


def test_a_forms_designers_help_line_under_each_bold_question_is_neither_label_nor_answer(tmp_path: Path) -> None:
    # each question in bold, a smaller line in grey right under it ("House number or name and street", "If you
    # know it"), then the answer in a shaded box; a question left blank leaves its help line and the next part's
    # bigger bold heading unanswered
    path = tmp_path / "designer.pdf"
    c = _canvas(path, "Council Tax: Single Person Discount")
    top = 100.0

    def heading(text: str) -> None:
        nonlocal top
        c.setFillColorRGB(0.05, 0.4, 0.4)
        _put(c, ("Helvetica-Bold", 12.5, 50, top, text))
        top += 26

    def ask(question: str, help_line: str, answer: str) -> None:
        nonlocal top
        c.setFillColorRGB(0, 0, 0)
        _put(c, ("Helvetica-Bold", 10.5, 50, top, question))
        c.setFillColorRGB(0.37, 0.42, 0.46)
        _put(c, ("Helvetica", 8, 50, top + 13, help_line))
        c.setFillColorRGB(0.93, 0.95, 0.97)
        c.roundRect(50, H - top - 42, 495, 24, 4, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        _put(c, ("Helvetica", 11, 60, top + 34, answer))
        top += 62

    heading("About you")
    ask("Your full name", "Please include your title if you would like us to use it", "Mr Tomas Reyes")
    ask("Council Tax account number", "You will find this number at the top of your bill", "40551289")
    ask("Email address", "We will send your revised bill here", "")
    heading("The property")
    ask("Address of the property", "House number or name and street", "12 Lantern Row")
    ask("Postcode", "For example, KS1 2AB", "KS3 9PL")
    ask("Date you became the only adult living there", "Adults are people aged 18 or over", "02/10/2026")
    ask("Their new address", "If you know it", "")
    ask("Date", "Day, month and year", "30 November 2026")
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Your full name") == "Mr Tomas Reyes"
    assert _answer(pairs, "Address of the property") == "12 Lantern Row"
    assert not any(p.answer in ("The property", "If you know it", "We will send your revised bill here")
                   or p.label.startswith(("Please include", "House number", "If you know")) for p in pairs)
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Mr Tomas Reyes" and fields["address"] == "12 Lantern Row"
    assert fields["sole_adult_since"] == "2026-10-02" and "other_adult_forwarding_address" not in fields


def test_tick_boxes_drawn_with_rounded_corners_and_a_light_shading(tmp_path: Path) -> None:
    # a forms designer's tick boxes: rounded squares shaded a pale blue, an "X" typed in the chosen one
    path = tmp_path / "rounded.pdf"
    c = _canvas(path, "Residents' Parking Permit Application")
    _put(c, ("Helvetica-Bold", 10.5, 50, 120, "Registration number"), ("Helvetica", 11, 60, 140, "KX19 LMP"),
         ("Helvetica-Bold", 10.5, 50, 170, "Permit zone"))
    for k, option in enumerate(("Zone A", "Zone B", "Hospital zone")):
        x = 50 + 120 * k
        c.setStrokeColorRGB(0.72, 0.77, 0.82)
        c.setFillColorRGB(0.93, 0.95, 0.97)
        c.roundRect(x, H - 198, 14, 14, 3, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        if option == "Zone B":
            _put(c, ("Helvetica-Bold", 11, x + 3, 195, "X"))
        _put(c, ("Helvetica", 10, x + 20, 195, option))
    c.save()
    pairs = _pairs(path)
    assert [(p.label, p.answer) for p in pairs if p.how == "tick"] == [("Permit zone", "Zone B")]


def test_a_grid_of_two_questions_and_their_answers_to_a_row_is_no_row_of_labels_over_answers(tmp_path: Path) -> None:
    # label | answer | label | answer across each row of a ruled grid, all in one type: "Address moving from |
    # 8 Station Road | Address moving to | 21 Ferry Lane" over "Town | Marlowe | Town | Newbury" is two pairs a row
    path = tmp_path / "grid4.pdf"
    c = _canvas(path, "Council Tax - Notification of a Change of Address")
    _grid(c, H - 100, [("Your full name", "Richard Tranter", "Account reference", "67114800"),
                       ("Moving in or moving out?", "Out", "Date of move", "12/11/2026"),
                       ("Address moving from", "8 Station Road", "Address moving to", "21 Ferry Lane"),
                       ("Town", "Marlowe", "Town", "Newbury"),
                       ("Postcode", "MV1 4QR", "Postcode", "RG14 2HP"),
                       ("Model", "Niro", "Colour", "Dark blue"),
                       ("Permit zone applied for", "Hospital", "Permit to start on", "6 December 2026")],
          (130, 120, 130, 120))
    # (but a row of four labels over the car's four answers is labels over answers: "Make" answers nothing)
    _grid(c, H - 300, [("Vehicle registration number", "Make", "Model", "Colour"),
                       ("X172 WPA", "Tesla", "Model 3", "Red")], (130, 120, 130, 120))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Vehicle registration number") == "X172 WPA" and _answer(pairs, "Make") == "Tesla"
    assert {p.how for p in pairs if p.label in ("Address moving from", "Permit zone applied for")} == {"table"}
    assert _answer(pairs, "Address moving from") == "8 Station Road"
    assert _answer(pairs, "Address moving to") == "21 Ferry Lane"
    assert _answer(pairs, "Permit zone applied for") == "Hospital"


def test_a_question_over_options_marked_with_squares_is_not_its_parts_heading(tmp_path: Path) -> None:
    # "2 Permit" in bold over "Which permit zone do you need?" over its options a line each, the chosen square
    # filled in
    path = tmp_path / "squares.pdf"
    c = _canvas(path, "Residents' Parking Permit")
    _put(c, ("Helvetica-Bold", 11, 48, 100, "2 Permit"), ("Helvetica", 9.5, 48, 114, "Which permit zone do you need?"))
    for k, option in enumerate(("Town Centre", "Zone M2", "Hospital")):
        top = 136 + 15 * k
        c.rect(60, H - top - 1, 8, 8)
        if option == "Zone M2":
            c.rect(61.5, H - top + 0.5, 5, 5, stroke=0, fill=1)  # the square filled in
        _put(c, ("Helvetica", 9.5, 72, top + 6, option))
    c.save()
    pairs = _pairs(path)
    assert [(p.label, p.answer) for p in pairs if p.how == "tick"] == [("Which permit zone do you need?", "Zone M2")]


def test_a_date_in_three_boxed_columns_each_captioned_day_month_year_inside_its_box(tmp_path: Path) -> None:
    # the same in a grid of ruled boxes, each caption small inside the top of its box: "DATE: DAY" | "MONTH" |
    # "YEAR" over "26 | 11 | 2026", the signature in the box before them
    path = tmp_path / "boxed_grid.pdf"
    c = _canvas(path, "Residents' Parking Permit")
    for x0, x1 in ((40, 251), (251, 336), (336, 454), (454, 555)):
        c.rect(x0, H - 504, x1 - x0, 34)
    _put(c, ("Helvetica-Bold", 10.5, 40, 440, "5 Declaration"),
         ("Helvetica", 6, 44, 479, "SIGNATURE"), ("Helvetica", 6, 255, 479, "DATE: DAY"),
         ("Helvetica", 6, 340, 479, "MONTH"), ("Helvetica", 6, 458, 479, "YEAR"),
         ("Times-Italic", 13, 48, 496, "Janet Tuck"), ("Times-Roman", 11, 256, 494, "26"),
         ("Times-Roman", 11, 341, 494, "11"), ("Times-Roman", 11, 459, 494, "2026"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "DATE") == "26/11/2026"


def test_answers_typed_a_little_over_the_underscored_line_they_answer_in_types_of_their_own(tmp_path: Path) -> None:
    # a paper form's "Question (dd/mm/yyyy) ______" with the answer typed in Courier a few points over the
    # underscores, and "Signature ____ Date ____" with a signature in italics and the date in Courier over it
    path = tmp_path / "typed_over.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount application")
    _put(c, ("Helvetica", 9.5, 50, 152, "Full name ____________________________________________"),
         ("Courier", 10.5, 150, 148.5, "Mrs Joan Pratt"),
         ("Helvetica", 9.5, 50, 174, "Council Tax account number _______________________________"),
         ("Courier", 10.5, 210, 170.5, "31667019"),
         ("Helvetica", 9.5, 50, 370, "Date from which you have been the only adult living there (dd/mm/yyyy)"),
         ("Helvetica", 9.5, 357, 371, "_" * 35), ("Courier", 10.5, 365, 367.5, "18/10/2026"),
         ("Helvetica", 9.5, 50, 570, "Signature"), ("Helvetica", 9.5, 108, 571, "_" * 40),
         ("Helvetica", 9.5, 340, 570, "Date (dd/mm/yyyy)"), ("Helvetica", 9.5, 425, 571, "_" * 22),
         ("Times-Italic", 14, 118, 567.5, "Joan Pratt"), ("Courier", 10.5, 432, 567.5, "14/11/2026"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Date from which you have been the only adult") == "18/10/2026"
    assert any(p.answer == "14/11/2026" and "Date" in p.label for p in pairs), pairs


def test_check_boxes_told_apart_only_by_their_tooltips(tmp_path: Path) -> None:
    # a fillable form whose check boxes have no printed options, only tooltips: "Tick if you are moving INTO
    # a property in the district" / "... OUT of ...", and "Permit zone: Quay" ... "Permit zone: Beach Road"
    path = tmp_path / "tips.pdf"
    c = _canvas(path, "Council Tax: change of address (online form)")
    form = c.acroForm
    _put(c, ("Helvetica-Bold", 10, 45, 117, "Section 1"))
    for k, (tip, on) in enumerate((("Tick if you are moving INTO a property in the district", False),
                                   ("Tick if you are moving OUT of a property in the district", True))):
        form.checkbox(name=f"CheckBox{k + 1}", x=60 + 50 * k, y=H - 151, size=13, checked=on, tooltip=tip)
    for k, (zone, on) in enumerate((("Quay", False), ("Zone P1", False), ("Beach Road", True))):
        form.checkbox(name=f"CheckBox{k + 7}", x=60 + 50 * k, y=H - 321, size=13, checked=on,
                      tooltip=f"Permit zone: {zone}")
    c.save()
    choices = {(p.label, p.answer) for p in _pairs(path) if p.how == "choice"}
    assert choices == {("Tick if you are moving", "moving OUT of"), ("Permit zone", "Beach Road")}


def test_a_numbered_item_asking_nothing_heads_the_labels_under_it(tmp_path: Path) -> None:
    # "4. The address you are leaving" over "House number / name and road   2 Church Lane", "Town", "Postcode";
    # "5. Your new address" over the same three labels again: each set is its item's
    path = tmp_path / "numbered_parts.pdf"
    c = _canvas(path, "Moving home? Council Tax change of address")
    top = 110.0
    _put(c, ("Helvetica", 9.5, 50, top, "1."), ("Helvetica", 9.5, 61, top, "Your name"),
         ("Courier-Bold", 10, 204, top, "Howard Chilvers"))
    for number, heading, lines in (("4.", "The address you are leaving", ("2 Church Lane", "Pennmarsh", "PM1 4QS")),
                                   ("5.", "Your new address", ("2 Orchard Rise", "Bury St Edmunds", "IP33 3JQ"))):
        top += 24
        _put(c, ("Helvetica-Bold", 10, 50, top, number), ("Helvetica-Bold", 10, 61, top, heading))
        for label, value in zip(("House number / name and road", "Town", "Postcode"), lines, strict=True):
            top += 22
            _put(c, ("Helvetica", 9.5, 50, top, label), ("Courier-Bold", 10, 204, top, value))
    top += 24
    _put(c, ("Helvetica", 9.5, 50, top, "6."), ("Helvetica", 9.5, 61, top, "Date of move"),
         ("Courier-Bold", 10, 204, top, "28/09/2026"))
    c.save()
    sections = {p.answer: p.section for p in _pairs(path)}
    assert sections["2 Church Lane"] == sections["PM1 4QS"] == "The address you are leaving"
    assert sections["2 Orchard Rise"] == sections["IP33 3JQ"] == "Your new address"
    _, fields = _fields(path)
    assert fields["previous_address"] == "2 Church Lane" and fields["new_postcode"] == "IP33 3JQ"


def test_options_of_several_words_one_struck_through_whole(tmp_path: Path) -> None:
    # "I am moving (delete as appropriate)   in to the district / out of the district", the second struck through
    path = tmp_path / "struck_whole.pdf"
    c = _canvas(path, "Moving home? Council Tax change of address")
    _put(c, ("Helvetica", 9.5, 50, 121, "1."), ("Helvetica", 9.5, 61, 121, "I am moving (delete as appropriate)"),
         ("Helvetica-Bold", 10, 224.5, 121, "in to the district / out of the district"))
    x0 = 224.5 + stringWidth("in to the district / ", "Helvetica-Bold", 10)
    c.line(x0, H - 118, x0 + stringWidth("out of the district", "Helvetica-Bold", 10), H - 118)
    c.save()
    choices = [(p.label, p.answer) for p in _pairs(path) if p.how == "choice"]
    assert choices == [("I am moving (delete as appropriate)", "in to the district")]


def test_questions_numbered_q1_q2_in_bold_with_the_answer_on_the_line_under(tmp_path: Path) -> None:
    # "Q1" in bold then the question in regular type, the answer written under the question; "Q10 A phone
    # number ..." with its number in the question's own type: the number is no label, nor the question an answer
    path = tmp_path / "q_numbers.pdf"
    c = _canvas(path, "Single Person Discount - application")
    rows = [("Q1", "Your Council Tax account number (shown at the top of your bill)", "6302 8171"),
            ("Q2", "Your full name", "Mr Trevor Lethbridge"),
            ("Q3", "The address you are claiming for", "6 Kingfisher Drive"), ("Q4", "Postcode", "AM2 5UA"),
            ("Q5", "From what date have you been the only adult living there?", "14-03-2026")]
    top = 110.0
    for number, question, answer in rows:
        _put(c, ("Helvetica-Bold", 10, 36, top, number), ("Helvetica", 10, 62, top, question),
             ("Times-Italic", 11.5, 66, top + 15, answer))
        top += 41
    _put(c, ("Helvetica", 10, 36, top, "Q10 A phone number we can reach you on"),
         ("Times-Italic", 11.5, 66, top + 15, "07700 900237"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Your Council Tax account number") == "6302 8171"
    assert _answer(pairs, "Your full name") == "Mr Trevor Lethbridge"
    assert _answer(pairs, "A phone number we can reach you on") == "07700 900237"
    assert not any(p.label.startswith("Q") for p in pairs)
    _, fields = _fields(path)
    assert fields["account_ref"] == "63028171" and fields["phone"] == "07700 900237"


def test_the_titles_words_after_its_colon_head_no_column_of_boxes(tmp_path: Path) -> None:
    # "Council Tax: moving home" in large bold, then parts whose boxes sit in two columns, each box's label small
    # inside its top: "moving home" (split from the title at its colon) is no heading of the right-hand boxes
    path = tmp_path / "title_colon.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    _put(c, ("Helvetica-Bold", 11, 50, 60, "Formwick District Council"), ("Helvetica", 9, 50, 78, "CTAX/MOV1"),
         ("Helvetica-Bold", 16, 50, 100, "Council Tax: moving home"))

    def box(x: float, top: float, label: str, answer: str) -> None:
        c.rect(x, H - top - 36, 240, 36)
        _put(c, ("Helvetica", 7, x + 4, top + 9, label), ("Courier", 10, x + 5, top + 28, answer))

    _put(c, ("Helvetica-Bold", 11, 50, 160, "Moving details"))
    box(50, 170, "Are you moving in or out", "Moving in")
    box(300, 170, "Date you moved", "2026-12-14")
    _put(c, ("Helvetica-Bold", 11, 50, 236, "About you"))
    box(50, 246, "Name of applicant", "Eleanor Simpson")
    _put(c, ("Helvetica-Bold", 11, 50, 312, "Your new address"))
    box(50, 322, "Address line 1", "19 Buttercup Crescent")
    box(300, 322, "Postcode", "FW6 3QX")
    _put(c, ("Helvetica-Bold", 11, 50, 388, "The property you are leaving"))
    box(50, 398, "Address line 1", "50 Hazel Lane, Bristol")
    box(300, 398, "Post code", "BS4 3TH")
    c.save()
    sections = {p.answer: p.section for p in _pairs(path)}
    assert sections["FW6 3QX"] == "Your new address" and sections["2026-12-14"] == "Moving details"
    _, fields = _fields(path)
    assert fields["new_postcode"] == "FW6 3QX" and fields["previous_postcode"] == "BS4 3TH"


def test_an_address_typed_in_its_box_is_no_label_over_the_postcode_box_under_it(tmp_path: Path) -> None:
    # Numbered labels over ruled boxes, the answers typed in block capitals: the address's box, then under its right
    # end a small box for the postcode with "Postcode" printed left of it. The typed address is an answer, not a
    # label heading the postcode's box.
    path = tmp_path / "typed_boxes.pdf"
    c = _canvas(path, "APPLICATION FOR SINGLE PERSON DISCOUNT")

    def box(top: float, label: str, lines: list[str], height: float = 18) -> None:
        _put(c, ("Helvetica", 8.5, 40, top, label))
        c.rect(40, H - top - 8 - height, 515, height)
        for k, line in enumerate(lines):
            _put(c, ("Courier-Bold", 10.5, 46, top + 21 + 15 * k, line))

    box(110, "1. Full name of the person responsible for paying", ["MR EDWARD MOSS"])
    box(150, "2. Address of the property", ["23 QUAYSIDE", "FENBRIDGE"], height=50)
    c.rect(435, H - 228, 120, 18)
    _put(c, ("Helvetica", 8.5, 385, 222, "Postcode"), ("Courier-Bold", 10.5, 442, 222, "FB4 7DP"))
    box(250, "3. Date you became the only adult living there", ["01/11/2026"])
    box(290, "4. Name of the adult who has left", ["RHYS MENSAH"])
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Postcode") == "FB4 7DP"
    assert _answer(pairs, "Address of the property") == "23 QUAYSIDE\nFENBRIDGE"
    assert not any(p.label.startswith("23 QUAYSIDE") for p in pairs)


def _case_print(path: Path, title: str, case: str, rows: list[tuple[str, str | None]]) -> None:
    """A contact centre's case print in one monospace type: "LABEL ......: VALUE" lines (a value of None prints
    the label alone, as a part's rule of dashes)."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    _put(c, ("Courier", 9, 34, 40, "WESTBY COUNCIL       CUSTOMER CONTACT SYSTEM     CASE PRINT"),
         ("Courier", 9, 34, 52, title), ("Courier", 9, 34, 64, case), ("Courier", 9, 34, 76, "=" * 70))
    top = 100
    for label, value in rows:
        _put(c, ("Courier", 9, 34, top, label if value is None else f"{label} {'.' * (20 - len(label))}: {value}"))
        top += 12
    c.save()


def test_a_contact_centres_print_of_labels_with_a_dotted_leader_ending_in_a_colon(tmp_path: Path) -> None:
    # "TRANSACTION ........: MOVE OUT (CTMO)", all in one monospace type and in capitals: the leader and its colon
    # are one word, and what follows is the answer, however plain its words
    path = tmp_path / "crm.pdf"
    _case_print(path, "REVENUES - CHANGE OF ADDRESS (TELEPHONE)", "CASE NO: RB/26/002102     PRINTED: 15/11/2026", [
        ("---- CUSTOMER " + "-" * 50, None), ("TRANSACTION", "MOVE OUT (CTMO)"), ("CTAX A/C NO", "6183-1388"),
        ("CUSTOMER", "MR PETER CRANE"), ("---- OLD ADDRESS " + "-" * 47, None), ("OLD ADDR 1", "34 NORTHGATE"),
        ("OLD ADDR 2", ""), ("OLD TOWN", "WESTBY"), ("OLD PCODE", "WB2 5RE"),
        ("---- NEW ADDRESS " + "-" * 47, None), ("NEW ADDR 1", "9 FORE HILL"), ("NEW ADDR 2", ""),
        ("NEW TOWN", "ELY"), ("NEW PCODE", "CB7 4AA"), ("EFFECTIVE DATE", "15/11/2026")])
    answers = {p.label: p.answer for p in _pairs(path)}
    assert answers["TRANSACTION"] == "MOVE OUT (CTMO)" and answers["CUSTOMER"] == "MR PETER CRANE"
    assert answers["OLD ADDR 1"] == "34 NORTHGATE" and answers["NEW ADDR 1"] == "9 FORE HILL"
    assert "OLD ADDR 2" not in answers and answers["NEW PCODE"] == "CB7 4AA"


def test_a_contact_centres_print_of_a_single_person_discount_taken_by_phone(tmp_path: Path) -> None:
    # the case print names its form only as "SPD APPLICATION" and the applicant only as the caller
    path = tmp_path / "crm_spd.pdf"
    _case_print(path, "REVENUES - SPD APPLICATION (TELEPHONE)", "CASE NO: RB/26/007349     PRINTED: 30/11/2026", [
        ("---- ACCOUNT " + "-" * 50, None), ("CTAX A/C NO", "6149-1684"), ("CALLER (LIABLE)", "NATHAN YATES"),
        ("PROP ADDR 1", "3 ALBERT TERRACE"), ("PROP ADDR 2", ""), ("TOWN", "WESTBY"), ("PCODE", "WB3 6SW"),
        ("---- HOUSEHOLD " + "-" * 48, None), ("SOLE OCC FROM", "27/05/2026"), ("PREV OCCUPANT", "GARETH YATES"),
        ("CASE NOTES", "CUST STATES: MY HUSBAND LEFT ON 27TH MAY 2026."),
        ("---- DECLARATION " + "-" * 46, None), ("DECL ACCEPTED ON", "28/11/2026")])
    form_type, fields = _fields(path)
    assert form_type == "council_tax_spd"
    assert fields["applicant_name"] == "NATHAN YATES" and fields["account_ref"] == "61491684"
    assert fields["address"] == "3 ALBERT TERRACE" and fields["postcode"] == "WB3 6SW"
    assert fields["sole_adult_since"] == "2026-05-27" and fields["other_adult_name"] == "GARETH YATES"
    assert fields["declaration_date"] == "2026-11-28"
    assert fields["change_description"] == "CUST STATES: MY HUSBAND LEFT ON 27TH MAY 2026."  # a colon of its own


def test_a_fillable_fields_label_ending_in_an_abbreviation_and_the_star_of_a_required_answer(tmp_path: Path) -> None:
    # "Council Tax account no. *" beside a box named only "Text1": the star says the answer is required, and the
    # label is all the words before it, not the star alone
    path = tmp_path / "starred.pdf"
    c = _canvas(path, "Single Person Discount - claim form")
    c.setFont("Helvetica", 9)
    for k, (label, name, value) in enumerate([("Council Tax account no. *", "Text1", "62741048"),
                                              ("Forename(s) *", "Text2", "Trevor"), ("Surname *", "Text3", "Dyson"),
                                              ("Address line 1 *", "Text4", "51 Dyehouse Road"),
                                              ("Post code *", "Text5", "FW3 2SZ")]):
        c.drawString(45, H - 120 - 23 * k, label)
        c.acroForm.textfield(name=name, value=value, x=205, y=H - 124 - 23 * k, width=200, height=16,
                             borderWidth=0.8)
    c.save()
    assert {p.label: p.answer for p in _pairs(path)}["Council Tax account no."] == "62741048"
    _, fields = _fields(path)
    assert fields["account_ref"] == "62741048" and fields["applicant_name"] == "Trevor Dyson"


@pytest.mark.parametrize("banded", [False, True])
def test_a_household_table_a_row_a_person_names_the_adult_who_has_left(tmp_path: Path, banded: bool) -> None:
    # "Adults who have lived here in the last 12 months": the applicant's own row, then the row of the one who
    # moved out, with the date they left and where they went; the header a shaded band with no column rules (or
    # ruled like the rest)
    path = tmp_path / "household.pdf"
    c = _canvas(path, "Council Tax - household review: Single Person Discount")
    _put(c, ("Helvetica", 8, 50, 90, "Your full name"), ("Helvetica-Oblique", 10, 50, 104, "Mrs Hannah Naylor"),
         ("Helvetica", 8, 300, 90, "Council Tax reference"), ("Helvetica-Oblique", 10, 300, 104, "6269-2472"))
    _put(c, ("Helvetica-Bold", 10, 50, 140, "B  Adults (aged 18 or over) who have lived at this address"))
    widths, heads = (130, 70, 60, 75, 170), ("Full name", "Date of birth", "Still living here?",
                                             "Date they moved out", "New address if known")
    top = 160
    c.setFillGray(0.9)
    c.rect(50, H - top - 22, sum(widths), 22, fill=1, stroke=int(banded))
    c.setFillGray(0)
    x = 50.0
    for text, w in zip(heads, widths, strict=True):
        if banded:
            c.rect(x, H - top - 22, w, 22)
        _put(c, ("Helvetica", 7, x + 3, top + 9, text))
        x += w
    for i, row in enumerate([("Hannah Naylor", "10/08/1993", "Yes", "", ""),
                             ("Jack Naylor", "02/11/1990", "No", "2026-04-22", "6 Beech Avenue, Keighley BD21 3NE"),
                             ("", "", "", "", "")]):
        y, x = top + 22 + 24 * i, 50.0
        for text, w in zip(row, widths, strict=True):
            c.rect(x, H - y - 24, w, 24)
            _put(c, ("Helvetica-Oblique", 9, x + 3, y + 15, text))
            x += w
    _put(c, ("Helvetica", 8, 50, 300, "From what date have you been the only adult living at the address?"),
         ("Helvetica-Oblique", 10, 50, 314, "2026-04-22"))
    c.save()
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Mrs Hannah Naylor" and fields["other_adult_name"] == "Jack Naylor"
    assert fields["other_adult_forwarding_address"] == "6 Beech Avenue, Keighley BD21 3NE"
    assert fields["sole_adult_since"] == "2026-04-22"
    out = _extraction(path)  # the leaver's row is theirs: no rival to the applicant's own name
    assert min(out.fields[k].confidence for k in ("applicant_name", "other_adult_name")) >= 0.8, out.notes


def test_an_address_asked_at_the_foot_of_a_page_and_written_under_the_next_pages_continued_title(
        tmp_path: Path) -> None:
    # "4.1 Address" the last thing on page 1, under a shaded "Note" of guidance; its box at the top of page 2,
    # under the form's title again with "(continued)"
    path = tmp_path / "overleaf.pdf"
    title = "Council Tax - Moving home (change of address)"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    _put(c, ("Helvetica-Bold", 14, 40, 60, title), ("Helvetica-Bold", 10, 40, 110, "Section 1  Your move"),
         ("Helvetica", 9, 40, 130, "1.1  Date of your move"), ("Courier", 10, 45, 146, "13/12/2026"),
         ("Helvetica-Bold", 10, 40, 190, "Section 2  About you"), ("Helvetica", 9, 40, 210, "2.1  Full name"),
         ("Courier", 10, 45, 226, "Mrs Joanne Madge"),
         ("Helvetica-Bold", 10, 40, 560, "Section 3  The address you are leaving"),
         ("Helvetica", 9, 40, 580, "3.1  Address"), ("Courier", 10, 45, 596, "4 Bampfylde Way"),
         ("Courier", 10, 45, 610, "Plymouth"), ("Helvetica", 9, 40, 632, "Postcode"),
         ("Courier", 10, 100, 632, "PL6 5RT"),
         ("Helvetica-Bold", 10, 40, 680, "Section 4  The address you are moving to"))
    c.setFillGray(0.9)
    c.rect(40, H - 712, 500, 20, fill=1, stroke=0)
    c.setFillGray(0)
    _put(c, ("Helvetica-Bold", 8, 44, 704, "Note"),
         ("Helvetica-Oblique", 8, 80, 704, "If you are moving out of the borough, this is your forwarding address."),
         ("Helvetica", 9, 40, 730, "4.1  Address"), ("Helvetica", 7, 40, 810, "CTX/MOV2 (rev. 09/24)   Page 1"))
    c.showPage()
    _put(c, ("Helvetica-Bold", 11, 40, 50, f"{title} (continued)"), ("Courier", 10, 45, 80, "24 Fore Street"),
         ("Courier", 10, 45, 94, "Ashcombe"), ("Helvetica", 9, 40, 116, "Postcode"),
         ("Courier", 10, 100, 116, "AM1 3EU"),
         ("Helvetica-Bold", 10, 40, 160, "Section 5  Declaration"), ("Helvetica", 9, 40, 180, "Date"),
         ("Courier", 10, 100, 180, "14/11/2026"), ("Helvetica", 7, 40, 810, "CTX/MOV2 (rev. 09/24)   Page 2"))
    c.save()
    assert not any(p.label.startswith(title) for p in _pairs(path))
    _, fields = _fields(path)
    assert fields["previous_address"] == "4 Bampfylde Way" and fields["previous_postcode"] == "PL6 5RT"
    assert fields["new_address"] == "24 Fore Street" and fields["new_postcode"] == "AM1 3EU"


def test_a_shaded_note_of_guidance_between_a_question_and_its_boxes(tmp_path: Path) -> None:
    # "1.1 Council Tax account number", then a shaded panel "Note  Your account number is shown at the top right
    # of your bill. It has 8 digits.", then the eight boxes: the note is neither the answer nor a part's heading
    path = tmp_path / "note.pdf"
    c = _canvas(path, "Council Tax - Single Person Discount application")
    _put(c, ("Helvetica-Bold", 10, 48, 100, "Part 1  About you and your home"),
         ("Helvetica-Bold", 9, 50, 122, "1.1  Council Tax account number"))
    c.setFillGray(0.9)
    c.rect(45, H - 146, 480, 16, fill=1, stroke=0)
    c.setFillGray(0)
    _put(c, ("Helvetica-Bold", 8, 48, 140, "Note"),
         ("Helvetica-Oblique", 8, 76, 140, "Your account number is shown at the top right of your bill. It has 8 "
                                           "digits. Write one digit in each box."))
    _boxes(c, 47, H - 170, "62776552")
    _put(c, ("Helvetica-Bold", 9, 50, 190, "1.2  Your full name"), ("Courier", 10.5, 48, 206, "Agnieszka Rowe"))
    c.save()
    pairs = _pairs(path)
    assert _answer(pairs, "Council Tax account number") == "62776552"
    assert {p.section for p in pairs if p.answer == "Agnieszka Rowe"} == {"Part 1 About you and your home"}
    _, fields = _fields(path)
    assert fields["account_ref"] == "62776552"


def test_a_form_in_two_columns_with_bare_numbers_in_bold_and_a_grid_of_options(tmp_path: Path) -> None:
    # questions down the left column then the right, each number in bold before its words; the right column's
    # zone options two to a line, level with the left column's answers; the date written in a bigger type a hair
    # above its label's line, level with the left column's small print
    path = tmp_path / "two_columns.pdf"
    c = _canvas(path, "Residents' Parking Permit")

    def q(x: float, top: float, n: str, label: str, answer: str = "") -> None:
        _put(c, ("Helvetica-Bold", 8, x, top, n), ("Helvetica", 8, x + 12, top, label))
        if answer:
            _put(c, ("Times-Roman", 10.5, x + 14 + stringWidth(label, "Helvetica", 8) + 9, top - 2, answer))

    _put(c, ("Helvetica-Bold", 9, 40, 104, "Section 1  About you"),
         ("Helvetica-Bold", 9, 313, 104, "Section 3  Your permit"))
    q(36, 126, "1", "Title (Mr/Mrs/Ms/Miss/Dr/other)")
    q(309, 126, "12", "Which zone do you live in? (tick one)")
    q(36, 145, "2", "First name(s)", "Gary")
    _put(c, ("Helvetica", 9, 321, 141, "[ ] Fore Street"), ("Helvetica", 9, 440, 141, "[ ] Zone A1"),
         ("Helvetica", 9, 321, 156, "[X] Zone A2"), ("Helvetica", 9, 440, 156, "[ ] Quay"))
    q(36, 164, "3", "Surname", "Ware")
    q(309, 196, "13", "Start the permit on", "24/12/2026")
    q(36, 248, "5", "Postcode", "AM1 8QF")
    _put(c, ("Helvetica-Oblique", 7, 36, 303, "You must live at this address as your main home. We check applications"),
         ("Helvetica-Oblique", 7, 36, 312, "against Council Tax and electoral registration records."),
         ("Helvetica", 8, 321, 296, "Signed"))
    q(309, 316, "14", "Date")
    _put(c, ("Times-Roman", 10.5, 347, 314, "16/11/2026"))
    _put(c, ("Helvetica-Bold", 9, 40, 327, "Section 2  Your vehicle"))
    q(36, 349, "8", "Registration number", "WG74 SJH")
    q(36, 368, "9", "Make", "Vauxhall")
    c.save()
    answers = {p.label: p.answer for p in _pairs(path)}
    assert answers["Which zone do you live in? (tick one)"] == "Zone A2"
    assert answers["Date"] == "16/11/2026" and answers["First name(s)"] == "Gary"
    _, fields = _fields(path)
    assert fields["applicant_name"] == "Gary Ware" and fields["declaration_date"] == "2026-11-16"
    assert fields["zone"] == "A2" and fields["vrm"] == "WG74SJH"


def test_an_x_written_a_little_out_of_its_tick_box_marks_it(tmp_path: Path) -> None:
    # a handwriting-like "X" in a slanted type, its foot a couple of points below the box it marks
    path = tmp_path / "x_out.pdf"
    c = _canvas(path, "Residents' Parking Permit - Application")
    _put(c, ("Helvetica", 9, 40, 120, "Which permit zone do you live in? (tick one box)"))
    for x, option in ((50, "Mill Quarter"), (139, "Zone C1"), (215.5, "Zone C2"), (292, "Infirmary")):
        c.rect(x, H - 142, 10, 10)
        _put(c, ("Helvetica", 9.5, x + 15, 140, option))
    _put(c, ("Helvetica-Oblique", 11, 293.5, 141.5, "X"))  # (its foot 1.7 points under the box's)
    c.save()
    answers = {p.label: p.answer for p in _pairs(path)}
    assert answers["Which permit zone do you live in? (tick one box)"] == "Infirmary"
