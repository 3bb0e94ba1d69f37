"""Fixtures for the operations tests: a small sample council, and a database of chosen submissions."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from formwork.sample import generate

AS_OF = dt.date(2026, 11, 27)


@pytest.fixture(scope="session")
def small_council(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample council of 12 forms (records.xlsx, inbox/, truth.jsonl), made once; copy before changing."""
    out = tmp_path_factory.mktemp("small-council")
    generate(out, forms=12, seed=5, as_of=AS_OF, properties=100)
    return out


@pytest.fixture
def council(small_council: Path, tmp_path: Path) -> Path:
    """A copy of the small council, this test's own."""
    dest = tmp_path / "council"
    shutil.copytree(small_council, dest)
    return dest


def personal_data(truth_path: Path) -> set[str]:
    """Every name, address, postcode, reference and date the sample's forms hold (what logs must not)."""
    values: set[str] = set()
    for line in truth_path.read_text(encoding="utf-8").splitlines():
        fields: dict[str, Any] = json.loads(line)["fields"]
        for name, value in fields.items():
            if name in {"change_description"}:
                continue
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str) and len(v) >= 5:
                    values.add(v)
    return values


# --------------------------------------------------------------------------- a database of chosen submissions

_counter = iter(range(1, 1_000_000))


def add_submission(session: Any, store_root: Path, *, outcome: str | None, form_type: str | None = "council_tax_spd",
                   reasons: list[str] | None = None, received: dt.datetime | None = None,
                   decided: dt.datetime | None = None, account_ref: str | None = "40012345",
                   content: bytes | None = None) -> int:
    """A submission row with a stored file, as the pipeline would leave it; returns its id."""
    import hashlib

    from formwork.models import Stage, Submission
    from formwork.store import FileStore

    n = next(_counter)
    data = content if content is not None else b"%PDF-1.4\n% test " + str(n).encode() + b"\n%%EOF\n"
    store = FileStore(store_root)
    src = store_root.parent / f"src-{n}.pdf"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_bytes(data)
    sha, dest = store.put(src)
    received = received or dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
    # Given content may be shared by several rows (the store keeps one copy): each row its own sha256.
    row_sha = sha if content is None else hashlib.sha256(data + str(n).encode()).hexdigest()
    sub = Submission(file_name=f"form_{n}.pdf", sha256=row_sha,
                     stored_path=dest.relative_to(store.root).as_posix(), size_bytes=len(data), received_at=received,
                     stage=Stage.decided if outcome else Stage.received, form_type=form_type,
                     outcome=outcome, reasons=reasons or [], account_ref=account_ref,
                     decided_at=decided or (received if outcome else None), decided_by="pipeline" if outcome else None)
    session.add(sub)
    session.flush()
    assert sub.id is not None
    return sub.id
