"""checklist.yaml: the clinician's checklist: answer fields, Mirels' table, rules and thresholds.

A clinic changes a threshold by editing the YAML. So that wording cannot go stale, rule texts never
restate a threshold as a literal number: they name it with a placeholder filled from the rule's own
condition (`{above}`, `{inr.above}`), and loading refuses a rule whose text writes the number out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    Tag,
    model_validator,
)

from .base import ContentModel, Id, Text
from .text import PatientText

Number = StrictInt | StrictFloat
"""A threshold keeps its YAML form (3.0 stays "3.0", 20 stays "20") when shown in wording."""

ChoiceValue = StrictInt | Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$")]
"""A choice's stored value: a whole number (ECOG grade) or a lower-case code such as 1_to_3_months."""
Level = Literal["stop", "caution", "info"]
LEVELS: tuple[Level, ...] = get_args(Level)
"""The levels of a flag, most serious first: the one place they are listed."""
Status = Literal["stop", "caution", "clear"]
"""The overall result: the most serious level flagged, or clear."""
Band = Literal["low", "borderline", "high"]

MIRELS_SCORE = "mirels_score"
"""The one derived field a rule may test: the Mirels total, unknown unless every component is known."""

COMPARISONS = ("above", "at_least", "below", "at_most")
COUNT = "count_at_least"
"""For a question that takes several answers: how many of them must pass `in` / `not_in`."""
PLACEHOLDER = re.compile(r"\{([a-z0-9_.]+)\}")
_NUMBER_IN_TEXT = re.compile(r"(?<![\w.^])\d+(?:\.\d+)?(?![\w^])")


# --- The data dictionary ---------------------------------------------------------------------------

class Group(ContentModel):
    id: Id
    label: Text
    help: Text | None = None


class _FieldBase(ContentModel):
    key: Id
    label: Text
    group: Id
    help: Text | None = None
    source_ids: list[Id] = Field(default_factory=list)


class BoolField(_FieldBase):
    type: Literal["bool"]


class Choice(ContentModel):
    value: ChoiceValue
    label: Text
    means_unknown: bool = Field(default=False, description="Answering this records the field as unknown.")
    exclusive: bool = Field(
        default=False, description="In a question with several answers, this one cannot go with any other (e.g. none)."
    )


class ChoiceField(_FieldBase):
    type: Literal["choice"]
    choices: list[Choice] = Field(min_length=2)
    multiple: bool = Field(
        default=False, description="Several answers may be given (a list); a single answer is still accepted."
    )

    @model_validator(mode="after")
    def _unique_values(self) -> ChoiceField:
        values = [c.value for c in self.choices]
        if len(values) != len(set(values)):
            raise ValueError(f"{self.key}: choice values must be unique")
        return self

    @property
    def numeric(self) -> bool:
        """Choices that are all whole numbers (ECOG grades) can be compared with above/below."""
        return all(isinstance(c.value, int) for c in self.choices)

    def label_of(self, value: Any) -> str:
        if isinstance(value, (list, tuple)):
            return ", ".join(self.label_of(v) for v in value)
        return next((c.label for c in self.choices if c.value == value), str(value))


class NumberField(_FieldBase):
    type: Literal["number"]
    min: Number
    max: Number | None = None
    unit: Text | None = None
    integer: bool = False
    step: Number = Field(default=1, gt=0, description="The page's +/- step.")
    above_max_hint: Text | None = Field(
        default=None, description="Added to the refusal of a value above max, e.g. a unit mix-up."
    )

    @model_validator(mode="after")
    def _range(self) -> NumberField:
        if self.max is not None and self.max <= self.min:
            raise ValueError(f"{self.key}: max must be above min")
        return self


AnswerField = Annotated[BoolField | ChoiceField | NumberField, Field(discriminator="type")]


# --- Performance status -----------------------------------------------------------------------------

class KarnofskyBand(ContentModel):
    karnofsky_from: StrictInt = Field(ge=0, le=100)
    karnofsky_to: StrictInt = Field(ge=0, le=100)
    ecog: StrictInt = Field(ge=0, le=5)


class KarnofskyMap(ContentModel):
    """Karnofsky (steps of 10) to ECOG. Each Karnofsky score maps to exactly one ECOG grade."""

    sets_field: Id = Field(description="The answer field (ECOG) the converter fills in.")
    label: Text
    help: Text
    step: StrictInt = Field(gt=0)
    bands: list[KarnofskyBand] = Field(min_length=1)
    source_ids: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_overlap(self) -> KarnofskyMap:
        seen: set[int] = set()
        for band in self.bands:
            if band.karnofsky_from > band.karnofsky_to:
                raise ValueError(f"karnofsky_from {band.karnofsky_from} is above karnofsky_to {band.karnofsky_to}")
            scores = set(range(band.karnofsky_from, band.karnofsky_to + 1, self.step))
            if seen & scores:
                raise ValueError(f"Karnofsky {sorted(seen & scores)} mapped twice")
            seen |= scores
        return self

    def scores(self) -> list[int]:
        """Every Karnofsky score the map accepts, highest first."""
        return sorted(
            (s for b in self.bands for s in range(b.karnofsky_from, b.karnofsky_to + 1, self.step)), reverse=True
        )


