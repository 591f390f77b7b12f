"""/check: heading and purpose only, until its issue fills it."""

import streamlit as st

from decision_aid import ui

content = ui.start_page("check")
st.info("This page is being built. It will hold what its opening line says.")
