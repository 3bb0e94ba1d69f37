"""Where the files that ship with Formwork are, in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """``templates/`` at the top of a checkout, or the copy packed into the wheel."""
    for candidate in (_HERE.parent / "templates", _HERE / "_templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Formwork's templates folder is missing from this installation")
