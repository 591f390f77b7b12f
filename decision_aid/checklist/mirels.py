"""Mirels' score from the four answers, with the points of each part, the band and its caveat."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel

from decision_aid.content.checklist import MirelsTable


class MirelsResult(BaseModel):
    score: int | None
    band: Literal["low", "borderline", "high"] | None
    components: dict[str, int | None]
    max_score: int
    fracture_risk: str | None
    advice: str | None
    caveat: str
    better_predictor: str
    source_ids: list[str]


def score_mirels(answers: Mapping[str, Any], table: MirelsTable) -> MirelsResult:
    """Points per part (None if unanswered); the total and band only when every part is known."""
    components = {c.id: c.points.get(answers[c.field]) if c.field in answers else None for c in table.components}
    known = [p for p in components.values() if p is not None]
    score = sum(known) if len(known) == len(components) else None
    band = table.band_for(score) if score is not None else None
    return MirelsResult(
        score=score,
        band=band.id if band else None,
        components=components,
        max_score=sum(max(c.points.values()) for c in table.components),
        fracture_risk=band.fracture_risk if band else None,
        advice=band.advice if band else None,
        caveat=table.caveat,
        better_predictor=table.better_predictor,
        source_ids=list(dict.fromkeys(table.source_ids + table.caveat_source_ids + table.better_predictor_source_ids)),
    )
