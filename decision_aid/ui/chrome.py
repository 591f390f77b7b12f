"""What every page shares: content loading, navigation, header, Start over, large text."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from decision_aid import session
from decision_aid.content import Content, ContentError, content_root, load_content

APP_DIR = Path(__file__).resolve().parents[2]

# Large-text mode scales the root font size; Streamlit sizes its text in rem, so it all follows.
LARGE_TEXT_CSS = "<style>html { font-size: 125%; }</style>"


@st.cache_resource(show_spinner=False)
def _cached_content(root: str) -> Content:
    return load_content(root)


def load_or_stop() -> Content:
    """The validated content, parsed once per process; on invalid content, a clear error and stop."""
    try:
        return _cached_content(str(content_root()))
    except ContentError as err:
        st.error("The content of this tool has errors, so it cannot be shown.", icon="⚠️")
        st.markdown("Fix these in the content files, then run `python -m decision_aid check`:")
        st.code("\n".join(str(p) for p in err.problems), language=None)
        st.stop()
        raise  # unreachable: st.stop() ends the run


def app_pages(content: Content) -> list[st.Page]:
    """One st.Page per page in pages.yaml, at its fixed URL path; the first is the start page."""
    return [
        st.Page(
            str(APP_DIR / "pages" / f"{p.id}.py"),
            title=p.nav_label,
            url_path=p.url_path or None,
            default=not p.url_path,
        )
        for p in content.pages.pages
    ]


def keep_answers_across_pages() -> None:
    """Streamlit forgets a widget's value when its page is left; re-saving the `da_` keys keeps them."""
    for key in [k for k in st.session_state if str(k).startswith(session.PREFIX)]:
        st.session_state[key] = st.session_state[key]


def large_text_on() -> bool:
    return bool(st.session_state.get(session.LARGE_TEXT))


def sidebar(content: Content, pages: list[st.Page]) -> None:
    """Our own navigation (page links, grouped) plus Start over and the large-text switch.

    Streamlit's built-in sectioned navigation fails axe's list rules, so it is hidden in app.py.
    """
    ui = content.pages.ui
    with st.sidebar:
        st.toggle(ui.large_text, key=session.LARGE_TEXT, help=ui.large_text_help)
        section = None
        for text, page in zip(content.pages.pages, pages, strict=True):
            if text.section != section:
                section = text.section
                st.markdown(f"**{section}**")
            st.page_link(page, label=text.nav_label)
        st.divider()
        st.button(ui.start_over, on_click=_start_over, help=ui.start_over_help, type="primary")
        if st.session_state.pop("cleared_notice", False):
            st.success(ui.start_over_done)
    if large_text_on():
        st.html(LARGE_TEXT_CSS)


def _start_over() -> None:
    st.session_state.clear()
    st.session_state["cleared_notice"] = True


def start_page(page_id: str) -> Content:
    """Draw the page heading, its opening line, the safety line and the content version."""
    content = load_or_stop()
    text = next(p for p in content.pages.pages if p.id == page_id)
    meta = content.meta
    st.title(text.heading)
    st.markdown(text.intro)
    version = content.pages.ui.content_version.format(
        version=meta.version, reviewed=meta.last_reviewed.strftime("%d %B %Y")
    )
    st.caption(f"{meta.safety_line} {version}")
    return content
