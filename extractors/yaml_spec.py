"""Form specs written as YAML: a simple new form type is a file, not code.

A spec file says what :class:`~extractors.spec.FormSpec` says (see
``docs/extractors.md`` for a walk-through)::

    form_type: parking_permit
    title: Residents' parking permit application
    identify: ["residents'? parking permit"]
    fields:
      - name: vrm
        kind: vrm
        required: true
        labels: ["(?:vehicle )?registration(?: number| mark)?", "reg(?:istration)? no"]
        acroform: ["vrm", "reg ?no"]

:func:`load_spec` validates a file with pydantic and raises :class:`SpecError`
with one line naming the file and the problem; :func:`load_extractor` builds
the :class:`~extractors.spec.SpecExtractor` that reads it. Formwork's own
YAML specs live in ``extractors/specs/``; a council adds its own in the folder
named by the ``specs_dir`` setting (``FORMWORK_SPECS_DIR``), or ships them in
a package through the ``formwork.extractors`` entry point with
:func:`spec_factory`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from extractors.spec import TITLE, DirectionSpec, FieldSpec, FormSpec, SectionSpec, SpecExtractor
from formwork.normalise import KINDS, InvalidValue, normalise

__all__ = ["SpecError", "load_spec", "load_extractor", "load_dir", "spec_factory", "BUILTIN_SPECS_DIR"]

#: Formwork's own form types defined as YAML.
BUILTIN_SPECS_DIR = Path(__file__).parent / "specs"

_NAME = r"^[a-z][a-z0-9_]*$"


class SpecError(ValueError):
    """A spec file cannot be used; ``str(exc)`` is one line naming the file and the problem."""


def _check_patterns(patterns: list[str]) -> list[str]:
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"bad regular expression {p!r}: {exc}") from None
    return patterns


class _Field(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=_NAME)
    kind: str
    required: bool = False
    required_when: dict[str, str] = Field(default_factory=dict)
    labels: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    acroform: list[str] = Field(default_factory=list)
    multiline: bool = False
    description: str = ""
    implied_by: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    means: str = ""
    role: str = ""
    postcode_field: str = ""

    @field_validator("means")
    @classmethod
    def _known_idea(cls, v: str) -> str:
        from extractors.meaning import IDEAS

        if v and v not in IDEAS:
            raise ValueError(f"unknown idea {v!r} (one of {', '.join(sorted(IDEAS))})")
        return v

    @field_validator("role")
    @classmethod
    def _known_role(cls, v: str) -> str:
        from extractors.meaning import ROLES

        if v and v not in ROLES:
            raise ValueError(f"unknown role {v!r} (one of {', '.join(sorted(ROLES))})")
        return v

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, v: str) -> str:
        if v not in KINDS:
            raise ValueError(f"unknown kind {v!r} (one of {', '.join(sorted(KINDS))})")
        return v

    @field_validator("labels", "exclude", "acroform")
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        return _check_patterns(v)

    @field_validator("implied_by")
    @classmethod
    def _implied_patterns(cls, v: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, list[str]]]:
        for by_value in v.values():
            for patterns in by_value.values():
                _check_patterns(patterns)
        return v

    @model_validator(mode="after")
    def _findable(self) -> _Field:
        for value in {value for by_value in self.implied_by.values() for value in by_value}:
            try:
                normalise(self.kind, value)
            except InvalidValue:
                raise ValueError(f"field {self.name!r}: implied_by value {value!r} is no valid {self.kind}") from None
        if not self.labels and not self.acroform:
            raise ValueError(f"field {self.name!r} needs labels or acroform names to be found by")
        return self


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")

    heading: list[str] = Field(min_length=1)
    fields: dict[str, str] = Field(min_length=1)

    @field_validator("heading")
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        return _check_patterns(v)


class _Direction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: str
    here: list[str] = Field(min_length=1)
    elsewhere: list[str] = Field(default_factory=list)
    said: dict[str, tuple[str, str]] = Field(min_length=1)

    @field_validator("here", "elsewhere")
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        return _check_patterns(v)


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    form_type: str = Field(pattern=_NAME)
    name: str = Field(default="", pattern=r"^(?:[a-z][a-z0-9_.]*)?$")
    version: str = "1.0"
    title: str
    identify: list[str] = Field(min_length=1)
    reject: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    sections: list[_Section] = Field(default_factory=list)
    section_labels: dict[str, list[str]] = Field(default_factory=dict)
    by_direction: _Direction | None = None
    fields: list[_Field] = Field(min_length=1)

    @field_validator("section_labels")
    @classmethod
    def _slot_patterns(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in v.values():
            _check_patterns(patterns)
        return v

    @field_validator("identify", "reject", "ignore")
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        return _check_patterns(v)

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | float) else v

    @model_validator(mode="after")
    def _consistent(self) -> _Spec:
        names = [f.name for f in self.fields]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"field {dupes[0]!r} is defined twice")
        for f in self.fields:
            for other in f.required_when:
                if other not in names:
                    raise ValueError(f"field {f.name!r}: required_when names no field {other!r}")
            for other in f.implied_by:
                if other not in names and other != TITLE:
                    raise ValueError(f"field {f.name!r}: implied_by names no field {other!r}")
            if f.postcode_field and f.postcode_field not in names:
                raise ValueError(f"field {f.name!r}: postcode_field names no field {f.postcode_field!r}")
        if self.by_direction is not None and self.by_direction.field not in names:
            raise ValueError(f"by_direction names no field {self.by_direction.field!r}")
        for i, sec in enumerate(self.sections):
            for slot, field in sec.fields.items():
                if slot not in self.section_labels:
                    raise ValueError(f"sections.{i}: slot {slot!r} has no section_labels entry")
                if field not in names:
                    raise ValueError(f"sections.{i}: slot {slot!r} names no field {field!r}")
        return self

    def to_form_spec(self) -> FormSpec:
        return FormSpec(
            form_type=self.form_type, name=self.name or self.form_type, version=self.version, title=self.title,
            identify=tuple(self.identify), reject=tuple(self.reject), ignore=tuple(self.ignore),
            sections=tuple(SectionSpec(tuple(s.heading), tuple(s.fields.items())) for s in self.sections),
            section_labels=tuple((slot, tuple(p)) for slot, p in self.section_labels.items()),
            by_direction=None if self.by_direction is None else DirectionSpec(
                self.by_direction.field, tuple(self.by_direction.here), tuple(self.by_direction.elsewhere),
                tuple((value, here, elsewhere) for value, (here, elsewhere) in self.by_direction.said.items())),
            fields=tuple(
                FieldSpec(f.name, f.kind, required=f.required, required_when=tuple(f.required_when.items()),
                          labels=tuple(f.labels), exclude=tuple(f.exclude), acroform=tuple(f.acroform),
                          multiline=f.multiline, description=f.description, means=f.means, role=f.role,
                          postcode_field=f.postcode_field,
                          implied_by=tuple((source, v, tuple(p)) for source, by_value in f.implied_by.items()
                                           for v, p in by_value.items()))
                for f in self.fields),
        )


def _problem(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    msg = str(err["msg"]).removeprefix("Value error, ")
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {msg}{more}" if where else f"{msg}{more}"


def load_spec(path: Path) -> FormSpec:
    """Read and validate a YAML spec file; :class:`SpecError` (one line) when it is unusable."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpecError(f"{path}: cannot read the file ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise SpecError(f"{path}: not valid YAML{where} ({problem})") from None
    if not isinstance(data, dict):
        raise SpecError(f"{path}: a spec is a mapping of form_type, title, identify and fields")
    try:
        return _Spec.model_validate(data).to_form_spec()
    except ValidationError as exc:
        raise SpecError(f"{path}: {_problem(exc)}") from None


def load_extractor(path: Path) -> SpecExtractor:
    return SpecExtractor(load_spec(path))


def load_dir(folder: Path) -> list[SpecExtractor]:
    """Extractors for every ``*.yaml``/``*.yml`` file in ``folder``, in name order."""
    files = sorted([*Path(folder).glob("*.yaml"), *Path(folder).glob("*.yml")])
    return [load_extractor(p) for p in files]


def spec_factory(path: Path | str) -> Callable[[], SpecExtractor]:
    """A factory for the ``formwork.extractors`` entry point that loads a packaged spec file::

        # my_council_forms/__init__.py
        housing_benefit = spec_factory(Path(__file__).parent / "housing_benefit.yaml")
    """
    def make() -> SpecExtractor:
        return load_extractor(Path(path))

    return make
