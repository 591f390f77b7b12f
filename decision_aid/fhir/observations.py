"""Lab results read from the health record's FHIR Observations: INR, platelets, neutrophils.

A file holds a Bundle, one Observation, or a JSON list of Observations. Each Observation is checked
with the library's R4B model, matched by its LOINC code (fhir.yaml `labs`), converted to the
checklist's unit, dated, and checked against the checklist's accepted range. Anything that cannot be
used is left out with a message naming the observation; other resources in a Bundle are ignored.
Nothing is kept: the caller passes the file's bytes and gets plain values back.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fhir.resources.R4B.observation import Observation
from pydantic import ValidationError

from decision_aid.checklist import check_answers
from decision_aid.content import Content
from decision_aid.content.fhir import Lab

from .questionnaire import LOINC, UCUM


class FhirFileError(ValueError):
    """The file as a whole cannot be read (not JSON, not FHIR); the message names it."""


@dataclass(frozen=True)
class LabReading:
    key: str
    label: str
    value: float
    unit: str
    given_value: Decimal
    given_unit: str
    date: dt.date
    stale: bool
    observation: str

    @property
    def converted(self) -> bool:
        """The file gave the value in another unit (a mere spelling of the same unit is not shown)."""
        return self.given_value != Decimal(str(self.value))


@dataclass(frozen=True)
class LabResults:
    readings: list[LabReading]
    problems: list[str]

    def answers(self) -> dict[str, float]:
        """Checklist answer key -> value, ready for the form."""
        return {r.key: r.value for r in self.readings}


def read_lab_results(data: bytes | str, content: Content, today: dt.date, name: str = "file") -> LabResults:
    """The newest usable result per lab, and one message per observation left out."""
    messages = content.fhir.messages
    resources = _resources(data, content, name)
    problems: list[str] = []
    newest: dict[str, LabReading] = {}
    for position, resource in enumerate(resources, start=1):
        if not isinstance(resource, dict) or resource.get("resourceType") != "Observation":
            continue
        which = f"'{resource['id']}'" if isinstance(resource.get("id"), str) else f"#{position}"
        observation = messages.observation_name.format(which=which)
        try:
            reading = _reading(resource, observation, content, today)
        except _LeftOut as err:
            problems.append(str(err))
            continue
        older = newest.get(reading.key)
        if older is not None and older.date > reading.date:
            reading, older = older, reading
        if older is not None:
            problems.append(messages.older_result.format(observation=older.observation, label=older.label))
        newest[reading.key] = reading
    order = [lab.key for lab in content.fhir.labs]
    return LabResults(sorted(newest.values(), key=lambda r: order.index(r.key)), problems)


class _LeftOut(ValueError):
    """One observation cannot be used; the message names it and says why."""


def _resources(data: bytes | str, content: Content, name: str) -> list[Any]:
    messages = content.fhir.messages
    try:
        parsed = json.loads(data, parse_constant=_no_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        reason = f"{err.msg} (line {err.lineno}, column {err.colno})" if isinstance(err, json.JSONDecodeError) \
            else "not UTF-8 text"
        raise FhirFileError(messages.not_json.format(name=name, reason=reason)) from None
    except ValueError as err:
        raise FhirFileError(messages.not_json.format(name=name, reason=err)) from None
    if isinstance(parsed, list):
        return parsed
    if isinstance(parsed, dict) and parsed.get("resourceType") == "Observation":
        return [parsed]
    if isinstance(parsed, dict) and parsed.get("resourceType") == "Bundle" and isinstance(parsed.get("entry", []), list):
        return [e.get("resource") if isinstance(e, dict) else None for e in parsed.get("entry", [])]
    raise FhirFileError(messages.not_fhir.format(name=name))


def _reading(resource: dict[str, Any], observation: str, content: Content, today: dt.date) -> LabReading:
    fhir = content.fhir
    messages = fhir.messages
    try:
        obs = Observation.model_validate(resource)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise _LeftOut(messages.not_observation.format(observation=observation, reason=f"{where}: {first['msg']}"))
    lab = _lab(obs, fhir.labs)
    if lab is None:
        codes = [f"{c.code}" for c in obs.code.coding or [] if c.code] or [obs.code.text or "(none)"]
        raise _LeftOut(messages.unknown_code.format(observation=observation, codes=", ".join(codes)))
    field = content.checklist.field(lab.key)
    if obs.status not in fhir.usable_statuses:
        raise _LeftOut(messages.bad_status.format(observation=observation, status=obs.status))
    quantity = obs.valueQuantity
    if quantity is None or quantity.value is None:
        raise _LeftOut(messages.no_value.format(observation=observation))
    given_unit, factor = _unit(quantity, lab)
    if factor is None:
        units = ", ".join(u.unit for u in lab.units if u.unit)
        raise _LeftOut(messages.unknown_unit.format(
            observation=observation, unit=given_unit, label=field.label, units=units))
    date = _date(obs)
    if date is None:
        raise _LeftOut(messages.no_date.format(observation=observation))
    value = float(quantity.value * Decimal(str(factor)))
    _answers, refused = check_answers({lab.key: value}, content.checklist)
    if refused:
        raise _LeftOut(messages.refused.format(observation=observation, reason=refused[0]))
    return LabReading(
        key=lab.key, label=field.label, value=value, unit=getattr(field, "unit", None) or "",
        given_value=quantity.value, given_unit=given_unit, date=date,
        stale=(today - date).days > fhir.stale_after_days, observation=observation,
    )


def _lab(obs: Observation, labs: list[Lab]) -> Lab | None:
    codes = {c.code for c in obs.code.coding or [] if c.system == LOINC}
    return next((lab for lab in labs if codes & set(lab.loinc)), None)


def _unit(quantity: Any, lab: Lab) -> tuple[str, float | None]:
    """(the unit as the file gives it, the factor to the checklist's unit or None if unknown).
    A UCUM code is read first; the unit text only when there is no code."""
    given = quantity.code if quantity.code and quantity.system in (UCUM, None) else (quantity.unit or "")
    factors = {u.unit: u.factor for u in lab.units}
    if given in factors:
        return given, factors[given]
    if quantity.unit is not None and quantity.unit in factors:
        return quantity.unit, factors[quantity.unit]
    return given, None


def _date(obs: Observation) -> dt.date | None:
    """When the sample was taken (effective), else when the result was issued. A partial date
    (a year, or a month) is too vague to tell the result's age, so it counts as none."""
    period = obs.effectivePeriod
    for when in (obs.effectiveDateTime, obs.effectiveInstant, period and (period.start or period.end), obs.issued):
        if isinstance(when, dt.datetime):
            return when.date()
        if isinstance(when, dt.date):
            return when
    return None


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a value JSON allows")
