"""The visit in HL7 FHIR R4 (the `fhir.resources` R4B models), for the electronic health record.

- `questionnaire`: the checklist as a Questionnaire, generated from checklist.yaml.
- `bundle`: a visit as a Bundle (collection): the checklist answers and result as a
  QuestionnaireResponse, the take-home PDF and the clinician's note as DocumentReferences. No subject:
  the record links it to the patient on import.
- `observations`: INR, platelets and neutrophils read from the record's Observations.
No Streamlit here; `decision_aid.ui` shows these.
"""
