"""A member of staff, in a real browser: sign in, find a case, see why it is there, fix it, approve it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from extractors.text import move_out_dates
from formwork.normalise import InvalidValue, parse_date
from formwork.web.names import date_text
from tests.browser.conftest import PASSWORD, Served, screenshot

pytestmark = pytest.mark.slow


def _replaced(old: Any) -> Any:
    """Whether ``old`` has left the document. Selenium's ``staleness_of``, but Chromium also answers
    "Node with given id does not belong to the document" while the next page replaces it."""

    def check(_driver: Any) -> bool:
        try:
            old.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False

    return check


def _and_wait(driver: Any, act: Any) -> None:
    """Do ``act`` (a click, a key) and wait until the page it leads to has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    act()
    WebDriverWait(driver, 15).until(_replaced(old))


def _sign_in(driver: Any, served: Served) -> None:
    driver.get(f"{served.url}/queue")
    assert driver.current_url.startswith(f"{served.url}/login")  # not signed in: sent to sign in
    driver.find_element(By.ID, "name").send_keys("alice")
    password = driver.find_element(By.ID, "password")
    _and_wait(driver, lambda: password.send_keys(PASSWORD + Keys.ENTER))  # the keyboard is enough
    assert driver.find_element(By.TAG_NAME, "h1").text == "Exception queue"


def _words(driver: Any) -> list[Any]:
    """The word targets review.js lays over the page images (once their words have arrived)."""
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "figure.page .words .word"))
    return driver.find_elements(By.CSS_SELECTOR, "figure.page .word")


def _word_reading(driver: Any, day: dt.date) -> Any:
    """The word on the page images that is the date ``day``, as written there."""
    for word in _words(driver):
        try:
            if parse_date(word.get_attribute("textContent").rstrip(".,"))[0] == day:
                return word
        except (InvalidValue, ValueError):
            continue
    raise AssertionError(f"no word on the page reads {day}")


def test_correct_an_answer_and_approve(browser: Any, served: Served, tmp_path: Path) -> None:
    """The dates disagree: the caseworker takes the move-out date the citizen wrote in the
    description (the evidence shows it), corrects the answer and approves."""
    driver = browser
    _sign_in(driver, served)
    screenshot(driver, "queue", tmp_path, full=True)

    # Find the case: filter the queue by its reason, as someone new would from the drop-down.
    Select(driver.find_element(By.ID, "reason")).select_by_value("INCONSISTENT_DATES")
    _and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click)
    rows = driver.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")
    assert len(rows) == 1, [r.text for r in rows]
    file_name = rows[0].find_element(By.CSS_SELECTOR, ".muted").text
    _and_wait(driver, rows[0].find_element(By.CSS_SELECTOR, "button[type=submit]").click)  # Start

    # The case page: the page images with labelled boxes, why it is here, the answers.
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Case #")
    case_url = driver.current_url
    image = driver.find_element(By.CSS_SELECTOR, "figure.page img")
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 500
    boxes = driver.find_elements(By.CSS_SELECTOR, "figure.page a.box")
    assert len(boxes) >= 5 and any(b.get_attribute("aria-label").endswith(", Only adult living there since")
                                   for b in boxes)
    assert "You are working on this case." in driver.page_source
    truth = served.truth[file_name]["fields"]
    (moved_out,) = move_out_dates(truth["change_description"])
    why = driver.find_element(By.CSS_SELECTOR, ".panel").text
    assert date_text(moved_out) in why  # the evidence: the date the description gives, as people write it
    screenshot(driver, "case", tmp_path)
    screenshot(driver, "case-full", tmp_path, full=True)

    # Selecting the answer's box on the page goes to its answer, ready to correct.
    box = driver.find_element(By.ID, "box-sole_adult_since")
    driver.execute_script("arguments[0].click()", box)
    assert driver.current_url.endswith("#f-sole_adult_since")
    field = driver.find_element(By.ID, "f-sole_adult_since")
    WebDriverWait(driver, 5).until(lambda d: d.switch_to.active_element == field)
    assert field.get_attribute("value") == truth["sole_adult_since"]
    # The date is in the description on the page: click it there instead of typing it.
    date_word = _word_reading(driver, moved_out)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", date_word)
    ActionChains(driver).move_to_element(date_word).click().perform()
    written = date_word.get_attribute("textContent").rstrip(".,")
    assert field.get_attribute("value") == written  # as written on the page; the server normalises it
    assert driver.switch_to.active_element == field  # still in the answer, to carry on typing
    screenshot(driver, "case-date-picked", tmp_path)
    _and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Approve']").click)

    # Approved: the banner, the same action as a straight-through approval (a letter), the audit entries.
    assert "Case approved" in driver.find_element(By.CSS_SELECTOR, ".banner.success").text
    assert driver.current_url.startswith(case_url)
    assert "Approved by alice" in driver.page_source
    assert "It was here because" in driver.page_source and "Entered by staff" in driver.page_source
    screenshot(driver, "approved", tmp_path, full=True)
    _and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Approval letter").click)
    assert "Your Single Person Discount has been awarded" in driver.page_source
    assert truth["account_ref"] in driver.page_source

    case_id = case_url.rstrip("/").rsplit("/", 1)[1]
    driver.get(f"{served.url}/admin/audit?submission={case_id}")
    log = driver.find_element(By.CSS_SELECTOR, "table.audit").text
    assert "Staff approved" in log and "Discount applied" in log and "Field corrected" in log
    since = dt.date.fromisoformat(truth["sole_adult_since"])
    assert date_text(moved_out) in log and date_text(since) in log and "alice" in log
    screenshot(driver, "audit", tmp_path, full=True)

    # The discount runs from the corrected date.
    with sqlite3.connect(served.root / "data" / "formwork.db") as db:
        applied = db.execute("select from_date from account_discount where submission_id = ?", (case_id,)).fetchall()
    assert applied == [(moved_out.isoformat(),)]

    # Gone from the queue.
    driver.get(f"{served.url}/queue")
    assert file_name not in driver.find_element(By.TAG_NAME, "main").text


