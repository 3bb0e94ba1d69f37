"""formwork/normalise.py against forms.md's "Field values" table, example by example."""

from __future__ import annotations

import datetime as dt

import pytest

from formwork import normalise as norm
from formwork.normalise import InvalidValue, Normalised
from formwork.settings import Policy

THRESHOLD = Policy().confidence_threshold

# --------------------------------------------------------------------------- dates

ACCEPTED_DATE_FORMS = [
    "01/03/2025",
    "1/3/2025",
    "01-03-2025",
    "01.03.2025",
    "1 March 2025",
    "1st March 2025",
    "March 1, 2025",
    "2025-03-01",
]


@pytest.mark.parametrize("raw", ACCEPTED_DATE_FORMS)
def test_date_every_accepted_form_is_iso(raw: str) -> None:
    assert norm.date(raw) == Normalised("2025-03-01", 1.0)


@pytest.mark.parametrize("raw", ACCEPTED_DATE_FORMS)
def test_date_accepts_surrounding_whitespace_and_trailing_full_stop(raw: str) -> None:
    assert norm.date(f"  {raw}. ").value == "2025-03-01"


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("02/03/2025", "2025-03-02"),  # UK order: day first, never month first
        ("12/01/2025", "2025-01-12"),
        ("31/12/2024", "2024-12-31"),
        ("29/02/2024", "2024-02-29"),  # leap day
        ("2nd March 2025", "2025-03-02"),
        ("3rd March 2025", "2025-03-03"),
        ("4th March 2025", "2025-03-04"),
        ("21st December 2024", "2024-12-21"),
        ("1 MARCH 2025", "2025-03-01"),
        ("1 march 2025", "2025-03-01"),
        ("1 Mar 2025", "2025-03-01"),
        ("1 Sept 2025", "2025-09-01"),
        ("1 Sep 2025", "2025-09-01"),
        ("December 25, 2024", "2024-12-25"),
        ("the 3rd of March 2025", "2025-03-03"),
        ("1 / 3 / 2025", "2025-03-01"),
        ("the fourteenth of March 2026", "2026-03-14"),  # the day in words
        ("Twenty-first of May 2026", "2026-05-21"),
        ("the thirty-first of December 2026", "2026-12-31"),
        ("second February 2027", "2027-02-02"),
    ],
)
def test_date_other_renderings(raw: str, iso: str) -> None:
    assert norm.date(raw).value == iso


def test_a_date_written_one_digit_to_a_box_is_day_month_year() -> None:
    assert norm.date("09 06 2026") == norm.Normalised("2026-06-09", 1.0)
    with pytest.raises(InvalidValue, match="impossible"):
        norm.date("31 02 2026")
    for not_a_date in ("09062026", "0906 2026", "2026 06 09"):
        with pytest.raises(InvalidValue):
            norm.date(not_a_date)


def test_date_two_digit_year_is_read_as_20yy_with_lower_confidence() -> None:
    got = norm.date("01/03/25")
    assert got.value == "2025-03-01"
    assert got.confidence < 1.0


@pytest.mark.parametrize(
    "raw",
    [
        "31/02/2025",
        "29/02/2025",  # not a leap year
        "32/01/2025",
        "00/01/2025",
        "01/13/2025",  # no month 13: a US-order date is not silently swapped
        "12/31/2025",
        "2025-02-30",
        "2025-13-01",
        "31 April 2025",
        "April 31, 2025",
        "0 March 2025",
    ],
)
def test_impossible_dates_raise_invalid_value(raw: str) -> None:
    with pytest.raises(InvalidValue, match="impossible"):
        norm.date(raw)


@pytest.mark.parametrize(
    "raw", ["", "   ", "yesterday", "March 2025", "1 Smarch 2025", "01/03", "2025", "1/3/20255", "01032025", "n/a"]
)
def test_non_dates_raise_invalid_value(raw: str) -> None:
    with pytest.raises(InvalidValue):
        norm.date(raw)


def test_parse_date_returns_a_date_and_confidence() -> None:
    assert norm.parse_date("1st March 2025") == (dt.date(2025, 3, 1), 1.0)


@pytest.mark.parametrize("raw", ["1 ſept 2025", "ſept 1, 2025"])
def test_date_month_matched_case_insensitively_never_raises_keyerror(raw: str) -> None:
    try:
        got = norm.date(raw)
    except InvalidValue:
        return
    assert got.value == "2025-09-01"


# --------------------------------------------------------------------------- postcodes


