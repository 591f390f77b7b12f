"""Entry point: `streamlit run app.py`. Builds the navigation from content and runs the chosen page."""

from pathlib import Path

import streamlit as st

from decision_aid import ui

st.set_page_config(
    page_title="Hip injection decision aid",
    page_icon=str(Path(__file__).parent / "assets" / "icon.png"),  # local: a material icon is fetched online
    layout="wide",
)
content = ui.load_or_stop()
ui.keep_answers_across_pages()
pages = ui.app_pages(content)
navigation = st.navigation(pages, position="hidden")
ui.sidebar(content, pages)
ui.lost_answers_notice(content)  # above the page: answers lost in a restart (decision_aid/ui/lost_answers.py)
navigation.run()