# --- Mirels' table ----------------------------------------------------------------------------------

class MirelsComponent(ContentModel):
    id: Id
    label: Text
    field: Id = Field(description="The answer field (a choice) this component reads.")
    points: dict[Id, StrictInt] = Field(description="Choice value -> points.")


class MirelsBand(ContentModel):
    id: Band
    label: Text = Field(description="The band in words, e.g. 'high' (the id stays the same in every language).")
    min_score: StrictInt
    max_score: StrictInt
    fracture_risk: Text
    advice: Text


class MirelsTable(ContentModel):
    components: list[MirelsComponent] = Field(min_length=1)
    bands: list[MirelsBand] = Field(min_length=1)
    caveat: Text
    caveat_source_ids: list[Id] = Field(min_length=1)
    better_predictor: Text
    better_predictor_source_ids: list[Id] = Field(min_length=1)
    source_ids: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _bands_cover_every_score(self) -> MirelsTable:
        low = sum(min(c.points.values()) for c in self.components)
        high = sum(max(c.points.values()) for c in self.components)
        for score in range(low, high + 1):
            found = [b.id for b in self.bands if b.min_score <= score <= b.max_score]
            if len(found) != 1:
                raise ValueError(f"bands: score {score} falls in {len(found)} bands {found}; it must fall in one")
        return self

    def band_for(self, score: int) -> MirelsBand:
        return next(b for b in self.bands if b.min_score <= score <= b.max_score)


# --- Rules ------------------------------------------------------------------------------------------

class FieldTest(ContentModel):
    """A test of one answer. Several comparisons in one test must all hold.

    A test of a value never holds when the answer is unknown; `unknown: true` holds only then.
    """

    field: Id
    above: Number | None = None
    at_least: Number | None = None
    below: Number | None = None
    at_most: Number | None = None
    is_: StrictBool | ChoiceValue | None = Field(default=None, alias="is")
    in_: list[ChoiceValue] | None = Field(default=None, alias="in", min_length=1)
    not_in: list[ChoiceValue] | None = Field(default=None, min_length=1)
    count_at_least: StrictInt | None = Field(
        default=None, ge=1,
        description="A question with several answers: at least this many answers pass in / not_in (default 1).",
    )
    unknown: Literal[True] | None = None

    @model_validator(mode="after")
    def _one_kind_of_test(self) -> FieldTest:
        used = [name for name in self.operators()]
        if not used:
            raise ValueError(f"{self.field}: say what to test (above, at_least, below, at_most, is, in, not_in, unknown)")
        if self.unknown and len(used) > 1:
            raise ValueError(f"{self.field}: 'unknown: true' cannot be combined with other tests")
        lower = [v for v in (self.above, self.at_least) if v is not None]
        upper = [v for v in (self.below, self.at_most) if v is not None]
        if lower and upper and max(lower) >= min(upper):
            raise ValueError(f"{self.field}: the lower bound must be below the upper bound")
        return self

    def operators(self) -> dict[str, Any]:
        """The tests used, by their YAML names."""
        values = {
            "above": self.above, "at_least": self.at_least, "below": self.below, "at_most": self.at_most,
            "is": self.is_, "in": self.in_, "not_in": self.not_in, COUNT: self.count_at_least,
            "unknown": self.unknown,
        }
        return {k: v for k, v in values.items() if v is not None}


class AllOf(ContentModel):
    all: list[Condition] = Field(min_length=1)


class AnyOf(ContentModel):
    any: list[Condition] = Field(min_length=1)


def _condition_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "all" if "all" in value else "any" if "any" in value else "field"
    return "all" if isinstance(value, AllOf) else "any" if isinstance(value, AnyOf) else "field"


Condition = Annotated[
    Annotated[FieldTest, Tag("field")] | Annotated[AllOf, Tag("all")] | Annotated[AnyOf, Tag("any")],
    Discriminator(_condition_kind),
]
AllOf.model_rebuild()
AnyOf.model_rebuild()


def field_tests(condition: FieldTest | AllOf | AnyOf) -> Iterator[FieldTest]:
    """Every single-field test inside a condition."""
    if isinstance(condition, FieldTest):
        yield condition
    else:
        for part in condition.all if isinstance(condition, AllOf) else condition.any:
            yield from field_tests(part)


