"""Properties over many generated answer sets: a stop-level answer always gives stop (never a
lower status), the result does not depend on the order of answers, and unknown stays unknown."""

from __future__ import annotations

import itertools
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_aid.checklist import STATUS_ORDER, assess
from decision_aid.content import load_content
from decision_aid.content.checklist import LEVELS, BoolField, ChoiceField

from .conftest import CONTENT

CHECKLIST = load_content(CONTENT).checklist
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _value(field):
    if isinstance(field, BoolField):
        return st.booleans()
    if isinstance(field, ChoiceField) and field.multiple:  # one value, or a list without "none"
        others = [c.value for c in field.choices if not c.exclusive]
        return st.one_of(st.sampled_from([c.value for c in field.choices]),
                         st.lists(st.sampled_from(others), unique=True))
    if isinstance(field, ChoiceField):
        return st.sampled_from([c.value for c in field.choices])
    if field.integer:
        return st.integers(min_value=int(field.min), max_value=int(field.max))
    return st.floats(min_value=field.min, max_value=field.max if field.max is not None else 1000,
                     allow_nan=False, allow_infinity=False)


answers = st.fixed_dictionaries({}, optional={f.key: _value(f) for f in CHECKLIST.fields})

_POINTS = [c.points for c in CHECKLIST.mirels.components]
_FIELDS = [c.field for c in CHECKLIST.mirels.components]
_HIGH_MIRELS = [  # with no orthopaedic review (a review done turns this stop into a caution)
    dict(zip(_FIELDS, combo, strict=True), orthopaedic_review_done=False)
    for combo in itertools.product(*(list(p) for p in _POINTS))
    if sum(p[v] for p, v in zip(_POINTS, combo, strict=True)) >= 9
]

# Each of these answers alone is stop-level under the shipped rules.
stop_answers = st.one_of(
    st.just({"site_skin_infection": True}),
    st.just({"systemic_infection": True}),
    st.just({"allergy_corticosteroid": True}),
    st.just({"image_guidance_available": False}),
    st.just({"neuro_red_flags": True}),
    st.just({"existing_fracture": True}),
    st.just({"hip_replacement_same_side": True}),
    st.just({"cancer_coagulopathy": True}),
    st.floats(min_value=3.0, max_value=15, exclude_min=True).map(lambda v: {"inr": v}),
    st.floats(min_value=0, max_value=20, exclude_max=True).map(lambda v: {"platelets": v}),
    st.floats(min_value=0, max_value=0.5, exclude_max=True).map(lambda v: {"anc": v}),
    st.sampled_from(_HIGH_MIRELS),
)


@SETTINGS
@given(answers, stop_answers)
def test_a_stop_level_answer_never_lowers_the_status(before, stop):
    old = assess(before, CHECKLIST).status
    new = assess({**before, **stop}, CHECKLIST).status
    assert new == "stop"
    assert STATUS_ORDER[new] >= STATUS_ORDER[old]


@SETTINGS
@given(answers, st.randoms(use_true_random=False))
def test_result_is_independent_of_answer_order(given_answers, rng: random.Random):
    items = list(given_answers.items())
    rng.shuffle(items)
    assert assess(dict(items), CHECKLIST) == assess(given_answers, CHECKLIST)


@SETTINGS
@given(answers)
def test_unanswered_questions_are_listed_unknown_and_status_matches_flags(given_answers):
    result = assess(given_answers, CHECKLIST)
    stated_unknown = {k for k, v in given_answers.items() if v in ("unknown", [])}
    assert set(result.unknown) == {f.key for f in CHECKLIST.fields} - set(given_answers) | stated_unknown
    levels = [f.level for f in result.findings]
    expected = "stop" if "stop" in levels else "caution" if "caution" in levels else "clear"
    assert result.status == expected
    assert levels == sorted(levels, key=LEVELS.index)
