"""/evidence: the limits, how numbers are shown, who made the tool, every source, every number."""

import streamlit as st

from decision_aid import evidence_table as et
from decision_aid import ui
from decision_aid.ui.status_banner import sign_off_section

content = ui.start_page("evidence")
text, meta = content.evidence, content.meta


def _long_date(date):
    return date.strftime("%d %B %Y")


def _bullets(lines):
    st.markdown("\n".join(f"- {line}" for line in lines))


st.header(text.limits_heading)
st.markdown(text.limits_intro)
_bullets(limit.text for limit in text.limits)

st.header(text.standards_heading)
_bullets(standard.text for standard in text.standards)

# IPDAS certification items: labels from evidence.yaml, values from meta.yaml.
about = text.about
st.header(about.heading)
_bullets(
    f"**{label}:** {value}"
    for label, value in [
        (about.produced, _long_date(meta.produced)),
        (about.last_reviewed, _long_date(meta.last_reviewed)),
        (about.review_by, _long_date(meta.review_by)),
        (about.update_policy, meta.update_policy),
        (about.authors, meta.authors),
        (about.funding, meta.funding),
        (about.conflicts_of_interest, meta.conflicts_of_interest),
        (about.report_an_error, meta.report_an_error),
    ]
)

sign_off_section(content)  # who approved this content version, and when; or that no one has

labels = text.source_list
st.header(labels.heading)
st.markdown(labels.intro)
# The disclosures look like the app's expanders: a thin border, the name in the summary line.
SOURCE_CSS = (
    "<style>details.da-source { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem;"
    " padding: 0.5rem 1rem; margin-bottom: 0.5rem; }"
    " details.da-source > summary { cursor: pointer; }"
    " details.da-source[open] > summary { margin-bottom: 0.5rem; }</style>"
)
st.html(SOURCE_CSS)
st.markdown(ui.per_content(et.sources_markdown, content), unsafe_allow_html=True)

figures = text.figures
st.header(figures.heading)
st.markdown(figures.intro)
views = ui.per_content(et.FigureViews, content)
picked = st.multiselect(
    figures.filter_label, views.choices, key="evidence_option_filter", help=figures.filter_help
)
view = views.view(picked)
st.caption(figures.showing.format(shown=view.rows, total=len(views.table)))
st.download_button(
    figures.download_label, data=view.csv, file_name=figures.download_file_name,
    mime="text/csv", on_click="ignore",
)
# Words and numbers wrap only between words (and ids at their '_', et.table_html), never inside one:
# a wide table (large text) scrolls sideways in its own focusable box. Sizes in em follow large
# text; borders and text keep AA contrast on the light theme.
FIGURE_TABLE_CSS = (
    "<style>div.da-figures { overflow-x: auto; }"
    " div.da-figures:focus-visible { outline: 2px solid #1F4E79; outline-offset: 2px; }"
    " div.da-figures table { width: 100%; border-collapse: collapse; font-size: 0.875rem; }"
    " div.da-figures caption { caption-side: top; text-align: left; padding-bottom: 0.5em; }"
    " div.da-figures :is(th, td) { border: 1px solid #767676; padding: 0.25em 0.4em;"
    " text-align: left; vertical-align: top; white-space: normal; overflow-wrap: normal;"
    " word-break: normal; }"
    " div.da-figures thead th { background: #F2F5F8; font-weight: 600; }</style>"
)
st.html(FIGURE_TABLE_CSS)
# One markdown text for the whole table (et.table_html says why), built once per option choice.
st.markdown(view.html, unsafe_allow_html=True)
