"""``python -m bench --quick`` runs end to end and reports every figure against its target.

It takes a few minutes on two cores (councils generated, a Prefect server
started, a dozen commands run), so it runs only with FORMWORK_BENCH=1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.environ.get("FORMWORK_BENCH") != "1",
                                reason="the benchmark smoke run takes minutes: set FORMWORK_BENCH=1")

ROOT = Path(__file__).resolve().parents[2]


def test_quick_run_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "copy.json"
    proc = subprocess.run([sys.executable, "-m", "bench", "--quick", "--work", str(tmp_path / "work"),
                           "--prefect-port", "4298", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode in (0, 1), proc.stderr[-3000:]  # 1: a target missed, which a smoke run may
    result = json.loads((tmp_path / "work" / "results.json").read_text())
    assert json.loads(out.read_text()) == result
    names = [f["name"] for f in result["figures"]]
    for expected in ("throughput: formwork process / bare loop", "orchestration overhead",
                     "peak memory, 40 forms", "peak memory, 120 forms", "memory growth", "time growth",
                     "rate with", "records load"):
        assert any(n.startswith(expected) for n in names), (expected, names)
    for f in result["figures"]:
        assert (f["value"] == f["value"] and f["value"] >= 0) or f["unit"] == "%", f  # a number, not NaN
        assert ("PASS" if f["passed"] else "FAIL") in proc.stdout
    runs = result["runs"]
    assert all(r["processed"] == 40 for r in (one["output"] for one in runs["local"]))
    assert runs["big_inbox"]["output"]["processed"] == 120
    assert runs["prefect"][0]["peak_mb"] > 50  # the sampler saw the process tree
    assert result["all_passed"] == all(f["passed"] for f in result["figures"])
