"""The assessment: answers in; overall status, Mirels' result, ordered flags and the unknowns out.

Pure: no Streamlit, no I/O. Every rule, threshold and word comes from checklist.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from decision_aid.content.checklist import (
    LEVELS,
    MIRELS_SCORE,
    AllOf,
    AnyOf,
    ChecklistFile,
    FieldTest,
    Level,
    Status,
)

from .answers import parse_answers
from .mirels import MirelsResult, score_mirels
from .wording import fill

STATUS_ORDER: dict[Status, int] = {"clear": 0, "caution": 1, "stop": 2}


class Finding(BaseModel):
    id: str
    level: Level
    title: str
    detail: str
    action: str
    patient_text: str
    source_ids: list[str]
    evidence_note: str | None = None


class Assessment(BaseModel):
    status: Status
    mirels: MirelsResult
    findings: list[Finding]
    unknown: list[str]


def assess(raw: Mapping[str, Any], checklist: ChecklistFile) -> Assessment:
    """Parse the answers (AnswerError if any is refused), then apply every rule."""
    answers = parse_answers(raw, checklist)
    mirels = score_mirels(answers, checklist.mirels)
    values = {**answers, MIRELS_SCORE: mirels.score}
    fired = [rule for rule in checklist.rules if holds(rule.when, values)]
    fired.sort(key=lambda rule: LEVELS.index(rule.level))  # stable: YAML order within a level
    findings = [
        Finding(
            id=rule.id,
            level=rule.level,
            title=fill(rule.title, rule, values, checklist),
            detail=fill(rule.detail, rule, values, checklist),
            action=fill(rule.action, rule, values, checklist),
            patient_text=fill(rule.patient_text, rule, values, checklist),
            source_ids=list(rule.source_ids),
            evidence_note=rule.evidence_note,
        )
        for rule in fired
    ]
    return Assessment(
        status=overall_status(f.level for f in findings),
        mirels=mirels,
        findings=findings,
        unknown=[f.key for f in checklist.fields if f.key not in answers],
    )


def overall_status(levels: Any) -> Status:
    levels = set(levels)
    return "stop" if "stop" in levels else "caution" if "caution" in levels else "clear"


def level_counts(assessment: Assessment) -> dict[Level, int]:
    """How many flags at each level, most serious first."""
    return {level: sum(f.level == level for f in assessment.findings) for level in LEVELS}


def holds(condition: FieldTest | AllOf | AnyOf, values: Mapping[str, Any]) -> bool:
    if isinstance(condition, AllOf):
        return all(holds(part, values) for part in condition.all)
    if isinstance(condition, AnyOf):
        return any(holds(part, values) for part in condition.any)
    return _test_holds(condition, values.get(condition.field))


def _test_holds(test: FieldTest, value: Any) -> bool:
    if test.unknown:
        return value is None
    if value is None:  # unknown is not normal, and not abnormal: a test of a value cannot hold
        return False
    if isinstance(value, list):  # several answers: count those that pass in / not_in
        passing = [v for v in value
                   if (test.in_ is None or v in test.in_) and (test.not_in is None or v not in test.not_in)]
        return len(passing) >= (test.count_at_least or 1)
    checks = (
        test.above is None or value > test.above,
        test.at_least is None or value >= test.at_least,
        test.below is None or value < test.below,
        test.at_most is None or value <= test.at_most,
        test.is_ is None or value == test.is_,
        test.in_ is None or value in test.in_,
        test.not_in is None or value not in test.not_in,
    )
    return all(checks)
