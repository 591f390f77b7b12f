"""Issue 17 in the browser. The server dies mid-visit and comes back on the same port; the browser reconnects to a
new, empty session while the old answers still show. The page the room is on must say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from decision_aid.content import Content

from .conftest import ARTIFACTS, ROOT, SCREENSHOTS, AppDriver, NewContext, _free_port, run_streamlit, ui_text
from .visit import answer_checklist

pytestmark = pytest.mark.browser

RECONNECT_MS = 90_000  # the browser retries with back-off; a busy machine restarts slowly


def test_server_restart_mid_visit_says_the_answers_were_reset(new_context: NewContext, tmp_path: Path,
                                                            content: Content):
    port = _free_port()
    log = ARTIFACTS / "lost-answers-server.log"
    log.unlink(missing_ok=True)
    with run_streamlit(ROOT / "app.py", tmp_path, log, port=port) as first:
        app = AppDriver.new(new_context, first)
        app.open("start")
        answer_checklist(app, content)
        assert "visit=answers" in app.page.url
        notice = app.page.get_by_role("dialog").filter(has_text=ui_text("answers_lost_title"))
        expect(notice).to_have_count(0)
        first.process.kill()  # as a crash or a power cut would: no goodbye to the browser
        first.process.wait(timeout=10)
    with run_streamlit(ROOT / "app.py", tmp_path, log, port=port):
        # The browser reconnects by itself; nobody reloads the page.
        expect(notice).to_be_visible(timeout=RECONNECT_MS)
        expect(notice).to_contain_text("go over each page again")
        expect(notice).to_be_in_viewport()  # over the page, wherever it was scrolled to
        app.wait_idle("checklist")  # on the page the room was on
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        app.page.screenshot(path=str(SCREENSHOTS / "lost-answers-notice.png"))
        notice.get_by_role("button", name=ui_text("answers_lost_ok")).click()
        app.wait_idle("checklist")
        expect(notice).to_have_count(0)
        app.assert_no_error_shown()


def test_whole_number_box_refuses_a_fraction_typed_in_the_browser(app: AppDriver, content: Content):
    """Issue 17: the browser's whole-number box once kept "2.5" as 2; now it is refused by name."""
    field = next(f for f in content.checklist.fields if getattr(f, "integer", False))
    shown = f"{field.label} ({field.unit})" if field.unit else field.label  # the box's label on screen
    app.open("checklist")
    app.number(shown, 2.5)
    expect(app.main().get_by_test_id("stAlertContentError").filter(
        has_text=f"{field.label}): must be a whole number, not 2.5.")).to_be_visible()
    expect(app.main().get_by_role("spinbutton", name=shown, exact=True)).to_have_value("2.5")
