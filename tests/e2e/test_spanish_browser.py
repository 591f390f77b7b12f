"""The app in Spanish in a real browser: chosen in the side menu, every page announced as Spanish to
screen readers (the <html lang> Streamlit fixes as "en" is corrected), and no axe-core violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from decision_aid.content import load_content

from .conftest import ROOT, AppDriver, wait_idle
from .test_pages_browser import axe_blocking_violations, full_page_screenshot
from .test_personal_browser import timeline_picture_words

pytestmark = pytest.mark.browser

SPANISH = load_content(ROOT / "content", "es")


def test_every_page_in_spanish_is_announced_as_spanish_and_passes_axe(app: AppDriver):
    app.open("start")
    assert app.page.evaluate("document.documentElement.lang") == "en"
    app.sidebar().get_by_role("radio", name=SPANISH.meta.language_name, exact=True).check(force=True)
    wait_idle(app.page, SPANISH.pages.pages[0].heading)
    problems = {}
    for page in SPANISH.pages.pages:
        app.sidebar().get_by_role("link", name=page.nav_label, exact=True).click()
        wait_idle(app.page, page.heading)
        expect(app.page.get_by_role("heading", name=page.heading, exact=True)).to_be_visible()
        app.page.wait_for_function("document.documentElement.lang === 'es'")
        if page.id == "explainer":  # the timeline picture: named and drawn in Spanish
            drawn = timeline_picture_words(app, SPANISH)
            assert SPANISH.timeline.legend.may_start in drawn and SPANISH.timeline.ticks[1].label in drawn
        if found := axe_blocking_violations(app.page, f"es-{page.id}"):
            problems[page.id] = found
        full_page_screenshot(app.page, f"es-{page.id}")
    assert not problems, problems
    app.assert_no_error_shown()
