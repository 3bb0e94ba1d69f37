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
import types
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
    if type(value) is tuple and all(type(v) in _PLAIN for v in value):
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
    cls = obj.__class__
    kind = _KINDS.get(cls)
    if kind is None:
        kind = _KINDS[cls] = re.sub(lt_pat, "", cls.__name__).lower()
    attr = {k: (v if type(v) in _PLAIN else _resolved(v)) for k, v in obj.__dict__.items() if k in ALL_ATTRS}
    attr["object_type"] = kind
    attr["page_number"] = page.page_number
    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            attr[cs] = _colour_space(getattr(obj, cs).name)
    if isinstance(obj, LTChar | LTTextContainer):
        text = obj.get_text()
        attr["text"] = normalize_unicode(page.pdf.unicode_norm, text) if page.pdf.unicode_norm is not None else text
    if isinstance(obj, LTChar):
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
    elif isinstance(obj, LTCurve):
        attr["pts"] = list(map(page.point2coord, attr["pts"]))
        attr["path"] = [(cmd, *map(page.point2coord, pts)) for cmd, *pts in obj.original_path]  # type: ignore[union-attr]
        attr["dash"] = obj.dashing_style
    mb_x0, mb_top = page.mediabox[:2]
    if "y0" in attr:
        attr["top"] = (page.height - attr["y1"]) + mb_top
        attr["bottom"] = (page.height - attr["y0"]) + mb_top
        attr["doctop"] = page.initial_doctop + attr["top"]
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr


def speed_up(page: Page) -> Page:
    """Make ``page`` build its objects with :func:`process_object` (this page only)."""
    if not pdfplumber.__version__.startswith(_COPIED_FROM):
        return page
    page.process_object = types.MethodType(process_object, page)  # type: ignore[method-assign]
    return page
