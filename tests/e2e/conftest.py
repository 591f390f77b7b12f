"""Browser fixtures: the app served by `streamlit run` on a free port, and headless Debian Chromium.

Every browser test gets a fresh browser context (its own cookies and Streamlit session, like a new
person at the screen). Each context records every request it makes; a context that asked anything
of a host other than this machine fails its test at teardown, so every browser test is also an
offline test (tests/e2e/test_offline_privacy.py has the dedicated one).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from decision_aid.content import load_content
from tests.e2e.chromium import CHROMIUM, CHROMIUM_ARGS, VIEWPORT

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SERVER_START_SECONDS = 60
IDLE_TIMEOUT_MS = 30_000

# Pages, their URLs and labels come from the shipped pages.yaml, so tests follow the content.
PAGES = load_content(ROOT / "content").pages
PAGE_IDS = [p.id for p in PAGES.pages]


def _page(page_id: str):
    return next(p for p in PAGES.pages if p.id == page_id)


def page_path(page_id: str) -> str:
    """The URL path of a page, from pages.yaml (the start page is `/`)."""
    return "/" + _page(page_id).url_path


def nav_label(page_id: str) -> str:
    return _page(page_id).nav_label


def page_heading(page_id: str) -> str:
    return _page(page_id).heading


def ui_text(name: str) -> str:
    """Shared wording (Start over, Large text...) from pages.yaml."""
    return getattr(PAGES.ui, name)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    base_url: str
    process: subprocess.Popen
    tmpdir: Path  # the server's own TMPDIR: the privacy test checks nothing lands there
    log: Path


@contextmanager
def run_streamlit(script: Path, tmpdir: Path, log: Path, env: dict[str, str] | None = None,
                  port: int | None = None) -> Iterator[Server]:
    """`streamlit run SCRIPT` from the repo root (so it reads .streamlit/config.toml) on a free port."""
    port = port or _free_port()
    full_env = {
        **os.environ,
        "TMPDIR": str(tmpdir),
        # No bytecode caches, so the "nothing written to disk" test needs no exceptions.
        "PYTHONDONTWRITEBYTECODE": "1",
        **(env or {}),
    }
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(script),
                "--server.port", str(port),
                "--server.address", "127.0.0.1",
                "--server.headless", "true",
                "--browser.gatherUsageStats", "false",
                # A file edited mid-run must not rerun or banner the page under test.
                "--server.fileWatcherType", "none",
            ],
            cwd=ROOT,
            env=full_env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base_url, process, log)
        yield Server(base_url=base_url, process=process, tmpdir=tmpdir, log=log)
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """End a server: politely, then firmly."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app as a clinic runs it (`streamlit run app.py`), for the whole test session."""
    tmpdir = tmp_path_factory.mktemp("server-tmp")
    with run_streamlit(ROOT / "app.py", tmpdir, ARTIFACTS / "streamlit-server.log") as running:
        yield running


def _wait_healthy(base_url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"streamlit did not answer /_stcore/health within {SERVER_START_SECONDS}s:\n"
                f"{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium. "
            "Run `make test` (it installs it) or `sudo apt-get install chromium`."
        )
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class RequestLog:
    """Every URL a browser context asked for."""

    urls: list[str] = field(default_factory=list)

    def external(self) -> list[str]:
        return [u for u in self.urls if _is_external(u)]


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension"):
        return False
    return parts.hostname not in LOCAL_HOSTS