def test_the_pages_work_from_the_keyboard(browser: Any, served: Served) -> None:
    driver = browser
    _sign_in(driver, served)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = driver.switch_to.active_element
    assert skip.text == "Skip to main content"
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle + ' ' + "
                                    "getComputedStyle(arguments[0]).backgroundColor", skip)
    assert outline != "none rgba(0, 0, 0, 0)"  # focus is visible
    for path in ("/dashboard", "/quarantine"):
        driver.get(f"{served.url}{path}")
        assert driver.find_elements(By.TAG_NAME, "h1")
        unlabelled = driver.execute_script(
            "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
            ".filter(e => !(e.labels && e.labels.length)).map(e => e.name)")
        assert unlabelled == [], path


def _rects(driver: Any, selector: str) -> list[dict[str, float]]:
    return list(driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => { const r = e.getBoundingClientRect();"
        " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: e.textContent}; })", selector))


def _covered(markers: list[dict[str, float]], words: list[dict[str, float]]) -> list[tuple[str, str]]:
    """(marker, word) pairs whose rectangles overlap by more than rounding."""
    return [(m["text"], w["text"]) for m in markers for w in words
            if m["left"] < w["right"] - 0.5 and w["left"] < m["right"] - 0.5
            and m["top"] < w["bottom"] - 0.5 and w["top"] < m["bottom"] - 0.5]


def _inside(driver: Any, box_id: str) -> list[Any]:
    """The word targets whose middles are inside an answer's box, in reading order."""
    return list(driver.execute_script(
        "const b = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return [...document.querySelectorAll('figure.page .word')].filter(w => {"
        " const r = w.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;"
        " return x >= b.left && x <= b.right && y >= b.top && y <= b.bottom; })", box_id))


