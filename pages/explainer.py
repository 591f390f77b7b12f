"""/explainer: the injection in steps, how soon it may help, chances as icon arrays, what we do not
know, who should think twice, and words explained. All wording comes from explainer.yaml."""

import streamlit as st

from decision_aid import ui
from decision_aid.content.explainer import link_glossary
from decision_aid.ui import charts

content = ui.start_page("explainer")
text = content.explainer
outcomes = {o.id: o for o in content.outcomes.outcomes}
linked: set[str] = set()  # glossary terms already linked on this page: each links once


def words(markdown: str) -> str:
    return link_glossary(markdown, text.glossary, linked)


st.header(text.steps_heading)
st.markdown(words(text.steps_intro))
for number, (column, stage) in enumerate(zip(st.columns(len(text.stages)), text.stages, strict=True), 1):
    with column, st.container(border=True):
        st.subheader(f"{number}. {stage.heading}", anchor=f"step-{stage.id}")
        st.markdown("\n".join(f"- {words(point)}" for point in stage.points))

st.header(text.timeline_heading)
st.markdown(words(text.timeline_intro))
charts.show_timeline(content, text.timeline_option_ids)

st.header(text.chances_heading)
st.markdown(words(text.chances_intro))
for section in (text.benefits, text.harms):  # benefits and harms drawn the same way: equal detail
    st.subheader(section.heading)
    for group in section.groups:
        st.markdown(f"**{group.heading}**")
        charts.show_comparison([outcomes[i] for i in group.outcome_ids], content,
                               main_arm=group.main_arm, key=group.id)

st.header(text.unknowns_heading)
st.markdown("\n".join(f"- {words(point.text)}" for point in text.unknowns))

st.header(text.think_twice_heading)
st.markdown(words(text.think_twice_intro))
for column, caution in zip(st.columns(len(text.think_twice)), text.think_twice, strict=True):
    with column, st.container(border=True):
        st.markdown(f"**{caution.title}**")
        st.markdown(words(caution.text))
st.markdown(text.checklist_pointer)
st.page_link("pages/checklist.py", label=text.checklist_link)

st.header(text.glossary_heading, anchor="glossary")
st.markdown(text.glossary_intro)
for term in text.glossary:
    # The empty anchor is where a linked word in the text jumps to.
    st.markdown(f'<span id="{term.anchor}"></span>**{term.term}:** {term.meaning}', unsafe_allow_html=True)
