"""Letters to citizens, rendered from ``templates/letters/`` with Jinja2."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from formwork.paths import templates_dir


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["longdate"] = _long_date
    return env


def _long_date(value: str | dt.date | None) -> str:
    if value is None:
        return ""
    d = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{d.day} {d:%B %Y}"


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
