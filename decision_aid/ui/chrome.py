"""What every page shares: content loading, navigation, header, Start over, large text."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from decision_aid import session
from decision_aid.content import Content, ContentError, content_root, load_content
from decision_aid.content.languages import REFERENCE_LANGUAGE, available_languages
from decision_aid.dates import long_date
from decision_aid.page_scripts import page_script_path
from decision_aid.paths import hidden_pages

from . import style
from .lost_answers import forget_visit
from .path_nav import path_nav
from .status_banner import status_banner


@st.cache_resource(show_spinner=False)
def _cached_contents(root: str) -> dict[str, Content]:
    """Every language folder's content, each validated, parsed once per process."""
    return {code: load_content(root, code) for code in available_languages(Path(root))}


def contents() -> dict[str, Content]:
    """The content of every language, by code (the reference language first)."""
    return _cached_contents(str(content_root()))


def load_or_stop(language: str | None = None) -> Content:
    """The validated content in the visit's language (or `language`), parsed once per process; on
    invalid content, a clear error and stop."""
    try:
        by_code = contents()
        code = language or st.session_state.get(session.LANGUAGE)
        return by_code.get(code) or by_code[REFERENCE_LANGUAGE]
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
            str(page_script_path(p.id)),
            title=p.nav_label,
            url_path=p.url_path or None,
            default=not p.url_path,
        )
        for p in content.pages.pages
    ]


def keep_answers_across_pages() -> None:
    """Streamlit forgets a widget's value when its page is left; re-saving the `da_` keys keeps them.

    A fragment's rerun skips app.py: the checklist fragment re-saves its own given answers
    (`checklist_form._keep_given_answers`)."""
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
        language_choice(content, "sidebar")
        st.toggle(ui.large_text, key=session.LARGE_TEXT, help=ui.large_text_help)
        section = None
        hidden = hidden_pages(content.paths, st.session_state.get(session.PATH))  # set by the chosen path
        for text, page in zip(content.pages.pages, pages, strict=True):
            if text.id in hidden:
                continue
            if text.section != section:
                section = text.section
                st.markdown(f"**{section}**")
            st.page_link(page, label=text.nav_label)
        st.divider()
        if st.button(ui.start_over, on_click=_start_over, help=ui.start_over_help, type="primary"):
            # Clearing the state does not clear inputs already drawn in the browser: the last
            # person's words would stay on screen. Leaving the page removes them.
            st.switch_page(pages[0])
        if st.session_state.pop("cleared_notice", False):
            st.success(ui.start_over_done)
        page_language(content)
    style.apply(large_text_on())  # app-wide CSS: large text, code boxes that wrap (decision_aid/ui/style.py)


def language_choice(content: Content, place: str) -> None:
    """The pages' language: in the side menu and on the start page. Each place has its own widget,
    both showing the one chosen value (session.LANGUAGE); answers are kept when it changes."""
    by_code = contents()
    if len(by_code) < 2:
        return
    codes = list(by_code)
    current = st.session_state.get(session.LANGUAGE) or REFERENCE_LANGUAGE
    key = f"language_{place}"  # not `da_`: the chosen value is kept in session.LANGUAGE
    st.session_state[key] = current if current in codes else REFERENCE_LANGUAGE
    st.radio(content.pages.ui.language, codes, key=key, horizontal=True,
             format_func=lambda code: by_code[code].meta.language_name, help=content.pages.ui.language_help,
             on_change=_choose_language, args=(key,))


def note_language_choice(content: Content) -> Content:
    """/summary: the clinician's note in the clinician's language, English unless chosen."""
    by_code = contents()
    if len(by_code) < 2:
        return content
    code = st.radio(content.summary.page.note_language, list(by_code), key=session.NOTE_LANGUAGE,
                    horizontal=True, format_func=lambda c: by_code[c].meta.language_name)
    return by_code[code or REFERENCE_LANGUAGE]


def _choose_language(key: str) -> None:
    st.session_state[session.LANGUAGE] = st.session_state[key]


def page_language(content: Content) -> None:
    """Streamlit writes <html lang="en"> on every page: say the page's real language, so that a
    screen reader reads Spanish with a Spanish voice (WCAG 3.1.1)."""
    st.html(f"<script>{language_script(content.meta.language)}</script>", unsafe_allow_javascript=True)


def language_script(code: str) -> str:
    """The inline script that sets the page's language; the deployment's content security policy
    allows it by its hash, one per language (docs/deploy/nginx.conf; a test checks each is there)."""
    return f"document.documentElement.lang = {json.dumps(code)};"


def _start_over() -> None:
    st.session_state.clear()
    forget_visit()  # a fresh visit, not a lost one
    # The switch stays on screen across pages; setting it (not just deleting it) redraws it off.
    st.session_state[session.LARGE_TEXT] = False
    st.session_state["cleared_notice"] = True


def _run_through_app_py() -> None:
    """Streamlit 1.67 starts in its old multipage mode when a `pages/` folder exists, and stays
    there until `st.navigation` is first called. So if the first visitor after a server start
    opens a page by its address (a bookmark), that page's script runs alone: no side menu, no
    Start over, no Large text. Leave that mode and rerun through app.py (tests/e2e proves it).
    Only a fresh session is rerun: AppTest re-enters that mode on every run after the first, and its
    tests expect the page alone there (docs/architecture.md). Renaming `pages/` would end both."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory and not st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()


def start_page(page_id: str) -> Content:
    """Draw the page heading, its opening line, the safety line and the content version."""
    _run_through_app_py()
    content = load_or_stop()
    text = next(p for p in content.pages.pages if p.id == page_id)
    meta = content.meta
    # WCAG 2.4.2: each page its own browser-tab title (read first by a screen reader).
    st.set_page_config(page_title=f"{text.nav_label} - {meta.title}")
    st.title(text.heading)
    status_banner(content, page_id)  # draft (no sign-off), review overdue, clinic not set
    st.markdown(text.intro)
    version = content.pages.ui.content_version.format(
        version=meta.version, reviewed=long_date(meta.last_reviewed, meta.formats)
    )
    st.caption(f"{meta.safety_line} {version}")
    path_nav(content, page_id)  # "Step N of M" with Back / Next, on a page of the chosen path
    return content
