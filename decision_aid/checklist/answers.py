"""Answers in: check each against the data dictionary in checklist.yaml, refusing what does not fit.

A missing answer (or None) is unknown and is simply left out: it is never filled with a normal value.
A key the checklist does not know, or a value of the wrong type or out of range, is refused with a
message that names the key, because a silently ignored typo in a clinical form is a hazard.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Mapping
from typing import Any

from decision_aid.content.checklist import BoolField, ChecklistFile, ChoiceField, NumberField
from decision_aid.text_input import shown


class AnswerError(ValueError):
    """An answer that cannot be used. `key` is the answer key; the message names it."""

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(message)


def parse_answers(raw: Mapping[str, Any], checklist: ChecklistFile) -> dict[str, Any]:
    """The known answers, typed; raise AnswerError for the first answer refused."""
    answers, errors = check_answers(raw, checklist)
    if errors:
        raise errors[0]
    return answers


def check_answers(raw: Mapping[str, Any], checklist: ChecklistFile) -> tuple[dict[str, Any], list[AnswerError]]:
    """(the answers that are valid, an error for every answer refused), in data-dictionary order."""
    by_key = {f.key: f for f in checklist.fields}
    errors = [_unknown_key(str(key), checklist) for key in raw if key not in by_key]
    answers: dict[str, Any] = {}
    for key, field in by_key.items():
        value = raw.get(key)
        if value is None:
            continue
        try:
            parsed = _parse(field, value, checklist)
        except AnswerError as err:
            errors.append(err)
            continue
        if parsed is not None:
            answers[key] = parsed
    return answers, errors


def karnofsky_to_ecog(kps: int, checklist: ChecklistFile) -> int:
    """The ECOG grade for a Karnofsky score, from the mapping in checklist.yaml."""
    table = checklist.karnofsky
    if isinstance(kps, int) and not isinstance(kps, bool):
        for band in table.bands:
            if band.karnofsky_from <= kps <= band.karnofsky_to and (kps - band.karnofsky_from) % table.step == 0:
                return band.ecog
    scores = ", ".join(str(s) for s in table.scores())
    raise AnswerError("karnofsky", checklist.messages.karnofsky.format(value=_show(kps), scores=scores))


def _unknown_key(key: str, checklist: ChecklistFile) -> AnswerError:
    message = checklist.messages.unknown_key.format(key=shown(key))
    close = difflib.get_close_matches(key, [f.key for f in checklist.fields], n=1)
    if close:
        message += " " + checklist.messages.did_you_mean.format(suggestion=close[0])
    return AnswerError(key, message)


def _parse(field: BoolField | ChoiceField | NumberField, value: Any, checklist: ChecklistFile) -> Any:
    msg = checklist.messages
    fill = dict(key=field.key, label=field.label, value=_show(value))
    if isinstance(field, BoolField):
        if not isinstance(value, bool):
            raise AnswerError(field.key, msg.not_bool.format(**fill))
        return value
    if isinstance(field, ChoiceField):
        if field.multiple:
            return _parse_choices(field, value, checklist)
        return _parse_choice(field, value, checklist)
    return _parse_number(field, value, checklist, fill)


def _parse_choice(field: ChoiceField, value: Any, checklist: ChecklistFile) -> Any:
    for choice in field.choices:
        if _same_choice(choice.value, value):
            return None if choice.means_unknown else choice.value
    choices = ", ".join(_show(c.value) for c in field.choices)
    fill = dict(key=field.key, label=field.label, value=_show(value))
    raise AnswerError(field.key, checklist.messages.not_choice.format(**fill, choices=choices))


def _parse_choices(field: ChoiceField, value: Any, checklist: ChecklistFile) -> list[Any] | None:
    """A list of choices in the order the data dictionary lists them (a single value is a list of
    one); an empty list is unknown. An exclusive choice (none) given with another is refused."""
    given = [_parse_choice(field, v, checklist) for v in (value if isinstance(value, list) else [value])]
    chosen = [c for c in field.choices if c.value in given]
    if len(chosen) > 1:
        for choice in chosen:
            if choice.exclusive or choice.means_unknown:
                others = ", ".join(_show(c.value) for c in chosen if c is not choice)
                text = checklist.messages.not_together.format(
                    key=field.key, label=field.label, value=_show(choice.value), others=others)
                raise AnswerError(field.key, text)
    values = [c.value for c in chosen if not c.means_unknown]
    return values or None


def _same_choice(choice: Any, value: Any) -> bool:
    if isinstance(value, bool):  # True == 1 in Python; a yes/no is never an ECOG grade.
        return False
    if isinstance(choice, int) and isinstance(value, float):
        return value.is_integer() and int(value) == choice
    return type(choice) is type(value) and choice == value


def _parse_number(field: NumberField, value: Any, checklist: ChecklistFile, fill: dict[str, str]) -> float | int:
    msg = checklist.messages
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise AnswerError(field.key, msg.not_number.format(**fill))
    if field.integer:
        if isinstance(value, float) and not value.is_integer():
            raise AnswerError(field.key, msg.not_integer.format(**fill))
        value = int(value)
    unit = field.unit or ""
    if value < field.min:
        raise AnswerError(field.key, msg.too_low.format(**fill, min=field.min, unit=unit).replace(" .", "."))
    if field.max is not None and value > field.max:
        text = msg.too_high.format(**fill, max=field.max, unit=unit).replace(" .", ".")
        raise AnswerError(field.key, f"{text} {field.above_max_hint}" if field.above_max_hint else text)
    return value


def _show(value: Any) -> str:
    """A value as it was written in JSON, so "true" and true are told apart; 150000.0 shows as 150000."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    try:
        return shown(json.dumps(value))
    except (TypeError, ValueError):
        return shown(repr(value))
