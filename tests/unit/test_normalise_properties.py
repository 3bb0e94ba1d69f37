"""Property tests for formwork/normalise.py."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from formwork import normalise as norm
from formwork.normalise import InvalidValue

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def renderings(d: dt.date) -> list[str]:
    """Every form forms.md accepts for ``d``."""
    month = MONTH_NAMES[d.month - 1]
    return [
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day} {month} {d.year}",
        f"{_ordinal(d.day)} {month} {d.year}",
        f"{month} {d.day}, {d.year}",
        d.isoformat(),
    ]


def test_renderings_helper_matches_forms_md_example() -> None:
    assert renderings(dt.date(2025, 3, 1)) == [
        "01/03/2025", "1/3/2025", "01-03-2025", "01.03.2025", "1 March 2025", "1st March 2025", "March 1, 2025",
        "2025-03-01",
    ]
    assert _ordinal(2) == "2nd" and _ordinal(3) == "3rd" and _ordinal(11) == "11th" and _ordinal(22) == "22nd"


@FAST
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
@example(dt.date(2024, 2, 29))
@example(dt.date(2025, 12, 31))
def test_every_accepted_rendering_of_a_date_parses_back(d: dt.date) -> None:
    for raw in renderings(d):
        got = norm.date(raw)
        assert got.value == d.isoformat(), raw
        assert got.confidence == 1.0, raw
        # Shouting, and the blank space people leave around answers, change nothing.
        assert norm.date(f"  {raw.upper()} ").value == d.isoformat(), raw


@FAST
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_date_normal_form_is_a_fixed_point(d: dt.date) -> None:
    once = norm.date(renderings(d)[5]).value
    assert norm.date(once).value == once


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"


@st.composite
def postcodes(draw: st.DrawFn) -> str:
    """A well-formed UK postcode in normal form, of any of the six shapes."""
    area = draw(st.text(LETTERS, min_size=1, max_size=2))
    district = draw(st.sampled_from(DIGITS))
    district += draw(st.sampled_from(["", *DIGITS, *LETTERS]))
    sector = draw(st.sampled_from(DIGITS))
    unit = draw(st.text(LETTERS, min_size=2, max_size=2))
    return f"{area}{district} {sector}{unit}"


@st.composite
def respelt(draw: st.DrawFn, value: str) -> str:
    """``value`` in random case, with its space dropped, doubled or moved around."""
    chars = [c.lower() if draw(st.booleans()) else c for c in value.replace(" ", "")]
    out = ""
    for c in chars:
        out += c + draw(st.sampled_from(["", "", "", " "]))
    return draw(st.sampled_from(["", " ", "  "])) + out + draw(st.sampled_from(["", " ", "\t"]))


@FAST
@given(st.data(), postcodes())
def test_postcode_any_casing_or_spacing_normalises_the_same(data: st.DataObject, pc: str) -> None:
    raw = data.draw(respelt(pc))
    got = norm.postcode(raw)
    assert got.value == pc
    assert got.confidence == 1.0
    assert norm.postcode(got.value) == got  # idempotent


@FAST
@given(st.text(DIGITS, min_size=8, max_size=8), st.sampled_from(["", "CT", "ct ", "CT-"]),
       st.sampled_from(["", " ", "-"]))
def test_account_ref_prefix_and_separators_never_change_the_digits(digits: str, prefix: str, sep: str) -> None:
    raw = f"{prefix}{digits[:4]}{sep}{digits[4:]}"
    assert norm.account_ref(raw) == norm.Normalised(digits, 1.0)


@FAST
@given(st.text(LETTERS + LETTERS.lower() + DIGITS + " ", max_size=12))
def test_vrm_output_is_upper_case_without_spaces_and_idempotent(raw: str) -> None:
    try:
        got = norm.vrm(raw)
    except InvalidValue:
        assert not raw.replace(" ", "")
        return
    assert got.value == raw.replace(" ", "").upper()
    assert norm.vrm(got.value) == got


@pytest.mark.parametrize("kind", sorted(norm.KINDS))
@settings(max_examples=200, deadline=None)
@given(raw=st.text())
def test_normalisers_raise_only_invalid_value_on_arbitrary_text(kind: str, raw: str) -> None:
    try:
        got = norm.normalise(kind, raw)
    except InvalidValue:
        return
    assert isinstance(got.value, str) and got.value
    assert 0.0 < got.confidence <= 1.0


@FAST
@given(st.text())
def test_name_and_address_keys_are_total_and_idempotent(raw: str) -> None:
    key = norm.name_key(raw)
    assert key == key.strip() and "  " not in key
    assert norm.address_key(norm.address_key(raw)) == norm.address_key(raw)


# --------------------------------------------------------------------------- every normaliser, every kind


@pytest.mark.parametrize("kind", sorted(norm.KINDS))
@settings(max_examples=150, deadline=None)
@given(raw=st.text(st.characters(codec="utf-8"), max_size=40))
def test_every_normal_form_is_a_fixed_point_and_is_valid_agrees(kind: str, raw: str) -> None:
    try:
        got = norm.normalise(kind, raw)
    except InvalidValue:
        assert not norm.is_valid(kind, raw)
        return
    assert norm.is_valid(kind, raw)
    assert got.value == got.value.strip()
    again = norm.normalise(kind, got.value)
    assert again.value == got.value, (raw, got, again)
    assert again.confidence >= got.confidence  # the normal form is never less certain than its source


def test_an_unknown_kind_is_a_programming_error_not_an_invalid_value() -> None:
    with pytest.raises(ValueError, match="unknown field kind") as info:
        norm.normalise("shoe_size", "9")
    assert not isinstance(info.value, InvalidValue)


@FAST
@given(st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2099), st.sampled_from(["/", "-", "."]))
def test_a_numeric_date_is_day_first_or_impossible(day: int, month: int, year: int, sep: str) -> None:
    raw = f"{day}{sep}{month}{sep}{year}"
    try:
        real = dt.date(year, month, day)
    except ValueError:
        with pytest.raises(InvalidValue, match="impossible date"):
            norm.date(raw)
        return
    assert norm.parse_date(raw) == (real, 1.0)


@FAST
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_two_digit_years_are_this_century_and_trusted_less(d: dt.date) -> None:
    got = norm.date(f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}")
    assert got == norm.Normalised(d.isoformat(), 0.85)


@FAST
@given(st.data(), postcodes())
def test_a_postcode_with_one_look_alike_character_is_repaired_or_refused(data: st.DataObject, pc: str) -> None:
    """O for 0, I for 1...: repaired at REPAIRED_CONFIDENCE when only one postcode fits, else refused."""
    swaps = {"0": "O", "1": "I", "5": "S", "8": "B", "O": "0", "I": "1", "S": "5", "B": "8"}
    at = [i for i, c in enumerate(pc) if c in swaps]
    if not at:
        return
    i = data.draw(st.sampled_from(at))
    typo = pc[:i] + swaps[pc[i]] + pc[i + 1:]
    shaped = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}")
    if shaped.fullmatch(typo):  # the slip made another real-looking postcode: nothing to repair
        assert norm.postcode(typo) == norm.Normalised(typo, 1.0)
        return
    try:
        got = norm.postcode(typo)
    except InvalidValue:
        return  # more than one postcode fits: refused, never guessed
    assert got == norm.Normalised(pc, norm.REPAIRED_CONFIDENCE)


@FAST
@given(st.text(DIGITS, min_size=8, max_size=8), st.integers(0, 7), st.sampled_from("OIlSBZ"))
def test_an_account_ref_with_one_misread_digit_is_repaired_with_lower_confidence(digits: str, at: int,
                                                                                 letter: str) -> None:
    typo = digits[:at] + letter + digits[at + 1:]
    got = norm.account_ref(typo)
    assert got.confidence == norm.REPAIRED_CONFIDENCE
    assert len(got.value) == 8 and got.value.isdigit()
    assert got.value[:at] + got.value[at + 1:] == digits[:at] + digits[at + 1:]


@FAST
@given(st.text(LETTERS, min_size=2, max_size=2), st.text(DIGITS, min_size=2, max_size=2),
       st.text(LETTERS, min_size=3, max_size=3))
def test_current_style_registrations_are_valid_in_any_spelling(area: str, age: str, tail: str) -> None:
    value = f"{area}{age}{tail}"
    assert norm.is_valid_vrm(value)
    assert norm.vrm(f" {area.lower()}{age} {tail.lower()} ").value == value
    assert not norm.is_valid_vrm(value + "X")


IN_WORDS = ["in", "Moving in", "moved into", "I am moving in", "new tenant", "coming in", "arrived in"]
OUT_WORDS = ["out", "Moving out", "I am leaving the property", "left", "vacated", "going away", "departing"]


@FAST
@given(st.sampled_from(IN_WORDS + OUT_WORDS), st.sampled_from(["", " ", ".", "  "]), st.booleans())
def test_move_type_reads_the_direction_whatever_the_case(phrase: str, tail: str, shout: bool) -> None:
    raw = (phrase.upper() if shout else phrase) + tail
    assert norm.move_type(raw).value == ("in" if phrase in IN_WORDS else "out")


@FAST
@given(st.sampled_from(IN_WORDS[1:]), st.sampled_from(OUT_WORDS[1:]))  # a bare "in"/"out" counts only first
def test_move_type_refuses_to_guess_when_both_ways_are_said(said_in: str, said_out: str) -> None:
    with pytest.raises(InvalidValue):
        norm.move_type(f"{said_in} and {said_out}")


@FAST
@given(st.from_regex(r"[A-Z]{1,2}[0-9]{0,2}|[0-9]{1,2}[A-Z]?", fullmatch=True),
       st.sampled_from(["", "Zone ", "zone: ", "Permit zone ", "Residents parking zone ", "Area "]), st.booleans())
def test_zone_code_comes_out_bare_and_upper_case(code: str, prefix: str, lower: bool) -> None:
    raw = prefix + (code.lower() if lower else code)
    assert norm.zone(raw).value == code


NAME_PARTS = st.text(LETTERS + LETTERS.lower(), min_size=1, max_size=10)


@FAST
@given(st.lists(NAME_PARTS, min_size=1, max_size=3), st.sampled_from(["", "Mr ", "MRS. ", "dr ", "Mx "]),
       st.booleans())
def test_name_key_ignores_title_case_and_spacing(parts: list[str], title: str, upper: bool) -> None:
    plain = " ".join(parts)
    written = title + "  ".join(p.upper() if upper else p for p in parts) + " "
    if plain.lower() in norm.TITLES or (len(parts) > 1 and parts[0].lower() in norm.TITLES):
        return  # "Mr" alone, or a first name that is a title, is not this property's business
    assert norm.name_key(written) == norm.name_key(plain) == plain.lower()
    assert norm.name(written).value == (title + " ".join(p.upper() if upper else p for p in parts)).strip()


@FAST
@given(st.integers(1, 999), st.lists(st.text(LETTERS.lower(), min_size=3, max_size=8), min_size=1, max_size=2),
       st.sampled_from(sorted(norm._STREET_WORDS.items())))
def test_address_key_reads_street_abbreviations_as_the_full_word(number: int, words: list[str],
                                                                  abbrev: tuple[str, str]) -> None:
    short, full = abbrev
    name = " ".join(w for w in words if w not in norm._STREET_WORDS)
    if not name:
        return
    assert norm.address_key(f"{number} {name.title()} {short.title()}.") == norm.address_key(
        f"{number}, {name.upper()} {full.upper()}") == f"{number} {name} {full}"


@FAST
@given(st.text())
def test_text_collapses_blank_space_and_refuses_only_blank(raw: str) -> None:
    try:
        got = norm.text(raw)
    except InvalidValue:
        assert not raw.split()
        return
    assert got.value == " ".join(raw.split())