class Rule(ContentModel):
    id: Id
    level: Level
    when: Condition
    title: Text = Field(description="Short flag. Placeholders: {above}, {inr.above}, {answer.inr}, {unit.inr}.")
    detail: Text = Field(description="The reason, for the clinician.")
    action: Text
    patient_text: PatientText = Field(description="What the patient is told, in plain words, when this rule applies.")
    source_ids: list[Id] = Field(default_factory=list)
    evidence_note: Text | None = Field(
        default=None, description="How strong the basis is; required when no source supports the rule."
    )

    @model_validator(mode="after")
    def _basis_is_stated(self) -> Rule:
        if not self.source_ids and not self.evidence_note:
            raise ValueError(f"rule {self.id}: give source_ids, or an evidence_note saying why there is none")
        return self


# --- Wording ----------------------------------------------------------------------------------------

class StatusWording(ContentModel):
    icon: str = Field(min_length=1)
    label: Text
    meaning: Text


class ChecklistUi(ContentModel):
    answer_yes: Text
    answer_no: Text
    unknown: Text
    choose: Text = Field(description="Placeholder of an empty dropdown.")
    number_placeholder: Text
    answers_heading: Text
    result_heading: Text
    status: dict[Status, StatusWording]
    level_label: dict[Level, StatusWording]
    counts: Text = Field(description="Template: {stop}, {caution}, {info}, {unknown}.")
    invalid: Text = Field(description="Shown instead of a result while an answer is refused.")
    findings_heading: Text
    no_findings: Text
    reason_label: Text
    action_label: Text
    source_label: Text
    evidence_label: Text
    unknown_heading: Text
    none_unknown: Text
    mirels_heading: Text
    mirels_points: Text = Field(description="Template for a choice with its points: {label}, {points}.")
    mirels_total: Text = Field(description="Template: {score}, {max}, {band}, {fracture_risk}, {advice}.")
    mirels_missing: Text = Field(description="Template: {missing}.")
    karnofsky_result: Text = Field(description="Template: {karnofsky}, {ecog}.")
    note_heading: Text
    note_help: Text


class AnswerMessages(ContentModel):
    """Why an answer is refused. Every message starts with the key, so a typo is easy to find."""

    unknown_key: Text = Field(description="Template: {key}.")
    did_you_mean: Text = Field(description="Template: {suggestion}.")
    not_bool: Text
    not_choice: Text
    not_together: Text = Field(description="A choice that cannot go with others (none). Template: {value}, {others}.")
    not_number: Text
    not_integer: Text
    too_low: Text
    too_high: Text
    karnofsky: Text


class NoteWording(ContentModel):
    """Headings of the plain-text note for the record."""

    title: Text
    version: Text = Field(description="Template: {version}, {reviewed}.")
    status: Text = Field(description="Template: {status} (the overall result and what it means).")
    answers: Text
    unknown: Text
    mirels: Text
    findings: Text
    no_findings: Text
    sources: Text


class ChecklistFile(ContentModel):
    groups: list[Group] = Field(min_length=1)
    fields: list[AnswerField] = Field(min_length=1)
    karnofsky: KarnofskyMap
    mirels: MirelsTable
    rules: list[Rule] = Field(min_length=1)
    ui: ChecklistUi
    messages: AnswerMessages
    note: NoteWording

    @model_validator(mode="after")
    def _references_hold(self) -> ChecklistFile:
        problems = list(self._problems())
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def field(self, key: str) -> BoolField | ChoiceField | NumberField:
        return next(f for f in self.fields if f.key == key)

    def _problems(self) -> Iterator[str]:
        keys = Counter(f.key for f in self.fields)  # linear: a bulk of fields must not stall the check
        yield from (f"fields: duplicate key '{k}'" for k in sorted(k for k, n in keys.items() if n > 1))
        groups = {g.id for g in self.groups}
        for i, f in enumerate(self.fields):
            if f.group not in groups:
                yield f"fields[{i}].group: unknown group '{f.group}' (not in groups)"
        by_key = {f.key: f for f in self.fields}
        yield from self._mirels_problems(by_key)
        target = by_key.get(self.karnofsky.sets_field)
        if not isinstance(target, ChoiceField) or not target.numeric:
            yield f"karnofsky.sets_field: '{self.karnofsky.sets_field}' is not a graded (whole-number) choice field"
        else:
            grades = {c.value for c in target.choices}
            for i, band in enumerate(self.karnofsky.bands):
                if band.ecog not in grades:
                    yield f"karnofsky.bands[{i}].ecog: {band.ecog} is not a choice of '{target.key}'"
        for i, rule in enumerate(self.rules):
            for problem in _rule_problems(rule, by_key):
                yield f"rules[{i}] ({rule.id}): {problem}"

    def _mirels_problems(self, by_key: dict[str, Any]) -> Iterator[str]:
        for i, comp in enumerate(self.mirels.components):
            f = by_key.get(comp.field)
            if not isinstance(f, ChoiceField):
                yield f"mirels.components[{i}].field: '{comp.field}' is not a choice field"
            elif set(comp.points) != {c.value for c in f.choices}:
                yield f"mirels.components[{i}].points: must give points for exactly the choices of '{comp.field}'"


