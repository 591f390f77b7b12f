"""Fill a rule's placeholders from its own condition and the answers, so wording follows the YAML."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from decision_aid.content.checklist import (
    MIRELS_SCORE,
    PLACEHOLDER,
    BoolField,
    ChecklistFile,
    ChoiceField,
    NumberField,
    Rule,
    field_tests,
)


def fill(text: str, rule: Rule, values: Mapping[str, Any], checklist: ChecklistFile) -> str:
    """Replace {above}, {inr.above}, {answer.inr}, {unit.inr} (loading has checked every name)."""
    names = _placeholders(rule, values, checklist)
    return PLACEHOLDER.sub(lambda m: names.get(m.group(1), m.group(0)), text)


def show_answer(key: str, value: Any, checklist: ChecklistFile) -> str:
    """An answer as a clinician reads it: a choice's label, Yes/No, a number without trailing .0."""
    if value is None:
        return checklist.ui.unknown
    if key == MIRELS_SCORE:
        return str(value)
    field = checklist.field(key)
    if isinstance(field, BoolField):
        return checklist.ui.answer_yes if value else checklist.ui.answer_no
    if isinstance(field, ChoiceField):
        return field.label_of(value)
    return f"{value:g}"


def show_with_unit(key: str, value: Any, checklist: ChecklistFile) -> str:
    field = checklist.field(key)
    text = show_answer(key, value, checklist)
    return f"{text} {field.unit}" if isinstance(field, NumberField) and field.unit and value is not None else text


def _placeholders(rule: Rule, values: Mapping[str, Any], checklist: ChecklistFile) -> dict[str, str]:
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for test in field_tests(rule.when):
        for op, threshold in test.operators().items():
            if op == "unknown":
                continue
            shown = _show_threshold(test.field, op, threshold, checklist)
            names[f"{test.field}.{op}"] = shown
            names.setdefault(op, shown)
            counts[op] = counts.get(op, 0) + 1
        names[f"answer.{test.field}"] = show_answer(test.field, values.get(test.field), checklist)
        if test.field != MIRELS_SCORE:
            field = checklist.field(test.field)
            if isinstance(field, NumberField) and field.unit:
                names[f"unit.{test.field}"] = field.unit
    for op, count in counts.items():
        if count > 1:
            del names[op]
    return names


def _show_threshold(key: str, op: str, threshold: Any, checklist: ChecklistFile) -> str:
    if op in ("in", "not_in"):
        return " or ".join(show_answer(key, v, checklist) for v in threshold)
    if op == "is":
        return show_answer(key, threshold, checklist)
    return str(threshold)  # a comparison, as written in the YAML: 3.0 stays "3.0"
