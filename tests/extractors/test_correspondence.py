"""extractors/correspondence.py: letters and emails drawn as PDFs, read back."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from extractors.contract import Extraction
from extractors.correspondence import LETTER_SCORE, extractor, looks_like_name
from extractors.document import open_document
from extractors.registry import default_registry
from formwork.sample import other_docs
from formwork.sample.council import make_council
from formwork.sample.letters import CorrespondenceOracle, build_letter, render_letter

W, H = A4
COUNCIL = ["Revenues and Benefits", "Formwick District Council", "Town Hall", "Market Street", "Formwick",
           "FW1 1AA"]
BODY = ["My black bin was not collected on the 3rd of March, and the recycling was missed on 10/03/2026.",
        "Please could someone come back and empty it. My council tax account is CT 4001 2345."]


def draw(path: Path, right: list[str], left: list[str], lines: list[str]) -> Path:
    """A letter: ``right`` block top right, ``left`` block under it on the left, then ``lines``."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    y = H - 60
    for t in right:
        c.drawRightString(W - 60, y, t)
        y -= 15
    y -= 15
    for t in left:
        c.drawString(60, y, t)
        y -= 15
    y -= 15
    for t in lines:
        if t:
            c.drawString(60, y, t)
        y -= 15
    c.showPage()
    c.save()
    return path


def read(path: Path) -> Extraction:
    with open_document(path) as doc:
        return extractor.extract(doc)


def letter_lines(sign_off: str = "Yours faithfully,", name: str = "Jane Smith") -> list[str]:
    return ["Re: Missed bin", "", "Dear Sir or Madam,", "", *BODY, "", sign_off, "", name]


def test_sender_from_the_right_hand_block_and_never_the_council(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["Mrs Jane Smith", "12 Mill Lane", "Formwick", "FW3 2AB", "", "20 March 2026"],
               COUNCIL, letter_lines())
    got = read(pdf).values()
    assert got["sender_name"] == "Mrs Jane Smith"  # the fuller of the block's and the signature's
    assert got["address"] == "12 Mill Lane"
    assert got["postcode"] == "FW3 2AB"
    assert got["account_ref"] == "40012345"
    # The letter's own date first, then the body's ("the 3rd of March" dated by the letter)
    assert got["dates_mentioned"] == ["2026-03-20", "2026-03-03", "2026-03-10"]
    assert got["body"] == " ".join(BODY)
    assert got["topic"] == "missed_bin"


def test_the_council_on_the_right_and_the_sender_on_the_left(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", COUNCIL, ["7 Beech Road", "Kelbridge", "FW9 4XY"], letter_lines())
    got = read(pdf).values()
    assert (got["address"], got["postcode"], got["sender_name"]) == ("7 Beech Road", "FW9 4XY", "Jane Smith")


def test_a_reference_line_under_the_councils_address_is_the_writers(tmp_path: Path) -> None:
    body = ["Council Tax account number 6577 5294", "", "Dear Sir or Madam,", "",
            "I have received a bill dated 16 November 2026 for the above account and would like the instalments",
            "explained.", "", "Yours faithfully,", "", "Olivia Vaughan"]
    pdf = draw(tmp_path / "l.pdf", ["77 Pinfold Lane", "Upper Brackley", "FW9 5BP", "", "30 November 2026"],
               COUNCIL, body)
    assert read(pdf).values()["account_ref"] == "65775294"


def test_a_heading_in_bold_under_the_greeting_is_the_subject_not_the_body(tmp_path: Path) -> None:
    path = tmp_path / "l.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    lines = [("Times-Roman", "Craig Saunders"), ("Times-Roman", "2 Harrier Crescent"), ("Times-Roman", "Formwick"),
             ("Times-Roman", "FW3 3PE"), ("Times-Roman", ""), ("Times-Roman", "1 December 2026"),
             ("Times-Roman", ""), ("Times-Roman", "Dear Sir or Madam,"), ("Times-Roman", ""),
             ("Times-Bold", "Formal complaint - customer service centre"), ("Times-Roman", ""),
             ("Times-Roman", "I wish to make a formal complaint about the way I was treated when I visited the"),
             ("Times-Roman", "customer service centre on 12th November 2026. I would like an apology."),
             ("Times-Roman", ""), ("Times-Roman", "Yours faithfully,"), ("Times-Roman", ""),
             ("Times-Roman", "Craig Saunders")]
    y = H - 60
    for font, text in lines:
        c.setFont(font, 11.5)
        if text:
            c.drawString(60, y, text)
        y -= 15
    c.save()
    got = read(path).values()
    assert got["body"] == ("I wish to make a formal complaint about the way I was treated when I visited the "
                           "customer service centre on 12th November 2026. I would like an apology.")
    assert got["topic"] == "complaint"


