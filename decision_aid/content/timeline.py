"""timeline.yaml: how soon relief may start and how long it may last, per option.

Times are hours after the treatment starts, so one log-like axis can hold minutes and months. Each
row is drawn as segments: where relief may start, where studies showed it working, and where it
may or may not last (lighter, patterned). A row with no segments is shown in words only (no
timing figures exist for it in our sources).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from .base import Certainty, ContentModel, Id
from .text import PatientText

SegmentKind = Literal["may_start", "working", "may_last"]
"""may_start: relief may begin somewhere in here; working: studies showed relief here;
may_last: relief may go on, but we are not sure (drawn lighter)."""


class Segment(ContentModel):
    kind: SegmentKind
    from_hours: float = Field(gt=0, description="Hours after treatment where this part begins.")
    to_hours: float = Field(gt=0, description="Hours after treatment where this part ends.")

    @field_validator("to_hours")
    @classmethod
    def _ends_after_start(cls, to_hours: float, info: ValidationInfo) -> float:
        start = info.data.get("from_hours")
        if start is not None and to_hours <= start:
            raise ValueError(f"must be after from_hours ({to_hours} <= {start})")
        return to_hours


class TimelineRow(ContentModel):
    id: Id
    option_id: Id = Field(description="The option this row belongs to (options.yaml).")
    name: PatientText = Field(description="Row label, e.g. 'Steroid in the shot'.")
    segments: list[Segment] = Field(default_factory=list, description="Empty: shown in words only.")
    words: PatientText = Field(description="The timing in words: shown on the chart and beneath it.")
    basis: PatientText | None = Field(
        default=None, description="Say when a row is our own best guess rather than a measured figure."
    )
    population: PatientText = Field(description="Who the timing comes from, in plain words.")
    certainty: Certainty
    source_ids: list[Id] = Field(min_length=1)


class Tick(ContentModel):
    hours: float = Field(gt=0)
    label: PatientText = Field(description="A time in words ('a week'), so no number needs a source.")


class SegmentLegend(ContentModel):
    may_start: PatientText
    working: PatientText
    may_last: PatientText


class TimelineFile(ContentModel):
    title: PatientText
    axis_title: PatientText
    no_bar: PatientText = Field(description="Shown on a row with no segments.")
    rests_on: PatientText = Field(description="After each row's words; '{sources}' = the studies its bars use.")
    legend: SegmentLegend
    ticks: list[Tick] = Field(min_length=2, description="Axis ticks, earliest first.")
    rows: list[TimelineRow] = Field(min_length=1)

    @field_validator("ticks")
    @classmethod
    def _ticks_in_order(cls, ticks: list[Tick]) -> list[Tick]:
        hours = [t.hours for t in ticks]
        if hours != sorted(hours) or len(set(hours)) != len(hours):
            raise ValueError("ticks must be in order of time, earliest first, without repeats")
        return ticks

    @field_validator("rows")
    @classmethod
    def _segments_on_axis(cls, rows: list[TimelineRow], info: ValidationInfo) -> list[TimelineRow]:
        ticks = info.data.get("ticks")
        if not ticks:
            return rows
        first, last = ticks[0].hours, ticks[-1].hours
        for i, row in enumerate(rows):
            for j, seg in enumerate(row.segments):
                if seg.from_hours < first or seg.to_hours > last:
                    raise ValueError(
                        f"rows[{i}].segments[{j}]: {seg.from_hours}-{seg.to_hours} hours is off the "
                        f"axis ({first}-{last} hours, from the first and last tick)"
                    )
        return rows
