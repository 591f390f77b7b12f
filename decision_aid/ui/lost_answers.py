"""Tell the room when a visit's answers were lost (server restart, dropped connection, reload).

After a restart the browser reconnects to a new, empty session while the old answers still show
on screen; the summary would then say "not discussed" for parts that were discussed. The server
cannot remember the visit, but the browser's address can: once a visit has answers, a marker goes
into the URL's query string, which the browser sends again when it reconnects or reloads. A new
session that finds the marker has lost a visit's answers, and says so on whatever page it is on.
"""

from __future__ import annotations

import streamlit as st

from decision_aid import session
from decision_aid.content import Content

MARKER, MARKER_VALUE = "visit", "answers"  # says only that answers exist, never what they are
STARTED = "visit_started"  # not `da_`: not an answer; Start over clears it with everything else
LOST = "answers_lost"


def lost_answers_notice(content: Content) -> None:
    """On every full run: spot a session that began with the marker set, and keep the marker set."""
    state = st.session_state
    if STARTED not in state:
        state[STARTED] = True
        if st.query_params.get(MARKER) == MARKER_VALUE:
            state[LOST] = True
    mark_visit()
    if state.get(LOST):
        _notice(content)


def mark_visit() -> None:
    """Put the marker in the address once the visit has answers. Page links drop the query string,
    and a fragment's rerun skips app.py, so the checklist's fragment calls this too."""
    # The address first: once marked, no rerun needs to gather the record again.
    if st.query_params.get(MARKER) != MARKER_VALUE and _has_answers():
        st.query_params[MARKER] = MARKER_VALUE


def forget_visit() -> None:
    """Start over: the next session is a new visit, not a lost one."""
    st.query_params.pop(MARKER, None)


def _has_answers() -> bool:
    record = session.record_from_state(st.session_state)
    return any(value is not None for name, value in record if name != "large_text")


def _notice(content: Content) -> None:
    """A dialog over the page, wherever it is scrolled to; it stays until someone presses OK (or
    closes it), so the room cannot miss it."""
    ui = content.pages.ui

    @st.dialog(ui.answers_lost_title, on_dismiss=_dismiss)
    def notice() -> None:
        st.warning(ui.answers_lost, icon=":material/restart_alt:")
        if st.button(ui.answers_lost_ok, key="answers_lost_ok", type="primary"):
            _dismiss()
            st.rerun()

    notice()


def _dismiss() -> None:
    st.session_state[LOST] = False
