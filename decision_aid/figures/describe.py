"""Text equivalents: every figure's numbers in words, built from the same counts as the figure.

The icon array pictures put these very strings on the picture (header, legend, footer), so the
words beneath a chart and the chart itself cannot state different numbers. The sentence frames
below are fixed wording around content; every number and clinical phrase comes from the content.
"""

from __future__ import annotations

from decision_aid.content.meta import Formats, Meta
from decision_aid.content.outcomes import Outcome
from decision_aid.content.timeline import TimelineFile, TimelineRow

from .counts import OutcomeCounts, format_number, outcome_counts


def outcome_sentence(
    outcome: Outcome, meta: Meta, denominator: int | None = None, *, arm: str | None = None
) -> str:
    """The figure in words: group, counts with time frame, range, population, certainty.

    `arm` names the group when the outcome names none (the main group of a comparison).
    """
    counts = outcome_counts(outcome, denominator)
    parts = [_arm(outcome, arm), _counts(outcome, counts, meta.formats), _range(counts, meta.formats),
             _sentence(outcome.population),
             meta.certainty_words[outcome.certainty]]
    return " ".join(p for p in parts if p)


def outcome_alt(outcome: Outcome, formats: Formats, denominator: int | None = None) -> str:
    """A short accessible name for the chart; the full sentence is shown beneath it."""
    counts = outcome_counts(outcome, denominator)
    return formats.figures.alt.format(
        den=format_number(counts.denominator, formats), count=format_number(counts.count, formats),
        label=outcome.label, rest=format_number(counts.rest, formats), not_label=outcome.not_label)


def legend_labels(outcome: Outcome, counts: OutcomeCounts, formats: Formats) -> tuple[str, str]:
    """'61 had their pain cut by half', '39 did not'."""
    return (f"{format_number(counts.count, formats)} {outcome.label}",
            f"{format_number(counts.rest, formats)} {outcome.not_label}")


def figure_header(outcome: Outcome, counts: OutcomeCounts, formats: Formats,
                  arm: str | None = None) -> tuple[str, str]:
    """(group, header): the group's name ('' when none), drawn in bold, over 'When, out of N people:'."""
    header = formats.figures.header.format(when=_capital(outcome.time_frame),
                                           den=format_number(counts.denominator, formats))
    return _arm(outcome, arm), header


def figure_footer(outcome: Outcome, counts: OutcomeCounts, formats: Formats) -> str:
    return " ".join(p for p in (_range(counts, formats), _sentence(outcome.population)) if p)


def timeline_text(timeline: TimelineFile, option_ids: list[str] | None = None) -> list[str]:
    """One line per row: '{name}: {words} {basis} {population}.' (the chart shows the same words)."""
    return [row_text(row) for row in timeline_rows(timeline, option_ids)]


def row_text(row: TimelineRow) -> str:
    return f"{row.name}: {row_words(row)}"


def row_words(row: TimelineRow) -> str:
    """The row's timing, basis and population: drawn under its bar and said in the text equivalent."""
    parts = [_sentence(row.words), _sentence(row.basis), _sentence(row.population)]
    return " ".join(p for p in parts if p)


def timeline_rows(timeline: TimelineFile, option_ids: list[str] | None = None) -> list[TimelineRow]:
    """Rows in content order, limited to the given options (all when None)."""
    return [r for r in timeline.rows if option_ids is None or r.option_id in option_ids]


def _counts(outcome: Outcome, counts: OutcomeCounts, formats: Formats) -> str:
    den = format_number(counts.denominator, formats)
    return formats.figures.counts.format(
        when=_capital(outcome.time_frame), count=format_number(counts.count, formats), den=den,
        label=outcome.label, rest=format_number(counts.rest, formats), not_label=outcome.not_label)


def range_words(counts: OutcomeCounts, formats: Formats) -> str:
    """'The true number may be between 3 and 12 out of 10,000.' ('' without a range)."""
    return _range(counts, formats)


def _range(counts: OutcomeCounts, formats: Formats) -> str:
    if counts.low is None and counts.high is None:
        return ""
    low = counts.count if counts.low is None else counts.low
    high = counts.count if counts.high is None else counts.high
    return formats.figures.range.format(low=format_number(low, formats), high=format_number(high, formats),
                                        den=format_number(counts.denominator, formats))


def _arm(outcome: Outcome, arm: str | None = None) -> str:
    return _sentence(outcome.arm or arm)


def _sentence(text: str | None) -> str:
    if not text:
        return ""
    text = text.strip()
    return text if text[-1] in ".?!" else text + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
