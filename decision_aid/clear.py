"""Aids for every patient, as plain data: the fair difference in words, the questions ticked to ask."""

from __future__ import annotations

from collections.abc import Mapping

from decision_aid.content import Content
from decision_aid.figures import format_number, outcome_counts


def fair_difference(content: Content) -> str:
    """The example of a fair difference, worked out from the two compared outcomes."""
    guide = content.clear.pictures
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    first, second = outcomes[guide.fair_outcome_id], outcomes[guide.compared_outcome_id]
    a, b = outcome_counts(first), outcome_counts(second)
    return guide.fair_difference.format(time_frame=first.time_frame,
                                        difference=format_number(a.count - b.count),
                                        denominator=format_number(a.denominator))


def asked_questions(content: Content, ticks: Mapping[str, bool] | None) -> list[str]:
    """The suggested questions the patient ticked, in content order."""
    ticks = ticks or {}
    return [str(q.text) for q in content.clear.questions.items if ticks.get(q.id) is True]
