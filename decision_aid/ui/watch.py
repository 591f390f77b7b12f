"""What to watch for after a shot, with the signs to get help the same day (/explainer, /summary)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from decision_aid.content import Content


def show_watch_for(content: Content, heading: str, anchor: str, words: Callable[[str], str] = str) -> None:
    """The after-care list, then the urgent signs in a warning box as prominent as the page's pictures.

    `words` lets a page link glossary terms in the list."""
    watch = content.summary.watch_for
    st.header(heading, anchor=anchor)
    st.markdown("\n".join(f"- {words(item.text)}" for item in watch.items))
    st.markdown(f"{watch.infection_signs} {watch.when_to_call}")
    st.warning(f"**{watch.urgent_heading}**\n\n" + "\n".join(f"- {sign}" for sign in watch.urgent_signs)
               + f"\n\n**{watch.urgent_action}**", icon=":material/emergency:")
