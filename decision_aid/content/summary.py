"""summary.yaml: next steps, consent record items, what to watch for, handout and note wording."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel, Id, Text
from .free_text import FreeTextWording
from .text import PatientText


class NextStepChoice(ContentModel):
    """One choice for "the next step we agreed"."""

    id: Id
    label: PatientText
    asks_for_text: bool = Field(
        default=False, description='Show a text box to say what ("Something else").'
    )


class MaterialRisk(ContentModel):
    """A risk a patient must hear about before an injection. Its chance, if known, is an outcome."""

    id: Id
    name: PatientText
    outcome_id: Id | None = Field(default=None, description="The chance shown beside it (outcomes.yaml).")
    unknown: PatientText | None = Field(
        default=None, description="Said instead of a number when none exists."
    )
    source_ids: list[Id] = Field(min_length=1)


class ConsentItem(ContentModel):
    """One line of the consent discussion record that the clinician ticks."""

    id: Id
    label: PatientText = Field(description="Shown on the page and in the take-home sheet.")
    note_label: Text = Field(description="How the clinician's note records it.")
    lists_material_risks: bool = False


class WatchItem(ContentModel):
    text: PatientText
    source_ids: list[Id] = Field(default_factory=list)


class WatchFor(ContentModel):
    """What to watch for after an injection, and when to call."""

    heading: PatientText
    items: list[WatchItem] = Field(min_length=1)
    infection_signs: PatientText
    when_to_call: PatientText
    urgent_heading: PatientText
    urgent_signs: list[PatientText] = Field(min_length=1)
    urgent_action: PatientText


class PageWording(ContentModel):
    """Wording of the /summary page (read by clinician and patient together)."""

    covered_heading: Text
    options_label: Text
    priorities_label: Text
    sure_label: Text
    quiz_label: Text
    questions_label: Text
    not_discussed: Text
    clinician_heading: Text
    checklist_label: Text
    next_step_heading: Text
    next_step_label: Text
    next_step_other_label: Text
    consent_heading: Text
    consent_intro: Text
    handout_heading: Text
    name_label: Text
    name_help: Text
    download_label: Text
    note_heading: Text
    note_language: Text = Field(description="The clinician picks the note's language, apart from the pages'.")
    note_help: Text


class HandoutWording(ContentModel):
    """Headings and lines of the take-home PDF (a patient reads it at home)."""

    subtitle: PatientText
    made_on: PatientText = Field(description="Template with {date}.")
    for_whom: PatientText = Field(description="Template with {name}; only if the clinician typed one.")
    decision_heading: PatientText
    decision: PatientText
    evidence_gap: PatientText
    options_heading: PatientText
    looked_at: PatientText = Field(description="Marks the options looked at together.")
    how_soon: PatientText
    how_long: PatientText
    pictures_heading: PatientText
    pictures_intro: PatientText
    risks_heading: PatientText
    priorities_heading: PatientText
    questions_heading: PatientText
    next_step_heading: PatientText
    talked_heading: PatientText
    not_discussed: PatientText
    sources_heading: PatientText
    sources_more: PatientText = Field(description="Where the full citations are.")
    version: PatientText = Field(description="Template with {version} and {reviewed}.")
    page_of: PatientText = Field(description="Footer; template with {page} and {pages}.")
    questions_shortened: PatientText = Field(description="When long questions are cut to fit the sheet.")
    pictures_caveat: PatientText = Field(description="Shown before the pictures, in bold.")
    helps_label: PatientText = Field(description="Labels what may help, for each option.")
    risks_label: PatientText = Field(description="Labels each option's main risks.")
    icon_outcome_ids: list[Id] = Field(
        min_length=1, max_length=6, description="The chances drawn as icon pictures (outcomes.yaml)."
    )


class NoteWording(ContentModel):
    """Labels of the clinician's note (plain text for the record)."""

    title: Text
    checklist: Text
    options: Text
    priorities: Text
    sure: Text
    quiz: Text
    questions: Text
    next_step: Text
    consent: Text
    consent_not_ticked: Text
    not_discussed: Text
    version: Text = Field(description="Template with {version} and {reviewed}.")


class SummaryFile(ContentModel):
    next_steps: list[NextStepChoice] = Field(min_length=2)
    material_risks: list[MaterialRisk] = Field(min_length=1)
    consent_items: list[ConsentItem] = Field(min_length=1)
    consent_disclaimer: PatientText = Field(description="It supports consent; it is not a consent form.")
    watch_for: WatchFor
    page: PageWording
    handout: HandoutWording
    note: NoteWording
    free_text: FreeTextWording