class NewContext:
    """Opens browser contexts that record requests; closes them and checks they stayed local."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.opened: list[tuple[BrowserContext, RequestLog]] = []

    def __call__(self, **kwargs) -> tuple[BrowserContext, RequestLog]:
        kwargs.setdefault("viewport", VIEWPORT)
        kwargs.setdefault("accept_downloads", True)
        context = self.browser.new_context(**kwargs)
        context.set_default_timeout(IDLE_TIMEOUT_MS)
        log = RequestLog()
        context.on("request", lambda request: log.urls.append(request.url))
        self.opened.append((context, log))
        return context, log

    def close_all(self) -> list[str]:
        external: list[str] = []
        for context, log in self.opened:
            context.close()
            external += log.external()
        return external


@pytest.fixture
def new_context(browser: Browser) -> Iterator[NewContext]:
    opener = NewContext(browser)
    yield opener
    external = opener.close_all()
    assert not external, f"the browser asked hosts other than this machine for: {external}"


@pytest.fixture
def app(new_context: NewContext, server: Server) -> AppDriver:
    """One person at the screen: a fresh browser context and tab on the served app."""
    return AppDriver.new(new_context, server)


class AppDriver:
    """Drives one browser tab through the app the way a person does: links, buttons, labels."""

    def __init__(self, page: Page, base_url: str, requests: RequestLog) -> None:
        self.page = page
        self.base_url = base_url
        self.requests = requests

    @classmethod
    def new(cls, new_context: NewContext, server: Server) -> AppDriver:
        context, log = new_context()
        page = context.new_page()
        page.on("websocket", lambda ws: log.urls.append(ws.url))  # not a "request" event
        return cls(page, server.base_url, log)

    def open(self, page_id: str) -> Page:
        self.page.goto(self.base_url + page_path(page_id))
        wait_idle(self.page, page_heading(page_id), after_action=False)
        return self.page

    def wait_idle(self, page_id: str | None = None) -> None:
        wait_idle(self.page, page_heading(page_id) if page_id else None)

    def go(self, page_id: str) -> Page:
        """Follow our own sidebar link (keeps the Streamlit session, unlike a fresh page load)."""
        self.sidebar().get_by_role("link", name=nav_label(page_id), exact=True).click()
        self.wait_idle(page_id)
        return self.page

    def sidebar(self):
        return self.page.get_by_test_id("stSidebar")

    def set_large_text(self, on: bool = True) -> None:
        switch = self.sidebar().get_by_role("switch", name=ui_text("large_text"))
        if switch.is_checked() != on:
            switch.click(force=True)  # the input sits under Streamlit's styled switch
            expect(switch).to_be_checked(checked=on)
        self.wait_idle()
        # The larger root font arrives with the rerun; wait for it rather than guess a delay.
        self.page.wait_for_function(
            "want => (parseFloat(getComputedStyle(document.documentElement).fontSize) > 16) === want", arg=on
        )

    def start_over(self) -> None:
        self.sidebar().get_by_role("button", name=ui_text("start_over")).click()
        self.wait_idle()

    def main(self):
        return self.page.get_by_test_id("stMain")

    # Answering, the way a person does: by the visible label (each is also an accessible-name check).
    def choose(self, group: str, option: str) -> None:
        """A radio or segmented-control answer: the option inside the group named `group`."""
        radio = self.main().get_by_role("radiogroup", name=group, exact=True).get_by_role(
            "radio", name=option, exact=True)
        # st.radio hides its input inside a <label> (a person clicks the words); a segmented
        # control's option is itself the button.
        label = radio.locator("xpath=ancestor::label[1]")
        (label if label.count() else radio).click()
        expect(radio).to_be_checked()
        self.wait_idle()

    def select(self, label: str, option: str) -> None:
        """A drop-down answer: open the box named `label`, pick the option by its words."""
        self.main().get_by_role("combobox", name=label, exact=True).click()
        self.page.get_by_role("option", name=option, exact=True).click()
        self.wait_idle()

    def pick_many(self, label: str, options: list[str]) -> None:
        """A multi-select: open it, pick each option by its words, close it with Escape."""
        box = self.main().get_by_role("combobox", name=label, exact=True)
        for option in options:
            box.click()
            self.page.get_by_role("option", name=option, exact=True).click()
            self.wait_idle()
        box.press("Escape")

    def number(self, label: str, value: float) -> None:
        box = self.main().get_by_role("spinbutton", name=label, exact=True)
        box.fill(str(value))
        box.press("Enter")
        self.wait_idle()

    def write(self, label: str, text: str) -> None:
        """A text box or text area; Tab moves on, which is when Streamlit takes the value."""
        box = self.main().get_by_label(label, exact=True)
        box.fill(text)
        box.press("Tab")
        self.wait_idle()

    def tick(self, label: str) -> None:
        box = self.main().get_by_role("checkbox", name=label, exact=True)
        box.check(force=True)  # the real input sits under Streamlit's drawn box
        self.wait_idle()

    def press(self, name: str) -> None:
        self.main().get_by_role("button", name=name, exact=True).click()
        self.wait_idle()

    def state(self) -> dict:
        """What a person sees on the page: its text, and every field's value and tick."""
        return self.page.evaluate(
            r"""() => {
              const main = document.querySelector('[data-testid="stMain"]');
              // Name a field by what a person reads (React's generated ids change every load).
              const name = e => e.getAttribute('aria-label')
                || [e.closest('[role=radiogroup]')?.getAttribute('aria-label'),
                    e.closest('label')?.innerText].filter(Boolean).join(': ')
                || e.type;
              const fields = [...main.querySelectorAll('input, textarea')].map(e => [
                name(e), e.type, e.checked, e.value, e.getAttribute('aria-checked')]);
              // A data grid draws only the rows in view, so its text depends on timing: leave it
              // out (its filters are fields, so they are still compared).
              const copy = main.cloneNode(true);
              copy.querySelectorAll('[data-testid="stDataFrame"], [data-testid="stElementToolbar"]')
                .forEach(e => e.remove());
              return {text: copy.textContent.replace(/\s+/g, " ").trim(), fields};
            }"""
        )

    def assert_no_error_shown(self) -> None:
        assert_no_error_shown(self.page)


RUNNING = '[data-testid="stApp"][data-test-script-state="running"]'
NOT_RUNNING = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def wait_idle(page: Page, heading: str | None = None, after_action: bool = True) -> None:
    """Wait until Streamlit has finished running the script: no running status, a page heading shown.

    After a click the rerun starts a moment later, so first give it a short chance to start (a
    fast run may already be over, hence no failure if it is not seen).
    """
    if after_action:
        try:
            page.wait_for_selector(RUNNING, timeout=700)
        except PlaywrightTimeoutError:
            pass
    page.wait_for_selector(NOT_RUNNING, timeout=IDLE_TIMEOUT_MS)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=IDLE_TIMEOUT_MS)
    if heading is None:
        expect(page.locator("h1").first).to_be_visible(timeout=IDLE_TIMEOUT_MS)
    else:
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible(timeout=IDLE_TIMEOUT_MS)
    wait_settled(page)


def wait_settled(page: Page, timeout_s: float = 15.0) -> None:
    """The run can end before the browser has drawn every element (a table's code loads on first
    use and shows a skeleton meanwhile; a busy machine draws late): wait until nothing is stale or a
    skeleton and the page stops changing for a moment."""
    deadline = time.monotonic() + timeout_s
    last, steady = -1, 0
    while time.monotonic() < deadline:
        count = page.evaluate(
            """() => document.querySelector('[data-testid="stApp"][data-test-script-state="running"]')
                    || document.querySelector('[data-stale="true"], [data-testid^="stSkeleton"],'
                                              + ' [data-testid="stAppSkeleton"]') ? -1
                    : document.querySelectorAll('[data-testid="stApp"] *').length"""
        )
        steady = steady + 1 if count == last and count >= 0 else 0
        if steady >= 2:
            return
        last = count
        page.wait_for_timeout(200)
    pytest.fail("the page kept changing; it never settled")


def assert_no_error_shown(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body, body[:2000]
