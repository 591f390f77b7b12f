"""/checklist: the clinician's choices of what the patient's pages show from the checklist.

Three ticks, all off until the clinician turns them on (a fresh session and Start over leave them
off). Their `da_` keys keep them across pages and put them in the session record.
"""

from __future__ import annotations

import streamlit as st

from decision_aid import personal, session
from decision_aid.content import Content


def share_key(choice: str) -> str:
    return session.SHARE + choice


def sharing_choices(content: Content) -> None:
    words = content.personal.sharing
    with st.container(border=True):
        st.markdown(f"### {words.heading}\n\n{words.intro}")
        st.checkbox(words.personal, key=share_key(personal.PERSONAL), help=words.personal_help)
        timeline = st.checkbox(words.timeline, key=share_key(personal.TIMELINE), help=words.timeline_help)
        st.checkbox(words.timeline_pdf, key=share_key(personal.TIMELINE_PDF), help=words.timeline_pdf_help,
                    disabled=not timeline)
        if timeline:
            st.caption(words.timeline_needs_answer)


def current_view(content: Content) -> personal.PersonalView:
    """This session's personal view. With sharing off it returns at once: nothing is worked out."""
    state = st.session_state
    sharing = personal.Sharing.from_record({c: state.get(share_key(c)) is True for c in personal.CHOICES})
    if not (sharing.personal or sharing.timeline):
        return personal.NOTHING
    answers = {k.removeprefix(session.CHECKLIST): v for k, v in state.items()
               if str(k).startswith(session.CHECKLIST) and v is not None}
    return personal.personal_view(content, answers, sharing)
