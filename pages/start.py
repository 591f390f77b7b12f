"""/ (start): the decision, who the tool is for and what it is not, and the three guided paths."""

import streamlit as st

from decision_aid import session, ui
from decision_aid.paths import get_path
from decision_aid.ui.path_nav import path_button

content = ui.start_page("start")
text = content.start

st.markdown(f"**{text.decision}**")
ui.language_choice(content, "start")

st.header(text.welcome_heading)
st.markdown(text.welcome)

st.header(text.for_whom_heading)
st.markdown(text.for_whom)

st.header(text.not_heading)
st.markdown("\n".join(f"- {line}" for line in text.does_not))

st.header(text.choose_heading)
st.markdown(text.choose_intro)
chosen = get_path(content.paths, st.session_state.get(session.PATH))
if chosen:
    st.info(text.current_path.format(name=chosen.name))
for column, path in zip(st.columns(len(content.paths.paths)), content.paths.paths, strict=True):
    with column, st.container(border=True):
        st.markdown(f"**{path.name}**")
        st.markdown(f"{path.for_whom} {path.how_to_use}")
        path_button(content, path.id)

st.header(text.clinician.heading)
st.markdown("\n".join(f"- {tip}" for tip in text.clinician.tips))
