"""/summary: what this visit covered, the next step, the consent record, the PDF and the note."""

import streamlit as st

from decision_aid import session, ui
from decision_aid.handout import build_handout, gather_visit
from decision_aid.handout.visit import material_risk_lines, quiz_words, sure_words
from decision_aid.note import clinician_note
from decision_aid.ui.watch import show_watch_for

# The name typed for the sheet has no `da_` key: it is left out of the record and the note, not
# kept across pages, never written anywhere, and Start over clears it with everything else.
NAME_KEY = "handout_patient_name"

content = ui.start_page("summary")
words = content.summary.page
record = session.record_from_state(st.session_state)
visit = gather_visit(content, record)


def part(label: str, value: str | None) -> None:
    st.markdown(f"**{label}**")
    st.markdown(value if value else f"_{words.not_discussed}_")


st.header(words.covered_heading)
part(words.options_label, ", ".join(o.name for o in visit.options) if visit.options else None)
ranked = [f"{i}. {p.priority.label}: {p.rating_label}" for i, p in enumerate(visit.priorities or [], start=1)]
part(words.priorities_label, "\n".join(ranked) or None)
part(words.sure_label, sure_words(content, visit.sure) if visit.sure else None)
part(words.quiz_label, quiz_words(content, visit.quiz) if visit.quiz else None)
st.markdown(f"**{words.questions_label}**")
if visit.questions:
    st.text(visit.questions)  # as typed: no Markdown
else:
    st.markdown(f"_{words.not_discussed}_")

st.subheader(words.clinician_heading)
st.markdown(f"**{words.checklist_label}**")
if visit.checklist is not None:
    checklist_ui = content.checklist.ui
    status = checklist_ui.status[visit.checklist.status]
    st.markdown(f"**{status.label}**: {status.meaning}")
    for finding in visit.checklist.findings:
        level = checklist_ui.level_label[finding.level].label
        st.markdown(f"- **{level}**: {finding.title}. {finding.action}")
else:
    st.markdown(f"_{words.not_discussed}_")

st.header(words.next_step_heading)
choices = {c.id: c for c in content.summary.next_steps}
step = st.radio(words.next_step_label, options=list(choices), format_func=lambda c: choices[c].label,
                index=None, key=session.NEXT_STEP)
if step is not None and choices[step].asks_for_text:
    st.text_input(words.next_step_other_label, key=session.NEXT_STEP_OTHER)

st.header(words.consent_heading)
st.markdown(words.consent_intro)
for item in content.summary.consent_items:
    st.checkbox(item.label, key=session.consent_key(item.id))
    if item.lists_material_risks:
        st.markdown("\n".join(f"- {line}" for line in material_risk_lines(content)))
st.info(content.summary.consent_disclaimer)

show_watch_for(content, content.summary.watch_for.heading, "watch-for")

st.header(words.handout_heading)
name = st.text_input(words.name_label, key=NAME_KEY, help=words.name_help)
st.download_button(
    words.download_label,
    # Built only when pressed, in memory, from this run's record and name.
    data=lambda: build_handout(content, record, large_text=record.large_text, patient_name=name),
    file_name="take-home-sheet.pdf",
    mime="application/pdf",
    on_click="ignore",
)

st.header(words.note_heading)
st.markdown(words.note_help)
st.code(clinician_note(content, record), language=None)
