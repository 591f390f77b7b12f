"""The understanding check: which facts were understood, which to go over again, which not answered."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from decision_aid.content.quiz import QuizFile, QuizItem


@dataclass(frozen=True)
class QuizResult:
    understood: list[str]  # item ids answered with the right choice
    revisit: list[str]  # item ids answered with another choice
    unanswered: list[str]  # item ids with no answer

    @property
    def answered(self) -> int:
        return len(self.understood) + len(self.revisit)


def is_right(item: QuizItem, choice_id: str | None) -> bool | None:
    """True or False for an answer, None when there is none."""
    return None if choice_id is None else choice_id == item.correct


def quiz_result(quiz: QuizFile, answers: Mapping[str, str | None]) -> QuizResult:
    """Sort the items (in content order) by the patient's answers (item id -> choice id)."""
    understood, revisit, unanswered = [], [], []
    for item in quiz.items:
        right = is_right(item, answers.get(item.id))
        (unanswered if right is None else understood if right else revisit).append(item.id)
    return QuizResult(understood=understood, revisit=revisit, unanswered=unanswered)
