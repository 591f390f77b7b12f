"""/explainer: the injection in steps, how soon it may help, chances as icon arrays, what we do not
know, who should think twice, and words explained. All wording comes from explainer.yaml."""

from html import escape

import streamlit as st

from decision_aid import paths, session, ui
from decision_aid.content.explainer import link_glossary
from decision_aid.page_scripts import page_script
from decision_aid.ui import charts
from decision_aid.ui import clear as clear_ui
from decision_aid.ui import personal as personal_ui
from decision_aid.ui.sharing import current_view
from decision_aid.ui.watch import show_watch_for

content = ui.start_page("explainer")
text = content.explainer
outcomes = {o.id: o for o in content.outcomes.outcomes}
linked: set[str] = set()  # glossary terms already linked on this page: each links once
view = current_view(content)  # what the care team chose to share from the checklist (empty: nothing)


def words(markdown: str) -> str:
    return link_glossary(markdown, text.glossary, linked)


def steps() -> None:
    st.header(text.steps_heading)
    st.markdown(words(text.steps_intro))
    # Bordered columns, not columns holding bordered boxes: half the layout blocks on every rerun.
    for number, (column, stage) in enumerate(zip(st.columns(len(text.stages), border=True), text.stages,
                                                 strict=True), 1):
        with column:
            st.subheader(f"{number}. {stage.heading}", anchor=f"step-{stage.id}")
            st.markdown("\n".join(f"- {words(point)}" for point in stage.points))


def timeline() -> None:
    st.header(text.timeline_heading, anchor="timeline")
    st.markdown(words(text.timeline_intro))
    charts.show_timeline(content, text.timeline_option_ids, estimate=view.estimate)
    personal_ui.estimate_words(content, view)


def chances() -> None:
    st.header(text.chances_heading, anchor="chances")
    st.markdown(words(text.chances_intro))
    clear_ui.picture_guide(content)  # how to use the pictures to decide; what a fair difference is
    # Benefits and harms are drawn the same way (equal detail); the consent path shows harms first.
    sections = (text.harms, text.benefits) if risks_first else (text.benefits, text.harms)
    for section in sections:
        st.subheader(section.heading)
        for group in section.groups:
            st.markdown(f"**{group.heading}**")
            if group.outcome_ids:
                charts.show_comparison([outcomes[i] for i in group.outcome_ids], content, main_arm=group.main_arm)
            if group.note:
                # Beside the pictures, or instead of them when a figure cannot be drawn fairly.
                (st.info if group.outcome_ids else st.warning)(words(group.note))


def unknowns() -> None:
    st.header(text.unknowns_heading)
    st.markdown("\n".join(f"- {words(point.text)}" for point in text.unknowns))


def think_twice() -> None:
    st.header(text.think_twice_heading)
    st.markdown(words(text.think_twice_intro))
    personal_ui.think_twice_cards(content, view, text.think_twice, words)  # this patient's first, marked
    st.markdown(text.checklist_pointer)
    st.page_link(page_script("checklist"), label=text.checklist_link)


def watch_for() -> None:
    show_watch_for(content, text.watch_heading, "watch-for", words)


def glossary() -> None:
    st.header(text.glossary_heading, anchor="glossary")
    st.markdown(text.glossary_intro)
    # One text for every word (fewer elements to send and draw); each empty anchor is where a
    # linked word in the text jumps to.
    # Content is checked free of HTML (decision_aid check); escaped as well, since this is raw HTML.
    st.markdown("\n\n".join(f'<span id="{term.anchor}"></span>**{escape(term.term, quote=False)}:** '
                              f"{escape(term.meaning, quote=False)}"
                              for term in text.glossary), unsafe_allow_html=True)


# The consent discussion path (paths.yaml `explainer_focus: risks`) puts the risks first.
risks_first = paths.explainer_focus(content.paths, st.session_state.get(session.PATH)) == "risks"
order = [chances, think_twice, unknowns, steps, timeline] if risks_first else [steps, timeline, chances, unknowns, think_twice]
clear_ui.key_messages(content)  # the main points, for every patient
personal_ui.noted_for_you(content, view, "explainer", words)  # first: the points and figures that fit
for section in order + [watch_for, glossary]:
    section()
