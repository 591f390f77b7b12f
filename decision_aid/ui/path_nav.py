"""Guided paths on screen: the start-page button for each path, and the step bar on each page of it.

The step bar ("Step N of M: <page>" with Back and Next) shows only on a page of the chosen path
(session.PATH); the side navigation still opens any page in any order. Buttons are keyboard
reachable and carry no `da_` key (they record no answer).
"""

from __future__ import annotations

import streamlit as st

from decision_aid import session
from decision_aid.content import Content
from decision_aid.page_scripts import page_script
from decision_aid.paths import get_path, step_for


def path_nav(content: Content, page_id: str) -> None:
    """The step bar, when this page is on the chosen path; nothing otherwise."""
    step = step_for(content.paths, st.session_state.get(session.PATH), page_id)
    if step is None:
        return
    names = {p.id: p.nav_label for p in content.pages.pages}
    text = content.paths.nav
    with st.container(border=True):
        where = text.step.format(number=step.number, total=step.total, page=names.get(page_id, page_id))
        st.markdown(f"**{where}**")
        back, forward = st.columns(2, vertical_alignment="center")
        if step.previous:
            label = text.back.format(page=names.get(step.previous, step.previous))
            if back.button(label, key="path_back", help=text.back_help):
                st.switch_page(page_script(step.previous))
        if step.next:
            label = text.next.format(page=names.get(step.next, step.next))
            # Next sits on the right, where a reader expects "forward".
            with forward, st.container(horizontal_alignment="right"):
                if st.button(label, key="path_next", help=text.next_help, type="primary"):
                    st.switch_page(page_script(step.next))


def choose_path(content: Content, path_id: str) -> None:
    """Button callback: keep the chosen path; a path may turn large text on (never off)."""
    path = get_path(content.paths, path_id)
    if path is None:
        return
    st.session_state[session.PATH] = path.id
    if path.large_text:
        st.session_state[session.LARGE_TEXT] = True


def path_button(content: Content, path_id: str) -> None:
    """The start-page button for one path: chooses it, then opens its first page."""
    path = get_path(content.paths, path_id)
    if path is None:
        return
    chosen = st.button(
        path.name, key=f"path_start_{path.id}", on_click=choose_path, args=(content, path.id), type="primary"
    )
    if chosen:
        st.switch_page(page_script(path.page_ids[0]))