@pytest.mark.parametrize(
    "raw", ["NR1 3QU", "nr1 3qu", "NR13QU", "nr13qu", "Nr1 3Qu", "  nr1   3qu ", "NR1\t3QU", "nR13Qu"]
)
def test_postcode_any_case_any_spacing(raw: str) -> None:
    assert norm.postcode(raw) == Normalised("NR1 3QU", 1.0)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("m11ae", "M1 1AE"),  # A9 9AA
        ("b338th", "B33 8TH"),  # A99 9AA
        ("cr26xh", "CR2 6XH"),  # AA9 9AA
        ("dn551pt", "DN55 1PT"),  # AA99 9AA
        ("w1a0ax", "W1A 0AX"),  # A9A 9AA
        ("ec1a1bb", "EC1A 1BB"),  # AA9A 9AA
        ("sw1a 1aa", "SW1A 1AA"),
    ],
)
def test_postcode_every_uk_shape(raw: str, expected: str) -> None:
    assert norm.postcode(raw) == Normalised(expected, 1.0)


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "NR1", "3QU", "123", "123 456", "NR1 3Q", "ABCDEFG", "NR1 3QU NR1 3QU", "N 3QU", "!!!", "NR1 3ÜU"],
)
def test_malformed_postcodes_raise(raw: str) -> None:
    with pytest.raises(InvalidValue):
        norm.postcode(raw)


def test_postcode_with_letter_o_for_zero_repaired_with_low_confidence() -> None:
    got = norm.postcode("W1A OAX")
    assert got.value == "W1A 0AX"
    assert got.confidence < THRESHOLD


def test_postcode_with_letter_i_for_one_repaired_with_low_confidence() -> None:
    got = norm.postcode("NRI 3QU")
    assert got.value == "NR1 3QU"
    assert got.confidence < THRESHOLD


def test_postcode_is_idempotent() -> None:
    once = norm.postcode("ec1a1bb").value
    assert norm.postcode(once) == Normalised(once, 1.0)


# --------------------------------------------------------------------------- council tax references


@pytest.mark.parametrize(
    "raw",
    ["40012345", "4001 2345", "4001-2345", "CT40012345", "ct40012345", "CT 4001 2345", "CT-4001-2345",
     " 40012345 ", "4 0 0 1 2 3 4 5"],
)
def test_account_ref_accepted_forms(raw: str) -> None:
    assert norm.account_ref(raw) == Normalised("40012345", 1.0)


@pytest.mark.parametrize("raw", ["4001234", "400123456", "", "CT", "CT4001234", "ABCDEFGH", "4001 234", "40O1"])
def test_account_ref_wrong_length_or_letters_raise(raw: str) -> None:
    with pytest.raises(InvalidValue):
        norm.account_ref(raw)


def test_account_ref_ocr_confused_letters_repaired_below_threshold() -> None:
    got = norm.account_ref("4OO12345")
    assert got.value == "40012345"
    assert got.confidence < THRESHOLD


def test_account_ref_with_mostly_letters_is_not_repaired() -> None:
    # "OISBGOOO" could be turned into digits, but fewer than five digits were actually read.
    with pytest.raises(InvalidValue):
        norm.account_ref("OISBG123")


def test_account_ref_normal_form_is_ascii_digits() -> None:
    try:
        got = norm.account_ref("４００１２３４５")
    except InvalidValue:
        return
    assert got.value == "40012345"


# --------------------------------------------------------------------------- vehicles


@pytest.mark.parametrize("raw", ["AB12CDE", "ab12cde", "AB12 CDE", "ab12 cde", " a b 1 2 c d e ", "Ab12-cDe"])
def test_vrm_any_case_with_spaces(raw: str) -> None:
    assert norm.vrm(raw) == Normalised("AB12CDE", 1.0)


@pytest.mark.parametrize("raw", ["", "   ", "AB12!DE", "AB12.CDE"])
def test_vrm_rejects_blank_or_punctuated(raw: str) -> None:
    with pytest.raises(InvalidValue):
        norm.vrm(raw)


@pytest.mark.parametrize(
    "value",
    [
        "AB12CDE",  # current
        "YY71ZZZ",
        "A123BCD",  # prefix
        "A1BCD",
        "M99XYZ",
        "ABC123D",  # suffix
        "ABC1D",
        "XYZ99A",
    ],
)
def test_is_valid_vrm_accepts_current_prefix_and_suffix(value: str) -> None:
    assert norm.is_valid_vrm(value)


