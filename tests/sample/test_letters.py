"""formwork/sample/letters.py: letters and emails in the sample inbox, and their truth."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from formwork import reasons as rc
from formwork.sample import generate
from formwork.sample.council import make_council
from formwork.sample.letter_text import FAMILIES, HELD_OUT, TOPICS, Composer
from formwork.sample.letters import FAULTS, STYLES, CorrespondenceOracle, build_letter

AS_OF = dt.date(2026, 11, 27)
LETTERS = 36


@pytest.fixture(scope="module")
def with_letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("with-letters")
    generate(out, 12, seed=4, as_of=AS_OF, letters=LETTERS)
    return out


def truth(out: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in (out / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["file"]: r for r in rows}


def test_letters_leave_every_other_file_unchanged(tmp_path: Path, with_letters: Path) -> None:
    generate(tmp_path, 12, seed=4, as_of=AS_OF)
    plain = truth(tmp_path)
    both = truth(with_letters)
    for name, row in plain.items():
        assert (tmp_path / "inbox" / name).read_bytes() == (with_letters / "inbox" / name).read_bytes(), name
        assert both[name] == row
    assert len(both) == len(plain) + LETTERS
    assert list(both) == sorted(both)  # truth.jsonl stays in file-name order


def test_every_correspondence_reason_code_and_style_appears(with_letters: Path) -> None:
    rows = [r for r in truth(with_letters).values() if r["form_type"] == "correspondence"]
    assert len(rows) == LETTERS
    reasons = {r for row in rows for r in row["reasons"]}  # type: ignore[attr-defined]
    assert reasons == {"LOW_CONFIDENCE:topic", rc.SENDER_UNKNOWN, rc.ACCOUNT_NOT_FOUND}
    manifest = json.loads((with_letters / "sample.json").read_text(encoding="utf-8"))
    assert set(manifest["counts"]["letters"]["styles"]) == set(STYLES)
    assert set(manifest["counts"]["letters"]["faults"]) == set(FAULTS)
    assert sum(r["outcome"] == "approved" for r in rows) >= LETTERS // 2


def test_an_approved_letter_names_its_sender_and_where_to_find_them(with_letters: Path) -> None:
    for row in truth(with_letters).values():
        if row["form_type"] != "correspondence":
            continue
        fields = row["fields"]
        assert isinstance(fields, dict)
        assert fields["topic"] in TOPICS and fields["body"]
        if row["outcome"] == "approved":
            assert fields.get("sender_name")
            assert ("address" in fields and "postcode" in fields) or "account_ref" in fields


@pytest.mark.parametrize("fault", [None, *FAULTS])
def test_each_fault_gives_exactly_its_reasons(fault: str | None) -> None:
    council = make_council(random.Random("faults"), AS_OF, 200)
    oracle = CorrespondenceOracle(council)
    for n, style in enumerate(STYLES):
        letter = build_letter(council, AS_OF, fault, style, random.Random(f"{fault}:{n}"), set(council.accounts_by_ref))
        assert set(oracle.judge(letter).reasons) == set(FAULTS.get(fault or "", ()))


def test_composer_families_train_and_held_out_do_not_overlap() -> None:
    rng = random.Random(1)
    for topic in TOPICS:
        held = Composer(rng, "held_out").letter(topic, AS_OF)
        assert {f.split(".")[1] for f in held.families} == {HELD_OUT[topic]}
        trained = Composer(rng, "train").letter(topic, AS_OF)
        assert HELD_OUT[topic] not in {f.split(".")[1] for f in trained.families}
        assert len(FAMILIES[topic]) >= 5


def test_dates_a_letter_mentions_are_the_ones_it_wrote() -> None:
    rng = random.Random(7)
    seen = 0
    for _ in range(40):
        letter = Composer(rng).letter("missed_bin", AS_OF, dated=False)
        seen += len(letter.dates)
        for iso in letter.dates:
            assert dt.date.fromisoformat(iso) <= AS_OF + dt.timedelta(days=31)
    assert seen > 0
