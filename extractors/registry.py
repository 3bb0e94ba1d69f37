"""The extractor registry: built-ins listed explicitly, plugins from entry points.

Built-in extractors come in through the same door as third-party ones: a
plugin package declares, in its ``pyproject.toml``::

    [project.entry-points."formwork.extractors"]
    housing_benefit = "my_council_forms.housing:extractor"

where the object is an extractor instance, or a class or factory returning
one. One broken plugin is logged and skipped; it
never stops the others from loading.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Any

from extractors import correspondence, council_tax_spd
from extractors.contract import Extractor
from extractors.document import Document

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "formwork.extractors"

#: The built-in extractors, in the order they are tried.
BUILTINS: tuple[Extractor, ...] = (council_tax_spd.extractor, correspondence.extractor)

#: Below this score a document is not recognised.
MIN_SCORE = 0.5


@dataclass(frozen=True)
class Registered:
    extractor: Extractor
    source: str  # "builtin" or "entry point <name> (<module>)"


@dataclass
class Classification:
    extractor: Extractor | None
    score: float
    scores: dict[str, float | None] = field(default_factory=dict)


class Registry:
    def __init__(self, entries: Iterable[Registered]) -> None:
        self.entries: list[Registered] = []
        self._by_name: dict[str, Registered] = {}
        for entry in entries:
            name = entry.extractor.name
            if name in self._by_name:
                log.warning("extractor %s from %s ignored: the name is taken by %s",
                            name, entry.source, self._by_name[name].source)
                continue
            self._by_name[name] = entry
            self.entries.append(entry)

    def __iter__(self) -> Any:
        return (e.extractor for e in self.entries)

    def get(self, name: str) -> Extractor:
        return self._by_name[name].extractor

    def for_form_type(self, form_type: str) -> Extractor:
        for e in self.entries:
            if e.extractor.form_type == form_type:
                return e.extractor
        raise KeyError(form_type)

    def classify(self, doc: Document) -> Classification:
        """The best-scoring extractor for ``doc``; ``extractor`` is None when none recognises it."""
        scores: dict[str, float | None] = {}
        best: tuple[float, Extractor] | None = None
        for ex in self:
            try:
                score = ex.score(doc)
            except Exception:
                log.exception("extractor %s failed to score a document; treated as declining", ex.name)
                score = None
            scores[ex.name] = score
            if score is not None and score >= MIN_SCORE and (best is None or score > best[0]):
                best = (score, ex)
        if best is None:
            return Classification(None, 0.0, scores)
        return Classification(best[1], best[0], scores)


def _coerce(obj: Any) -> Extractor:
    if isinstance(obj, Extractor) and not isinstance(obj, type):
        return obj
    if callable(obj):
        made = obj()
        if isinstance(made, Extractor):
            return made
    raise TypeError(f"{obj!r} is not an extractor")


def _plugins() -> Iterable[Registered]:
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            yield Registered(_coerce(ep.load()), f"entry point {ep.name} ({ep.value})")
        except Exception:
            log.exception("extractor plugin %s (%s) could not be loaded; skipped", ep.name, ep.value)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """Built-ins, then plugins; built once per process."""
    return Registry([*(Registered(e, "builtin") for e in BUILTINS), *_plugins()])
