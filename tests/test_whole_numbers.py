"""Issue 17: a whole-number box refuses "2.5" by name, as the command line does, instead of storing 2."""

from __future__ import annotations

from decision_aid import session

from .conftest import open_page

KEY = "injections_same_hip_past_12_months"


def _box(at, content):
    label = content.checklist.field(KEY).label
    return next(n for n in at.number_input if n.label == label)


def test_fraction_in_a_whole_number_box_is_refused_by_name(content):
    assert content.checklist.field(KEY).integer
    at = open_page("checklist")
    _box(at, content).set_value(2.5).run()
    assert not at.exception
    assert at.session_state[session.checklist_key(KEY)] == 2.5  # kept as typed, never rounded to 2
    refusals = [e.value for e in at.error]
    assert f"{KEY} ({content.checklist.field(KEY).label}): must be a whole number, not 2.5." in refusals
    assert content.checklist.ui.invalid in refusals  # no result while an answer is refused


def test_whole_number_is_taken_and_shown_without_a_decimal(content):
    at = open_page("checklist")
    _box(at, content).set_value(3).run()
    assert not at.exception and not at.error
    assert f"{content.checklist.field(KEY).label}: 3\n" in at.code[0].value
