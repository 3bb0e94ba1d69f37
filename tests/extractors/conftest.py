"""The ``--update-golden`` switch (declared in tests/conftest.py), a report of what it rewrote,
and a small generated sample for the tooling's tests."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from formwork.sample import generate
from tests.extractors import golden

#: Cases whose expected file this session rewrote.
REWRITTEN: list[str] = []


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    if not config.getoption("--update-golden"):
        return
    tr = terminalreporter
    if REWRITTEN:
        tr.section("golden files rewritten")
        for case_id in REWRITTEN:
            tr.write_line(f"{golden.GOLDEN_DIR.name}/{case_id}{golden.EXPECTED_SUFFIX}")
        tr.write_line("Read `git diff tests/extractors/golden` before committing: each change is a change in "
                      "what the extractor reads.")
    else:
        tr.write_line("--update-golden: every golden file already matched; nothing rewritten.")


@dataclass(frozen=True)
class SmallSample:
    folder: Path
    manifest: dict[str, Any]
    truth: dict[str, dict[str, Any]]

    def files(self, kind: str | None = None, layout: str | None = None, clean: bool = False) -> list[Path]:
        return [self.folder / "inbox" / name for name, info in self.manifest["files"].items()
                if (kind is None or info["kind"] == kind) and (layout is None or info["layout"] == layout)
                and not (clean and info["faults"])]


@pytest.fixture(scope="session")
def small_sample(tmp_path_factory: pytest.TempPathFactory) -> SmallSample:
    """Twelve files from ``formwork sample``: every layout, a few faults, one file that is no form."""
    out = tmp_path_factory.mktemp("small-sample")
    generate(out, forms=12, seed=5, as_of=dt.date(2026, 11, 1), properties=200, types=["council_tax_spd"])
    manifest = json.loads((out / "sample.json").read_text(encoding="utf-8"))
    truth = {t["file"]: t for t in map(json.loads, (out / "truth.jsonl").read_text(encoding="utf-8").splitlines())}
    return SmallSample(out, manifest, truth)
