"""What the extractors see: the registry listed, and one file classified, extracted and drawn.

Developer tooling behind ``formwork extractors`` and ``formwork extract``. It
reads files the way the pipeline does (:func:`formwork.pipeline.extract_file`),
so what it shows is what a submission of that file would get, and it works for
whatever extractors are registered: built-ins, entry-point plugins, spec files.
Nothing here touches the database.
"""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.contract import Extractor, FieldValue
from extractors.document import UnreadableFile, open_document
from extractors.registry import MIN_SCORE, Registry, default_registry
from formwork import reasons as R
from formwork.decide import field_reasons as reasons_from_fields
from formwork.settings import Limits, get_settings

__all__ = [
    "ExtractorInfo",
    "Inspection",
    "describe_extractors",
    "inspect_file",
    "draw_pages",
    "spec_file",
]

#: Attributes under which an extractor (or its ``spec``) may say which file it was read from.
SPEC_FILE_ATTRIBUTES = ("spec_path", "spec_file", "source_path", "path")

_ENTRY_POINT = re.compile(r"^entry point (?P<name>\S+) \((?P<value>.*)\)$")


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class ExtractorInfo:
    """One registered extractor and where it came from."""

    name: str
    form_type: str
    version: str
    source: str  # "builtin", "entry point", or the registry's own words for anything else
    entry_point: str | None  # the entry point's name
    module: str | None  # the entry point's target, else the module defining the extractor's class
    spec_file: str | None  # the spec file it was read from, when it says
    fields: int
    required: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "form_type": self.form_type, "version": self.version, "source": self.source,
            "entry_point": self.entry_point, "module": self.module, "spec_file": self.spec_file,
            "fields": self.fields, "required": self.required,
        }


def spec_file(extractor: object) -> str | None:
    """The file an extractor was read from, if it (or its ``spec``) exposes one."""
    for obj in (extractor, getattr(extractor, "spec", None)):
        if obj is None:
            continue
        for attr in SPEC_FILE_ATTRIBUTES:
            value = getattr(obj, attr, None)
            if isinstance(value, str | Path) and str(value):
                return str(value)
    return None


def describe_extractors(registry: Registry | None = None) -> list[ExtractorInfo]:
    """Every registered extractor, in the order they are tried."""
    registry = registry or default_registry()
    out = []
    for entry in registry.entries:
        ex = entry.extractor
        m = _ENTRY_POINT.match(entry.source)
        if m:
            source, ep_name, module = "entry point", m["name"], m["value"]
        else:
            source, ep_name, module = entry.source, None, type(ex).__module__
        specs = list(_safe_fields(ex))
        out.append(ExtractorInfo(
            name=str(ex.name), form_type=str(ex.form_type), version=str(ex.version), source=source,
            entry_point=ep_name, module=module, spec_file=spec_file(ex), fields=len(specs),
            required=sum(1 for f in specs if getattr(f, "required", False)),
        ))
    return out


def _safe_fields(ex: Extractor) -> Sequence[Any]:
    try:
        return list(ex.fields)
    except Exception:  # noqa: BLE001 - a plugin with a broken schema is still listed
        return []


# --------------------------------------------------------------------------- one file


@dataclass
class Inspection:
    """What the pipeline would make of one file, with every extractor's score."""

    file: Path
    status: str  # extracted | unknown | unreadable (formwork.pipeline.FileResult)
    detail: str | None
    reason: str | None  # UNREADABLE_FILE or UNKNOWN_FORM_TYPE when no form type was found
    pages: int | None
    scores: dict[str, float | None] = field(default_factory=dict)
    score: float | None = None
    extractor: str | None = None
    version: str | None = None
    form_type: str | None = None
    fields: list[FieldValue] = field(default_factory=list)
    #: MISSING_FIELD, INVALID_FORMAT and LOW_CONFIDENCE codes the fields alone would raise.
    field_reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    threshold: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "pages": self.pages,
            "status": self.status,
            "reason": self.reason,
            "detail": self.detail,
            "classification": {
                "scores": {k: (round(v, 4) if v is not None else None) for k, v in self.scores.items()},
                "winner": self.extractor,
                "score": round(self.score, 4) if self.score is not None else None,
                "min_score": MIN_SCORE,
            },
            "form_type": self.form_type,
            "extractor": self.extractor,
            "version": self.version,
            "fields": [f.to_dict() for f in self.fields],
            "field_reasons": list(self.field_reasons),
            "confidence_threshold": self.threshold,
            "notes": list(self.notes),
        }


def inspect_file(path: Path, limits: Limits | None = None) -> Inspection:
    """Classify and extract ``path`` as the pipeline would; FileNotFoundError when it is not a file."""
    from formwork.pipeline import extract_file  # the pipeline pulls in the database layer: only when used

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"not a file: {path}" if path.exists() else f"file not found: {path}")
    settings = get_settings()
    limits = limits or settings.limits
    threshold = settings.policy.confidence_threshold
    result = extract_file(0, path, limits)
    found = Inspection(path, result.status, result.detail, None, None, threshold=threshold)
    if result.status == "unreadable":
        found.reason = R.UNREADABLE_FILE
        return found
    try:
        with open_document(path, max_bytes=limits.max_file_bytes, max_pages=limits.max_pages) as doc:
            found.pages = len(doc.pages)
            found.scores = default_registry().classify(doc).scores
    except UnreadableFile as exc:  # the pipeline read it a moment ago; say so rather than guess
        found.status, found.detail, found.reason = "unreadable", str(exc), R.UNREADABLE_FILE
        return found
    ex = result.extraction
    if result.status != "extracted" or ex is None:
        found.reason = R.UNKNOWN_FORM_TYPE
        return found
    found.score, found.extractor, found.version, found.form_type = result.score, ex.extractor, ex.version, ex.form_type
    found.notes = list(ex.notes)
    schema = list(default_registry().get(ex.extractor).fields)
    order = {f.name: i for i, f in enumerate(schema)}
    found.fields = sorted(ex.fields.values(), key=lambda f: (order.get(f.name, len(order)), f.name))
    found.field_reasons = reasons_from_fields(schema, ex.fields, threshold)
    return found


