"""/summary: what this visit covered, the next step, the consent record, the PDF and the note."""

import streamlit as st

from decision_aid import session, ui
from decision_aid.checklist import status_line
from decision_aid.clinician_note import clinician_note
from decision_aid.handout import build_handout
from decision_aid.ui.checklist_form import show_findings
from decision_aid.ui.clear import asked_part, words_on_this_page
from decision_aid.ui.fhir_download import fhir_download_button
from decision_aid.ui.personal import summary_part
from decision_aid.ui.watch import show_watch_for
from decision_aid.visit import gather_visit, material_risk_lines, quiz_words, sure_words

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
asked_part(content, visit.asked)  # the suggested questions ticked to ask
summary_part(content, visit.personal)  # what the care team chose to share from the checklist

st.subheader(words.clinician_heading)
st.markdown(f"**{words.checklist_label}**")
if visit.checklist is not None:
    st.markdown(status_line(visit.checklist, content.checklist, markdown=True))
    show_findings(visit.checklist, content)
else:
    st.markdown(f"_{words.not_discussed}_")

st.header(words.next_step_heading)
choices = {c.id: c for c in content.summary.next_steps}
step = st.radio(words.next_step_label, options=list(choices), format_func=lambda c: choices[c].label,
                index=None, key=session.NEXT_STEP)
if step is not None and choices[step].asks_for_text:
    st.text_input(words.next_step_other_label, key=session.NEXT_STEP_OTHER,
                  max_chars=content.summary.free_text.limits.next_step_other)

st.header(words.consent_heading)
st.markdown(words.consent_intro)
for item in content.summary.consent_items:
    st.checkbox(item.label, key=session.consent_key(item.id))
    if item.lists_material_risks:
        st.markdown("\n".join(f"- {line}" for line in material_risk_lines(content)))
st.info(content.summary.consent_disclaimer)

show_watch_for(content, content.summary.watch_for.heading, "watch-for")

st.header(words.handout_heading)
name = st.text_input(words.name_label, key=NAME_KEY, help=words.name_help,
                     max_chars=content.summary.free_text.limits.patient_name)
st.download_button(
    words.download_label,
    # Built only when pressed, in memory, from this run's record and name.
    data=lambda: build_handout(content, record, large_text=record.large_text, patient_name=name),
    file_name="take-home-sheet.pdf",
    mime="application/pdf",
    on_click="ignore",
)
fhir_download_button(content, record)

st.header(words.note_heading)
st.markdown(words.note_help)
note_content = ui.note_language_choice(content)  # the clinician's language, apart from the pages'
st.code(clinician_note(note_content, record), language=None)

words_on_this_page(content, "summary")  # what the harder words on this page mean
