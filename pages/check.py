"""/check: teach-back questions with kind feedback and a link back; the result goes to the summary."""

import streamlit as st

from decision_aid import quiz, session, ui
from decision_aid.page_scripts import page_script
from decision_aid.ui.clear import words_on_this_page

content = ui.start_page("check")
items = content.quiz
text = items.page
page_names = {p.id: p.nav_label for p in content.pages.pages}

st.markdown(text.intro)
for item in items.items:
    choice = st.radio(item.question, options=[c.id for c in item.choices], format_func=item.choice_text,
                      index=None, key=session.quiz_key(item.id))
    right = quiz.is_right(item, choice)
    if right is None:
        continue
    # Feedback in words (not colour alone): the same explanation whether right or not.
    if right:
        st.success(f"{text.right} {item.explanation}")
    else:
        st.info(f"{text.not_quite} {item.explanation}")
    st.page_link(page_script(item.link.page_id),
                 label=text.read_again.format(section=item.link.section, page=page_names[item.link.page_id]))

st.header(text.result_heading, anchor="result")
result = quiz.quiz_result(items, {i.id: st.session_state.get(session.quiz_key(i.id)) for i in items.items})
if not result.answered:
    st.caption(text.result_prompt)
else:
    topics = {i.id: i.topic for i in items.items}
    if not result.revisit and not result.unanswered:
        st.success(text.all_understood)
    for heading, ids in ((text.understood_heading, result.understood),
                         (text.revisit_heading, result.revisit),
                         (text.unanswered_heading, result.unanswered)):
        if ids:
            st.markdown(f"**{heading}**\n\n" + "\n".join(f"- {topics[i]}" for i in ids))

words_on_this_page(content, "check")  # what the harder words on this page mean
