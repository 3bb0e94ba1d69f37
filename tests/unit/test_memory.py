"""The layout memory's reading side (extractors/memory.py): signatures, where a value sits, reading by a lesson."""

from __future__ import annotations

import pytest

from extractors.contract import Extraction, FieldValue
from extractors.document import Box
from extractors.memory import Lesson, Locator, Signature, candidates, locate, read_by_lessons, section_key
from extractors.pairs import Pair
from extractors.spec import FieldSpec

NAME = FieldSpec("applicant_name", "name", required=True)
POSTCODE = FieldSpec("new_postcode", "postcode", role="new")
PREVIOUS = FieldSpec("previous_postcode", "postcode", role="previous")
START = FieldSpec("start_date", "date", role="start")
SIGNED = FieldSpec("declaration_date", "date", role="declaration")


def _pair(label: str, answer: str, top: float, section: str = "") -> Pair:
    return Pair(1, label, Box(1, 50, top, 150, top + 10), answer, Box(1, 250, top, 400, top + 10), 0.9, "beside",
                section=section)


def test_signatures_of_one_layout_match_whatever_was_written() -> None:
    a = Signature("words", frozenset({"full", "name", "postcode", "date", "signature", "council", "tax"}))
    b = Signature("words", frozenset({"full", "name", "postcode", "date", "signature", "council", "tax", "extra"}))
    other = Signature("words", frozenset({"vehicle", "registration", "zone", "name"}))
    assert a.similarity(b) >= 0.8 > a.similarity(other)
    assert Signature("widgets", a.tokens).similarity(a) == 0.0  # a fillable form is never a printed one


def test_a_value_is_found_where_the_reader_read_it_when_it_is_written_twice() -> None:
    pairs = [_pair("Permit start", "01/12/2026", 100), _pair("Date", "01/12/2026", 300, "Declaration")]
    first, second = (loc for loc, _ in candidates(pairs, START, "2026-12-01"))
    assert locate(pairs, SIGNED, "2026-12-01", near=pairs[1].answer_box) == second
    assert locate(pairs, START, "2026-12-01", taken=[second]) == first


def test_a_name_with_its_title_is_found_in_its_parts_not_in_the_signature() -> None:
    pairs = [_pair("Title", "Mx", 100), _pair("Forename(s)", "Robin", 120), _pair("Surname", "Howells", 140),
             _pair("Signature", "Robin Howells", 400)]
    where = locate(pairs, NAME, "Mx Robin Howells")
    assert where is not None and [p.label for p in where.parts] == [" title ", " forename s ", " surname "]


def test_a_lesson_reads_its_place_and_a_blank_place_leaves_the_field_out() -> None:
    taught = [_pair("Postcode", "AB1 2CD", 100, "Address you are leaving"),
              _pair("Postcode", "EF3 4GH", 200, "New address")]
    lesson_new = Lesson(1, "new_postcode", locate(taught, POSTCODE, "EF3 4GH") or Locator())
    lesson_old = Lesson(2, "previous_postcode", locate(taught, PREVIOUS, "AB1 2CD") or Locator())
    # A later form of the layout: the section left blank this time has no pair, the other its new answer.
    later = [_pair("Postcode", "JK5 6LM", 200, "New address")]
    out = Extraction("council_tax_move", "x", "1")
    out.fields["previous_postcode"] = FieldValue("previous_postcode", "JK5 6LM", 0.9, "label",
                                                 box=later[0].answer_box)
    used = read_by_lessons("Address you are leaving\nPostcode\nNew address\nPostcode JK5 6LM", later,
                           [POSTCODE, PREVIOUS], [lesson_new, lesson_old], out)
    assert used == {"new_postcode": 1, "previous_postcode": 2}
    assert out.fields["new_postcode"].value == "JK5 6LM" and out.fields["new_postcode"].method == "learned"
    assert "previous_postcode" not in out.fields  # the reader's guess from the other section is gone


def test_a_section_is_known_by_its_heading_whether_or_not_its_number_was_read_with_it() -> None:
    assert section_key("3. Your new address") == section_key("Your new address") == " your new address "
    assert section_key("Part B Declaration") == section_key("Declaration")
    assert section_key("A Declaration") == " declaration "  # a lettered section, as printed on some forms
    assert section_key("2026 review") == " 2026 review "  # a year is part of the heading, not its number