@pytest.mark.parametrize(
    "value",
    ["", "1234", "ABCDEFG", "AB12CD", "AB123CDE", "A1234BCD", "ABCD123E", "ab12cde", "AB12 CDE", "1AB12CDE",
     "AB1CDE", "12ABCDE"],
)
def test_is_valid_vrm_rejects_other_shapes(value: str) -> None:
    assert not norm.is_valid_vrm(value)


# --------------------------------------------------------------------------- names, text, phone, email


def test_name_collapses_whitespace_and_keeps_title() -> None:
    assert norm.name("  Mrs   Jane\n  Smith\t") == Normalised("Mrs Jane Smith", 1.0)


@pytest.mark.parametrize("raw", ["", "   ", "123", "--"])
def test_name_without_letters_raises(raw: str) -> None:
    with pytest.raises(InvalidValue):
        norm.name(raw)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Mrs Jane Smith", "jane smith"),
        ("MRS. JANE SMITH", "jane smith"),
        ("Mr John Smith", "john smith"),
        ("Ms Ann Lee", "ann lee"),
        ("Miss Jo Bloggs", "jo bloggs"),
        ("Dr. Sam Patel", "sam patel"),
        ("mx   Sam  Lee", "sam lee"),
        ("Jane Smith", "jane smith"),
        ("Patrick O'Brien", "patrick obrien"),
        ("Mary-Jane Smith", "mary jane smith"),
        ("Smith, Jane", "jane smith"),
        ("Mrs J. Smith", "j smith"),
    ],
)
def test_name_key_drops_titles_case_and_punctuation(raw: str, key: str) -> None:
    assert norm.name_key(raw) == key


def test_name_key_does_not_drop_a_name_that_starts_like_a_title() -> None:
    assert norm.name_key("Mrsa Drake") == "mrsa drake"
    assert norm.name_key("Misty Moore") == "misty moore"


def test_text_collapses_whitespace() -> None:
    assert norm.text("  He   moved\n\nout  ") == Normalised("He moved out", 1.0)


@pytest.mark.parametrize("raw", ["", "  \n\t "])
def test_blank_text_raises(raw: str) -> None:
    with pytest.raises(InvalidValue):
        norm.text(raw)


def test_phone_and_email_are_trimmed_as_written() -> None:
    assert norm.phone("  01603 212345 ") == Normalised("01603 212345", 1.0)
    assert norm.email(" Jane.Smith@Example.org\n") == Normalised("Jane.Smith@Example.org", 1.0)


# --------------------------------------------------------------------------- addresses


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("12 Mill Ln", "12 mill lane"),
        ("12, Mill Lane.", "12 MILL LANE"),
        ("4 High St", "4 High Street"),
        ("9 Station Rd", "9 Station Road"),
        ("1 Park Ave", "1 Park Avenue"),
        ("3 Elm Cl", "3 Elm Close"),
        ("7 Oak Dr", "7 Oak Drive"),
        ("2 Rose Gdns", "2 Rose Gardens"),
        ("5 Mill Cotts", "5 Mill Cottages"),
        ("Flat 2,  5 High St", "flat 2 5 high street"),
    ],
)
def test_address_key_equates_abbreviations_case_and_punctuation(a: str, b: str) -> None:
    assert norm.address_key(a) == norm.address_key(b)


@pytest.mark.parametrize(("a", "b"), [("12 Mill Lane", "13 Mill Lane"), ("12 Mill Lane", "12 Mill Road")])
def test_address_key_keeps_different_addresses_apart(a: str, b: str) -> None:
    assert norm.address_key(a) != norm.address_key(b)


def test_address_key_ignores_apostrophes() -> None:
    assert norm.address_key("12 St Mary's Road") == norm.address_key("12 St Marys Road")


# --------------------------------------------------------------------------- by kind


@pytest.mark.parametrize(
    ("kind", "raw", "value"),
    [
        ("date", "1st March 2025", "2025-03-01"),
        ("postcode", "nr13qu", "NR1 3QU"),
        ("account_ref", "CT 4001-2345", "40012345"),
        ("vrm", "ab12 cde", "AB12CDE"),
        ("name", " Mr  John Smith ", "Mr John Smith"),
        ("phone", " 07700 900123 ", "07700 900123"),
        ("email", " a@b.org ", "a@b.org"),
        ("text", " a \n b ", "a b"),
    ],
)
def test_normalise_dispatches_by_kind(kind: str, raw: str, value: str) -> None:
    assert norm.normalise(kind, raw).value == value


