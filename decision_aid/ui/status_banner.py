"""The review status on every page: a calm draft banner while this content version has no clinical
sign-off, a warning once the review date has passed, and (start page) the clinic details not set."""

from __future__ import annotations

from html import escape

import streamlit as st

from decision_aid import review_status
from decision_aid.content import Content

# Calm, not an alarm: a quiet box (dark text on pale blue, a darker edge; AA contrast), so the
# checklist's STOP and CAUTION alerts still stand out. The words say "Draft", never colour alone.
_BANNER = (
    '<div role="note" style="border: 1px solid #1F4E79; border-left-width: 6px; border-radius: 0.5rem;'
    ' background: #EEF4FA; color: #1F2328; padding: 0.5rem 0.9rem; margin: 0.25rem 0 0.5rem 0;">'
    "{text}</div>"
)


def status_banner(content: Content, page_id: str) -> None:
    lines = []
    if review_status.approval(content) is None:
        lines.append(content.meta.status_words.draft_banner)
    translation = content.meta.translation
    if translation is not None and not translation.reviewed_by_medical_translator:
        lines.append(translation.unreviewed_note)  # a translation nobody qualified has checked yet
    if lines:
        text = "<br>".join(escape(line) for line in lines)
        st.markdown(_BANNER.format(text=text), unsafe_allow_html=True)
    overdue = review_status.overdue_line(content)
    if overdue:
        st.warning(overdue, icon=":material/event_busy:")
    if page_id == "start" and content.clinic is None:
        st.caption(content.meta.clinic_words.not_set)


def sign_off_section(content: Content) -> None:
    """/evidence: who approved this version and when, or that no one has."""
    st.header(content.meta.status_words.approval_heading)
    st.markdown(review_status.evidence_line(content))
