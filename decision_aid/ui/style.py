"""App-wide CSS for what Streamlit's theme cannot say: large text, and boxes that must not scroll.

Injected once per run by the sidebar, so every page gets the same rules.
"""

from __future__ import annotations

import streamlit as st

# Large-text mode scales the root font size; Streamlit sizes its text in rem, so it all follows.
LARGE_TEXT_CSS = "html { font-size: 125%; }"

# WCAG 1.4.10 (reflow) and axe's scrollable-region-focusable: a code box (the notes for the
# record, the content-error list) that scrolls sideways cannot be reached by keyboard, and large
# text makes its lines longer. Wrap its lines instead, on every page.
WRAP_CODE_CSS = (
    '[data-testid="stCode"] pre, [data-testid="stCode"] code '
    "{ white-space: pre-wrap !important; overflow-wrap: anywhere !important; }"
)


# Questions on the patient pages are widget labels, which Streamlit draws smaller than body text;
# a question should be as easy to read as the text around it.
LABEL_CSS = '[data-testid="stMain"] [data-testid="stWidgetLabel"] p { font-size: 1rem; }'


def app_css(large_text: bool) -> str:
    rules = [WRAP_CODE_CSS, LABEL_CSS] + ([LARGE_TEXT_CSS] if large_text else [])
    return "<style>" + "\n".join(rules) + "</style>"


def apply(large_text: bool) -> None:
    st.html(app_css(large_text))
