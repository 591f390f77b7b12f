"""quiz.yaml: the check of understanding (teach-back items), each linked to the section that covers it."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import ContentModel, Id
from .text import PatientText


class QuizChoice(ContentModel):
    id: Id
    text: PatientText


class SectionLink(ContentModel):
    """Where the answer is covered: a page (pages.yaml id), the heading's anchor and its words.

    `check` refuses an anchor the page does not declare in pages.yaml `anchors` (a test checks the
    page renders each one), so a link can never point at a section that was renamed or removed."""

    page_id: Id
    anchor: str | None = Field(
        default=None, pattern=r"^[a-z][a-z0-9-]*$", description="The section's anchor on that page, if any."
    )
    section: PatientText = Field(description="The section's heading, as the patient sees it.")


class QuizItem(ContentModel):
    id: Id
    topic: PatientText = Field(description="A few words naming the fact, used in the result.")
    question: PatientText
    choices: list[QuizChoice] = Field(min_length=2)
    correct: Id = Field(description="The id of the right choice.")
    explanation: PatientText = Field(description="Explains the right answer, kindly, either way.")
    link: SectionLink
    source_ids: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _correct_is_a_choice(self) -> QuizItem:
        ids = [c.id for c in self.choices]
        if self.correct not in ids:
            raise ValueError(f"correct: '{self.correct}' is not one of the choices {ids}")
        if len(set(ids)) != len(ids):
            raise ValueError(f"choices: ids must be unique, not {ids}")
        return self

    def choice_text(self, choice_id: str) -> str:
        return next(c.text for c in self.choices if c.id == choice_id)


class QuizPage(ContentModel):
    """Wording of the /check page."""

    intro: PatientText
    right: PatientText
    not_quite: PatientText
    read_again: PatientText = Field(description="'{section}' and '{page}' are filled in.")
    result_heading: PatientText
    result_prompt: PatientText
    understood_heading: PatientText
    revisit_heading: PatientText
    unanswered_heading: PatientText
    all_understood: PatientText


class QuizFile(ContentModel):
    items: list[QuizItem] = Field(min_length=1)
    page: QuizPage

    def get(self, item_id: str) -> QuizItem:
        return next(i for i in self.items if i.id == item_id)
