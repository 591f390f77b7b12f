"""/priorities: what matters most, how the options fit it (no ranking), questions, and the SURE test."""

import pandas as pd
import streamlit as st

from decision_aid import session, sure, tradeoffs, ui
from decision_aid.ui.clear import suggested_questions, words_on_this_page

content = ui.start_page("priorities")
text = content.priorities.page
priorities = content.priorities
scale = [p.value for p in priorities.scale]

# Rating: each statement starts unrated (index=None), which is not the same as "not important".
st.header(text.rate_heading)
st.markdown(text.rate_intro)
for priority in priorities.priorities:
    st.radio(priority.label, options=scale, format_func=priorities.label_of, index=None, horizontal=True,
             key=session.priority_key(priority.id))

# Trade-offs for the highest-rated statements: every option, in content order, with its reason.
st.header(text.tradeoff_heading, anchor="trade-offs")
ratings = {p.id: st.session_state.get(session.priority_key(p.id)) for p in priorities.priorities}
top = tradeoffs.top_priorities(ratings, priorities)
if not top:
    st.info(text.tradeoff_prompt)
else:
    st.markdown(text.tradeoff_intro)
    for rated in top:
        heading = text.tradeoff_for.format(priority=rated.priority.label, rating=rated.rating_label)
        st.markdown(f"### {heading}")
        rows = tradeoffs.tradeoff_rows(rated.priority.id, None, priorities, content.options, content.sources)
        table = pd.DataFrame(
            {text.effect_column: [f"{r.symbol} {r.effect_words}" for r in rows],
             text.reason_column: [r.reason for r in rows],
             text.basis_column: [r.rests_on for r in rows]},
            index=pd.Index([r.option_name for r in rows], name=text.option_column),
        )
        st.table(table)
    st.info(text.choice_note)

# The patient's own questions: kept in this session only, carried to the summary.
st.header(text.questions_heading)
suggested_questions(content)  # questions to tick, carried to the summary and the sheet
st.text_area(text.questions_label, key=session.QUESTIONS, help=text.questions_help,
             max_chars=content.summary.free_text.limits.questions)
st.caption(text.questions_note)

# The SURE test: yes/no, each may be skipped.
test = priorities.sure
st.header(test.heading, anchor="sure")
st.markdown(test.intro)
answer_words = {True: test.yes_label, False: test.no_label}
for item in test.items:
    st.radio(item.text, options=[True, False], format_func=answer_words.get, index=None, horizontal=True,
             key=session.sure_key(item.id))
result = sure.sure_result(test, {i.id: st.session_state.get(session.sure_key(i.id)) for i in test.items})
if result.conflict:
    score = sure.score_words(test, result) + " " if result.complete else ""
    st.info(f"{score}{result.message}")
    st.markdown(f"**{test.next_steps_heading}**")
    st.markdown("\n".join(f"- {step}" for step in test.next_steps))
elif result.complete:
    st.success(f"{sure.score_words(test, result)} {result.message}")
elif result.answered:
    st.caption(result.message)

words_on_this_page(content, "priorities")  # what the harder words on this page mean