def test_a_lesson_whose_section_reads_otherwise_takes_the_one_answer_to_its_label() -> None:
    taught = [_pair("Postcode", "EF3 4GH", 200, "New address")]
    lesson = Lesson(1, "new_postcode", locate(taught, POSTCODE, "EF3 4GH") or Locator())
    # The heading was read differently on this form: the one "Postcode" answer is this lesson's.
    later = [_pair("Postcode", "JK5 6LM", 200, "Where you are moving to")]
    out = Extraction("council_tax_move", "x", "1")
    assert read_by_lessons("Where you are moving to Postcode JK5 6LM", later, [POSTCODE], [lesson], out)
    assert out.fields["new_postcode"].value == "JK5 6LM"
    # ... unless another lesson of the layout puts that label under that section: then this one was left blank.
    other = Lesson(2, "previous_postcode", Locator(" postcode ", " where you are moving to "))
    out = Extraction("council_tax_move", "x", "1")
    read_by_lessons("Where you are moving to Postcode JK5 6LM", later, [POSTCODE, PREVIOUS], [lesson, other], out)
    assert "new_postcode" not in out.fields


def test_locators_round_trip_through_json() -> None:
    loc = Locator("postcode", "new address", 1, None, True, (Locator("title"), Locator("surname")))
    assert Locator.from_json(loc.to_json()) == loc


def test_a_blank_place_leaves_what_the_reader_found_elsewhere_for_staff_not_lost() -> None:
    taught = [_pair("Postcode", "AB1 2CD", 100, "Address you are leaving")]
    lesson = Lesson(1, "previous_postcode", locate(taught, PREVIOUS, "AB1 2CD") or Locator())
    later = [_pair("Your old postcode is", "JK5 6LM", 300, "Notes")]
    out = Extraction("council_tax_move", "x", "1")
    out.fields["previous_postcode"] = FieldValue("previous_postcode", "JK5 6LM", 0.95, "label",
                                                 box=later[0].answer_box, label="Your old postcode is")
    read_by_lessons("Address you are leaving\nPostcode:\nNotes\nYour old postcode is JK5 6LM", later, [PREVIOUS],
                    [lesson], out)
    kept = out.fields["previous_postcode"]
    assert kept.value == "JK5 6LM" and kept.confidence < 0.8  # kept, but staff check it
    assert any("blank" in n for n in out.notes)


def test_a_label_worded_a_little_otherwise_in_its_section_is_the_lessons_place() -> None:
    taught = [_pair("Name", "NOWAK Nicola", 100, "About you"), _pair("Name of person who left", "Tom Cole", 300,
                                                                   "Household")]
    lesson = Lesson(1, "applicant_name", locate(taught, NAME, "NOWAK Nicola") or Locator())
    later = [_pair("Name (SURNAME first)", "HALL Margaret", 100, "About you"),
             _pair("Name of person who left", "Ian Hall", 300, "Household")]
    out = Extraction("council_tax_spd", "x", "1")
    read_by_lessons("About you\nName (SURNAME first) HALL Margaret", later, [NAME], [lesson], out)
    assert out.fields["applicant_name"].value == "HALL Margaret" and out.fields["applicant_name"].method == "learned"


def test_a_question_that_only_shares_the_lessons_word_is_not_its_place() -> None:
    address = FieldSpec("new_address", "address", role="new")
    taught = [_pair("Address", "41 Willowbrook Drive", 100, "Your new address")]
    lesson = Lesson(1, "new_address", locate(taught, address, "41 Willowbrook Drive") or Locator())
    later = [_pair("At your new address are you", "AN OWNER", 140, "Your new address")]  # its Address left blank
    out = Extraction("council_tax_move", "x", "1")
    read_by_lessons("Your new address\nAddress\nAt your new address are you AN OWNER", later, [address], [lesson],
                    out)
    assert "new_address" not in out.fields


def test_a_lesson_never_reads_a_name_less_fully_than_the_reader_did() -> None:
    taught = [_pair("Forename(s)", "Rebecca", 100), _pair("Surname", "Parker", 120), _pair("Title", "", 80)]
    lesson = Lesson(1, "applicant_name", locate(taught, NAME, "Rebecca Parker") or Locator())
    later = [_pair("Title", "Mrs", 80), _pair("Forename(s)", "Linda", 100), _pair("Surname", "Dobson", 120)]
    out = Extraction("council_tax_move", "x", "1")
    out.fields["applicant_name"] = FieldValue("applicant_name", "Mrs Linda Dobson", 0.95, "label")
    read_by_lessons("Title Mrs\nForename(s) Linda\nSurname Dobson", later, [NAME], [lesson], out)
    assert out.fields["applicant_name"].value == "Mrs Linda Dobson"
    out = Extraction("council_tax_move", "x", "1")
    read_by_lessons("Title Mrs\nForename(s) Linda\nSurname Dobson", later, [NAME], [lesson], out)
    assert out.fields["applicant_name"].value == "Linda Dobson"  # what the lesson reads, with nothing better


