"""A real headless Chromium (Debian's package) against ``formwork ui`` serving a council the pipeline processed."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from formwork import pipeline
from formwork.db import dispose_all, session_scope
from formwork.models import Role
from formwork.records import load_workbook
from formwork.sample import generate
from formwork.settings import Settings
from formwork.web import auth
from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
AS_OF = "2026-11-27"
PASSWORD = "correct-horse-battery"
#: Where to keep the screenshots the tests take (for a person to look at); default a temporary folder.
SHOTS = os.environ.get("FORMWORK_SCREENSHOTS")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's chromium, installed by the project's own script when it is missing."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        proc = subprocess.run(["bash", str(ROOT / "scripts" / "install-chromium.sh")], capture_output=True,
                              text=True, timeout=900)
        if proc.returncode != 0:
            pytest.fail(f"could not install chromium: {proc.stderr.strip() or proc.stdout.strip()}")
    return CHROMIUM


@dataclass
class Served:
    url: str
    root: Path
    truth: dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """``formwork ui`` in its own process, on a free port, over a council processed by the real pipeline."""
    root = tmp_path_factory.mktemp("ui")
    # The real pipeline, in this process (the CLI's own path is tested in tests/end_to_end).
    as_of = dt.date.fromisoformat(AS_OF)
    sample = generate(root / "council", forms=16, seed=3, as_of=as_of, properties=200,
                      types=["council_tax_spd"])
    settings = Settings(home=root / "data", as_of=as_of, workers=1)
    load_workbook(sample.records_path, url=settings.database_url)
    pipeline.process_inbox(sample.inbox_dir, settings)
    with session_scope(settings.database_url) as session:
        auth.add_user(session, "alice", Role.admin, PASSWORD, "test")
    dispose_all()
    env = {**os.environ, "FORMWORK_HOME": str(root / "data"), "FORMWORK_AS_OF": AS_OF}
    env.pop("FORMWORK_DB", None)
    port = free_port()
    log = (root / "ui.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "formwork.cli", "ui", "--port", str(port)], cwd=root,
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"formwork ui did not start:\n{(root / 'ui.log').read_text()}")
            time.sleep(0.2)
        truth = {t["file"]: t for t in map(json.loads, (root / "council/truth.jsonl").read_text().splitlines())}
        yield Served(url, root, truth)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture
def browser(chromium: Path, served: Served) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(chromium)
    profile = tempfile.mkdtemp(prefix="formwork-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1366,900"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(options=opts, service=Service(str(CHROMEDRIVER)))
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


def screenshot(driver: Any, name: str, tmp_path: Path, full: bool = False) -> Path:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    if full:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1366, min(int(height) + 120, 4000))
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    if full:
        driver.set_window_size(1366, 900)
    return path