def test_a_letter_with_only_the_councils_address_has_no_sender_address(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", [], COUNCIL, letter_lines())
    got = read(pdf).values()
    assert "address" not in got and "postcode" not in got
    assert got["sender_name"] == "Jane Smith"


def test_an_unsigned_letter_has_no_name(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["12 Mill Lane", "Formwick", "FW3 2AB"], COUNCIL,
               letter_lines(name="Tel: 07700 900123"))
    assert "sender_name" not in read(pdf).fields


def test_an_undated_letter_leaves_yearless_dates_out_and_says_so(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["12 Mill Lane", "Formwick", "FW3 2AB"], COUNCIL, letter_lines())
    ex = read(pdf)
    assert ex.values()["dates_mentioned"] == ["2026-03-10"]
    assert any("without a year" in n for n in ex.notes)


def test_an_email_printout(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "e.pdf", [], [], [
        "From: Olivia Lane <olivia.lane@example.com>", "Sent: Tuesday, 24 November 2026 10:14",
        "To: foi@formwick.gov.example", "Subject: Freedom of Information request", "",
        "Under the Freedom of Information Act 2000, please provide the following information.",
        "How much did the council spend on consultants in the financial year 2025?",
        "Please send the information by email rather than by post.", "", "Thanks,", "Olivia",
        "73 Meadow Mews", "Lower Wexcombe", "FW12 5EE", "Mobile: 07700 900431"])
    got = read(pdf).values()
    assert got["sender_name"] == "Olivia Lane"  # a surname that is also a street word
    assert (got["address"], got["postcode"]) == ("73 Meadow Mews", "FW12 5EE")
    assert got["topic"] == "foi_request"
    assert got["body"].startswith("Under the Freedom") and got["body"].endswith("rather than by post.")


def test_a_letter_about_two_things_is_not_confident(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["12 Mill Lane", "Formwick", "FW3 2AB"], COUNCIL, [
        "Dear Sir or Madam,", "My black bin was not collected on Tuesday and the bin was left full.",
        "Under the Freedom of Information Act 2000, please provide the following information.",
        "The lorry came down our road but went straight past our house.",
        "How much did the council spend on consultants in the financial year 2025?",
        "Yours faithfully,", "Jane Smith"])
    assert read(pdf).fields["topic"].confidence < 0.8


@pytest.mark.parametrize(("text", "expected"), [
    ("Mrs Jane Smith", True), ("J. Smith", True), ("Dr Elif Demir", True), ("Olivia Lane", False),
    ("12 Mill Lane", False), ("Formwick District Council", False), ("Yours sincerely", False),
    ("Rose Cottage, Mill Lane", False), ("jane@example.com", False)])
def test_looks_like_name(text: str, expected: bool) -> None:
    assert looks_like_name(text) is expected


# --------------------------------------------------------------------------- classification


def test_letters_score_below_a_form_on_its_own_form(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["12 Mill Lane", "Formwick", "FW3 2AB"], COUNCIL, [
        "Dear Sir or Madam,", "I would like to apply for the single person discount as I now live alone.",
        "Yours faithfully,", "Jane Smith"])
    with open_document(pdf) as doc:
        found = default_registry().classify(doc)
    assert found.scores["correspondence"] == LETTER_SCORE
    assert found.extractor is not None and found.extractor.form_type == "council_tax_spd"


@pytest.mark.parametrize("make", [other_docs.agenda, other_docs.invoice])
def test_documents_that_are_not_letters_are_declined(tmp_path: Path, make: object) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(make(random.Random(1), "Formwick District Council", dt.date(2026, 11, 27)))  # type: ignore[operator]
    with open_document(pdf) as doc:
        assert extractor.score(doc) is None


def test_a_page_with_a_few_words_is_declined(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "x.pdf", [], ["Dear"], [])
    with open_document(pdf) as doc:
        assert extractor.score(doc) is None


# --------------------------------------------------------------------------- generated letters


@pytest.mark.parametrize("style", ["formal", "block", "email", "typed"])
def test_generated_letters_read_back_as_the_truth_says(tmp_path: Path, style: str) -> None:
    as_of = dt.date(2026, 11, 27)
    council = make_council(random.Random("letters-test"), as_of, 200)
    oracle = CorrespondenceOracle(council)
    rng = random.Random(f"letters-test:{style}")
    right = total = 0
    for n in range(6):
        letter = build_letter(council, as_of, None, style, rng, set(council.accounts_by_ref))
        pdf = tmp_path / f"{n}.pdf"
        pdf.write_bytes(render_letter(letter, rng))
        truth = oracle.judge(letter)
        with open_document(pdf) as doc:
            assert default_registry().classify(doc).extractor is extractor
            got = extractor.extract(doc).values()
        for name in set(truth.fields) | set(got):
            total += 1
            right += truth.fields.get(name) == got.get(name)
    assert right / total >= 0.95


def test_a_two_page_letter_with_a_flat_contact_lines_and_an_initial_in_the_signature(tmp_path: Path) -> None:
    pdf = tmp_path / "two.pdf"
    c = Canvas(str(pdf), pagesize=A4, invariant=1)
    c.setFont("Times-Roman", 12)
    y = H - 60
    for t in ["Mr Tomasz Nowak", "Flat 2, 14 Brook Street", "Formwick", "FW2 3DE", "Tel: 01632 960555",
              "Email: t.nowak@example.com"]:
        c.drawRightString(W - 60, y, t)
        y -= 15
    y -= 20
    for t in ["Your ref: CT 4412 3456", "12th November 2026", "", "Council Tax Section",
              "Formwick Borough Council", "Town Hall", "FW1 1AA", "", "Dear Sir,"]:
        c.drawString(60, y, t)
        y -= 15
    for i in range(40):
        if y < 80:
            c.showPage()
            c.setFont("Times-Roman", 12)
            y = H - 60
        c.drawString(60, y, "I have received my council tax bill and I do not understand why it has gone up again."
                     if i % 2 == 0 else "Please can you check it, I paid on the 3rd of November.")
        y -= 15
    for t in ["", "Yours faithfully,", "", "T. Nowak"]:
        c.drawString(60, y, t)
        y -= 15
    c.showPage()
    c.save()
    ex = read(pdf)
    got = ex.values()
    assert got["sender_name"] == "Mr Tomasz Nowak" and ex.fields["sender_name"].confidence >= 0.8
    assert (got["address"], got["postcode"]) == ("Flat 2, 14 Brook Street", "FW2 3DE")
    assert got["account_ref"] == "44123456"
    assert got["dates_mentioned"] == ["2026-11-12", "2026-11-03"]  # the date line's, then the body's
    assert got["topic"] == "council_tax_query"
    assert got["body"].endswith("I paid on the 3rd of November.")


def test_two_different_people_lower_the_names_confidence(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["Mrs Jane Smith", "12 Mill Lane", "Formwick", "FW3 2AB"], COUNCIL,
               letter_lines(name="Peter Brown"))
    ex = read(pdf)
    assert ex.fields["sender_name"].value == "Peter Brown"
    assert ex.fields["sender_name"].confidence < 0.8


def test_a_thank_you_line_before_the_sign_off_does_not_hide_the_name(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["12 Mill Lane", "Formwick", "FW3 2AB"], COUNCIL,
               ["Dear Sir or Madam,", *BODY, "Thank you.", "Yours sincerely,", "", "Jane Smith"])
    got = read(pdf).values()
    assert got["sender_name"] == "Jane Smith"
    assert got["body"] == " ".join([*BODY, "Thank you."])  # a sentence over the sign-off is the body's last


def test_correspondence_is_registered_end_to_end() -> None:
    from formwork.actions import ACTIONS
    from formwork.checks import CHECKS

    ex = default_registry().get("correspondence")
    assert ex is extractor and ex.version == "1.0"
    assert default_registry().for_form_type("correspondence") is extractor
    assert "correspondence" in CHECKS and "correspondence" in ACTIONS
    assert [f.name for f in ex.fields if f.required] == ["topic", "body"]


def test_a_layout_the_sample_never_draws(tmp_path: Path) -> None:
    """Council first (top left), the sender's block under it on the right with a phone line, the date on
    the left, the subject in capitals after the salutation: every field but the body still reads right,
    and the outcome-deciding ones (sender, reference) exactly."""
    from formwork.sample.letters import _Pen

    as_of = dt.date(2026, 11, 27)
    council = make_council(random.Random("unseen-layout"), as_of, 200)
    oracle = CorrespondenceOracle(council)
    rng = random.Random(5)
    right = total = 0
    for n in range(12):
        fault = (None, "unsigned", "no_address", "wrong_ref")[n % 4]
        letter = build_letter(council, as_of, fault, "formal", rng, set(council.accounts_by_ref))
        truth = oracle.judge(letter)
        pdf = tmp_path / f"{n}.pdf"
        c = Canvas(str(pdf), pagesize=A4, invariant=1)
        pen = _Pen(c, "Helvetica", "Helvetica-Bold", 11.5, left=72, right=W - 72)
        for t in letter.recipient:
            pen.line(t)
        pen.skip()
        block = [letter.block_name] if letter.block_name else []
        if letter.address:
            block += [letter.address, letter.town, letter.postcode, f"Tel {letter.phone}" if letter.phone else ""]
        for t in block:
            if t:
                pen.line(t, right=True)
        pen.skip()
        if letter.letter_date:
            pen.line(f"{letter.letter_date.day} {letter.letter_date:%B %Y}")
        pen.skip()
        pen.line("Dear Sirs,")
        pen.line(letter.text.subject.upper(), bold=True)
        for para in letter.text.paragraphs:
            pen.paragraph(para)
        pen.line("Yours sincerely")
        pen.skip(2)
        if letter.signed_name:
            pen.line(letter.signed_name)
        c.showPage()
        c.save()
        got = read(pdf).values()
        for name in (set(truth.fields) | set(got)) - {"body", "topic"}:
            total += 1
            right += truth.fields.get(name) == got.get(name)
        assert got["topic"] == truth.fields["topic"] or truth.reasons == ["LOW_CONFIDENCE:topic"]
    assert right == total


def test_an_email_signed_by_a_surname_that_is_a_street_word(tmp_path: Path) -> None:
    # Found on a sample: "James Hill" over the address was read as the first address line.
    pdf = draw(tmp_path / "e.pdf", [], [], [
        "From: James Hill <james82@example.net>", "Sent: Friday, 20 November 2026 18:59",
        "To: counciltax@formwick.gov.example", "Subject: Query about my bill", "", "Hi,",
        "I have received a council tax reminder notice but I have been paying every month.", "",
        "Best wishes,", "James Hill", "47 Weaver Avenue", "Formwick", "FW1 9LX"])
    got = read(pdf).values()
    assert (got["sender_name"], got["address"], got["postcode"]) == ("James Hill", "47 Weaver Avenue", "FW1 9LX")


def test_a_letter_from_the_council_does_not_make_its_addressee_the_sender(tmp_path: Path) -> None:
    # A council letter uploaded to the inbox: the block without a council name is whom it was sent to.
    pdf = draw(tmp_path / "l.pdf", COUNCIL, ["Mrs Jane Smith", "12 Mill Lane", "Formwick", "FW3 2AB"],
               ["Dear Mrs Smith,", "Your council tax bill for this year is enclosed with this letter.",
                "Yours sincerely,", "Revenues Manager", "Formwick District Council"])
    ex = read(pdf)
    assert not {"sender_name", "address", "postcode"} & set(ex.fields)
    assert any("organisation" in n for n in ex.notes)


# --------------------------------------------------------------------------- the sender's address written in the text

EMAIL_HEAD = ["From: Gethin Pugh <gethin.pugh@example.org>", "Sent: Monday, 16 November 2026 08:12",
              "To: Contact Centre <contact@formwick.gov.example>", "Subject: Garden waste not taken", ""]


def test_an_address_in_the_body_of_an_email_is_the_senders_welsh_street_and_all(tmp_path: Path) -> None:
    # No address under the name: the writer gives it in a sentence, a Welsh street with no English street word.
    pdf = draw(tmp_path / "e.pdf", [], [], [*EMAIL_HEAD, "Good morning,",
               "The brown bin at the front of the house has been left full for the third fortnight running.",
               "We live at 4 Heol y Nant, Llanfair Isaf FW6 2QT and the crew drives past every time.",
               "", "Best wishes,", "Gethin Pugh"])
    ex = read(pdf)
    got = ex.values()
    assert (got["sender_name"], got["address"], got["postcode"]) == ("Gethin Pugh", "4 Heol y Nant", "FW6 2QT")
    assert ex.fields["address"].confidence >= 0.8 and ex.fields["address"].box is not None


@pytest.mark.parametrize(("sentence", "address", "postcode"), [
    ("Could you tell me how to book the hall? I live locally at 20 Kingfisher Drive, Daleham FW4 9WB.",
     "20 Kingfisher Drive", "FW4 9WB"),
    ("I have received my council tax bill for 1 Church Lane, Brantwick, Brantwick fw57zb and the instalments look "
     "higher than last year.", "1 Church Lane", "FW5 7ZB"),
    ("Our grey general waste bin at 30 Castle Street, FW1 8RH was not emptied on the scheduled collection day.",
     "30 Castle Street", "FW1 8RH"),
])
def test_an_address_the_writer_calls_theirs_in_other_words(tmp_path: Path, sentence: str, address: str,
                                                             postcode: str) -> None:
    pdf = draw(tmp_path / "e.pdf", [], [], [*EMAIL_HEAD, "Dear Sir or Madam,", sentence, "", "Kind regards,",
                                            "Anita Marsden"])
    got = read(pdf).values()
    assert (got["address"], got["postcode"]) == (address, postcode)


def test_an_address_in_the_body_of_a_letter_sent_to_the_council_with_no_block_of_its_own(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", [], COUNCIL, [
        "Dear Sir or Madam,",
        "Nobody emptied our recycling on Thursday although every other house in the road was done.",
        "For your records my address is Flat 3, 22 Maes-y-Coed, Pentre Hir, FW8 1LU and my account",
        "number is CT 4001 9876.", "", "Yours sincerely,", "", "Elin Howells"])
    got = read(pdf).values()
    assert (got["address"], got["postcode"]) == ("Flat 3, 22 Maes-y-Coed", "FW8 1LU")
    assert (got["sender_name"], got["account_ref"]) == ("Elin Howells", "40019876")