def _rule_problems(rule: Rule, by_key: dict[str, Any]) -> Iterator[str]:
    tests = list(field_tests(rule.when))
    for test in tests:
        yield from _test_problems(test, by_key)
    names = set(placeholder_names(rule.when, by_key))
    thresholds = {float(v) for t in tests for op, v in t.operators().items() if op in (*COMPARISONS, COUNT)}
    for part in ("title", "detail", "action", "patient_text"):
        text = getattr(rule, part)
        for name in PLACEHOLDER.findall(text):
            if name not in names:
                yield f"{part}: unknown placeholder {{{name}}}; this rule offers {sorted(names)}"
        for number in _NUMBER_IN_TEXT.findall(PLACEHOLDER.sub("", text)):
            if float(number) in thresholds:
                yield (f"{part}: restates the threshold {number} as literal text; use a placeholder such as "
                       f"{{{_suggest(tests, float(number))}}} so the wording follows the condition")


def _suggest(tests: list[FieldTest], number: float) -> str:
    return next(f"{t.field}.{op}" for t in tests for op, v in t.operators().items()
                if op in (*COMPARISONS, COUNT) and float(v) == number)


def _test_problems(test: FieldTest, by_key: dict[str, Any]) -> Iterator[str]:
    if test.field == MIRELS_SCORE:
        kind = "derived number"
    elif test.field not in by_key:
        yield f"when: unknown field '{test.field}'"
        return
    else:
        kind = by_key[test.field].type
    f = by_key.get(test.field)
    ops = test.operators()
    if isinstance(f, ChoiceField) and f.multiple:
        yield from _multiple_test_problems(test, ops)
    elif COUNT in ops:
        yield f"when: '{COUNT}' only applies to a question that takes several answers, not '{test.field}'"
    yield from _single_test_problems(test, f, kind, ops)
    for op in ("is", "in", "not_in"):
        if op in ops and isinstance(f, ChoiceField):
            allowed = {c.value for c in f.choices}
            values = ops[op] if isinstance(ops[op], list) else [ops[op]]
            for v in values:
                if v not in allowed:
                    yield f"when: '{v}' is not a choice of '{test.field}' ({sorted(map(str, allowed))})"
    if ("in" in ops or "not_in" in ops) and not isinstance(f, ChoiceField):
        yield f"when: 'in'/'not_in' only apply to choice fields, not '{test.field}'"


def _single_test_problems(test: FieldTest, f: Any, kind: str, ops: dict[str, Any]) -> Iterator[str]:
    if isinstance(f, ChoiceField) and f.multiple:
        return
    comparable = kind in ("number", "derived number") or (isinstance(f, ChoiceField) and f.numeric)
    if any(op in COMPARISONS for op in ops) and not comparable:
        yield f"when: '{test.field}' is a {kind}; above/below only apply to numbers"
    if "is" in ops:
        if kind == "bool" and not isinstance(test.is_, bool):
            yield f"when: '{test.field}' is yes/no; use 'is: true' or 'is: false'"
        elif kind != "bool" and not isinstance(f, ChoiceField):
            yield f"when: '{test.field}' is a {kind}; use above/below, not 'is'"


def _multiple_test_problems(test: FieldTest, ops: dict[str, Any]) -> Iterator[str]:
    """A question with several answers is tested with in / not_in (and count_at_least), or unknown."""
    wrong = [op for op in ops if op not in ("in", "not_in", COUNT, "unknown")]
    if wrong:
        yield f"when: '{test.field}' takes several answers; test it with in / not_in, not {', '.join(wrong)}"
    if COUNT in ops and "in" not in ops and "not_in" not in ops:
        yield f"when: '{COUNT}' on '{test.field}' needs in or not_in to say which answers count"


def placeholder_names(condition: Any, by_key: dict[str, Any]) -> Iterator[str]:
    """Placeholders a rule may use: `{inr.above}`; bare `{above}` when only one test uses it;
    `{answer.KEY}` (the answer as given) and `{unit.KEY}` for the fields the condition tests."""
    tests = list(field_tests(condition))
    seen: dict[str, int] = {}
    for test in tests:
        for op in test.operators():
            if op == "unknown":
                continue
            yield f"{test.field}.{op}"
            seen[op] = seen.get(op, 0) + 1
        if test.field in by_key or test.field == MIRELS_SCORE:
            yield f"answer.{test.field}"
            if isinstance(by_key.get(test.field), NumberField) and by_key[test.field].unit:
                yield f"unit.{test.field}"
    yield from (op for op, count in seen.items() if count == 1)