def test_a_name_is_learnt_where_it_is_asked_for_not_where_it_is_signed() -> None:
    pairs = [_pair("Signature of applicant", "Mr Liam Crossley", 400, "Declaration"),
             _pair("Full name", "Mr Liam Crossley", 100, "Applicant")]
    where = locate(pairs, NAME, "Mr Liam Crossley", near=pairs[0].answer_box)
    assert where is not None and where.label == " full name "


def test_a_repeated_label_is_known_by_the_answer_before_it_when_an_earlier_one_is_blank() -> None:
    # One section holds both addresses, each followed by a bare "Postcode": which one is which is the
    # label before it, not the count, once the first address (and its postcode) is left blank.
    taught = [_pair("Address you are moving from", "1 Mill Lane", 100), _pair("Postcode", "AB1 2CD", 120),
              _pair("Address you are moving to", "9 High Street", 140), _pair("Postcode", "EF3 4GH", 160)]
    new = locate(taught, POSTCODE, "EF3 4GH")
    old = locate(taught, PREVIOUS, "AB1 2CD")
    assert new is not None and old is not None and (new.nth, old.nth) == (1, 0)
    assert Locator.from_json(new.to_json()).after == " address you are moving to "
    later = [_pair("Address you are moving to", "7 Rope Walk", 140), _pair("Postcode", "JK5 6LM", 160)]
    out = Extraction("council_tax_move", "x", "1")
    read_by_lessons("Address you are moving from\nPostcode\nAddress you are moving to 7 Rope Walk\nPostcode JK5 6LM",
                    later, [POSTCODE, PREVIOUS], [Lesson(1, "new_postcode", new), Lesson(2, "previous_postcode", old)],
                    out)
    assert out.fields["new_postcode"].value == "JK5 6LM"
    assert "previous_postcode" not in out.fields  # counting would have taken the only Postcode for the first


def test_a_value_the_reader_took_for_the_letterhead_is_learnt_where_it_is() -> None:
    account = FieldSpec("account_ref", "account_ref", required=True)
    head = _pair("Council Tax account number", "4080 5255", 40)
    head.zone = "letterhead"
    pairs = [head, _pair("Your full name", "Chloe Pickles", 100)]
    where = locate(pairs, account, "40805255")
    assert where is not None and where.label == " council tax account number "
    out = Extraction("council_tax_spd", "x", "1")
    read_by_lessons("", pairs, [account], [Lesson(1, "account_ref", where)], out)
    assert out.fields["account_ref"].value == "40805255" and out.fields["account_ref"].method == "learned"


def test_a_value_no_pair_holds_is_learnt_by_the_printed_words_beside_it() -> None:
    from extractors.memory import locate_by_words

    address = FieldSpec("address", "address", required=True)

    def phrases(value: str) -> list[tuple[int, str, Box]]:
        return [(1, "How many permits?", Box(1, 46, 163, 136, 172)), (1, "Home address", Box(1, 232, 171, 291, 180)),
                (1, "permit is for one vehicle and lasts a year.", Box(1, 46, 187, 195, 195)),
                (1, value, Box(1, 237, 187, 296, 197)), (1, "Postcode", Box(1, 232, 246, 270, 255))]

    # The reader took "Home address" for an answer and lost the address under it.
    lost = [Pair(1, "How many permits?", Box(1, 46, 163, 136, 172), "Home address", Box(1, 232, 171, 291, 180),
                 0.5, "beside")]
    where = locate_by_words(phrases("7 Quay Road"), lost, address, "7 Quay Road")
    assert where is not None and where.anchor and Locator.from_json(where.to_json()) == where
    out = Extraction("parking_permit", "x", "1")
    used = read_by_lessons("", lost, [address], [Lesson(1, "address", where)], out, phrases("18 High Street"))
    assert used == {"address": 1}
    assert (out.fields["address"].value, out.fields["address"].method) == ("18 High Street", "learned")
    # Where the reader found it from a label, surely, the words' lesson leaves it be.
    sure = Extraction("parking_permit", "x", "1")
    sure.fields["address"] = FieldValue("address", "5 Tanners Court", 0.95, "label")
    read_by_lessons("", lost, [address], [Lesson(1, "address", where)], sure, phrases("18 High Street"))
    assert sure.fields["address"].value == "5 Tanners Court"