def test_an_address_given_as_a_house_name_and_a_welsh_street_before_the_town(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "e.pdf", [], [], [*EMAIL_HEAD, "Hello,",
               "Could someone tell me when the next bulky waste collection will be in our village?",
               "My home address is Ty Gwyn, Lôn Las, Cwmfelin FW4 7ND.", "", "Thanks,", "Gethin Pugh"])
    got = read(pdf).values()
    assert (got["address"], got["postcode"]) == ("Ty Gwyn, Lôn Las", "FW4 7ND")


def test_addresses_in_the_body_that_are_not_the_senders_are_never_taken(tmp_path: Path) -> None:
    # The council's offices, a neighbour's house and where the writer used to live: none is where they live.
    pdf = draw(tmp_path / "l.pdf", [], COUNCIL, [
        "Dear Sir or Madam,",
        "I called in at your offices at 1 Market Street, Formwick FW1 1AA last week about this.",
        "My neighbour at 10 Ffordd Las, Formwick FW3 9PP has had the same trouble with the bins.",
        "I used to live at 6 Stryd Fawr, Formwick FW2 4DD and the collections there were never missed.",
        "Please can the crew come back for our bin as soon as possible.", "",
        "Yours faithfully,", "", "Owain Lloyd"])
    ex = read(pdf)
    assert not {"address", "postcode"} & set(ex.fields)
    assert ex.values()["sender_name"] == "Owain Lloyd"