# --------------------------------------------------------------------------- pictures

#: Box colours: read well, read below the confidence threshold, present but invalid.
GOOD, DOUBTFUL, INVALID = (0, 140, 60), (230, 120, 0), (210, 0, 0)


def _colour(fv: FieldValue, threshold: float) -> tuple[int, int, int]:
    if not fv.valid:
        return INVALID
    return GOOD if fv.confidence >= threshold else DOUBTFUL


def draw_pages(found: Inspection, out_dir: Path, resolution: int = 100) -> list[Path]:
    """One PNG per page of the inspected file, every field's box drawn and named; the paths written.

    Nothing is written for an unreadable file. Files are named
    ``<stem>.page-<n>.png`` and replace any of the same name.
    """
    import pdfplumber
    from pdfplumber.display import PageImage
    from PIL import ImageDraw, ImageFont

    if found.status == "unreadable":
        return []
    if resolution < 20 or resolution > 600:
        raise ValueError("the resolution must be between 20 and 600 dots per inch")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(f"not a folder: {out_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with pdfplumber.open(found.file) as pdf, FilledForms(found.file) as filled:
        for page in pdf.pages:
            original = filled.render(page.page_number - 1, resolution)
            im = PageImage(page, original=original, resolution=resolution) if original is not None \
                else page.to_image(resolution=resolution)
            on_page = [f for f in found.fields if f.box is not None and f.box.page == page.page_number]
            for fv in on_page:
                assert fv.box is not None
                r, g, b = _colour(fv, found.threshold)
                im.draw_rect((fv.box.x0, fv.box.top, fv.box.x1, fv.box.bottom), fill=(r, g, b, 40),
                             stroke=(r, g, b), stroke_width=2)
            # Labels after every box, so no box is drawn over another field's name.
            draw = ImageDraw.Draw(im.annotated, "RGBA")
            size = max(10, round(9 * im.scale))
            try:
                font: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.load_default(size=size)
            except (OSError, TypeError, ValueError):  # a Pillow built without FreeType
                font = ImageFont.load_default()
            for fv in on_page:
                assert fv.box is not None
                x = (fv.box.x0 - im.bbox[0]) * im.scale
                top = (fv.box.top - im.bbox[1]) * im.scale
                bottom = (fv.box.bottom - im.bbox[1]) * im.scale
                text = f"{fv.name} {fv.confidence:.2f}" if fv.valid else f"{fv.name} INVALID"
                left, t, right, btm = draw.textbbox((0, 0), text, font=font)
                height = btm - t + 2
                # Above the box when there is room, else just below it.
                y = top - height - 1 if top - height - 1 >= 0 else bottom + 1
                draw.rectangle((x, y, x + right - left + 4, y + height), fill=(255, 255, 255, 200))
                draw.text((x + 2, y - t + 1), text, fill=_colour(fv, found.threshold), font=font)
            dest = out_dir / f"{found.file.stem}.page-{page.page_number}.png"
            im.save(dest, format="PNG")
            written.append(dest)
    return written


class FilledForms:
    """Pages drawn with their AcroForm values filled in.

    ``page.to_image`` draws a form field only through its stored appearance,
    and many forms (ours among them) store none, leaving the boxes empty in the
    picture. pdfium's form environment draws the values themselves. When it
    cannot, :meth:`render` gives ``None`` and the caller falls back to
    ``page.to_image``.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc: Any = None

    def __enter__(self) -> FilledForms:
        import pypdfium2

        # pdfium's own complaints (an XFA form, say) are not the user's business here.
        quiet = logging.getLogger("pypdfium2")
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.doc = pypdfium2.PdfDocument(str(self.path))
                self.doc.init_forms()
        except Exception:  # noqa: BLE001 - fall back to pdfplumber's own rendering
            self.close()
        finally:
            quiet.setLevel(level)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.doc is not None:
            with contextlib.suppress(Exception):
                self.doc.close()
        self.doc = None

    def render(self, index: int, resolution: int) -> Any:
        if self.doc is None:
            return None
        try:
            page = self.doc[index]
            return page.render(scale=resolution / 72, may_draw_forms=True).to_pil().convert("RGB")
        except Exception:  # noqa: BLE001 - fall back to pdfplumber's own rendering
            return None


# --------------------------------------------------------------------------- label/answer pairs


def file_pairs(path: Path) -> dict[str, Any]:
    """Every label/answer pair the page reader finds in ``path``, used by a field or not (``extract --pairs``).

    ``{"file", "pairs": [{"page", "label", "label_box", "answer", "answer_box", "score", "how", "section",
    "zone"}]}``, boxes ``[x0, top, x1, bottom]`` in points from the page's top-left. An unreadable file
    gives no pairs and a ``detail``.
    """
    from extractors.pairs import find_pairs

    limits = get_settings().limits
    out: dict[str, Any] = {"file": path.name, "pairs": []}
    try:
        with open_document(path, max_bytes=limits.max_file_bytes, max_pages=limits.max_pages) as doc:
            out["pages"] = len(doc.pages)
            out["pairs"] = [p.to_dict() for p in find_pairs(doc)]
    except UnreadableFile as exc:
        out["detail"] = str(exc)
    return out
