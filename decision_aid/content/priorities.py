"""priorities.yaml: what matters most (values clarification), how each option relates, the SURE test."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import ContentModel, Id
from .text import PatientText

Effect = Literal["helps", "mixed", "works_against", "neutral"]
"""How an option relates to a priority. Shown with a symbol and words, never colour alone."""


class Priority(ContentModel):
    """A statement the patient rates, e.g. "Getting relief quickly"."""

    id: Id
    label: PatientText


class ScalePoint(ContentModel):
    value: int = Field(ge=1)
    label: PatientText


class EffectWords(ContentModel):
    symbol: str = Field(min_length=1)
    words: PatientText


class Relation(ContentModel):
    """How one option relates to one priority, and why. A number in the reason cites its sources."""

    option_id: Id
    priority_id: Id
    effect: Effect
    reason: PatientText
    source_ids: list[Id] = Field(default_factory=list)
    basis: PatientText | None = Field(
        default=None, description="What the fit rests on when no source does (e.g. what the treatment is)."
    )


class SureItem(ContentModel):
    id: Id
    text: PatientText


class SureText(ContentModel):
    """The SURE test (Legare 2010): four yes/no questions on decisional conflict."""

    heading: PatientText
    intro: PatientText
    yes_label: PatientText
    no_label: PatientText
    items: list[SureItem] = Field(min_length=1)
    all_yes_below: int = Field(
        ge=1, description="A score below this (out of the number of items) flags decisional conflict."
    )
    score: PatientText = Field(description="'{score}' and '{total}' are filled in.")
    sure_message: PatientText
    unsure_message: PatientText
    not_finished: PatientText
    next_steps_heading: PatientText
    next_steps: list[PatientText] = Field(min_length=1)
    source_ids: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _threshold_within_items(self) -> SureText:
        if self.all_yes_below > len(self.items):
            raise ValueError("all_yes_below: must be <= the number of items")
        return self


class PrioritiesPage(ContentModel):
    """Wording of the /priorities page."""

    rate_heading: PatientText
    rate_intro: PatientText
    tradeoff_heading: PatientText
    tradeoff_intro: PatientText
    tradeoff_prompt: PatientText
    tradeoff_for: PatientText = Field(description="'{priority}' and '{rating}' are filled in.")
    option_column: PatientText
    effect_column: PatientText
    reason_column: PatientText
    basis_column: PatientText
    choice_note: PatientText
    questions_heading: PatientText
    questions_label: PatientText
    questions_help: PatientText
    questions_note: PatientText


class PrioritiesFile(ContentModel):
    scale: list[ScalePoint] = Field(min_length=2)
    priorities: list[Priority] = Field(min_length=1)
    effects: dict[Effect, EffectWords]
    relations: list[Relation] = Field(min_length=1)
    page: PrioritiesPage
    sure: SureText

    @model_validator(mode="after")
    def _scale_counts_up_from_one(self) -> PrioritiesFile:
        values = [p.value for p in self.scale]
        if values != list(range(1, len(values) + 1)):
            raise ValueError(f"scale: values must be 1, 2, 3 ... in order, not {values}")
        return self

    @model_validator(mode="after")
    def _relations_name_known_priorities_once(self) -> PrioritiesFile:
        known = {p.id for p in self.priorities}
        seen: set[tuple[str, str]] = set()
        for i, rel in enumerate(self.relations):
            if rel.priority_id not in known:
                raise ValueError(f"relations[{i}].priority_id: unknown priority id '{rel.priority_id}'")
            pair = (rel.option_id, rel.priority_id)
            if pair in seen:
                raise ValueError(f"relations[{i}]: '{rel.option_id}' x '{rel.priority_id}' is given twice")
            seen.add(pair)
        return self

    @model_validator(mode="after")
    def _every_effect_has_words(self) -> PrioritiesFile:
        missing = {"helps", "mixed", "works_against", "neutral"} - set(self.effects)
        if missing:
            raise ValueError(f"effects: no words for {sorted(missing)}")
        return self

    def relation(self, option_id: str, priority_id: str) -> Relation | None:
        return next(
            (r for r in self.relations if r.option_id == option_id and r.priority_id == priority_id), None
        )

    def label_of(self, value: int) -> str:
        return next(p.label for p in self.scale if p.value == value)