def test_the_councils_own_postcode_in_a_sentence_is_never_the_senders(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", [], COUNCIL, [
        "Dear Sir or Madam,", "We are at Town Hall Yard, Formwick FW1 1AA as caretakers and the bin was missed.",
        "", "Yours faithfully,", "", "Owain Lloyd"])
    assert not {"address", "postcode"} & set(read(pdf).fields)


def test_an_address_in_the_body_that_differs_from_the_block_goes_to_staff(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["Mrs Jane Smith", "12 Mill Lane", "Formwick", "FW3 2AB"], COUNCIL, [
        "Dear Sir or Madam,", "My bin was not collected on Tuesday and has been left at the kerb ever since.",
        "My address is 9 Heol Caradog, Formwick FW5 3RS.", "", "Yours sincerely,", "", "Jane Smith"])
    ex = read(pdf)
    assert ex.fields["address"].confidence < 0.8 and ex.fields["postcode"].confidence < 0.8
    assert any(n.startswith("address:") for n in ex.notes)


def test_the_same_address_in_the_block_and_the_body_agrees(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["Mrs Jane Smith", "12 Mill Lane", "Formwick", "FW3 2AB"], COUNCIL, [
        "Dear Sir or Madam,", "My bin was not collected on Tuesday and has been left at the kerb ever since.",
        "I live at 12 Mill Lane, Formwick FW3 2AB.", "", "Yours sincerely,", "", "Jane Smith"])
    ex = read(pdf)
    assert (ex.values()["address"], ex.values()["postcode"]) == ("12 Mill Lane", "FW3 2AB")
    assert ex.fields["address"].confidence >= 0.8 and ex.fields["postcode"].confidence >= 0.8


