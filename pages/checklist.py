"""/checklist: the clinician's risk checklist. Answers in (all optional), flags with reasons out."""

from decision_aid import ui
from decision_aid.ui.checklist_form import checklist_page
from decision_aid.ui.fhir_upload import fill_from_fhir_file
from decision_aid.ui.sharing import sharing_choices

content = ui.start_page("checklist")
fill_from_fhir_file(content)
checklist_page(content)
sharing_choices(content)  # after the answers: what the patient's pages show from them, off until chosen