def test_words_on_the_page_go_into_the_answer_in_focus(browser: Any, served: Served, tmp_path: Path) -> None:
    """Nobody re-keys what is on the page: click a word, drag across several, click a box, or use the keys."""
    driver = browser
    _sign_in(driver, served)
    with sqlite3.connect(served.root / "data" / "formwork.db") as db:
        case_id, file_name = db.execute("select id, file_name from submission where reasons like "
                                        "'%LOW_CONFIDENCE:account_ref%'").fetchone()
    truth = served.truth[file_name]["fields"]
    driver.get(f"{served.url}/cases/{case_id}")
    _and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Start work on this case']").click)
    words = _words(driver)
    assert len(words) > 40

    # The numbered markers cover no word of the page, at either width; each box's name shows on pointing at it.
    for width, height in ((1366, 900), (1024, 768)):
        driver.set_window_size(width, height)
        markers = _rects(driver, "figure.page .marker")
        assert len(markers) >= 5
        assert _covered(markers, _rects(driver, "figure.page .word")) == []
    driver.set_window_size(1366, 900)
    marker = driver.find_element(By.CSS_SELECTOR, "#box-postcode .marker")
    tip = driver.find_element(By.CSS_SELECTOR, "#box-postcode .tip")
    assert not tip.is_displayed()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", marker)
    ActionChains(driver).move_to_element(marker).perform()
    assert tip.is_displayed() and tip.text.endswith("Postcode")
    assert _covered(_rects(driver, "#box-postcode .marker"), _rects(driver, "figure.page .word")) == []

    # Focus an answer: the bar above the page says where words will go.
    field = driver.find_element(By.ID, "f-applicant_name")
    field.click()
    assert "Copying into Applicant's name" in driver.find_element(By.CSS_SELECTOR, ".pickbar").text
    name = _inside(driver, "box-applicant_name")
    assert " ".join(w.get_attribute("textContent") for w in name) == truth["applicant_name"]

    # Click one word.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", name[-1])
    ActionChains(driver).move_to_element(name[-1]).click().perform()
    assert field.get_attribute("value") == name[-1].get_attribute("textContent")
    assert driver.switch_to.active_element == field

    # Drag across several: from the first word's left edge to the last word's right edge.
    first, last = name[0], name[-1]
    (ActionChains(driver).move_to_element_with_offset(first, -first.size["width"] // 2 + 1, 0).click_and_hold()
     .move_to_element_with_offset(last, last.size["width"] // 2 - 1, 0).release().perform())
    assert field.get_attribute("value") == truth["applicant_name"]
    screenshot(driver, "case-words-dragged", tmp_path)

    # Undo puts back what was there before.
    driver.find_element(By.CSS_SELECTOR, ".pickbar .pick-undo").click()
    assert field.get_attribute("value") == name[-1].get_attribute("textContent")

    # The keyboard: Alt+W goes to the words at the answer's box; arrows, Shift to select more, Enter.
    field.click()
    field.send_keys(Keys.ALT, "w")
    active = driver.switch_to.active_element
    assert active.get_attribute("role") == "option" and active == name[0]
    for _ in name[1:]:
        active.send_keys(Keys.SHIFT, Keys.ARROW_RIGHT)
        active = driver.switch_to.active_element
    active.send_keys(Keys.ENTER)
    assert field.get_attribute("value") == truth["applicant_name"]
    active.send_keys(Keys.ESCAPE)
    assert driver.switch_to.active_element == field
    screenshot(driver, "case-words-keyboard", tmp_path)

    # Nothing was saved: the answers go to the server only on "Check again" or "Approve".
    with sqlite3.connect(served.root / "data" / "formwork.db") as db:
        (method,) = db.execute("select method from extracted_field where submission_id = ? and name = "
                               "'applicant_name'", (case_id,)).fetchone()
        other_id, other_file = db.execute("select id, file_name from submission where reasons like "
                                          "'%NAME_MISMATCH%'").fetchone()
    assert method != "staff"

    # A fillable form: click a box (away from its words) and what was typed into it goes in.
    driver.get(f"{served.url}/cases/{other_id}")
    _and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Start work on this case']").click)
    _words(driver)
    postcode = driver.find_element(By.ID, "f-postcode")
    postcode.click()
    postcode.clear()
    box = driver.find_element(By.ID, "box-postcode")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    ActionChains(driver).move_to_element_with_offset(box, box.size["width"] // 2 - 4, 0).click().perform()
    assert postcode.get_attribute("value") == served.truth[other_file]["fields"]["postcode"]
    assert driver.current_url.endswith(f"/cases/{other_id}")  # copying, not going to the answer