def test_an_address_label_and_a_postcode_said_apart_in_an_email(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "e.pdf", [], [], [*EMAIL_HEAD, "Hi,",
               "The garden waste has not been taken for a month now and the bin lid will not shut.",
               "Address: 31 Tan y Graig", "My postcode is FW9 8EW.", "", "Regards,", "Gethin Pugh"])
    got = read(pdf).values()
    assert (got["address"], got["postcode"]) == ("31 Tan y Graig", "FW9 8EW")


def test_a_welsh_street_with_no_house_number_in_the_senders_block(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["Mr Dafydd Rees", "Heol y Felin", "Llanfair", "FW1 2BN"], COUNCIL,
               letter_lines(name="Dafydd Rees"))
    got = read(pdf).values()
    assert (got["sender_name"], got["address"], got["postcode"]) == ("Mr Dafydd Rees", "Heol y Felin", "FW1 2BN")


def test_an_email_printed_from_a_browser_takes_its_subject_from_the_heading_over_the_headers(tmp_path: Path) -> None:
    # No Subject header: the mail program printed the subject as a heading, under the browser's title and time.
    lines = ["Webmail - Gethin Pugh 16/11/2026, 08:12", "Garden waste not taken",
             "From: Gethin Pugh <gethin.pugh@example.org>", "To: Contact Centre <contact@formwick.gov.example>",
             "Date: 16 November 2026 at 08:12", "", "Hello,",
             "It has been left again this week, the third time since October.", "", "Thanks,", "Gethin Pugh"]
    pdf = draw(tmp_path / "e.pdf", [], [], lines)
    with_heading = read(pdf).fields["topic"]
    without = read(draw(tmp_path / "f.pdf", [], [], [lines[0], *lines[2:]])).fields["topic"]
    assert with_heading.value == "missed_bin"
    assert with_heading.confidence > without.confidence


