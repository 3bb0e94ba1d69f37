"""Property tests for formwork/normalise.py."""

from __future__ import annotations

import datetime as dt

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
