"""extractors/nlp/entities.py and the yearless dates of extractors/text.py: what a letter quotes."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.nlp.entities import find_entities
from extractors.text import infer_year, parse_day_month

LETTER_DATE = dt.date(2026, 11, 20)


def values(text: str, label: str, reference: dt.date | None = LETTER_DATE) -> list[str]:
    return find_entities(text, reference).values(label)


# --------------------------------------------------------------------------- postcodes


@pytest.mark.parametrize("written", ["NR1 3QU", "nr1 3qu", "NR13QU", "nr13qu", "Nr1 3Qu"])
def test_postcodes_in_any_case_with_or_without_the_space(written: str) -> None:
    assert values(f"I live at 12 Mill Lane, Norwich {written}.", "POSTCODE") == ["NR1 3QU"]


@pytest.mark.parametrize(("written", "value"), [("FW14 7TB", "FW14 7TB"), ("FW85TB", "FW8 5TB"),
                                                ("SW1A 1AA", "SW1A 1AA"), ("M1 1AE", "M1 1AE"),
                                                ("fw1 3nd", "FW1 3ND"), ("E1 3RD", "E1 3RD")])
def test_postcodes_the_tokenizer_splits_as_a_number_and_a_unit(written: str, value: str) -> None:
    # spaCy reads "7TB" as 7 terabytes; the rules join it back.
    assert values(f"Postcode {written}", "POSTCODE") == [value]


@pytest.mark.parametrize("text", ["on the E1 3rd floor", "band B2 and zone C", "I paid 40 GBP"])
def test_things_that_are_not_postcodes(text: str) -> None:
    assert values(text, "POSTCODE") == []


# --------------------------------------------------------------------------- council tax references


@pytest.mark.parametrize("written", ["40012345", "CT40012345", "CT 40012345", "ct40012345", "4001 2345",
                                     "4001-2345", "CT: 40012345"])
def test_council_tax_references_in_every_accepted_form(written: str) -> None:
    assert values(f"My council tax account is {written}, thank you.", "ACCOUNT_REF") == ["40012345"]


@pytest.mark.parametrize("text", ["call 01632 960123", "ref 4001234", "ref 400123456", "07700 900123"])
def test_phone_numbers_and_wrong_lengths_are_not_references(text: str) -> None:
    assert values(text, "ACCOUNT_REF") == []


# --------------------------------------------------------------------------- dates

MARCH_1 = "2025-03-01"


@pytest.mark.parametrize(
    "written",
    ["01/03/2025", "1/3/2025", "01-03-2025", "01.03.2025", "1 March 2025", "1st March 2025", "March 1, 2025",
     "2025-03-01", "the 1st of March 2025", "1 Mar 2025"],
)
def test_dates_in_every_form_forms_md_accepts(written: str) -> None:
    assert values(f"The bin was missed on {written} and again later.", "DATE") == [MARCH_1]


def test_a_two_digit_year_is_read_but_trusted_less() -> None:
    found = find_entities("It was 01/03/25.").of("DATE")
    assert [e.value for e in found] == [MARCH_1]
    assert 0.8 <= found[0].confidence < 1.0


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("the 3rd of March", "2026-03-03"),  # the March just gone, not the next one
        ("3rd March", "2026-03-03"),
        ("March 3rd", "2026-03-03"),
        ("3 March", "2026-03-03"),
        ("3 Mar.", "2026-03-03"),
        ("the 19th of November", "2026-11-19"),
        ("the 20th of November", "2026-11-20"),  # the letter's own day
        ("the 21st of December", "2026-12-21"),  # 31 days ahead: still coming up
        ("the 22nd of December", "2025-12-22"),  # 32 days ahead: last December
        ("the 10th of December", "2026-12-10"),  # 20 days ahead: coming up
    ],
)
def test_dates_without_a_year_take_it_from_the_letters_date(written: str, expected: str) -> None:
    assert values(f"The collection on {written} was missed.", "DATE") == [expected]


def test_infer_year_rules() -> None:
    nov20 = dt.date(2026, 11, 20)
    assert infer_year(3, 3, nov20) == dt.date(2026, 3, 3)
    assert infer_year(20, 12, nov20) == dt.date(2026, 12, 20)  # 30 days ahead
    assert infer_year(22, 12, nov20) == dt.date(2025, 12, 22)  # 32 days ahead: last year's
    assert infer_year(30, 12, dt.date(2026, 1, 2)) == dt.date(2025, 12, 30)
    assert infer_year(5, 1, dt.date(2026, 12, 28)) == dt.date(2027, 1, 5)  # across the new year, coming up
    assert infer_year(29, 2, dt.date(2025, 6, 1)) == dt.date(2024, 2, 29)
    assert infer_year(29, 2, dt.date(2026, 6, 1)) is None  # no 29 February in 2025, 2026 or 2027
    assert infer_year(31, 4, nov20) is None
    assert parse_day_month("the 3rd of March", nov20) == dt.date(2026, 3, 3)
    assert parse_day_month("not a date", nov20) is None


def test_dates_without_a_year_and_no_letter_date_are_set_aside() -> None:
    found = find_entities("The bin was missed on the 3rd of March and on 4 April 2026.")
    assert found.values("DATE") == ["2026-04-04"]
    assert found.yearless == ["the 3rd of March"]


def test_impossible_dates_are_dropped() -> None:
    assert values("on 31/02/2025 and 30 February 2025", "DATE") == []


# --------------------------------------------------------------------------- vehicles, emails, phones


@pytest.mark.parametrize(("written", "value"), [("AB12 CDE", "AB12CDE"), ("ab12cde", "AB12CDE"),
                                                ("A123 BCD", "A123BCD"), ("ABC 123D", "ABC123D")])
def test_vehicle_registrations(written: str, value: str) -> None:
    assert values(f"My car {written} was ticketed.", "VRM") == [value]


def test_words_are_not_registrations() -> None:
    assert values("The car was parked on Mill Lane by THE gate.", "VRM") == []


def test_emails() -> None:
    assert values("Write to jane.smith@example.com, or jsmith+council@mail.example.org.", "EMAIL") == [
        "jane.smith@example.com", "jsmith+council@mail.example.org"]


@pytest.mark.parametrize("written", ["01632 960123", "01632960123", "(01632) 960123", "(01632) 960 123",
                                     "07700 900123", "+44 7700 900123", "020 7946 0000", "+447700900123"])
def test_uk_phone_numbers(written: str) -> None:
    assert values(f"Call me on {written} please.", "PHONE") == [written]


@pytest.mark.parametrize("text", ["Call 0163 2960", "room 01234", "ref 40012345"])
def test_too_short_for_a_phone_number(text: str) -> None:
    assert values(text, "PHONE") == []


def test_every_label_in_one_letter() -> None:
    text = ("Dear Sir, my black bin (account CT 4001 2345) at 12 Mill Lane, NR1 3QU was missed on the 3rd of "
            "March and on 10/03/2026. My car AB12 CDE was blocked. Call 07700 900123 or email j@example.com.")
    found = find_entities(text, LETTER_DATE)
    assert [(e.label, e.value) for e in found.found] == [
        ("ACCOUNT_REF", "40012345"), ("POSTCODE", "NR1 3QU"), ("DATE", "2026-03-03"), ("DATE", "2026-03-10"),
        ("VRM", "AB12CDE"), ("PHONE", "07700 900123"), ("EMAIL", "j@example.com")]
