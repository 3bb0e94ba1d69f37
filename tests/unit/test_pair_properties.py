"""Property tests for the pair reader (extractors/pairs.py) and the assignment on synthetic pages.

Pages are made of words at chosen places (no PDF involved): printed labels from
the single person discount form's own vocabulary, values, headings and noise.
Whatever the page, the readers must not raise, and every answer they report
must come from the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import pairs as pair_reader
from extractors.council_tax_spd import extractor
from extractors.document import Document, PageContent, _group_lines

CLASSIFIER = extractor._classifier
FIELDS = {f.name for f in extractor.fields}
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LABELS = ["Council Tax account number", "Account No", "Full name", "Your name", "Address", "Property address",
          "Postcode", "Telephone", "Email address", "Date you became the only adult", "Signature", "Date",
          "Name of the other adult", "What has changed?", "Part B - About you", "Ref.", "Account no."]
VALUES = ["40012345", "4001 2345", "Mr Owen Knight", "9 Beacon Street", "FW1 2AB", "01/03/2026",
          "12 March 2026", "07700 900123", "owen@example.org", "He moved out", "Yes", "No", "n/a", "(first line)"]
PUNCT = ["", ":", "?", " -", " ....", "."]
WORD = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:?./-()'", min_size=1, max_size=12)


@st.composite
def phrases(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return draw(st.sampled_from(LABELS)) + draw(st.sampled_from(PUNCT))
    if kind == 1:
        return draw(st.sampled_from(VALUES))
    if kind == 2:
        return f"{draw(st.sampled_from(LABELS))}{draw(st.sampled_from(PUNCT))} {draw(st.sampled_from(VALUES))}"
    return " ".join(draw(st.lists(WORD, min_size=1, max_size=5)))


@st.composite
def pages(draw: st.DrawFn) -> list[dict[str, Any]]:
    """pdfplumber-style word dicts: rows of phrases, each phrase at an x, in a font size."""
    words: list[dict[str, Any]] = []
    top = 40.0
    for _ in range(draw(st.integers(1, 14))):
        size = draw(st.sampled_from([8.0, 9.0, 10.0, 12.0, 18.0]))
        x = draw(st.floats(20, 120))
        for _ in range(draw(st.integers(1, 3))):
            for token in draw(phrases()).split():
                width = 0.5 * size * len(token)
                words.append({"text": token, "x0": x, "x1": x + width, "top": top, "bottom": top + size})
                x += width + 0.25 * size
            x += draw(st.sampled_from([0.0, 15.0, 60.0, 150.0]))  # same phrase, or a gap to the next
        top += size + draw(st.sampled_from([1.0, 3.0, 6.0, 14.0, 30.0]))
    return words


def document(words: list[dict[str, Any]]) -> Document:
    return Document(Path("synthetic.pdf"), [PageContent(1, 595.0, 842.0, _group_lines(words, 1))], [])


def _squeezed(text: str) -> str:
    return "".join(text.split())


@FAST
@given(pages())
def test_the_pair_reader_never_raises_and_every_answer_comes_from_the_page(words: list[dict[str, Any]]) -> None:
    doc = document(words)
    page_text = _squeezed(" ".join(line.text for line in doc.pages[0].lines))
    x0 = min(w["x0"] for w in words)
    x1 = max(w["x1"] for w in words)
    for pair in pair_reader.find_pairs(doc):
        assert 0 < pair.score <= 1
        for token in pair.answer.split():
            assert _squeezed(token) in page_text, (token, pair)
        assert pair.answer_box.page == 1
        assert x0 - 0.01 <= pair.answer_box.x0 <= pair.answer_box.x1 <= x1 + 0.01
        assert pair.zone in {"body", "letterhead", "footer", "office"}


@FAST
@given(pages())
def test_the_whole_extractor_survives_any_page(words: list[dict[str, Any]]) -> None:
    doc = document(words)
    page_text = _squeezed(doc.text)
    extraction = extractor.extract(doc)
    assert set(extraction.fields) <= FIELDS
    for fv in extraction.fields.values():
        assert 0 <= fv.confidence <= 1
        if fv.raw:
            # An address written on lines is read as one ("9 Beacon Street, Westerleigh"): the ", " between its
            # lines is the reader's, every word is the page's.
            assert all(_squeezed(t) in page_text for t in fv.raw.replace(", ", " ").split()), fv
        if fv.value is not None and fv.valid:
            assert fv.raw, fv  # a value always has the text it was read from


@FAST
@given(st.sampled_from([label for label in LABELS if "?" not in label and "." not in label and "-" not in label]),
       st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,'@", min_size=1, max_size=30)
       .map(str.strip).filter(bool)
       # The form's own printing ("DD", "MM", "Tick one") is never an answer by itself: not an answer here.
       .filter(lambda v: not pair_reader._PROMPTS.match(v))
       # Nor is punctuation alone ("," after a blank filled in a sentence).
       .filter(lambda v: any(c.isalnum() for c in v)))
def test_label_colon_value_on_one_line_is_one_pair(label: str, value: str) -> None:
    words: list[dict[str, Any]] = []
    x = 40.0
    for token in f"{label}: {value}".split():
        words.append({"text": token, "x0": x, "x1": x + 5 * len(token), "top": 100.0, "bottom": 110.0})
        x += 5 * len(token) + 2.5
    found = pair_reader.find_pairs(document(words))
    assert [(p.label, p.answer) for p in found] == [(label, " ".join(value.split()))]
