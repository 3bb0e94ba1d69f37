"""The mutation run (tests/reliability/mutation.py) as a test; heavy, so not in the default run:

    pytest -m heavy tests/reliability/test_mutation.py
    FORMWORK_MUTATION_VARIANTS=100 pytest -m heavy tests/reliability/test_mutation.py   # a quicker one
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability import mutation

# Read at import: the suite's autouse fixture clears every FORMWORK_ variable before a test runs.
VARIANTS = int(os.environ.get("FORMWORK_MUTATION_VARIANTS", "1000"))


@pytest.mark.heavy
def test_a_thousand_damaged_pdfs_all_end_with_an_outcome(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    variants = VARIANTS
    code = mutation.run(variants, workers=0, seed=1, seeds_dir=None, work=tmp_path, seconds_per_file=None)
    out = capsys.readouterr().out
    print(out)
    assert code == 0, out
    assert f"PASS: {variants} variants" in out
