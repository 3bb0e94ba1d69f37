"""The ``--update-golden`` switch (declared in tests/conftest.py) and a report of what it rewrote."""

from __future__ import annotations

import pytest

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
