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
                                        difference=format_number(a.count - b.count, content.meta.formats),
                                        denominator=format_number(a.denominator, content.meta.formats))


def asked_questions(content: Content, ticks: Mapping[str, bool] | None) -> list[str]:
    """The suggested questions the patient ticked, in content order."""
    ticks = ticks or {}
    return [str(q.text) for q in content.clear.questions.items if ticks.get(q.id) is True]


def page_words(content: Content, page_id: str) -> list[tuple[str, str]]:
    """(term, meaning) for the words a page lists, from clear.yaml's terms or the explainer's glossary."""
    words = content.clear.words
    terms = {t.id: (str(t.term), str(t.meaning)) for t in content.explainer.glossary}
    terms |= {t.id: (str(t.term), str(t.meaning)) for t in words.terms}
    return [terms[i] for i in words.pages.get(page_id, [])]  # type: ignore[call-overload]
