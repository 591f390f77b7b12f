"""Aids on the patient pages for every patient: the key messages, how to use the pictures, and
suggested questions to tick (kept under `da_ask_` keys, so Start over clears them)."""

from __future__ import annotations

import streamlit as st

from decision_aid import session
from decision_aid.clear import fair_difference, page_words
from decision_aid.content import Content


def key_messages(content: Content) -> None:
    messages = content.clear.key_messages
    with st.container(border=True):
        st.markdown(f"### {messages.heading}\n\n" + "\n".join(f"- {p.text}" for p in messages.points))


def picture_guide(content: Content) -> None:
    guide = content.clear.pictures
    st.markdown(f"**{guide.heading}**\n\n{guide.how}\n\n{fair_difference(content)}\n\n{guide.apart}")


def suggested_questions(content: Content) -> None:
    questions = content.clear.questions
    st.markdown(f"**{questions.heading}**\n\n{questions.intro}")
    for item in questions.items:
        st.checkbox(item.text, key=session.ASK + item.id)


def asked_part(content: Content, asked: list[str]) -> None:
    """On /summary: the questions ticked to ask (nothing when none were ticked)."""
    if asked:
        st.markdown(f"**{content.clear.questions.summary_label}**\n\n" + "\n".join(f"- {q}" for q in asked))




def words_on_this_page(content: Content, page_id: str) -> None:
    """At the foot of a patient page: what its harder words mean (the explainer has its own list)."""
    terms = page_words(content, page_id)
    if terms:
        with st.container(border=True):
            st.markdown(f"**{content.clear.words.heading}**\n\n"
                        + "\n".join(f"- **{term}:** {meaning}" for term, meaning in terms))