@pytest.mark.parametrize("sentence", [
    "I'm at 27 Stryd y Bont, Llanfair Isaf FW6 2QT if anyone needs to call round.",
    "We have lived at 27 Stryd y Bont, Llanfair Isaf, FW6 2QT since 2019.",
    "I am the tenant of 27 Stryd y Bont, Llanfair Isaf FW6 2QT.",
    "The bin outside my house at 27 Stryd y Bont, Llanfair Isaf FW6 2QT is still full.",
    "My full address is 27 Stryd y Bont, Llanfair Isaf. My postcode is FW6 2QT.",
])
def test_ways_of_saying_where_the_writer_lives(tmp_path: Path, sentence: str) -> None:
    pdf = draw(tmp_path / "e.pdf", [], [], [*EMAIL_HEAD, "Hello,",
               "Our food caddy was missed on Friday and the lid has been chewed open by foxes.", sentence,
               "", "Regards,", "Gethin Pugh"])
    got = read(pdf).values()
    assert (got["address"], got["postcode"]) == ("27 Stryd y Bont", "FW6 2QT")


@pytest.mark.parametrize("where", ["over the greeting", "at the end of the body"])
def test_an_address_typed_as_lines_in_an_email(tmp_path: Path, where: str) -> None:
    address = ["27 Stryd y Bont", "Llanfair Isaf", "FW6 2QT"]
    text = ["Our food caddy was missed on Friday and the lid has been chewed open by foxes."]
    if where == "over the greeting":
        lines = [*address, "", "Hello,", *text, ""]
    else:
        lines = ["Hello,", *text, "", *address, ""]
    got = read(draw(tmp_path / "e.pdf", [], [], [*EMAIL_HEAD, *lines, "Regards,", "Gethin Pugh"])).values()
    assert (got["address"], got["postcode"]) == ("27 Stryd y Bont", "FW6 2QT")


def test_a_name_written_with_an_initial_in_the_block_and_in_full_under_the_sign_off(tmp_path: Path) -> None:
    # One person, not two: the name is the one written more fully, and it is not in doubt.
    pdf = draw(tmp_path / "l.pdf", ["Mr G. Pugh", "27 Stryd y Bont", "Llanfair Isaf", "FW6 2QT"], COUNCIL,
               letter_lines(name="Gethin Pugh"))
    ex = read(pdf)
    assert ex.fields["sender_name"].value == "Gethin Pugh" and ex.fields["sender_name"].confidence >= 0.8


