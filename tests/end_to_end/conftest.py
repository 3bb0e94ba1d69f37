from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REALFORMS = Path(__file__).resolve().parents[3] / "shared" / "realforms"


def formwork(*args: str, cwd: Path, env: dict[str, str] | None = None, check: bool = True,
             timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the formwork command as a user would, in its own process."""
    full_env = {**os.environ, "FORMWORK_HOME": str(cwd / "data"), **(env or {})}
    full_env.pop("FORMWORK_DB", None)
    proc = subprocess.run([sys.executable, "-m", "formwork.cli", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"formwork {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def realforms() -> Path:
    if not REALFORMS.is_dir():
        pytest.skip(f"{REALFORMS} is not here")
    return REALFORMS
