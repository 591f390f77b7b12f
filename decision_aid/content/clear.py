"""clear.yaml: aids for every patient: key messages, how to use the pictures, questions to tick."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import Field

from .base import ContentModel, Id, Text
from .text import PatientText


class KeyPoint(ContentModel):
    text: PatientText
    source_ids: list[Id] = Field(default_factory=list)


class KeyMessages(ContentModel):
    heading: PatientText
    points: list[KeyPoint] = Field(min_length=1, max_length=5)


class PictureGuide(ContentModel):
    heading: PatientText
    how: PatientText
    fair_difference: PatientText = Field(description="Template: {time_frame}, {difference}, {denominator}.")
    fair_outcome_id: Id
    compared_outcome_id: Id = Field(description="The outcome it is fairly compared with (the same study).")
    apart: PatientText
    source_ids: list[Id] = Field(min_length=1)


class SuggestedQuestion(ContentModel):
    id: Id
    text: PatientText


class Questions(ContentModel):
    heading: PatientText
    intro: PatientText
    summary_label: PatientText
    note_label: Text
    items: list[SuggestedQuestion] = Field(min_length=1)


class Term(ContentModel):
    id: Id
    term: PatientText
    meaning: PatientText
    matches: list[Text] = Field(min_length=1, description="Words on a page that this term explains.")


class Words(ContentModel):
    heading: PatientText
    terms: list[Term] = Field(min_length=1)
    pages: dict[Literal["options", "priorities", "check", "summary"], list[Id]] = Field(
        description="Page id -> ids of terms here or of explainer.yaml's glossary, in the order shown."
    )


class ClearFile(ContentModel):
    key_messages: KeyMessages
    pictures: PictureGuide
    questions: Questions
    words: Words


def cross_file_problems(content: Any) -> Iterator[tuple[str, str]]:
    """Terms a page lists must exist. The fair difference must be between two outcomes that
    outcomes.yaml says are compared, on one denominator: else the example would be unfair itself."""
    known = {t.id for t in content.clear.words.terms} | {t.id for t in content.explainer.glossary}
    for page, ids in content.clear.words.pages.items():
        for term_id in ids:
            if term_id not in known:
                yield f"words.pages.{page}", f"unknown term '{term_id}' (not in words.terms nor explainer.yaml glossary)"
    guide = content.clear.pictures
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    first, second = outcomes.get(guide.fair_outcome_id), outcomes.get(guide.compared_outcome_id)
    if first is None or second is None:
        return  # the id check names the unknown id
    if first.compared_with_outcome_id != second.id or first.denominator != second.denominator:
        yield ("pictures.compared_outcome_id",
               f"'{second.id}' is not the outcome '{first.id}' is compared with (outcomes.yaml compared_with_outcome_id)")
