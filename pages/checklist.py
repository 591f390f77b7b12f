"""/checklist: the clinician's risk checklist. Answers in (all optional), flags with reasons out."""

from decision_aid import ui
from decision_aid.ui.checklist_form import checklist_page
from decision_aid.ui.sharing import sharing_choices

content = ui.start_page("checklist")
sharing_choices(content)  # what the patient's pages show from this checklist: off until chosen
checklist_page(content)
