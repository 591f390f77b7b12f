"""outcomes.yaml: every chance a patient or clinician sees, as "N out of 100 (or 1,000)"."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from .base import Certainty, ContentModel, Id, Text
from .text import PatientText

PopulationKind = Literal["arthritis", "metastases", "any_joint"]
"""Hip arthritis (no cancer); cancer that has spread to the bone; joint shots of any kind or reason."""


class Outcome(ContentModel):
    id: Id
    option_id: Id = Field(description="The option this figure belongs to (options.yaml).")
    kind: Literal["benefit", "harm"] = Field(
        description="Whether what the highlighted icons show is good or bad for the person (colour and"
        " shape); a bad event a treatment makes less common is still a harm."
    )
    label: PatientText = Field(
        description='Completes "About N out of 100 people ...", e.g. "had much less hip pain".'
    )
    not_label: PatientText = Field(description='Completes "M out of 100 ...", e.g. "did not".')
    arm: PatientText | None = Field(
        default=None, description="Who got what, when the figure is for one group of a comparison."
    )
    measure: Id = Field(
        description="What is counted, defined one way (e.g. pain_halved): only figures with the same"
        " measure, population kind and time frame may be drawn side by side."
    )
    population_kind: PopulationKind = Field(description="The kind of people the figure comes from.")
    denominator: Literal[100, 1000, 10000] = Field(
        description="10,000 only for figures too rare to draw: said in words, never as a picture."
    )
    count: int = Field(ge=0, description="Whole people out of the denominator.")
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    time_frame: PatientText = Field(description='When, e.g. "2 months after the injection".')
    population: PatientText = Field(description="Who the figure comes from, in plain words.")
    certainty: Certainty
    source_figure: Text = Field(description="The figure exactly as the source reports it.")
    source_ids: list[Id] = Field(min_length=1)
    compared_with_outcome_id: Id | None = None

    # Field validators (not one model validator) so an error names the field: outcomes[3].low.
    @field_validator("count")
    @classmethod
    def _count_within_denominator(cls, count: int, info: ValidationInfo) -> int:
        return _at_most(count, "count", info)

    @field_validator("low")
    @classmethod
    def _low_within_count(cls, low: int | None, info: ValidationInfo) -> int | None:
        count = info.data.get("count")
        if low is not None and count is not None and low > count:
            raise ValueError(f"must be <= count ({low} > {count})")
        return low

    @field_validator("high")
    @classmethod
    def _high_within_range(cls, high: int | None, info: ValidationInfo) -> int | None:
        count = info.data.get("count")
        if high is not None and count is not None and high < count:
            raise ValueError(f"must be >= count ({high} < {count})")
        return _at_most(high, "high", info)


def _at_most(value: int | None, name: str, info: ValidationInfo) -> int | None:
    """A count out of N people cannot exceed N."""
    denominator = info.data.get("denominator")
    if value is not None and denominator is not None and value > denominator:
        raise ValueError(f"must be <= denominator ({value} > {denominator})")
    return value


class OutcomesFile(ContentModel):
    outcomes: list[Outcome] = Field(min_length=1)