def test_a_lesson_that_reads_free_text_otherwise_than_a_sure_reading_leaves_it_to_staff() -> None:
    what = FieldSpec("change_description", "text")
    # Taught where the reader had paired a heading with the description on the form staff confirmed.
    lesson = Lesson(1, "change_description", Locator(" your details ", "", 0, printed="Your details"))
    # On a later form the heading pairs with a printed caption; the reader read the answer surely.
    later = [_pair("Your details", "Council Tax reference number", 100),
             _pair("What has changed?", "My brother moved out on 3 March 2026.", 300)]
    out = Extraction("council_tax_spd", "x", "1")
    out.fields["change_description"] = FieldValue("change_description", "My brother moved out on 3 March 2026.",
                                                  0.95, "label", box=later[1].answer_box)
    read_by_lessons("", later, [what], [lesson], out)
    got = out.fields["change_description"]
    assert got.value == "My brother moved out on 3 March 2026." and got.method == "label" and got.confidence < 0.8
    assert any("Council Tax reference number" in n for n in out.notes)


@pytest.mark.parametrize("there", [
    "/ /",  # the slashes printed between a date's empty boxes
    "I declare that I live at the address given, that the",  # the place paired with printed words
])
def test_a_date_left_blank_in_a_lessons_place_is_missing_not_invalid(there: str) -> None:
    taught = [_pair("Date", "30/11/2026", 300, "Declaration")]
    lesson = Lesson(1, "declaration_date", locate(taught, SIGNED, "2026-11-30") or Locator())
    later = [_pair("Date", there, 300, "Declaration")]
    out = Extraction("council_tax_spd", "x", "1")
    read_by_lessons(f"Declaration Date {there}", later, [SIGNED], [lesson], out)
    assert "declaration_date" not in out.fields  # missing, as staff see it, not an invalid date


def test_a_lessons_place_answered_by_its_own_labels_second_language_is_blank() -> None:
    """Taught on a form where "Rhif cyfrif" and "Account number" read as one label; on a later form of the
    layout the answer is blank, and the English line reads as the Welsh line's answer: nothing is there."""
    account = FieldSpec("account_ref", "account_ref", required=True)
    taught = [_pair("Rhif cyfrif Account number", "43201167", 200)]
    lesson = Lesson(1, "account_ref", locate(taught, account, "43201167") or Locator())
    later = [_pair("Rhif cyfrif", "Account number", 200)]
    out = Extraction("council_tax_move", "x", "1")
    out.fields["account_ref"] = FieldValue("account_ref", None, 1.0, "label", "Account number", valid=False,
                                           problem="not an account number")
    read_by_lessons("Rhif cyfrif\nAccount number", later, [account], [lesson], out)
    assert "account_ref" not in out.fields  # missing, not "Account number" read as an invalid one


def test_a_ticked_option_is_no_place_to_learn_and_an_answer_may_repeat_its_questions_words() -> None:
    """Which option is ticked changes from form to form, so no lesson is taught on one (nor read from one
    taught before); and an answer written in the question's own words is an answer, not the label again."""
    move = FieldSpec("move_type", "move_type", required=True)
    ticked = Pair(1, "Moving out of Larkmoor district", Box(1, 50, 100, 150, 110), "Moving out",
                  Box(1, 250, 100, 400, 110), 0.93, "choice", widget="Check Box2", options=("Moving in", "Moving out"))
    assert locate([ticked], move, "out") is None
    lesson = Lesson(1, "move_type", Locator(" moving out of larkmoor district ", widget="Check Box2"))
    out = Extraction("council_tax_move", "x", "1")
    out.fields["move_type"] = FieldValue("move_type", "in", 1.0, "label", "Moving in", box=Box(1, 250, 100, 400, 110))
    read_by_lessons("", [ticked], [move], [lesson], out)
    assert out.fields["move_type"].value == "in" and out.fields["move_type"].method == "label"

    question = "Are you moving into or out of a property in the Larkmoor area?"
    taught = [_pair(question, "Moving out of a property in Larkmoor", 300, "About your move")]
    lesson = Lesson(2, "move_type", locate(taught, move, "out") or Locator())
    later = [_pair(question, "Moving into a property in Larkmoor", 300, "About your move")]
    out = Extraction("council_tax_move", "x", "1")
    read_by_lessons(question, later, [move], [lesson], out)
    assert out.fields["move_type"].value == "in" and out.fields["move_type"].method == "learned"


