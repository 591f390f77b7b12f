"""/evidence: the limits, how numbers are shown, who made the tool, every source, every number."""

import streamlit as st

from decision_aid import evidence_table as et
from decision_aid import ui

content = ui.start_page("evidence")
text, meta = content.evidence, content.meta


def _long_date(date):
    return date.strftime("%d %B %Y")


def _bullets(lines):
    st.markdown("\n".join(f"- {line}" for line in lines))


if et.review_is_overdue(meta):
    st.warning(text.about.review_overdue.format(date=_long_date(meta.review_by)), icon="⚠️")

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

labels = text.source_list
st.header(labels.heading)
st.markdown(labels.intro)
uses = ui.per_content(et.uses_by_source, content)
for source in content.sources.sources:
    with st.expander(f"{source.citation} ({source.id})"):
        _bullets(et.source_facts(content, source))
        used = uses[source.id]
        st.markdown(f"**{labels.used_for}:**")
        _bullets(et.use_lines(content, used) or [labels.not_used])
        certainty = et.certainty_summary(content, used)
        if certainty:
            st.markdown(f"**{labels.certainty}:** {certainty}")

figures = text.figures
st.header(figures.heading)
st.markdown(figures.intro)
table = ui.per_content(et.figure_table, content)
picked = st.multiselect(
    figures.filter_label, et.option_choices(table), key="evidence_option_filter", help=figures.filter_help
)
shown = et.for_display(et.labelled(et.filter_by_options(table, picked), content))
st.caption(figures.showing.format(shown=len(shown), total=len(table)))
st.download_button(
    figures.download_label, data=et.csv_bytes(shown), file_name=figures.download_file_name,
    mime="text/csv", on_click="ignore",
)
# Let long words and ids wrap inside cells, so the table fits the page and never needs a sideways
# scroll (a scrolling box that the keyboard cannot reach fails WCAG; large text makes words longer).
WRAP_TABLE_CELLS = (
    "<style>[data-testid='stTable'] :is(th, td, th *, td *) "
    "{ white-space: normal !important; overflow-wrap: anywhere !important; }</style>"
)
st.html(WRAP_TABLE_CELLS)
on_page = [getattr(figures.columns, c) for c in et.PAGE_COLUMNS]
st.table(shown[on_page], hide_index=True, alt=figures.table_alt)
