"""/checklist: the clinician's risk checklist. Answers in (all optional), flags with reasons out."""

from decision_aid import ui
from decision_aid.ui.checklist_form import checklist_page

content = ui.start_page("checklist")
checklist_page(content)
