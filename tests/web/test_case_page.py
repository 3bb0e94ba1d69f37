"""The case page as a caseworker reads it: the words on a page, markers that hide no text, plain names, dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, select

from formwork.db import session_scope
from formwork.models import ExtractedField, Submission
from formwork.web import names, pages
from tests.web.conftest import AS_OF, Council, signed_in
from tests.web.dom import Element, parse, style_percentages

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _rows(council: Council, submission_id: int | None) -> list[ExtractedField]:
    with session_scope(council.settings.database_url) as session:
        return list(session.exec(select(ExtractedField).where(ExtractedField.submission_id == submission_id)
                                 .order_by(col(ExtractedField.id))))


def _inside(word: dict[str, Any], row: ExtractedField) -> bool:
    assert None not in (row.x0, row.top, row.x1, row.bottom)
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return row.x0 <= cx <= row.x1 and row.top <= cy <= row.bottom  # type: ignore[operator]


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


# --------------------------------------------------------------------------- the words on a page


def test_the_words_of_a_page_need_a_session_like_its_image(client: TestClient, council: Council) -> None:
    case = council.case_with("NAME_MISMATCH")
    for path in (f"/cases/{case.id}/pages/1/words.json", f"/cases/{case.id}/pages/1.png"):
        got = client.get(path, follow_redirects=False)
        assert got.status_code == 303 and got.headers["location"].startswith("/login"), path
    signed_in(client, "bob")
    assert client.get(f"/cases/{case.id}/pages/1/words.json").status_code == 200
    for missing in (f"/cases/{case.id}/pages/99/words.json", f"/cases/{case.id}/pages/0/words.json",
                    "/cases/99999/pages/1/words.json"):
        assert client.get(missing).status_code == 404, missing
    quarantined = council.submission("email_0009.pdf")
    assert quarantined.outcome == "quarantined"
    assert client.get(f"/cases/{quarantined.id}/pages/1/words.json").status_code == 404


def test_the_words_of_a_page_are_where_the_answers_were_read(client: TestClient, council: Council) -> None:
    """Printed answers: the words inside each answer's box are the text read there."""
    signed_in(client, "bob")
    case = council.case_with("LOW_CONFIDENCE:account_ref")  # an emailed form, its answers printed beside labels
    got = client.get(f"/cases/{case.id}/pages/1/words.json")
    assert got.status_code == 200 and got.headers["content-type"].startswith("application/json")
    page = got.json()
    size = pages.page_sizes(council.settings, case)[0]
    assert (page["page"], page["width"], page["height"]) == (1, round(size.width, 2), round(size.height, 2))
    assert len(page["words"]) > 40
    assert all(set(w) == {"text", "x0", "top", "x1", "bottom", "source"} for w in page["words"])
    assert all(0 <= w["x0"] < w["x1"] <= page["width"] and 0 <= w["top"] < w["bottom"] <= page["height"]
               for w in page["words"])
    checked = 0
    for row in _rows(council, case.id):
        if row.method == "label" and row.page == 1 and row.raw:
            inside = [w["text"] for w in page["words"] if _inside(w, row)]
            assert _squash(" ".join(inside)) == _squash(row.raw), row.name
            checked += 1
    assert checked >= 4


def test_what_was_typed_into_fillable_boxes_is_words_too(client: TestClient, council: Council) -> None:
    """A fillable form's answers are not page text; they come word by word, where the page image draws them,
    so a date can be picked out of a sentence."""
    signed_in(client, "bob")
    case = council.case_with("INCONSISTENT_DATES")
    words = client.get(f"/cases/{case.id}/pages/1/words.json").json()["words"]
    typed = [w for w in words if w["source"] == "field"]
    assert typed
    rows = [r for r in _rows(council, case.id) if r.method in ("acroform", "acroform_label") and r.page == 1]
    assert len(rows) >= 5
    for row in rows:
        inside = [w["text"] for w in typed if _inside(w, row)]
        assert " ".join(inside) == " ".join((row.raw or "").split()), row.name
    description = next(r for r in rows if r.name == "change_description")
    assert len([w for w in typed if _inside(w, description)]) > 3  # a sentence, word by word


# --------------------------------------------------------------------------- the markers


