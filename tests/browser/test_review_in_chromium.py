"""A member of staff, in a real browser: sign in, find a case, see why it is there, fix it, approve it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from extractors.text import move_out_dates
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
    assert len(boxes) >= 5 and any("Sole adult since" in b.text for b in boxes)
    assert "You are working on this case." in driver.page_source
    truth = served.truth[file_name]["fields"]
    (moved_out,) = move_out_dates(truth["change_description"])
    why = driver.find_element(By.CSS_SELECTOR, ".panel").text
    assert moved_out.isoformat() in why  # the evidence: the date the description gives
    screenshot(driver, "case", tmp_path)
    screenshot(driver, "case-full", tmp_path, full=True)

    # Selecting the answer's box on the page goes to its answer; correct it there.
    box = driver.find_element(By.ID, "box-sole_adult_since")
    driver.execute_script("arguments[0].click()", box)
    assert driver.current_url.endswith("#f-sole_adult_since")
    field = driver.find_element(By.ID, "f-sole_adult_since")
    assert field.get_attribute("value") == truth["sole_adult_since"]
    field.clear()
    field.send_keys(moved_out.strftime("%d/%m/%Y"))  # typed as on paper: normalised as the pipeline does
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
    assert moved_out.isoformat() in log and truth["sole_adult_since"] in log and "alice" in log
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
