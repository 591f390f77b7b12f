"""Issue 17: a visit whose answers were lost (restart, dropped connection, reload) says so plainly.

The browser keeps a marker in the address once there are answers; a new session that finds it has
lost them. The browser test (tests/e2e/test_hardening_browser.py) kills the server mid-visit.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from decision_aid.ui.lost_answers import MARKER, MARKER_VALUE

from .conftest import ROOT, open_page


def _new_session_at(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params.update(query)
    return at.run()


def test_answers_put_the_marker_in_the_address():
    at = open_page("start", da_questions="Will it hurt?")
    assert at.query_params[MARKER] == MARKER_VALUE


def test_no_answers_no_marker():
    at = open_page("start", da_large_text=True)  # a display setting, not an answer
    assert MARKER not in at.query_params


def test_new_session_with_the_marker_says_the_answers_were_reset(content):
    at = _new_session_at({MARKER: MARKER_VALUE})
    assert not at.exception
    ui = content.pages.ui
    assert [w.value for w in at.warning] == [ui.answers_lost]
    ok = next(b for b in at.button if b.label == ui.answers_lost_ok)
    ok.click().run()
    assert not at.exception
    assert not at.warning, "gone once the room has seen it"


def test_new_visit_without_the_marker_shows_no_notice():
    at = _new_session_at({})
    assert not at.exception and not at.warning


def test_start_over_forgets_the_visit_so_no_false_notice(content):
    at = open_page("start", da_questions="Will it hurt?")
    assert at.query_params[MARKER] == MARKER_VALUE
    next(b for b in at.sidebar.button if b.label == content.pages.ui.start_over).click().run()
    assert MARKER not in at.query_params
    assert content.pages.ui.answers_lost not in [w.value for w in at.warning]
