"""/evidence: the limits, how numbers are shown, who made the tool, every source, every number."""

import streamlit as st

from decision_aid import evidence_table as et
from decision_aid import ui
from decision_aid.dates import long_date
from decision_aid.ui.status_banner import sign_off_section

content = ui.start_page("evidence")
text, meta = content.evidence, content.meta


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
        (about.produced, long_date(meta.produced, meta.formats)),
        (about.last_reviewed, long_date(meta.last_reviewed, meta.formats)),
        (about.review_by, long_date(meta.review_by, meta.formats)),
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
# One markdown text for the whole table (et.table_html says why), built once per option choice.
st.markdown(view.html, unsafe_allow_html=True)
