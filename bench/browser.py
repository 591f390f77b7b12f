"""Headless Chromium (Playwright, sync API): time to visual per page, and click-to-result latency."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from playwright.sync_api import Browser, BrowserContext, Playwright
from playwright.sync_api import Error as PlaywrightError

from bench import js
from tests.e2e.chromium import CHROMIUM, CHROMIUM_ARGS, VIEWPORT

LOAD_TIMEOUT_MS = 30_000
CLICK_TIMEOUT_MS = 15_000


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


def new_context(browser: Browser) -> BrowserContext:
    return browser.new_context(viewport=VIEWPORT)


@dataclass
class PageFacts:
    """What a settled page shows: found on a warm-up load, used to know when it is drawn."""

    charts: int = 0
    drawn: int = 0
    heading: str | None = None
    exceptions: int = 0
    radios: int = 0
    checkboxes: int = 0
    error: str | None = None


@dataclass
class VisualSamples:
    subject: str
    url: str
    facts: PageFacts = field(default_factory=PageFacts)
    ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class ClickSamples:
    subject: str
    what: str = ""
    ms: list[float] = field(default_factory=list)
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def _open_until_drawn(context: BrowserContext, url: str, expected: int) -> tuple[float, object]:
    """Navigate a new tab to url; return (ms from navigation to drawn, the page). Caller closes it."""
    page = context.new_page()
    page.add_init_script(js.VISUAL_INIT.replace("__EXPECTED__", str(int(expected))))
    page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
    try:
        page.wait_for_function("window.__benchVisualAt !== undefined", timeout=LOAD_TIMEOUT_MS, polling=50)
    except PlaywrightError:
        page.close()
        raise
    return float(page.evaluate("window.__benchVisualAt")), page


def settle_facts(page, expected_hint: int, max_s: float = 20.0) -> PageFacts:
    """Wait until the page's charts have drawn: the `expected_hint` AppTest counted, or, if some
    never draw (e.g. in a closed expander), what has drawn when `max_s` is up."""
    deadline = time.monotonic() + max_s
    quiet_since, last = time.monotonic(), None
    while True:
        facts = page.evaluate(js.PAGE_FACTS)
        if (facts["charts"], facts["drawn"]) != last:
            last, quiet_since = (facts["charts"], facts["drawn"]), time.monotonic()
        settled = facts["state"] == "notRunning" and time.monotonic() - quiet_since >= 0.5
        if (settled and facts["drawn"] >= expected_hint) or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    return PageFacts(**{k: v for k, v in facts.items() if k != "state"})


def calibrate(context: BrowserContext, url: str, expected_hint: int) -> PageFacts:
    """A warm-up load (fills the HTTP cache, imports and caches on the server), then page facts."""
    try:
        _, page = _open_until_drawn(context, url, expected=0)
    except PlaywrightError as err:
        return PageFacts(error=f"not drawn within {LOAD_TIMEOUT_MS // 1000} s: {str(err).splitlines()[0]}")
    try:
        return settle_facts(page, expected_hint)
    finally:
        page.close()


def click_and_time(page, kind: str, href: str, expected: int) -> dict:
    """Mark the widget, click it with real mouse events, return the in-page outcome (see js.CLICK_ARM)."""
    armed = page.evaluate(
        js.CLICK_ARM, {"kind": kind, "href": href, "expected": expected, "timeoutMs": CLICK_TIMEOUT_MS}
    )
    if armed.get("error"):
        return armed
    try:
        page.click("[data-bench-target]", timeout=CLICK_TIMEOUT_MS)
    except PlaywrightError as err:
        return {"error": f"could not click {armed.get('what')}: {str(err).splitlines()[0]}"}
    return page.evaluate("window.__benchClick")


def measure_visual(
    context: BrowserContext, targets: list[tuple[str, str, int]], rounds: int
) -> list[VisualSamples]:
    """Time to visual for each (subject, url, charts expected), `rounds` times, interleaved so any
    drift of the machine hits every page alike."""
    samples = [VisualSamples(subject=s, url=u) for s, u, _ in targets]
    for sample, (_, _, hint) in zip(samples, targets, strict=True):
        sample.facts = calibrate(context, sample.url, hint)
    for _ in range(rounds):
        for sample in samples:
            if sample.facts.error:
                continue
            try:
                ms, page = _open_until_drawn(context, sample.url, sample.facts.drawn)
                page.close()
                sample.ms.append(ms)
            except PlaywrightError as err:
                sample.errors.append(str(err).splitlines()[0])
    return samples


def measure_clicks(
    context: BrowserContext, subject: str, url: str, kind: str, clicks: int, expected_hint: int
) -> ClickSamples:
    """Open the page once, then `clicks` clicks on one widget, each timed until the page shows the change."""
    result = ClickSamples(subject=subject)
    facts = calibrate(context, url, expected_hint)
    if facts.error:
        result.errors.append(facts.error)
        return result
    try:
        _, page = _open_until_drawn(context, url, facts.drawn)
    except PlaywrightError as err:
        result.errors.append(str(err).splitlines()[0])
        return result
    page_errors: list[str] = []
    page.on("pageerror", lambda e: page_errors.append(str(e)))
    try:
        for n in range(clicks + 1):  # click 0 is a warm-up: it may load a widget's code
            outcome = click_and_time(page, kind, "", facts.drawn)
            if outcome.get("error"):
                result.errors.append(outcome["error"])
                break
            result.what = outcome.get("what", "")
            if n == 0:
                page.wait_for_timeout(150)
                continue
            if outcome.get("timeout"):
                result.errors.append(f"no result within {CLICK_TIMEOUT_MS // 1000} s")
                continue
            if not outcome.get("changed"):
                result.unchanged += 1
            result.ms.append(float(outcome["ms"]))
            page.wait_for_timeout(150)  # let the page idle, as a person would between clicks
    finally:
        page.close()
    result.errors += page_errors
    return result