def _rect(style: dict[str, float], width: float, height: float) -> tuple[float, float, float, float]:
    x0, top = style["left"] / 100 * width, style["top"] / 100 * height
    return x0, top, x0 + style["width"] / 100 * width, top + style["height"] / 100 * height


def _overlap(a: tuple[float, ...], b: tuple[float, ...], slack: float = 0.05) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def test_the_numbered_markers_hide_no_text_and_stay_off_every_box(client: TestClient, council: Council) -> None:
    signed_in(client, "bob")
    with session_scope(council.settings.database_url) as session:
        cases = session.exec(select(Submission).where(Submission.outcome == "exception")).all()
    markers = 0
    for case in cases:
        html = parse(client.get(f"/cases/{case.id}").text)
        for figure in html.find_all("figure", "page"):
            width, height = float(figure.attrs["data-width"]), float(figure.attrs["data-height"])
            words = client.get(figure.attrs["data-words"]).json()["words"]
            word_rects = [(w["x0"], w["top"], w["x1"], w["bottom"]) for w in words]
            boxes = figure.find_all("a", "box")
            box_rects = [_rect(style_percentages(b.attrs["style"]), width, height) for b in boxes]
            placed = []
            for box, rect in zip(boxes, box_rects, strict=True):
                assert box.attrs["href"] == f"#f-{box.attrs['data-field']}"  # still goes to its answer
                marker = box.find("span", "marker")
                m = style_percentages(marker.attrs["style"])
                bw, bh = rect[2] - rect[0], rect[3] - rect[1]
                mx0, mtop = rect[0] + m["left"] / 100 * bw, rect[1] + m["top"] / 100 * bh
                spot = (mx0, mtop, mx0 + m["width"] / 100 * bw, mtop + m["height"] / 100 * bh)
                where = (case.file_name, box.attrs["data-field"])
                assert spot[0] >= 0 and spot[2] <= width and spot[1] >= 0 and spot[3] <= height, where
                assert not any(_overlap(spot, w) for w in word_rects), where
                assert not any(_overlap(spot, b) for b in box_rects), where  # its own box included
                assert not any(_overlap(spot, p) for p in placed), where
                assert marker.text() == box.attrs["aria-label"].split(",")[0].removeprefix("Answer ")
                placed.append(spot)
                markers += 1
    assert markers >= 30


def test_place_markers_goes_to_the_gutter_with_room_and_never_onto_words() -> None:
    """A box with a label close on its left: the marker goes right; with text both sides, above or below."""
    box = pages.Rect(200, 100, 300, 114)
    label_left = pages.Rect(120, 101, 198, 113)
    spot = pages.place_markers([("a", box, 1)], [label_left], 595, 842)["a"]
    assert spot.x0 >= box.x1 and not spot.overlaps(label_left)
    crowded = [label_left, pages.Rect(302, 101, 500, 113), pages.Rect(0, 101, 119, 113)]
    spot = pages.place_markers([("a", box, 1)], crowded, 595, 842)["a"]
    assert not any(spot.overlaps(w) for w in crowded) and not spot.overlaps(box)
    free = pages.place_markers([("a", box, 1)], [], 595, 842)["a"]
    assert free.x1 <= box.x0 and box.top <= (free.top + free.bottom) / 2 <= box.bottom  # left, beside it


# --------------------------------------------------------------------------- plain names


def _label(html: Element, name: str) -> str:
    return html.find("label", for_=f"f-{name}").text()


def test_answers_checks_and_methods_have_plain_english_names(client: TestClient, council: Council) -> None:
    signed_in(client, "bob")
    case = council.case_with("ACCOUNT_CLOSED")
    html = parse(client.get(f"/cases/{case.id}").text)
    assert _label(html, "account_ref").endswith("Council Tax account number")
    assert _label(html, "sole_adult_since").endswith("Only adult living there since")
    assert _label(html, "declaration_date").endswith("Date signed")
    answers = html.find("form", "answers")
    for label in answers.find_all("label"):
        assert "_" not in label.text(), label.text()
    for box in html.find_all("a", "box"):
        assert "_" not in box.attrs["aria-label"]
        assert box.find("span", "tip").text().split(" ", 1)[1].startswith(
            names.field_label(box.attrs["data-field"], case.form_type))
    failed = html.find("article", "failed")
    assert "Check: The Council Tax account is open" in failed.text()
    assert "Account ref" not in html.text() and "Account is active" not in html.text()
    passed = [a.find("h3").text() for a in html.find_all("article", "passed")]
    assert passed and all(t in names.CHECKS.values() for t in passed), passed
    hints = [p.text() for p in answers.find_all("p", "hint") if p.attrs.get("id", "").startswith("h-")]
    starts = ("Read from ", "Entered by staff", "Read with a lesson", "Not found")
    assert all(h.startswith(starts) for h in hints), hints
    assert not any(m in html.text() for m in ("acroform", "Read by label", "Read by table"))


