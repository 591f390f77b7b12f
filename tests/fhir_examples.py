"""Example data for the FHIR tests: every checklist question answered, and lab Observations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from decision_aid.content import Content
from decision_aid.content.checklist import BoolField, ChoiceField, NumberField

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"


def every_answer(content: Content) -> dict[str, Any]:
    """One valid answer per checklist question, read from the content (new questions included):
    a yes, the last choice that is a real answer (a list of two for a multi-select), the top of a
    number's range or a fractional value inside it."""
    answers: dict[str, Any] = {}
    for field in content.checklist.fields:
        if isinstance(field, BoolField):
            answers[field.key] = True
        elif isinstance(field, ChoiceField):
            real = [c.value for c in field.choices if not c.means_unknown]
            answers[field.key] = real[-2:] if getattr(field, "multiple", False) else real[-1]
        elif isinstance(field, NumberField):
            top = field.max if field.max is not None else field.min + 10
            answers[field.key] = int(top) if field.integer else round(field.min + (top - field.min) / 3, 1)
    return answers


def observation(ident: str | None, code: str, value: Any, unit: str | None, when: dt.date | str | None,
                status: str = "final", system: str | None = UCUM) -> dict[str, Any]:
    """A lab Observation as a health record exports it (no patient in it, as the tests need none)."""
    obs: dict[str, Any] = {"resourceType": "Observation", "status": status,
                           "code": {"coding": [{"system": LOINC, "code": code}]}}
    if ident is not None:
        obs["id"] = ident
    if when is not None:
        obs["effectiveDateTime"] = when if isinstance(when, str) else when.isoformat()
    if value is not None:
        quantity: dict[str, Any] = {"value": value}
        if unit is not None:
            quantity.update({"unit": unit, **({"system": system, "code": unit} if system else {})})
        obs["valueQuantity"] = quantity
    return obs


def bundle_of(*resources: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": r} for r in resources]}
