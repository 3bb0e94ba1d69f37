"""docs/reliability.md names real tests and every limit setting."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from formwork.settings import Limits

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")


def test_every_test_the_page_names_exists() -> None:
    named = set(re.findall(r"(tests/[\w/]+\.py)::(\w+)", DOC))
    assert len(named) >= 25
    missing = []
    for path, name in sorted(named):
        source = ROOT / path
        tree = ast.parse(source.read_text(encoding="utf-8")) if source.is_file() else None
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)} if tree else set()
        if name not in defined:
            missing.append(f"{path}::{name}")
    assert missing == []


def test_every_limit_is_documented_with_its_setting() -> None:
    for field in Limits.model_fields:
        assert f"FORMWORK_LIMITS__{field.upper()}" in DOC, field
