"""One labelled sample shared by the sample generator's tests (generating it is the slow part)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from formwork.sample import SampleResult, generate

AS_OF = dt.date(2026, 11, 27)
FORMS = 300
SEED = 3


@dataclass(frozen=True)
class Sample:
    result: SampleResult
    truth: list[dict[str, Any]]
    manifest: dict[str, Any]

    def files(self, kind: str | None = None, layout: str | None = None) -> list[Path]:
        """Inbox files of a kind (``spd``, ``empty``, ``scan``...) and/or layout, in name order."""
        return [self.result.inbox_dir / name for name, info in self.manifest["files"].items()
                if (kind is None or info["kind"] == kind) and (layout is None or info["layout"] == layout)]


def read_sample(result: SampleResult) -> Sample:
    truth = [json.loads(line) for line in result.truth_path.read_text(encoding="utf-8").splitlines()]
    manifest = json.loads((result.out_dir / "sample.json").read_text(encoding="utf-8"))
    return Sample(result, truth, manifest)


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """Single person discount forms only: the tests that use it check that form type's details."""
    return read_sample(generate(tmp_path_factory.mktemp("sample"), FORMS, seed=SEED, as_of=AS_OF,
                                types=("council_tax_spd",)))


@pytest.fixture(scope="session")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """Every form type, as ``formwork sample`` makes by default."""
    return read_sample(generate(tmp_path_factory.mktemp("mixed"), FORMS, seed=SEED + 1, as_of=AS_OF))