def test_printed_guidance_that_mentions_a_direction_is_no_place_for_a_lesson() -> None:
    """The move's direction was ticked (no place to learn: which box is ticked changes); the guidance printed
    beside, "We will open a new account from the date you moved in ...", reads as "in" but is no answer."""
    move = FieldSpec("move_type", "move_type", required=True)
    pairs = [_pair("Moving in?", "We will open a new account from the date you moved in and send you a bill.", 100),
             Pair(1, "Moving in or out?", None, "Moving in", Box(1, 250, 140, 400, 150), 0.9, "tick")]
    assert candidates(pairs, move, "in") == []
    # a short answer that says it is one
    found = candidates([*pairs, _pair("Direction", "Moving in", 200)], move, "in")
    assert [p.answer for _, p in found] == ["Moving in"]


def test_a_blank_place_keeps_what_the_reader_found_from_another_label_that_asks_for_it_for_staff() -> None:
    # taught on a form that gave the move's date twice ("moved out" and "moved in"); a later form moving in
    # leaves the "moved out" date's boxes blank ("/ /") and gives it under "Date you moved in"
    move = FieldSpec("move_date", "date", role="move")
    taught = [_pair("Date you moved out, or will move out", "23/12/2026", 100, "The address you are leaving"),
              _pair("Date you moved in, or will move in", "23/12/2026", 300, "The address you are moving to")]
    lesson = Lesson(1, "move_date", locate(taught, move, "2026-12-23") or Locator())
    later = [_pair("Date you moved out, or will move out", "/ /", 100, "The address you are leaving"),
             _pair("Date you moved in, or will move in", "24/11/2026", 300, "The address you are moving to")]
    out = Extraction("council_tax_move", "x", "1")
    out.fields["move_date"] = FieldValue("move_date", "2026-11-24", 1.0, "label", box=later[1].answer_box,
                                         label="Date you moved in, or will move in")
    read_by_lessons("Date you moved out, or will move out / /", later, [move], [lesson], out)
    kept = out.fields["move_date"]
    assert kept.value == "2026-11-24" and kept.confidence < 0.8  # not lost: staff see it, and decide


def test_a_phones_place_holding_the_next_questions_number_is_blank() -> None:
    phone = FieldSpec("phone", "phone")
    taught = [_pair("Daytime telephone", "01632 960 913", 100, "Contact details")]
    lesson = Lesson(1, "phone", locate(taught, phone, "01632 960 913") or Locator())
    later = [_pair("Daytime telephone", "3.2", 100, "Contact details")]  # left blank: the next number beside it
    out = Extraction("council_tax_spd", "x", "1")
    read_by_lessons("Contact details Daytime telephone 3.2", later, [phone], [lesson], out)
    assert "phone" not in out.fields


def test_a_learned_address_written_on_lines_reads_as_the_page_reader_reads_it() -> None:
    # the other adult's forwarding address, a whole address in free text: its lines joined by commas
    forwarding = FieldSpec("other_adult_forwarding_address", "text", means="address", role="forwarding")
    taught = [_pair("Their forwarding address", "3 Station Road\nWesterleigh, WL2 3JL", 100)]
    lesson = Lesson(1, forwarding.name, locate(taught, forwarding, "3 Station Road, Westerleigh, WL2 3JL")
                    or Locator())
    later = [_pair("Their forwarding address", "6 Saxon Close, Ashcombe\nWesterleigh, WL4 2WR", 100)]
    out = Extraction("council_tax_spd", "x", "1")
    read_by_lessons("Their forwarding address", later, [forwarding], [lesson], out)
    assert out.fields[forwarding.name].value == "6 Saxon Close, Ashcombe, Westerleigh, WL4 2WR"


def test_a_lesson_does_not_place_a_field_this_forms_own_answers_placed() -> None:
    # a move's addresses named by place ("The property in Carrow Vale"): taught on a form moving out, the
    # postcode there was the previous one; on a form moving in the same place holds the new one
    taught = [_pair("Postcode", "CV3 7LN", 100, "The property in Carrow Vale"),
              _pair("Postcode", "SK4 2PQ", 200, "Your other address")]
    lesson = Lesson(1, "previous_postcode", locate(taught, PREVIOUS, "CV3 7LN") or Locator())
    later = [_pair("Postcode", "CV1 5WR", 100, "The property in Carrow Vale"),
             _pair("Postcode", "BB10 3QD", 200, "Your other address")]
    out = Extraction("council_tax_move", "x", "1", directed=frozenset({"previous_postcode", "new_postcode"}))
    out.fields["previous_postcode"] = FieldValue("previous_postcode", "BB10 3QD", 0.88, "label",
                                                 box=later[1].answer_box)
    used = read_by_lessons("Postcode", later, [POSTCODE, PREVIOUS], [lesson], out)
    assert used == {} and out.fields["previous_postcode"].value == "BB10 3QD"