def test_a_signature_in_initials_over_the_name_printed_in_full(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", ["15 Heol y Felin", "Formwick", "FW2 5EL", "", "30 November 2026"], COUNCIL, [
        "Dear Sir or Madam,", "", "I would like to make a request under the Freedom of Information Act 2000.", "",
        "Yours sincerely,", "L. Rossi", "Mr Lewis Rossi"])
    assert read(pdf).values()["sender_name"] == "Mr Lewis Rossi"


@pytest.mark.parametrize("trailer", [
    "This email has been scanned for viruses. Formwick Council: www.formwick.gov.example", "Sent from my iPhone",
    "This email was received by Formwick Council and printed for scanning. Any attachments are filed separately."])
def test_a_mail_systems_trailer_is_no_part_of_the_message(tmp_path: Path, trailer: str) -> None:
    pdf = draw(tmp_path / "e.pdf", [], [], [
        "From: <kr1987@example.com>", "Sent: Tuesday, 1 December 2026 22:39", "To: waste@formwick.gov.example",
        "Subject: bins not collected", "", "Bins on Linnet Way were not collected on 01/12/2026. The whole street is",
        "still waiting and the bags are starting to attract foxes. Please send the lorry back.", trailer])
    got = read(pdf)
    assert got.fields["body"].value == ("Bins on Linnet Way were not collected on 01/12/2026. The whole street is "
                                        "still waiting and the bags are starting to attract foxes. Please send the "
                                        "lorry back.")


def test_an_email_printed_from_gmail_is_no_letter_from_gmail(tmp_path: Path) -> None:
    # the browser's print of a Gmail message: "Gmail" heads the page; signed or not, it is no one's name
    lines = ["Gmail", "", "Council tax account 52981362 - payment taken twice", "1 message", "",
             "Grace Eze <geze@example.co.uk>    Fri, 27 Nov 2026 at 21:57", "To: counciltax@sedgemere.gov.uk", "",
             "Dear Council Tax team,", "", "The payment due on 16/11/2026 was taken twice from my bank account.",
             "Could you please refund the second payment?", "", "Many thanks,", "Grace Eze", "6 Elmfield Avenue",
             "London SG8 5XH"]
    out = read(draw(tmp_path / "signed.pdf", [], [], lines))
    assert out.fields["sender_name"].value == "Grace Eze" and out.fields["sender_name"].confidence >= 0.9, out.notes
    unsigned = [*lines[:-4], "Sent from my iPhone"]
    assert "sender_name" not in read(draw(tmp_path / "unsigned.pdf", [], [], unsigned)).fields


def test_a_writer_signing_for_a_paper_is_still_the_sender(tmp_path: Path) -> None:
    # a reporter's FOI request, signed with their job and their paper's name ("The London Civic Review") over
    # the paper's address: "Civic" names no council office here
    lines = ["Dear Sir/Madam,", "", "I am writing to make a request under the Freedom of Information Act 2000.",
             "Please provide the number of single person discount reviews carried out since 1 January 2024.", "",
             "Best regards,", "Luca Osei", "Reporter", "The London Civic Review", "Unit 4, 19 Bermondsey Wharf",
             "London SE1 3XY"]
    out = read(draw(tmp_path / "foi.pdf", [], [], lines))
    assert out.fields["sender_name"].value == "Luca Osei"
    assert out.fields["address"].value == "Unit 4, 19 Bermondsey Wharf" and out.fields["postcode"].value == "SE1 3XY"


def test_a_letter_greeting_and_signing_off_in_welsh_is_a_letter(tmp_path: Path) -> None:
    # "Annwyl Syr/Madam," and "Yn gywir / Yours faithfully,": a bilingual council's correspondents write so
    pdf = draw(tmp_path / "l.pdf", ["20 Heol Dewi", "Llanddewi Fach", "FW6 3RH", "", "20 November 2026"], COUNCIL, [
        "Annwyl Syr/Madam,", "", "Formal complaint", "",
        "I wish to make a formal complaint about the way I was treated at the customer service centre.", "",
        "Yn gywir / Yours faithfully,", "Andrew Price", "Mr Andrew Price"])
    with open_document(pdf) as doc:
        found = default_registry().classify(doc)
    assert found.extractor is not None and found.extractor.form_type == "correspondence"
    out = read(pdf)
    assert out.fields["topic"].value == "complaint" and out.fields["sender_name"].value == "Mr Andrew Price"
    assert out.fields["address"].value == "20 Heol Dewi"


