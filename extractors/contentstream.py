"""pdfminer's page interpreter, fed by a faster reader of content streams.

pdfminer reads a page's content stream (the operators that draw its text,
rules and boxes) through a general PostScript tokenizer: a state machine
that goes round its loop for every token and keeps the objects on stacks. On
a two-page form that is about a quarter of the time ``extract_words`` takes.
:func:`content_objects` reads the same stream with a handful of regular
expressions into the same objects, in the same order; :class:`Interpreter`
runs them through pdfminer's own operators.

It reads only what it is sure of. Anything it does not handle exactly as
pdfminer would (inline images, names with ``#`` escapes, procedures, an
unbalanced array or dictionary, a token cut off at the end of a stream, a
stray byte) makes it give the whole page back to pdfminer's own parser
before a single operator has run, so a page is read one way or the other,
never a mix. ``tests/extractors/test_contentstream.py`` checks the objects
are pdfminer's, object for object, on every golden and real-world PDF and on
mutated ones.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import pdfminer
from pdfminer import settings
from pdfminer.pdfinterp import PDFContentParser, PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import KWD, LIT, PSKeyword, PSLiteral, keyword_name
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

__all__ = ["Interpreter", "content_objects", "read_layout"]

log = logging.getLogger("pdfminer.pdfinterp")

#: The pdfminer.six whose tokenizer and ``execute`` this copies; with another, pdfminer reads as it always does.
_COPIED_FROM = "20260107"
#: pdfminer reads a stream in chunks of this size; one of its look-aheads stops at a chunk's end.
_CHUNK = 4096

# One token, by its first byte. Whitespace as pdfminer's tokenizer sees it (Python's \s on bytes).
_TOKEN = re.compile(
    rb"""
    [ \t\n\r\f\v\x00]+                            # whitespace (and NUL, which pdfminer skips)
  | (?P<comment>%[^\r\n]*)
  | (?P<number>(?=[-+.0-9])[-+]?[0-9]*(?:\.[0-9]*)?)
  | /(?P<name>[^#/%\[\]()<>{}\s]*)
  | (?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)
  | (?P<string>\()
  | (?P<dict><<|>>)
  | (?P<hex><[0-9a-fA-F \t\n\r\f\v]*>)(?!>)
  | (?P<single>[\[\]'"])
    """,
    re.VERBOSE,
)
_STRING_END = re.compile(rb"[()\\]")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_SPACE = re.compile(rb"\s")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_ESCAPES = {ord(k): v for k, v in {b"b": 8, b"t": 9, b"n": 10, b"f": 12, b"r": 13, b"(": 40, b")": 41,
                                     b"\\": 92}.items()}
_TRUE, _FALSE = b"true", b"false"
_ARRAY_BEGIN, _ARRAY_END = KWD(b"["), KWD(b"]")
_DICT_BEGIN, _DICT_END = KWD(b"<<"), KWD(b">>")
_INLINE_IMAGE = frozenset((KWD(b"BI"), KWD(b"ID"), KWD(b"EI")))


class _GiveUp(Exception):
    """Something pdfminer's own tokenizer should read."""


def _string(data: bytes, i: int) -> tuple[bytes, int]:
    """The literal string starting after the ``(`` at ``i - 1``, and where it ends."""
    out = bytearray()
    depth = 1
    n = len(data)
    while True:
        m = _STRING_END.search(data, i)
        if m is None:
            raise _GiveUp  # cut off at the end of the stream
        j = m.start()
        out += data[i:j]
        c = data[j]
        if c == 0x5C:  # a backslash
            k = j + 1
            octal = _OCTAL.match(data, k)
            if octal:
                code = int(octal.group(), 8)
                if code > 255:
                    raise _GiveUp  # pdfminer fails an assertion here
                out.append(code)
                i = octal.end()
            elif k >= n:
                raise _GiveUp
            elif data[k] in _ESCAPES:
                out.append(_ESCAPES[data[k]])
                i = k + 1
            elif data[k] == 0x0D and k + 1 < n and data[k + 1] == 0x0A and k % _CHUNK != _CHUNK - 1:
                i = k + 2  # an escaped line end (pdfminer looks for its \n only within one chunk)
            else:
                i = k + 1  # pdfminer drops an unknown escape, and the backslash before it
            continue
        if c == 0x28:  # (
            depth += 1
            out.append(c)
            i = j + 1
            continue
        depth -= 1  # )
        if depth:
            out.append(c)
            i = j + 1
            continue
        return bytes(out), j + 1


def _tokens(data: bytes) -> list[Any]:
    """One stream's tokens as pdfminer's tokenizer makes them; :class:`_GiveUp` if unsure."""
    out: list[Any] = []
    append = out.append
    match = _TOKEN.match
    i, n = 0, len(data)
    while i < n:
        m = match(data, i)
        if m is None or m.end() == i:
            raise _GiveUp
        kind = m.lastgroup
        if kind is None or kind == "comment":
            pass
        elif kind == "number":
            text = m.group(kind)
            try:
                append(float(text) if b"." in text else int(text))
            except ValueError:
                raise _GiveUp from None  # "-", "." and the like: pdfminer drops them
        elif kind == "keyword":
            word = m.group(kind)
            append(True if word == _TRUE else False if word == _FALSE else KWD(word))
        elif kind == "name":
            raw = m.group(kind)
            if data[m.end():m.end() + 1] == b"#" or (not raw and m.end() == n):
                raise _GiveUp  # a #-escape; or a bare / at a stream's end, which pdfminer joins to the next
            try:
                append(LIT(str(raw, "utf-8")))
            except UnicodeDecodeError:
                append(LIT(raw))
        elif kind == "string":
            text, end = _string(data, m.end())
            append(text)
            i = end
            continue
        elif kind == "dict":
            append(_DICT_BEGIN if m.group(kind) == b"<<" else _DICT_END)
        elif kind == "hex":
            digits = _SPACE.sub(b"", m.group(kind)[1:-1])
            append(_HEX_PAIR.sub(lambda p: bytes((int(p.group(0), 16),)), digits))
        else:  # [ ] ' "
            append(KWD(m.group(kind)))
        i = m.end()
    return out


def _literal_name(key: Any) -> str:
    if not isinstance(key, PSLiteral):
        raise _GiveUp
    if isinstance(key.name, str):
        return key.name
    try:
        return str(key.name, "utf-8")
    except UnicodeDecodeError:
        return str(key.name)


def _objects(tokens: list[Any]) -> list[Any]:
    """Tokens to objects (arrays as lists, dictionaries as dicts), as ``PSStackParser.nextobject`` builds them."""
    top: list[Any] = []
    context: list[tuple[str | None, list[Any]]] = []
    curtype: str | None = None
    cur = top
    for token in tokens:
        if token is _ARRAY_BEGIN or token is _DICT_BEGIN:
            context.append((curtype, cur))
            curtype, cur = ("a" if token is _ARRAY_BEGIN else "d"), []
        elif token is _ARRAY_END:
            if curtype != "a":
                raise _GiveUp
            objs = cur
            curtype, cur = context.pop()
            cur.append(objs)
        elif token is _DICT_END:
            if curtype != "d" or len(cur) % 2:
                raise _GiveUp
            d = {_literal_name(k): v for k, v in zip(cur[::2], cur[1::2], strict=True) if v is not None}
            curtype, cur = context.pop()
            cur.append(d)
        elif token in _INLINE_IMAGE:
            raise _GiveUp
        else:
            cur.append(token)
    if context:
        raise _GiveUp  # pdfminer drops an array left open at the end
    return top


def content_objects(streams: Sequence[object]) -> list[Any] | None:
    """The objects of ``streams`` in order, as pdfminer's parser yields them; None where it must read them itself."""
    try:
        tokens: list[Any] = []
        for s in streams:
            tokens += _tokens(stream_value(s).get_data())
        return _objects(tokens)
    except _GiveUp:
        return None
    except Exception:  # noqa: BLE001 - a stream that will not decode: pdfminer meets it in its own way
        return None


class _Objects:
    """The part of ``PDFContentParser`` that ``execute`` uses, over objects already read."""

    def __init__(self, objects: list[Any]) -> None:
        self._it = iter(objects)

    def nextobject(self) -> tuple[int, Any]:
        for obj in self._it:
            return 0, obj
        raise PSEOF("end of the content streams")


class Interpreter(PDFPageInterpreter):
    """``PDFPageInterpreter`` with :func:`content_objects` as its reader, where it can be."""

    def execute(self, streams: Sequence[object]) -> None:
        # pdfminer 20260107's execute, but for where the objects come from.
        valid_streams: list[PDFStream] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                log.warning("Execute called on non-indirect object (inline image?) %r", stream)
                continue
            if stream.objid in self.parent_stream_ids:
                log.warning("Refusing to execute circular reference to content stream %d", stream.objid)
            else:
                valid_streams.append(stream)
                self.stream_ids.add(stream.objid)
        objects = content_objects(valid_streams)
        parser: Any
        if objects is not None:
            parser = _Objects(objects)
        else:
            try:
                parser = PDFContentParser(valid_streams)
            except PSEOF:
                return
        while True:
            try:
                (_, obj) = parser.nextobject()
            except PSEOF:
                break
            if isinstance(obj, PSKeyword):
                name = keyword_name(obj)
                method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
                if hasattr(self, method):
                    func = getattr(self, method)
                    nargs = func.__code__.co_argcount - 1
                    if nargs:
                        args = self.pop(nargs)
                        if len(args) == nargs:
                            func(*args)
                    else:
                        func()
                elif settings.STRICT:
                    raise PDFInterpreterError(f"Unknown operator: {name!r}")
            else:
                self.push(obj)


def usable() -> bool:
    return pdfminer.__version__ == _COPIED_FROM


def read_layout(page: Page) -> None:
    """Lay ``page`` out as ``Page.layout`` does, with :class:`Interpreter`; kept where ``Page.layout`` looks."""
    if not usable() or hasattr(page, "_layout"):
        return
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    device = PDFPageAggregatorWithMarkedContent(page.pdf.rsrcmgr, pageno=page.page_number,
                                                laparams=page.pdf.laparams)
    interpreter = Interpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e) from e
    page._layout = device.get_result()
