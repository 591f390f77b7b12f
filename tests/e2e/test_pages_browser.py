"""Every page in a real browser, normal and large text: its heading, no error box, a screenshot for a
person to look at, and axe-core with zero critical and zero serious accessibility violations."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .conftest import (
    ARTIFACTS,
    PAGE_IDS,
    ROOT,
    SCREENSHOTS,
    AppDriver,
    nav_label,
    page_heading,
    run_streamlit,
    ui_text,
)

pytestmark = pytest.mark.browser

MODES = ["normal", "large"]
BLOCKING_IMPACTS = {"critical", "serious"}
AXE = Axe()


def root_font_px(page: Page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def full_page_screenshot(page: Page, name: str) -> None:
    """Streamlit scrolls inside its own container, so grow the window to the content, then shoot."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
             ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"],'
                 + ' [data-testid="stSidebarContent"]')].map(e => e.scrollHeight))"""
    )
    page.set_viewport_size({"width": viewport["width"], "height": min(max(height, viewport["height"]), 12000)})
    page.wait_for_timeout(200)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(viewport)


def axe_blocking_violations(page: Page, name: str) -> list[str]:
    """Run axe-core (all rules, none excluded); keep the full result as an artefact."""
    results = AXE.run(page)
    out = ARTIFACTS / "axe"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(results.response["violations"], indent=1))
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(n["html"][:160] for n in v["nodes"][:4])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_page_renders_accessibly(app: AppDriver, page_id: str, mode: str):
    page = app.open(page_id)
    normal_px = root_font_px(page)
    if mode == "large":
        app.set_large_text(True)
        assert root_font_px(page) >= normal_px * 1.2, "large text must make the words bigger"
    expect(page.get_by_role("heading", level=1)).to_have_text([page_heading(page_id)])
    app.assert_no_error_shown()
    # Opened by its address, every page still has our side menu with Start over, and not
    # Streamlit's own sectioned navigation (which fails axe's list rules).
    expect(app.sidebar().get_by_role("button", name=ui_text("start_over"))).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    # Each page has its own title (WCAG 2.4.2), naming it as the side menu does.
    expect(page).to_have_title(re.compile("^" + re.escape(nav_label(page_id))))
    full_page_screenshot(page, f"{page_id}-{mode}")
    blocking = axe_blocking_violations(page, f"{page_id}-{mode}")
    assert not blocking, "\n".join(blocking)


def test_large_text_stays_on_across_pages(app: AppDriver):
    app.open("start")
    app.set_large_text(True)
    for page_id in PAGE_IDS[1:]:
        page = app.go(page_id)
        assert root_font_px(page) >= 19, f"large text was lost on {page_id}"


def test_document_language_matches_content(app: AppDriver, content):
    """Screen readers pick their voice from <html lang>; the app sets it from the content (docs/accessibility.md)."""
    page = app.open("start")
    assert page.evaluate("document.documentElement.lang") == content.meta.language


def test_page_opened_first_after_a_restart_has_the_side_menu(new_context, tmp_path):
    """A bookmark opened as the first visit after the server starts still gets the whole app (side
    menu, Start over, Large text), not the page script alone (decision_aid/ui/chrome.py explains)."""
    with run_streamlit(ROOT / "app.py", tmp_path, tmp_path / "fresh.log") as fresh:
        app = AppDriver.new(new_context, fresh)
        page = app.open("summary")
        expect(page.get_by_role("heading", level=1)).to_have_text([page_heading("summary")])
        expect(app.sidebar().get_by_role("button", name=ui_text("start_over"))).to_be_visible()
        expect(app.sidebar().get_by_role("switch", name=ui_text("large_text"))).to_be_visible()
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
