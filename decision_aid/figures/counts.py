"""The whole-number counts a figure and its words both use, so they can never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from decision_aid.content.meta import Formats
from decision_aid.content.outcomes import Outcome

DENOMINATORS = (100, 1000)
"""Icon arrays show exactly 100 or 1,000 people (evidence.md section 10: same denominators)."""

WORD_DENOMINATORS = (100, 1000, 10000)
"""Figures said in words may also be out of 10,000: a rare harm (8 out of 10,000) is never rounded
to "between 0 and 1 out of 1,000", which reads as "maybe never"; it is not drawn."""


@dataclass(frozen=True)
class OutcomeCounts:
    count: int  # people it happened to
    denominator: int  # people drawn: 100 or 1,000
    low: int | None
    high: int | None

    @property
    def rest(self) -> int:
        """People it did not happen to."""
        return self.denominator - self.count


def outcome_counts(outcome: Outcome, denominator: int | None = None) -> OutcomeCounts:
    """The outcome's counts, moved to a larger common denominator when asked (100 -> 1,000).

    Never to a smaller one: 1 out of 1,000 cannot be shown as a whole icon out of 100.
    """
    target = outcome.denominator if denominator is None else denominator
    if target not in WORD_DENOMINATORS:
        raise ValueError(f"denominator must be 100, 1000 or 10000, not {target!r}")
    if target < outcome.denominator:
        raise ValueError(
            f"denominator: cannot show {outcome.id} (out of {outcome.denominator}) out of {target}; "
            "use the larger denominator for every figure compared"
        )
    factor = target // outcome.denominator

    def scale(value: int | None) -> int | None:
        return None if value is None else value * factor

    return OutcomeCounts(outcome.count * factor, target, scale(outcome.low), scale(outcome.high))


def common_denominator(outcomes: list[Outcome]) -> int:
    """The denominator every outcome of a comparison can share: the largest one."""
    return max(o.denominator for o in outcomes)


def format_number(value: float, formats: Formats) -> str:
    """1000 -> '1,000' in English, '1000' in Spanish (10 000 and up grouped), 2.5 -> '2,5' in Spanish."""
    whole, _, fraction = f"{value:,}".partition(".")
    if abs(value) < formats.thousands_from:
        whole = whole.replace(",", "")
    whole = whole.replace(",", formats.thousands_separator)
    return whole + (formats.decimal_separator + fraction if fraction else "")
