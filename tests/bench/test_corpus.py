"""``python -m bench.corpus`` measures a labelled corpus as a new council would run it, even when one of the
forms staff are to teach from is one Formwork could give no form type (nothing there to correct)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from bench import corpus
from formwork.sample.generate import generate

AS_OF = dt.date(2026, 11, 27)


def test_a_learn_form_with_no_form_type_is_not_taught_and_the_run_goes_on(tmp_path: Path) -> None:
    data = tmp_path / "corpus"
    generate(data, 4, seed=3, as_of=AS_OF, types=["council_tax_spd"], properties=200)
    rows = [json.loads(line) for line in (data / "truth.jsonl").read_text().splitlines()]
    (data / "inbox" / "garbage.pdf").write_bytes(b"%PDF-1.4 not really")
    rows.append({"file": "garbage.pdf", "form_type": None, "fields": {}, "outcome": "quarantined", "reasons": []})
    for k, row in enumerate(rows):
        row["split"] = "learn" if k < 2 or row["file"] == "garbage.pdf" else "test"
    (data / "truth.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = corpus.after_learning(data, AS_OF.isoformat(), tmp_path / "work")
    assert result is not None
    assert result["not_taught"] == ["garbage.pdf"]
    assert result["review_apply"].startswith("2 decisions:")  # the two forms staff could open were taught
    assert result["files"] == 2  # the later forms are scored