def test_a_reason_names_its_answer_plainly_in_the_queue_and_the_case(client: TestClient, council: Council) -> None:
    signed_in(client, "bob")
    case = council.case_with("LOW_CONFIDENCE:account_ref")
    wanted = "An answer could not be read with confidence: Council Tax account number"
    queue = parse(client.get("/queue").text)
    row = next(tr for tr in queue.find_all("tr") if tr.find_all("a", "case-link", href=f"/cases/{case.id}"))
    assert wanted in row.text()
    assert wanted in parse(client.get(f"/cases/{case.id}").text).find("ul", "reasons").text()


# --------------------------------------------------------------------------- dates and times


def _visible(html: Element) -> str:
    """What staff read on the page, apart from what is in the answers' inputs and text boxes."""
    return html.text(skip=frozenset({"script", "style", "textarea", "option"}))


def _london(at: dt.datetime) -> str:
    local = (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone(ZoneInfo("Europe/London"))
    return f"{local.day} {local:%B} {local.year}, {local:%H:%M}"


def test_dates_and_times_read_as_people_write_them(client: TestClient, council: Council) -> None:
    case = council.case_with("ACCOUNT_CLOSED")
    token = signed_in(client, "alice")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    done = client.post(f"/cases/{case.id}/approve", data={"csrf_token": token, "override": "1",
                                                          "note": "Reopened by phone"}, follow_redirects=False)
    assert done.status_code == 303
    after = council.submission(case.file_name)
    html = parse(client.get(f"/cases/{case.id}").text)
    meta = html.find("p", "meta").text()
    assert f"Received {_london(after.received_at)}" in meta
    assert f"Approved by alice on {_london(after.decided_at)}." in html.find("div", "banner").text()  # type: ignore[arg-type]
    as_of = f"{AS_OF.day} {AS_OF:%B} {AS_OF.year}"
    assert f"Checked on {as_of}" in html.text()  # a date in a check's evidence
    for path in (f"/cases/{case.id}", "/queue", "/dashboard", "/quarantine", "/admin/audit",
                 f"/admin/audit?submission={case.id}", "/admin/users"):
        text = _visible(parse(client.get(path).text))
        assert not ISO_DATE.search(text), (path, ISO_DATE.findall(text)[:3])
        assert " UTC" not in text, path
    # In the inputs, dates stay in a form the server reads back; beside them, how they read.
    since = html.find("input", id="f-sole_adult_since")
    value = since.attrs["value"]
    assert ISO_DATE.fullmatch(value)
    reading = html.find("p", "reading", id="r-sole_adult_since").text()
    assert reading == f"That is {names.date_text(dt.date.fromisoformat(value))}."


@pytest.mark.parametrize(("at", "shown"), [
    (dt.datetime(2026, 12, 6, 14, 5, tzinfo=dt.UTC), "6 December 2026, 14:05"),
    (dt.datetime(2026, 7, 1, 13, 5, tzinfo=dt.UTC), "1 July 2026, 14:05"),  # British Summer Time
    (dt.datetime(2026, 3, 29, 0, 59), "29 March 2026, 00:59"),  # stored without a zone: UTC
    (dt.datetime(2026, 3, 29, 1, 0), "29 March 2026, 02:00"),
    (dt.date(2026, 3, 1), "1 March 2026"),
    ("2026-03-01", "1 March 2026"),
    ("2026-11-26T09:12:00Z", "26 November 2026, 09:12"),
    (None, ""),
])
def test_when(at: Any, shown: str) -> None:
    assert names.when(at) == shown
