"""20 people at once: simultaneous browser sessions each running the clinic journey.

Playwright's sync API cannot wait on many pages at once, so this part uses its async API with the
same in-page clocks as bench.browser. Each session opens the start page, then follows the sidebar
links through every page (a click, timed until the new page is drawn), and on the checklist
answers two questions (timed until the result panel updates), pausing to read as a person would
(`Pace`). The contexts stay open until every journey has finished, so the server's memory can be
read with all sessions alive.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser, BrowserContext
from playwright.async_api import Error as PlaywrightError

from bench import js
from tests.e2e.chromium import CHROMIUM, CHROMIUM_ARGS, VIEWPORT

# People do not all open the app in the same millisecond: sessions start this far apart, so all
# 20 are in within 5 s. The first load shares 2 cores with 20 renderers, so it gets more time;
# it is reported, but only clicks count as interactions.
START_GAP_S = 0.25
FIRST_LOAD_TIMEOUT_MS = 90_000
# A click slower than this counts as an error (and is far beyond the 1 s target anyway).
CROWD_CLICK_TIMEOUT_MS = 30_000
# People read before they click: after a page opens, a pause drawn from READ_PAGE_S; between two
# checklist answers, from BETWEEN_ANSWERS_S (seconds, uniform, seeded per session so runs repeat).
# An assumption of this benchmark, not a measurement of clinic use; `pace=False` drops the pauses
# (every session clicks again the moment its last click is answered: a stress test).
READ_PAGE_S = (3.0, 8.0)
BETWEEN_ANSWERS_S = (1.0, 3.0)


class Pace:
    """Seeded reading pauses for one session (none when `on` is False)."""

    def __init__(self, session_no: int, on: bool = True) -> None:
        self.random = random.Random(session_no)
        self.on = on

    async def read_page(self) -> None:
        if self.on:
            await asyncio.sleep(self.random.uniform(*READ_PAGE_S))

    async def between_answers(self) -> None:
        if self.on:
            await asyncio.sleep(self.random.uniform(*BETWEEN_ANSWERS_S))


@dataclass
class JourneyStop:
    page_id: str
    url_path: str  # "" for the start page
    charts: int


@dataclass
class Journey:
    """One session's journey: times of its first load, page changes and checklist answers (ms)."""

    first_load_ms: float | None = None
    navigation_ms: list[float] = field(default_factory=list)
    answer_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class ConcurrencyResult:
    sessions: int
    journeys: list[Journey]
    rss_with_sessions_mb: float | None = None
    wall_seconds: float = 0.0
    server_cpu_seconds: float | None = None  # CPU the app server used while the journeys ran
    client_cpu_seconds: float | None = None  # CPU the websocket clients used (bench.ws_crowd)

    @property
    def server_cpu_share(self) -> float | None:
        """Share of the machine's cores the server used: low while latencies are high means the
        browsers on the same machine, not the server, were the bottleneck."""
        if self.server_cpu_seconds is None or self.wall_seconds <= 0:
            return None
        return self.server_cpu_seconds / (self.wall_seconds * (os.cpu_count() or 1))

    @property
    def interaction_ms(self) -> list[float]:
        return [ms for j in self.journeys for ms in j.navigation_ms + j.answer_ms]

    @property
    def errors(self) -> list[str]:
        return [e for j in self.journeys for e in j.errors]


async def _click_and_time(page, kind: str, href: str, expected: int) -> dict:
    if kind == "link":
        await page.wait_for_function(js.LINK_PRESENT, arg=href, timeout=CROWD_CLICK_TIMEOUT_MS, polling=50)
    armed = await page.evaluate(
        js.CLICK_ARM, {"kind": kind, "href": href, "expected": expected, "timeoutMs": CROWD_CLICK_TIMEOUT_MS}
    )
    if armed.get("error"):
        return armed
    await page.click("[data-bench-target]", timeout=CROWD_CLICK_TIMEOUT_MS)
    return await page.evaluate("window.__benchClick")


def _record(journey: Journey, outcome: dict, into: list[float], label: str) -> None:
    if outcome.get("error"):
        journey.errors.append(f"{label}: {outcome['error']}")
    elif outcome.get("timeout"):
        seen = {k: outcome.get(k) for k in ("sawRun", "state", "at", "heading", "changed")}
        journey.errors.append(f"{label}: no result within {CROWD_CLICK_TIMEOUT_MS // 1000} s ({seen})")
    else:
        into.append(float(outcome["ms"]))


async def _journey(
    context: BrowserContext, base_url: str, stops: list[JourneyStop], answers: int, delay_s: float,
    pace: Pace,
) -> Journey:
    journey = Journey()
    await asyncio.sleep(delay_s)
    started = time.monotonic()
    page = await context.new_page()
    page.on("pageerror", lambda e: journey.errors.append(f"page error: {str(e)[:120]}"))
    first, rest = stops[0], stops[1:]
    try:
        await page.add_init_script(js.VISUAL_INIT.replace("__EXPECTED__", str(first.charts)))
        await page.goto(f"{base_url}/{first.url_path}", wait_until="commit", timeout=FIRST_LOAD_TIMEOUT_MS)
        await page.wait_for_function(
            "window.__benchVisualAt !== undefined", timeout=FIRST_LOAD_TIMEOUT_MS, polling=50
        )
        journey.first_load_ms = float(await page.evaluate("window.__benchVisualAt"))
        for stop in rest:
            await pace.read_page()
            outcome = await _click_and_time(page, "link", f"/{stop.url_path}", stop.charts)
            _record(journey, outcome, journey.navigation_ms, f"open {stop.page_id}")
            if stop.page_id == "checklist":
                for n in range(answers):
                    await pace.between_answers()
                    outcome = await _click_and_time(page, "auto", "", stop.charts)
                    if outcome.get("error", "").startswith("nothing to click"):
                        journey.notes.append(f"checklist: {outcome['error']}")
                        break  # the checklist has no radio, segmented control or checkbox yet
                    _record(journey, outcome, journey.answer_ms, f"answer {n + 1} on checklist")
            shown = await page.locator('[data-testid="stException"]').count()
            if shown:
                journey.errors.append(f"{stop.page_id}: {shown} exception(s) shown")
    except PlaywrightError as err:
        journey.errors.append(f"{type(err).__name__}: {str(err).splitlines()[0][:160]}")
    journey.seconds = time.monotonic() - started
    return journey


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _run(
    base_url: str, stops: list[JourneyStop], sessions: int, answers: int, read_rss, server_pid: int | None,
    pace: bool,
) -> ConcurrencyResult:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser: Browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        contexts = [await browser.new_context(viewport=VIEWPORT) for _ in range(sessions)]
        started = time.monotonic()
        cpu_before = cpu_seconds(server_pid) if server_pid else None
        journeys = await asyncio.gather(
            *(_journey(c, base_url, stops, answers, n * START_GAP_S, Pace(n, pace))
              for n, c in enumerate(contexts))
        )
        result = ConcurrencyResult(sessions=sessions, journeys=list(journeys))
        result.wall_seconds = time.monotonic() - started
        if cpu_before is not None:
            result.server_cpu_seconds = cpu_seconds(server_pid) - cpu_before
        result.rss_with_sessions_mb = read_rss()  # every session still connected
        for context in contexts:
            await context.close()
        await browser.close()
    return result


def run(
    base_url: str,
    stops: list[JourneyStop],
    sessions: int,
    answers: int,
    read_rss,
    server_pid: int | None = None,
    pace: bool = True,
) -> ConcurrencyResult:
    return asyncio.run(_run(base_url, stops, sessions, answers, read_rss, server_pid, pace))
