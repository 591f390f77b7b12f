"""The SURE test (Legare 2010): four yes/no questions that flag decisional conflict.

Each "yes" scores one point. A score below the content's threshold flags conflict. Questions may be
skipped: a single "no" already means the score cannot reach the threshold, so conflict is known
before every question is answered; with no "no" and some skipped, the result is not finished.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from decision_aid.content.priorities import SureText


@dataclass(frozen=True)
class SureResult:
    score: int  # number of "yes" answers
    answered: int  # number of questions answered (yes or no)
    complete: bool  # every question answered
    conflict: bool  # the score is, or can only end up, below the threshold
    message: str  # what the patient reads (from content)
    total: int  # questions in the test, answered or not


def sure_result(sure: SureText, answers: Mapping[str, bool | None]) -> SureResult:
    """Score the SURE answers (item id -> True for yes, False for no, None or absent for skipped)."""
    given = {item.id: answers.get(item.id) for item in sure.items}
    answered = [v for v in given.values() if v is not None]
    score = sum(1 for v in answered if v is True)
    total = len(sure.items)
    best_possible = total - sum(1 for v in answered if v is False)
    complete = len(answered) == total
    conflict = best_possible < sure.all_yes_below
    if conflict:
        message = sure.unsure_message
    elif complete:
        message = sure.sure_message
    else:
        message = sure.not_finished
    return SureResult(score=score, answered=len(answered), complete=complete, conflict=conflict,
                      message=str(message), total=total)


def score_words(sure: SureText, result: SureResult) -> str:
    """'You said yes to 3 of 4.'"""
    return sure.score.format(score=result.score, total=result.total)
