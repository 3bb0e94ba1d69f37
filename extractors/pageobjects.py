"""pdfplumber's page objects, built the same but for less: the per-character cost of reading a page.

pdfplumber turns every pdfminer layout object (each character, rule and box
on a page) into a dict in ``Page.process_object``. For each object it runs a
regular expression over the class name and ``resolve_all`` over every
attribute, most of which are plain numbers and strings that resolve to
themselves. On a two-page form that is about a third of the time
``extract_words`` takes. :func:`process_object` builds the identical dict
(same keys, equal values: ``tests/extractors/test_pageobjects.py`` compares
them) with the class names and colour-space names cached and plain values kept as they are.
:func:`speed_up` installs it on one page; pdfplumber itself is not changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from unicodedata import normalize as normalize_unicode

import pdfplumber
from pdfminer.layout import LTChar, LTCurve, LTItem, LTTextContainer
from pdfplumber.page import ALL_ATTRS, Page, fix_fontname_bytes, lt_pat
from pdfplumber.utils import resolve_all, resolve_and_decode

__all__ = ["process_object", "speed_up"]

#: Values ``resolve_all`` returns unchanged (lists, tuples and dicts it copies, so those still go through it).
_PLAIN = frozenset((int, float, str, bool, type(None)))
_KINDS: dict[type, str] = {}
_DECODED: dict[str, Any] = {}
#: The pdfplumber whose ``process_object`` this copies; with another, pages are left as they are.
_COPIED_FROM = "0.11."


def _resolved(value: Any) -> Any:
    """``resolve_all(value)``; a tuple of plain values (a character's matrix) is its own resolution."""
    if type(value) is tuple and _PLAIN.issuperset(map(type, value)):
        return value
    return resolve_all(value)


def _colour_space(name: Any) -> Any:
    """``resolve_and_decode(name)``, remembered: a page has thousands of characters and a few colour spaces."""
    if type(name) is not str:
        return resolve_and_decode(name)
    decoded = _DECODED.get(name)
    if decoded is None:
        decoded = resolve_and_decode(name)
        if len(_DECODED) < 1000:
            _DECODED[name] = decoded
    return decoded


def process_object(page: Page, obj: LTItem) -> dict[str, Any]:
    """``pdfplumber.Page.process_object`` (pdfplumber 0.11), with plain values not resolved."""
    return _processor(page)(obj)


def _processor(page: Page) -> Callable[[LTItem], dict[str, Any]]:
    """:func:`process_object` for one page, with what is the same for every object on it looked up once."""
    page_number = page.page_number
    unicode_norm = page.pdf.unicode_norm
    mb_x0, mb_top = page.mediabox[:2]
    height = page.height
    initial_doctop = page.initial_doctop
    point2coord = page.point2coord
    plain = _PLAIN
    keep = ALL_ATTRS

    def process(obj: LTItem) -> dict[str, Any]:
        cls = obj.__class__
        kind = _KINDS.get(cls)
        if kind is None:
            kind = _KINDS[cls] = re.sub(lt_pat, "", cls.__name__).lower()
        attr = {k: (v if type(v) in plain else _resolved(v)) for k, v in obj.__dict__.items() if k in keep}
        attr["object_type"] = kind
        attr["page_number"] = page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                attr[cs] = _colour_space(getattr(obj, cs).name)
        if isinstance(obj, LTChar):
            text = obj.get_text()
            attr["text"] = normalize_unicode(unicode_norm, text) if unicode_norm is not None else text
            gs = obj.graphicstate
            attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
            attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
            if isinstance(attr["fontname"], bytes):
                attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        elif isinstance(obj, LTTextContainer):
            text = obj.get_text()
            attr["text"] = normalize_unicode(unicode_norm, text) if unicode_norm is not None else text
        elif isinstance(obj, LTCurve):
            attr["pts"] = list(map(point2coord, attr["pts"]))
            attr["path"] = [(cmd, *map(point2coord, pts)) for cmd, *pts in obj.original_path]  # type: ignore[union-attr]
            attr["dash"] = obj.dashing_style
        if "y0" in attr:
            top = attr["top"] = (height - attr["y1"]) + mb_top
            attr["bottom"] = (height - attr["y0"]) + mb_top
            attr["doctop"] = initial_doctop + top
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    return process


def speed_up(page: Page) -> Page:
    """Make ``page`` build its objects with :func:`process_object` (this page only)."""
    if not pdfplumber.__version__.startswith(_COPIED_FROM):
        return page
    page.process_object = _processor(page)  # type: ignore[method-assign, assignment]
    return page
