"""/options: the options the patient picks, side by side: the grid, what combines, timing, chances."""

import streamlit as st

from decision_aid import compare, personal, session, ui
from decision_aid.ui import charts
from decision_aid.ui import personal as personal_ui
from decision_aid.ui.clear import words_on_this_page
from decision_aid.ui.sharing import current_view

content = ui.start_page("options")
options = content.options
text = options.page
names = {o.id: o.name for o in options.options}

st.multiselect(
    text.pick_label.format(min=text.min_picked, max=text.max_picked),
    options=list(names),
    format_func=names.get,
    key=session.OPTIONS_PICKED,
    help=text.pick_help,
    placeholder="",
)
picked = list(st.session_state.get(session.OPTIONS_PICKED) or [])
view = current_view(content)
# Never an empty page: with nothing picked, show the options that fit (or the usual first look).
# They are shown, not picked for the patient: the record holds only what the patient picks.
shown = picked or personal.opening_options(content, view)
personal_ui.options_intro(content, view, picked, shown)
picked = shown
problem = compare.pick_problem(options, picked)

if problem:
    st.info(problem)
else:
    # The grid: a real table (row and column headers), read in row and column order.
    st.header(text.grid_heading, anchor="side-by-side")
    st.markdown(text.grid_intro)
    st.table(compare.grid_table(options, picked, content.sources))
    st.info(text.supportive_care)

    st.header(options.combine.heading, anchor="which-go-together")
    st.markdown(options.combine.intro)
    st.markdown("\n".join(f"- {pair.words(options)}" for pair in compare.combine_pairs(options, picked)))

    timed = [i for i in picked if any(r.option_id == i for r in content.timeline.rows)]
    if timed:
        st.header(text.timeline_heading, anchor="timeline")
        charts.show_timeline(content, timed, estimate=view.estimate)
        personal_ui.estimate_words(content, view)

    st.header(text.chances_heading, anchor="chances")
    st.markdown(text.chances_intro)
    for chance in compare.chance_sets(options, content.outcomes, picked):
        st.markdown(f"### {chance.group.heading}")
        st.markdown(chance.group.note)
        charts.show_chance_set(chance, content)
    # Measured differently: the caveat as prominent as the pictures, then each picture on its own.
    for apart in compare.apart_sets(options, content.outcomes, picked):
        st.markdown(f"### {apart.group.heading}")
        st.warning(apart.group.caveat, icon=":material/warning:")
        charts.show_apart_set(apart, content)
    missing = compare.options_without_chances(options, content.outcomes, picked)
    if missing:
        st.markdown(text.no_chances.format(names=", ".join(o.name for o in missing)))

st.info(text.choice_note)

words_on_this_page(content, "options")  # what the harder words on this page mean
