"""formwork/normalise.py: move types, permit zones and registration marks (forms.md)."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from formwork import normalise as norm
from formwork.normalise import InvalidValue

LETTER = st.sampled_from(string.ascii_uppercase)
DIGIT = st.sampled_from(string.digits)


def _join(*parts: list[str]) -> str:
    return "".join(c for part in parts for c in part)


current = st.builds(_join, st.lists(LETTER, min_size=2, max_size=2), st.lists(DIGIT, min_size=2, max_size=2),
                    st.lists(LETTER, min_size=3, max_size=3))
prefix = st.builds(_join, st.lists(LETTER, min_size=1, max_size=1), st.lists(DIGIT, min_size=1, max_size=3),
                   st.lists(LETTER, min_size=3, max_size=3))
suffix = st.builds(_join, st.lists(LETTER, min_size=3, max_size=3), st.lists(DIGIT, min_size=1, max_size=3),
                   st.lists(LETTER, min_size=1, max_size=1))


@given(st.one_of(current, prefix, suffix), st.booleans(), st.booleans())
def test_every_current_prefix_and_suffix_mark_is_valid_however_written(vrm: str, spaced: bool, lower: bool) -> None:
    written = (f"{vrm[:4]} {vrm[4:]}" if spaced else vrm)
    written = written.lower() if lower else written
    value = norm.vrm(written).value
    assert value == vrm and norm.is_valid_vrm(value)


_STYLES = re.compile(r"^(?:[A-Z]{2}\d{2}[A-Z]{3}|[A-Z]\d{1,3}[A-Z]{3}|[A-Z]{3}\d{1,3}[A-Z])$")


@given(st.text(alphabet=string.ascii_uppercase + string.digits, min_size=1, max_size=10))
def test_nothing_but_those_three_styles_is_valid(value: str) -> None:
    assert norm.is_valid_vrm(value) == bool(_STYLES.match(value))


@pytest.mark.parametrize("value", ["AB12CDEF", "A1234BCD", "ABC1234D", "AB1CDE", "12ABC", "ABCDEFG", "1234567",
                                   "AB12CD3"])
def test_near_misses_are_not_registrations(value: str) -> None:
    assert not norm.is_valid_vrm(value)


@pytest.mark.parametrize(("raw", "value"), [
    ("in", "in"), ("IN", "in"), ("Moving in", "in"), ("I am moving into the area", "in"),
    ("Out", "out"), ("moving out", "out"), ("I am leaving the property", "out"), ("Moving away", "out"),
    ("Into the area", "in"), ("New tenant", "in"), ("Moved out on 3 May", "out"),
    ("I have moved, or am moving, into a property in the district", "in"),
    ("I have moved, or am moving, out of a property in the district", "out"),
    ("Symud i mewn i'r fwrdeistref", "in"), ("Symud allan o'r fwrdeistref", "out"), ("Gadael yr eiddo", "out"),
])
def test_move_type(raw: str, value: str) -> None:
    assert norm.normalise("move_type", raw).value == value


@pytest.mark.parametrize("raw", ["", "in or out", "moving in and out", "Moving in/out", "house", "yes",
                                 "Please tell us about your move as soon as you know the date, in capitals",
                                 "Tell us you are moving into, out of or within the district"])
def test_move_type_rejects_anything_but_one_direction(raw: str) -> None:
    with pytest.raises(InvalidValue):
        norm.move_type(raw)


@pytest.mark.parametrize(("raw", "value"), [
    ("A", "A"), ("b2", "B2"), ("Zone B2", "B2"), ("zone: c", "C"), ("Permit zone D", "D"), ("12", "12"),
    ("Zone B2 - Wellgate", "B2"), ("C1 (Priory)", "C1"), ("Zone C2 \u2013 Chapel", "C2"),
])
def test_zone(raw: str, value: str) -> None:
    assert norm.zone(raw).value == value


@pytest.mark.parametrize("raw", ["", "Zone", "the north", "ABC123", "B2 and C", "Zone B2 - 3", "Yes", "YES",
                                 "The permit"])
def test_zone_rejects_what_is_no_zone_code(raw: str) -> None:
    with pytest.raises(InvalidValue):
        norm.zone(raw)


@pytest.mark.parametrize("raw", ["CPZ 3", "Zone Cathedral", "Seafront A", "Hospital", "Wellgate", "Town Centre North"])
def test_a_zone_named_in_words_is_kept_as_printed_less_surely_than_a_code(raw: str) -> None:
    got = norm.zone(raw)
    assert got.value == raw
    assert got.confidence < 1.0


@pytest.mark.parametrize(("raw", "value"), [("K1 Kingsbury", "K1"), ("MS Market Square & Sheep Street", "MS"),
                                            ("K1 (Kingsbury: Abbey Walk & Church Street)", "K1"), ("STN", "STN"),
                                            ("TCN - Town Centre North", "TCN"),
                                            ("Zone 2 Glan yr Afon / Riverside", "2"),  # named in two languages
                                            ("Parth 1 Canol y Dref / Zone 1 Town Centre", "1"),
                                            ("Zone HC (Park Road / Lumb Bank)", "HC"),  # its streets in brackets
                                            ("Town Centre (TC)", "TC")])  # its name, the code in brackets
def test_a_code_with_its_zone_name_after_it_is_the_code(raw: str, value: str) -> None:
    assert norm.zone(raw) == norm.Normalised(value)


@pytest.mark.parametrize(("a", "b"), [("CPZ 3", "CPZ3"), ("Zone B2", "B2"), ("zone cathedral", "Zone Cathedral")])
def test_zone_key_is_one_zone_however_written(a: str, b: str) -> None:
    assert norm.zone_key(a) == norm.zone_key(b)
    assert norm.zone_key("CPZ 3") != norm.zone_key("CPZ 4")


@pytest.mark.parametrize(("raw", "expected"), [("have moved (or will move) OUT OF the address in Part 2", "out"),
                                               ("have moved (or will move) INTO the address in Part 3", "in")])
def test_a_move_said_with_an_aside_in_brackets(raw: str, expected: str) -> None:
    assert norm.move_type(raw).value == expected


def test_a_bracketed_other_way_is_both_ways() -> None:
    with pytest.raises(InvalidValue):
        norm.move_type("Moving in (or out)")


@pytest.mark.parametrize(("raw", "expected"), [("I mewn / In", "in"), ("Allan / Out", "out")])
def test_a_bilingual_option(raw: str, expected: str) -> None:
    assert norm.move_type(raw).value == expected


def test_the_welsh_question_is_both_ways() -> None:
    with pytest.raises(InvalidValue):
        norm.move_type("i mewn neu allan")
    with pytest.raises(InvalidValue):
        norm.move_type("Ydych chi'n symud i mewn neu allan?")


@pytest.mark.parametrize(("raw", "value"), [("Hospital zone", "Hospital"), ("University zone", "University"),
                                            ("Market Place zone", "Market Place")])
def test_a_zone_named_with_the_word_zone_after_it_is_the_name(raw: str, value: str) -> None:
    assert norm.zone(raw).value == value


def test_permit_zone_alone_is_no_zone() -> None:
    with pytest.raises(norm.InvalidValue):
        norm.zone("Permit zone")
