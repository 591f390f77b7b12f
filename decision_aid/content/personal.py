"""personal.yaml: what the patient's pages show from the clinician's checklist, when it is shared.

A topic gathers checklist rules (by id) and, optionally, an answer test, into one point for the
patient: its heading, the explainer cautions and figures to put first, the options to open /options
with, and the pages it appears on. A new checklist rule is shared by adding its id to a topic here;
a rule in no topic is shared under the topic marked `other_findings`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import ContentModel, Id, Text
from .checklist import ChecklistFile, Condition, _test_problems, field_tests
from .text import PatientText

ChoiceCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$")]
PersonalPage = Literal["explainer", "options", "summary"]
"""Pages that show personal points. The summary stands for the summary page, the PDF and the note."""


class SharingWording(ContentModel):
    """The clinician's choices on /checklist (clinician-facing)."""

    heading: Text
    intro: Text
    personal: Text
    personal_help: Text
    timeline: Text
    timeline_help: Text
    timeline_pdf: Text
    timeline_pdf_help: Text
    timeline_needs_answer: Text = Field(description="Shown when the band is chosen but survival is not answered.")


class Topic(ContentModel):
    id: Id
    heading: PatientText
    rule_ids: list[Id] = Field(default_factory=list, description="Checklist rules that bring this topic up.")
    when: Condition | None = Field(default=None, description="An answer test that also brings it up.")
    other_findings: bool = Field(default=False, description="Also gathers every rule that is in no topic.")
    advice: PatientText | None = Field(default=None, description="Said under the notes, e.g. what to do.")
    think_twice_ids: list[Id] = Field(default_factory=list, description="explainer.yaml think_twice ids to put first.")
    outcome_ids: list[Id] = Field(default_factory=list, description="Figures shown first on the explainer.")
    option_ids: list[Id] = Field(default_factory=list, description="Options /options opens with.")
    pages: list[PersonalPage] = Field(min_length=1)
    source_ids: list[Id] = Field(default_factory=list)


class EstimateBand(ContentModel):
    """The shaded span on the timeline for one answer to the checklist's expected-survival question."""

    value: ChoiceCode = Field(description="A choice of the checklist field named in `estimate.field`.")
    words: PatientText = Field(description="The estimate in words, no digits (it is the team's, not a study's).")
    from_hours: float = Field(gt=0)
    to_hours: float = Field(gt=0)
    short: bool = Field(default=False, description="Show `estimate.short_time` with this band.")

    @model_validator(mode="after")
    def _in_order(self) -> EstimateBand:
        if self.from_hours >= self.to_hours:
            raise ValueError(f"{self.value}: from_hours must be below to_hours")
        return self


class Estimate(ContentModel):
    field: Id = Field(description="The checklist answer the band comes from.")
    label: PatientText = Field(description="On the chart, over the band.")
    heading: PatientText
    intro: PatientText = Field(description="Template with {words}.")
    means: PatientText
    does_not_mean: PatientText
    short_time: PatientText = Field(description="What studies saw when time was short (with a short band).")
    source_ids: list[Id] = Field(min_length=1)
    bands: list[EstimateBand] = Field(min_length=1)


class RecordWording(ContentModel):
    """How the summary page, the take-home sheet and the clinician's note record what was shared."""

    heading: PatientText
    nothing_shared: PatientText
    points_shared: PatientText
    estimate_shared: PatientText = Field(description="Template with {words}.")
    note_heading: Text
    note_personal: Text
    note_timeline: Text
    note_timeline_pdf: Text
    note_yes: Text
    note_no: Text
    note_points: Text


class PersonalFile(ContentModel):
    sharing: SharingWording
    marker: PatientText = Field(description='Starts every personal point: "Your care team noted".')
    marker_note: PatientText = Field(description="Says the point comes from the checklist, not a general fact.")
    explainer_heading: PatientText
    think_twice_yours: PatientText
    think_twice_others: PatientText
    options_heading: PatientText
    options_fit: PatientText
    options_default: PatientText
    options_rest: PatientText = Field(description="Template with {names}.")
    default_option_ids: list[Id] = Field(min_length=2, description="/options opens with these without a checklist.")
    topics: list[Topic] = Field(min_length=1)
    clinician_only_rule_ids: list[Id] = Field(
        default_factory=list, description="Checklist rules never shown on the patient's pages."
    )
    estimate: Estimate
    record: RecordWording

    @model_validator(mode="after")
    def _one_catch_all(self) -> PersonalFile:
        if sum(t.other_findings for t in self.topics) != 1:
            raise ValueError("topics: exactly one topic must have other_findings: true")
        return self


def personal_problems(personal: PersonalFile, checklist: ChecklistFile, think_twice_ids: set[str]) -> Iterator[str]:
    """References into other files that must exist: rule ids, answer fields and choices, cautions."""
    rules = {r.id for r in checklist.rules}
    by_key = {f.key: f for f in checklist.fields}
    for i, topic in enumerate(personal.topics):
        for rule_id in topic.rule_ids:
            if rule_id not in rules:
                yield f"topics[{i}].rule_ids: unknown rule id '{rule_id}' (not in checklist.yaml rules)"
        for caution in topic.think_twice_ids:
            if caution not in think_twice_ids:
                yield f"topics[{i}].think_twice_ids: unknown id '{caution}' (not in explainer.yaml think_twice)"
        if topic.when is not None:
            for test in field_tests(topic.when):
                yield from (f"topics[{i}].{p}" for p in _test_problems(test, by_key))
    for rule_id in personal.clinician_only_rule_ids:
        if rule_id not in rules:
            yield f"clinician_only_rule_ids: unknown rule id '{rule_id}' (not in checklist.yaml rules)"
    seen: dict[str, str] = {rule_id: "clinician_only_rule_ids" for rule_id in personal.clinician_only_rule_ids}
    for topic in personal.topics:
        for rule_id in topic.rule_ids:
            if rule_id in seen:
                yield f"topics ({topic.id}): rule '{rule_id}' is already in topic '{seen[rule_id]}'"
            seen[rule_id] = topic.id
    field = by_key.get(personal.estimate.field)
    choices = {str(c.value) for c in getattr(field, "choices", [])}
    if not choices:
        yield f"estimate.field: '{personal.estimate.field}' is not a choice field of checklist.yaml"
    for i, band in enumerate(personal.estimate.bands):
        if choices and band.value not in choices:
            yield f"estimate.bands[{i}].value: '{band.value}' is not a choice of '{personal.estimate.field}'"



def cross_file_problems(content: Any) -> Iterator[tuple[str, str]]:
    """(field, message) for each reference of personal.yaml into the other files that does not hold."""
    think_twice = {c.id for c in content.explainer.think_twice}
    for message in personal_problems(content.personal, content.checklist, think_twice):
        field, _, text = message.partition(": ")
        yield field, text
    ticks = content.timeline.ticks
    for i, band in enumerate(content.personal.estimate.bands):
        if band.from_hours < ticks[0].hours or band.to_hours > ticks[-1].hours:
            yield f"estimate.bands[{i}]", "the band is off the timeline's axis (timeline.yaml ticks)"