def test_a_message_forwarded_by_the_councils_staff_is_read_as_the_citizen_wrote_it(tmp_path: Path) -> None:
    # the contact centre passes a resident's email on with a line of its own: the resident is the sender
    lines = ["From: Lisa Harrold <lisa.harrold@formwick.gov.uk>", "Sent: Wednesday, 25 November 2026 10:01",
             "To: waste@formwick.gov.uk", "Subject: FW: Recycling not collected",
             "Hi Waste team, passing this on from the contact centre inbox. Can you log it please? Thanks, Lisa",
             "---------- Forwarded message ---------", "From: Callum Pegg <callumpegg@example.com>",
             "Date: Tue, 24 Nov 2026 at 10:01", "Subject: Recycling not collected", "To: contact@formwick.gov.uk",
             "Hello,", "Our blue recycling bin wasn't emptied on Monday 23 November 2026. I live at 8 Fen Causeway,",
             "Saltney Fen FW6 7JR.", "Could someone come back for it please?", "Thanks,", "Callum Pegg"]
    out = read(draw(tmp_path / "fw.pdf", [], [], lines))
    assert out.fields["sender_name"].value == "Callum Pegg"
    assert out.fields["address"].value == "8 Fen Causeway" and out.fields["postcode"].value == "FW6 7JR"
    assert out.fields["topic"].value == "missed_bin"


def test_a_letter_signed_off_from_an_unnamed_resident_has_no_sender_name(tmp_path: Path) -> None:
    # "From" on a line of its own is the closing, "A fed up resident" no name
    pdf = draw(tmp_path / "l.pdf", ["4 December 2026"], COUNCIL, [
        "Dear Sir or Madam,", "", "Re: Rubbish dumped in back lane", "",
        "People have been dumping mattresses and rubbish in the back lane for weeks. Please get it cleared.", "",
        "From", "A fed up resident"])
    out = read(pdf)
    assert "sender_name" not in out.fields
    assert out.fields["body"].value.endswith("Please get it cleared.")


def test_the_councils_page_footer_under_a_signature_is_no_part_of_it(tmp_path: Path) -> None:
    # the letter is printed on the council's scanning paper: its name, address and web address at the foot of the
    # page, far under the writer's name, say nothing of who signed
    path = tmp_path / "l.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Times-Roman", 11)
    y = H - 60
    for t in ["1 Intake Cottages", "Moor End", "Lumbfoot", "FW9 9RG", "", "1 December 2026", "", *COUNCIL[1:], "",
              "Dear Sir or Madam,", "I wish to make a formal complaint about the way I was treated when I phoned",
              "the contact centre on 8 November 2026. I was kept on hold for fifty minutes.", "",
              "Yours faithfully,", "Mr Dean Barraclough"]:
        if t:
            c.drawString(60, y, t)
        y -= 15
    c.setFont("Helvetica", 8)
    c.drawString(60, 40, "Formwick District Council, Town Hall, Market Street, Formwick FW1 1AA | 01632 960100 | "
                         "www.formwick.gov.example   Page 1")
    c.save()
    got = read(path)
    assert got.fields["sender_name"].value == "Mr Dean Barraclough", got.notes
    assert (got.fields["address"].value, got.fields["postcode"].value) == ("1 Intake Cottages", "FW9 9RG")


@pytest.mark.parametrize("where", ["block", "signature"])
def test_a_senders_address_keeps_as_written_the_lines_under_its_first(tmp_path: Path, where: str) -> None:
    # "Room 4, Cranmer Court" over "40 Station Road": the first line is the room's, and the records decide whether
    # the street's line belongs with it, so the reading keeps both as written
    address = ["Room 4, Cranmer Court", "40 Station Road", "Formwick", "FW2 5WW"]
    lines = ["Dear Sir or Madam,", "", "Please send me the number of parking permits issued in 2025.", "",
             "Yours faithfully,", "Sophie Hale"]
    pdf = draw(tmp_path / "l.pdf", address if where == "block" else [], COUNCIL if where == "block" else [],
               lines if where == "block" else [*lines, *address])
    got = read(pdf)
    assert got.fields["address"].value == "Room 4, Cranmer Court" and got.fields["postcode"].value == "FW2 5WW"
    assert "40 Station Road" in got.fields["address"].raw
