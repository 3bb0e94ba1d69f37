"""Secrets only from the environment or the settings file: none has a default, none is in the code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, SecretStr

from formwork.settings import Settings, configure

ROOT = Path(__file__).resolve().parents[2]
SECRET_NAME = re.compile(r"password|secret|token|api_key|private_key", re.I)


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, Any, Any]]:
    out = []
    for name, info in model.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            out.extend(_fields(kind, f"{prefix}{name}."))
        else:
            out.append((prefix + name, kind, info.default))
    return out


def test_no_secret_setting_has_a_default() -> None:
    secret = [(n, d) for n, k, d in _fields(Settings) if SECRET_NAME.search(n) or "SecretStr" in str(k)]
    assert secret, "the settings have secrets (the SMTP password at least)"
    assert [(n, d) for n, d in secret if d is not None] == []


def test_a_secret_comes_from_the_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "formwork.toml"
    toml.write_text('[smtp]\nhost = "mail.example.org"\npassword = "from-file"\n', encoding="utf-8")
    monkeypatch.setenv("FORMWORK_SETTINGS", str(toml))
    s = configure(home=tmp_path)
    assert isinstance(s.smtp.password, SecretStr) and s.smtp.password.get_secret_value() == "from-file"
    assert "from-file" not in repr(s) and "from-file" not in s.model_dump_json()


def test_no_password_or_key_is_written_in_the_code() -> None:
    literal = re.compile(r"""\b\w*(?:password|secret|api_key|token)\w*\s*[:=]\s*(?:str\s*=\s*)?["'][^"'\s]{4,}["']""",
                         re.I)
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for folder in ("formwork", "flows", "extractors")
             for p in (ROOT / folder).rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if literal.search(line)]
    assert found == []
