"""The faster content-stream reader (extractors/contentstream.py) gives pdfminer's objects, or gives up.

For every page of every golden PDF (and of every real-world PDF in
../shared/realforms, when it is beside the repository), and for mutated
copies of its content streams: :func:`content_objects` either returns exactly
the objects pdfminer's own ``PDFContentParser`` yields, in order, or None
(pdfminer then reads the page itself). Pages laid out through
:func:`read_layout` have exactly pdfplumber's objects.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import KWD, LIT

from extractors import contentstream
from extractors.contentstream import content_objects, read_layout
from tests.extractors.corpus import readable_pdfs

pytestmark = pytest.mark.skipif(not contentstream.usable(), reason="another pdfminer.six: pdfminer reads every page")


PDFS = readable_pdfs(lambda page: page.objects)


def _pdfminer_objects(streams: list[Any]) -> list[Any] | str:
    """What pdfminer's parser yields for ``streams`` (or the name of the error it stops with)."""
    try:
        parser = PDFContentParser(streams)
    except PSEOF:
        return []
    out = []
    try:
        while True:
            out.append(parser.nextobject()[1])
    except PSEOF:
        return out
    except Exception as exc:  # noqa: BLE001 - an error is an answer too: the fast reader must give up there
        return type(exc).__name__


class _Stream(PDFStream):
    """A content stream with the given bytes (as a page would hold it, decoded)."""

    def __init__(self, data: bytes, objid: int = 1) -> None:
        super().__init__({}, data)
        self.objid = objid
        self.data = data

    def get_data(self) -> bytes:
        return self.data


def _agrees(streams: list[Any]) -> bool | None:
    """True if the fast reader gives pdfminer's objects, None if it gave up; fails the test otherwise."""
    fast = content_objects(streams)
    if fast is None:
        return None
    slow = _pdfminer_objects(streams)
    assert fast == slow
    return True


def _plain(value: Any) -> Any:
    """``value`` with every stream in it as its bytes (two opens of a file hold two stream objects)."""
    if isinstance(value, PDFStream):
        return ("stream", value.attrs.keys(), value.get_rawdata())
    if isinstance(value, list | tuple):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _comparable(objects: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Page objects with each stream in them (an image's, a colour space's) as its bytes.

    An inline image has no name in the file: pdfminer names it after the ``id()`` of its stream object.
    """
    return {kind: [_plain({**obj, "name": "inline"} if kind == "image" and str(obj.get("name")).isdigit()
                          else obj) for obj in objs]
            for kind, objs in objects.items()}


def _page_streams(page: Any) -> list[Any]:
    contents = page.page_obj.contents
    return [stream_value(s) for s in contents]


@pytest.mark.parametrize("pdf_path", PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_objects_are_pdfminers_and_so_are_the_pages(pdf_path: Path) -> None:
    with pdfplumber.open(pdf_path) as plain, pdfplumber.open(pdf_path) as fast:
        for page, quick in zip(plain.pages, fast.pages, strict=True):
            _agrees(_page_streams(page))
            read_layout(quick)
            assert _comparable(quick.objects) == _comparable(page.objects)


def test_mutated_streams_read_the_same_or_give_up() -> None:
    """Byte flips, cuts and splices of real content streams: never a different reading."""
    rng = random.Random(7)
    datas = []
    for path in PDFS:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                datas += [s.get_data() for s in _page_streams(page)]
    assert len(datas) > 20
    read = gave_up = 0
    alphabet = b" \n\r\t\x00()<>[]{}/%#\\-+.0123456789abcdefTJjm*'\"BIDE"
    for _ in range(2000):
        data = bytearray(rng.choice(datas))
        for _ in range(rng.randint(1, 4)):
            how = rng.random()
            at = rng.randrange(len(data) + 1)
            if how < 0.5 and data:
                data[min(at, len(data) - 1)] = rng.choice(alphabet)
            elif how < 0.7:
                del data[at:at + rng.randint(1, 20)]
            else:
                other = rng.choice(datas)
                start = rng.randrange(len(other) + 1)
                data[at:at] = other[start:start + rng.randint(1, 40)]
        cut = rng.randrange(len(data) + 1)
        streams = [_Stream(bytes(data[:cut]), 1), _Stream(bytes(data[cut:]), 2)] if rng.random() < 0.3 \
            else [_Stream(bytes(data))]
        if _agrees(streams):
            read += 1
        else:
            gave_up += 1
    # Many mutations leave a stream the fast reader is sure of: it must still be reading those.
    assert read > 600, (read, gave_up)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([
    b" ", b"\n", b"\r\n", b"\r", b"\t", b"\x00", b"0", b"12", b"-3", b"+4", b".5", b"6.", b"7.25", b"-.5", b"1.2.3",
    b"/F1", b"/", b"/A#20B", b"Tj", b"TJ", b"T*", b"'", b'"', b"true", b"false", b"BT", b"ET", b"[", b"]",
    b"<<", b">>", b"<", b">", b"<4142>", b"<41 4>", b"<>", b"(a)", b"(a(b)c)", b"(\\()", b"(\\101)", b"(\\1234)",
    b"(\\777)", b"(\\q)", b"(\\\r\n)", b"(\\\n)", b"(open", b"%comment", b"{", b"}", b"BI", b"ID", b"EI", b"\xe9",
    b"\\", b")", b"#",
]), max_size=30), st.integers(min_value=0, max_value=30))
def test_any_run_of_tokens_reads_the_same_or_gives_up(parts: list[bytes], split: int) -> None:
    data = b"".join(parts)
    at = min(split, len(data))
    _agrees([_Stream(data)])
    _agrees([_Stream(data[:at], 1), _Stream(data[at:], 2)])


def test_a_chunk_boundary_inside_an_escaped_line_end_is_read_as_pdfminer_reads_it() -> None:
    """pdfminer reads 4,096 bytes at a time and looks for the \\n of an escaped \\r\\n only within one."""
    for pad in range(4088, 4098):
        data = b"%" + b"x" * pad + b"\n(a\\\r\nb) Tj\n"
        assert _agrees([_Stream(data)]) is True


def test_it_reads_the_usual_operators_and_gives_up_on_inline_images() -> None:
    usual = b"BT /F1 12 Tf 1 0 0 1 72.5 700 Tm [(Hello) -250 (world)] TJ <</MCID 3>> BDC (\\(x\\)) Tj EMC ET\n"
    assert content_objects([_Stream(usual)]) == [
        KWD(b"BT"), LIT("F1"), 12, KWD(b"Tf"), 1, 0, 0, 1, 72.5, 700, KWD(b"Tm"), [b"Hello", -250, b"world"],
        KWD(b"TJ"), {"MCID": 3}, KWD(b"BDC"), b"(x)", KWD(b"Tj"), KWD(b"EMC"), KWD(b"ET")]
    assert content_objects([_Stream(b"q BI /W 1 /H 1 ID \x00 EI Q\n")]) is None
