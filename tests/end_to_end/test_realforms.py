"""Real PDFs from other projects' test corpora: every one ends with an outcome."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.end_to_end.conftest import formwork, read_jsonl


def test_every_real_form_ends_with_an_outcome(realforms: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(realforms, inbox, ignore=shutil.ignore_patterns("*.md"))
    files = sorted(p.name for p in inbox.iterdir())
    result = json.loads(formwork("process", "inbox", "--engine", "local", "--json", cwd=tmp_path).stdout)
    formwork("export", "--out", "export.jsonl", cwd=tmp_path)
    exported = {e["file"]: e for e in read_jsonl(tmp_path / "export.jsonl")}
    # Every file is a submission of its own, an identical copy under another name too.
    assert result["files"] == len(files)
    assert result["new"] == len(files) and result["already_known"] == 0
    for e in exported.values():
        assert e["outcome"] in {"exception", "quarantined"}, e
        assert e["reasons"], e
    by_name = {name: exported.get(name) for name in files}
    assert [n for n, e in by_name.items() if e is None] == []
    for name, e in by_name.items():
        if e is None:
            continue
        if name.startswith(("broken_", "encrypted_", "uk_broken_")):
            assert e["outcome"] == "quarantined" and e["reasons"] == ["UNREADABLE_FILE"], e
        else:
            assert e["outcome"] == "exception", e
