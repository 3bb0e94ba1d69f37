"""The extractor registry: built-ins listed explicitly, plugins from entry points.

Built-in extractors come in through the same door as third-party ones: a
plugin package declares, in its ``pyproject.toml``::

    [project.entry-points."formwork.extractors"]
    housing_benefit = "my_council_forms.housing:extractor"

where the object is an extractor instance, or a class or factory returning
one (``extractors.yaml_spec.spec_factory`` makes one from a packaged YAML
spec). Simple form types are YAML specs: Formwork's own in
``extractors/specs/``, a council's in the folder named by the ``specs_dir``
setting (``FORMWORK_SPECS_DIR``). One broken plugin or spec file is logged
and skipped; it never stops the others from loading.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Any

from extractors import correspondence, council_tax_spd, yaml_spec
from extractors.contract import Extractor
from extractors.document import Document
from formwork.settings import get_settings

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "formwork.extractors"

#: The built-in extractors written in Python, in the order they are tried.
BUILTINS: tuple[Extractor, ...] = (council_tax_spd.extractor, correspondence.extractor)
#: The built-in form types written as YAML specs (extractors/specs/), tried after BUILTINS.
BUILTIN_SPECS: tuple[str, ...] = ("council_tax_move.yaml", "parking_permit.yaml")

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


def _builtin_specs() -> Iterable[Registered]:
    for name in BUILTIN_SPECS:
        # A broken built-in spec is a bug: let it fail loudly.
        yield Registered(yaml_spec.load_extractor(yaml_spec.BUILTIN_SPECS_DIR / name), f"builtin spec {name}")


def _spec_dir() -> Iterable[Registered]:
    folder = get_settings().specs_dir
    if folder is None:
        return
    if not folder.is_dir():
        log.error("specs_dir %s is not a folder; no spec files loaded from it", folder)
        return
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:
            yield Registered(yaml_spec.load_extractor(path), f"spec file {path}")
        except yaml_spec.SpecError as exc:
            log.error("spec file skipped: %s", exc)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """Built-ins, built-in YAML specs, the specs_dir folder's specs, then plugins; built once per process."""
    return Registry([*(Registered(e, "builtin") for e in BUILTINS), *_builtin_specs(), *_spec_dir(), *_plugins()])