def test_every_kind_in_forms_md_has_a_normaliser() -> None:
    assert {"date", "postcode", "account_ref", "vrm", "name", "phone", "email", "text"} <= set(norm.KINDS)


def test_normalise_unknown_kind_is_a_programming_error_not_invalid_value() -> None:
    with pytest.raises(ValueError, match="unknown field kind") as info:
        norm.normalise("colour", "red")
    assert not isinstance(info.value, InvalidValue)


@pytest.mark.parametrize(("raw", "iso"), [("Friday 20 November 2026", "2026-11-20"),
                                          ("Sat, 28 November 2026", "2026-11-28"),
                                          ("Wednesday 1st March 2026", "2026-03-01")])
def test_a_date_with_its_weekday(raw: str, iso: str) -> None:
    """Found on a fillable form by another author: 'Friday 20 November 2026' was an invalid date."""
    assert norm.date(raw).value == iso


@pytest.mark.parametrize(("raw", "iso"), [("21 November 2026 at 1:03pm", "2026-11-21"),
                                          ("21/11/2026 13:09", "2026-11-21"),
                                          ("Saturday, 21 November 2026 22:34", "2026-11-21"),
                                          ("21 Nov 2026, 9am", "2026-11-21")])
def test_a_date_with_the_time_of_day_after_it(raw: str, iso: str) -> None:
    """An online form's print-out: 'Declaration agreed 21 November 2026 at 1:03pm'."""
    assert norm.date(raw).value == iso


@pytest.mark.parametrize(
    ("raw", "first_line"),
    [
        ("20 Victoria Terrace, Tawelfryn WQ1 6RP", "20 Victoria Terrace"),
        ("20 Victoria Terrace\nTawelfryn", "20 Victoria Terrace"),
        ("12\nMill Lane\nFormwick", "12 Mill Lane"),
        ("Flat 2, 10 High Street, Leeds", "Flat 2, 10 High Street"),
        ("Rose Cottage, Church Lane, Formwick", "Rose Cottage, Church Lane"),
        # A named house and its street, the street abbreviated: both are the first line, no town to drop.
        ("Meadow View, Gravel Pl", "Meadow View, Gravel Pl"),
        ("Ivy House, Mill Tce", "Ivy House, Mill Tce"),
        ("The Old Mill, Ashby", "The Old Mill, Ashby"),  # nothing says which part is the town: both kept
        # "St" before a name is a saint's (a place), after one a street's.
        ("1 Priory Lane, Marham St Giles", "1 Priory Lane"),
        ("3 Forge Lane, Marham Common, Marham St Giles", "3 Forge Lane"),
        ("10 High St, Leeds", "10 High St"),
        ("14 St Mary's Rd, Formwick", "14 St Mary's Rd"),
        # a locality named like a street after the house and its street is still the locality
        ("8 Station Road, Priory Park, Ravensholt", "8 Station Road"),
        ("The Old Rectory, 5 Church Lane, Abbey Gardens", "The Old Rectory, 5 Church Lane"),
        # a flat and the building it is in: the building is no town, though it has no number
        ("Flat 5, Meridian Point", "Flat 5, Meridian Point"),
        ("Apartment 12, Wharfside Point, Sedgemere", "Apartment 12, Wharfside Point"),
        # a cottage and the farm it belongs to, then the village
        ("Barn Cottage, Cragg End Farm\nLow Bracken", "Barn Cottage, Cragg End Farm"),
        ("Rose Cottage, Low Bracken", "Rose Cottage"),
    ],
)
def test_an_address_is_its_first_line_the_house_and_its_street(raw: str, first_line: str) -> None:
    assert norm.address(raw).value == first_line


@pytest.mark.parametrize("raw", ["first line of the address", "the first of them", "twenty-first century"])
def test_an_ordinal_word_not_before_a_month_is_no_date(raw: str) -> None:
    with pytest.raises(norm.InvalidValue):
        norm.date(raw)


@pytest.mark.parametrize(("raw", "first"), [
    ("Pantile Cottage, The Green", "Pantile Cottage, The Green"),
    ("The Old Rectory, The Green, Marham", "The Old Rectory, The Green"),
    ("Rose Cottage, Covehithe Green", "Rose Cottage"),
    ("3 The Green, Marham", "3 The Green"),
])
def test_a_village_street_named_the_green_stays_in_the_first_line(raw: str, first: str) -> None:
    assert norm.address(raw).value == first
