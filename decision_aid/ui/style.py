"""All the app's CSS, for what Streamlit's theme cannot say: large text, boxes that must not scroll,
and the look of the HTML the evidence page writes (source disclosures, the figures table).

Injected once per run by the sidebar, so every page gets the same rules; no page writes its own CSS.
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

# The evidence page's source disclosures look like the app's expanders: a thin border, the name in
# the summary line.
SOURCE_CSS = (
    "details.da-source { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem;"
    " padding: 0.5rem 1rem; margin-bottom: 0.5rem; }"
    " details.da-source > summary { cursor: pointer; }"
    " details.da-source[open] > summary { margin-bottom: 0.5rem; }"
)

# The evidence page's figures table: words and numbers wrap only between words (and ids at their
# '_', evidence_table.table_html), never inside one; a wide table (large text) scrolls sideways in
# its own focusable box. Sizes in em follow large text; borders and text keep AA contrast on the
# light theme.
FIGURE_TABLE_CSS = (
    "div.da-figures { overflow-x: auto; }"
    " div.da-figures:focus-visible { outline: 2px solid #1F4E79; outline-offset: 2px; }"
    " div.da-figures table { width: 100%; border-collapse: collapse; font-size: 0.875rem; }"
    " div.da-figures caption { caption-side: top; text-align: left; padding-bottom: 0.5em; }"
    " div.da-figures :is(th, td) { border: 1px solid #767676; padding: 0.25em 0.4em;"
    " text-align: left; vertical-align: top; white-space: normal; overflow-wrap: normal;"
    " word-break: normal; }"
    " div.da-figures thead th { background: #F2F5F8; font-weight: 600; }"
)


def app_css(large_text: bool) -> str:
    rules = [WRAP_CODE_CSS, LABEL_CSS, SOURCE_CSS, FIGURE_TABLE_CSS, *([LARGE_TEXT_CSS] if large_text else [])]
    return "<style>" + "\n".join(rules) + "</style>"


def apply(large_text: bool) -> None:
    st.html(app_css(large_text))
