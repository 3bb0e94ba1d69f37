"""extractors/text.py: dates in free text, and the dates someone moved out on."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.text import find_dates, move_out_dates

MARCH_1 = dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    "written",
    ["01/03/2025", "1/3/2025", "01-03-2025", "01.03.2025", "1 March 2025", "1st March 2025", "March 1, 2025",
     "2025-03-01"],
)
@pytest.mark.parametrize("sentence", ["{}", "He moved out on {}.", "On {} he left", "({})", "Since {}, alone."])
def test_find_dates_every_accepted_form_in_a_sentence(written: str, sentence: str) -> None:
    assert find_dates(sentence.format(written)) == [MARCH_1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was the 3rd of March 2025.", [dt.date(2025, 3, 3)]),
        ("The 3rd of March, 2025 was the day", [dt.date(2025, 3, 3)]),
        ("on 1st of March, 2025", [MARCH_1]),
        ("on March the 1st, 2025", [MARCH_1]),
        ("on March 1st, 2025", [MARCH_1]),
        ("on 1 MARCH 2025", [MARCH_1]),
        ("on 21st Dec 2024", [dt.date(2024, 12, 21)]),
        ("on 1 Sept 2025", [dt.date(2025, 9, 1)]),
        ("on 01 - 03 - 2025", [MARCH_1]),
        ("between 1/3/2025 and 4 April 2025", [MARCH_1, dt.date(2025, 4, 4)]),
    ],
)
def test_find_dates_other_phrasings(text: str, expected: list[dt.date]) -> None:
    assert find_dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "He moved out last spring.",
        "Since 31/02/2025 I have lived alone.",  # impossible
        "on 12/13/2025",  # no month 13
        "I have lived here for 12 years at number 14.",
        "Call 01603 212345 please",
        "March 2025",
    ],
)
def test_find_dates_finds_nothing(text: str) -> None:
    assert find_dates(text) == []


def test_find_dates_keeps_text_order() -> None:
    text = "I wrote on 5 April 2025 about 01/03/2025 and 2024-12-25."
    assert find_dates(text) == [dt.date(2025, 4, 5), MARCH_1, dt.date(2024, 12, 25)]


def test_find_dates_when_the_next_sentence_has_no_space() -> None:
    assert find_dates("He moved out on 1 March 2025.I applied on 4 April 2025") == [MARCH_1, dt.date(2025, 4, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "My husband moved out on 1 March 2025. I am writing to you on 5 April 2025.",
        "I am writing to you on 5 April 2025. My husband moved out on 1 March 2025.",
        "I got your bill on 5 April 2025. He left on 01/03/2025 and I live alone now.",
        "Letter dated 2 May 2025. Sadly my mother passed away on 1st March 2025.",
        "Our tenancy began 2020-01-01. We split up and he went away on March 1, 2025.",
        "Bill of 5 April 2025 received. My son went to university on 01.03.2025.",
        "I wrote on 5 April 2025. Since 01-03-2025 I am the only adult here.",
    ],
)
def test_move_out_dates_prefers_the_sentence_about_leaving(text: str) -> None:
    assert move_out_dates(text) == [MARCH_1]


def test_move_out_dates_falls_back_to_every_date_without_a_leaving_sentence() -> None:
    text = "I wrote on 5 April 2025. Nothing happened on 6 April 2025."
    assert move_out_dates(text) == [dt.date(2025, 4, 5), dt.date(2025, 4, 6)]


def test_move_out_dates_every_date_of_every_leaving_sentence() -> None:
    text = "We split up on 3 March 2025. He moved out on 10 March 2025. I wrote on 5 April 2025."
    assert move_out_dates(text) == [dt.date(2025, 3, 3), dt.date(2025, 3, 10)]


@pytest.mark.parametrize("text", ["", "My partner left.", "He left on 31/02/2025."])
def test_move_out_dates_none(text: str) -> None:
    assert move_out_dates(text) == []
