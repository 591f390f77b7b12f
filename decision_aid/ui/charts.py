"""Charts on a page: a static picture, its accessible name, its numbers in words.

Icon arrays and the timeline are SVG pictures (nothing in them moves, so no view of them can mislead,
and the page loads no charting code). Each is followed by the same numbers in words. Large-text mode
enlarges both.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from decision_aid import figures
from decision_aid.checklist import short_citation
from decision_aid.compare import ApartSet, ChanceSet
from decision_aid.content import Content
from decision_aid.content.outcomes import Outcome
from decision_aid.content.personal import EstimateBand

from .built_once import per_content
from .chrome import large_text_on

PER_ROW = 2  # 100-icon pictures side by side: two fit the main column at their own size


def show_outcome(outcome: Outcome, content: Content, denominator: int | None = None,
                 *, arm: str | None = None) -> None:
    """One icon array picture with its sentence beneath. `denominator` sets a common one for
    comparisons; `arm` names the group when the outcome names none."""
    if (denominator or outcome.denominator) not in figures.DENOMINATORS:  # too rare to draw: words only
        st.markdown(figures.outcome_sentence(outcome, content.meta, denominator, arm=arm))
        return
    picture = per_content(_icon_array, content, outcome.id, large_text_on(), denominator, arm)
    # An int width draws it at its own size (crisp), shrunk to fit a narrower column.
    st.image(picture.svg, width=picture.width, alt=figures.outcome_alt(outcome, content.meta.formats, denominator))
    st.markdown(figures.outcome_sentence(outcome, content.meta, denominator, arm=arm))


def show_comparison(outcomes: Sequence[Outcome], content: Content, *, main_arm: str | None = None) -> None:
    """Outcomes side by side on one common denominator (the largest among them).

    `main_arm` names the group of any outcome that names none (the first, in a study comparison).
    """
    _side_by_side([(o, main_arm) for o in outcomes], content, figures.common_denominator(list(outcomes)))


def show_apart_set(apart: ApartSet, content: Content) -> None:
    """Figures measured differently: each alone, full width, on its own denominator."""
    for option, outcome in apart.shown:
        with st.container(border=True):
            show_outcome(outcome, content, arm=option.people or option.name)


def show_chance_set(chance: ChanceSet, content: Content) -> None:
    """One chance group for the picked options, each named by who had that option."""
    _side_by_side([(outcome, option.people or option.name) for option, outcome in chance.shown], content,
                  chance.denominator)


def _side_by_side(shown: Sequence[tuple[Outcome, str | None]], content: Content, denominator: int) -> None:
    # A picture in a column too narrow for it shrinks, and its words with it. 1,000-icon pictures
    # are wide: stacked. 100-icon pictures: at most two side by side, in rows.
    if denominator == 1000:
        places = [st.container() for _ in shown]
    else:
        places = [c for row in range(0, len(shown), PER_ROW) for c in st.columns(PER_ROW)][: len(shown)]
    for place, (outcome, arm) in zip(places, shown, strict=True):
        with place:
            show_outcome(outcome, content, denominator, arm=arm)


def show_timeline(content: Content, option_ids: list[str] | None = None, *,
                  estimate: EstimateBand | None = None) -> None:
    """The timeline picture, then each row's timing in words (the same words the chart shows).
    `estimate`: the care team's estimate of time, shaded behind the bars (only when chosen)."""
    timeline = content.timeline
    picture = per_content(_timeline, content, large_text_on(), tuple(option_ids) if option_ids else None,
                          estimate.value if estimate is not None else None)
    by_id = {s.id: s for s in content.sources.sources}
    # Each row's words, then the studies its bars use (the same rules draw every row's bars).
    lines = [f"{line} " + timeline.rests_on.format(
                 sources="; ".join(short_citation(by_id[i]) for i in row.source_ids if i in by_id))
             for line, row in zip(figures.timeline_text(timeline, option_ids),
                                  figures.timeline_rows(timeline, option_ids), strict=True)]
    # An int width draws it at its own size (crisp), shrunk to fit a narrower column.
    st.image(picture.svg, width=picture.width, alt=_timeline_alt(content))
    st.markdown("\n".join(f"- {_bold_name(line)}" for line in lines))


def _icon_array(content: Content, outcome_id: str, large: bool, denominator: int | None,
                arm: str | None) -> figures.IconArraySvg:
    outcome = next(o for o in content.outcomes.outcomes if o.id == outcome_id)
    return figures.icon_array_svg(outcome, content.meta.formats, large_text=large, denominator=denominator,
                                  arm=arm)


def _timeline(content: Content, large: bool, option_ids: tuple[str, ...] | None,
              band_value: str | None) -> figures.TimelineSvg:
    estimate = content.personal.estimate
    band = next((figures.Band(b.from_hours, b.to_hours, estimate.label)
                 for b in estimate.bands if b.value == band_value), None)
    return figures.timeline_svg(content.timeline, _timeline_alt(content), large_text=large,
                                option_ids=list(option_ids) if option_ids else None, band=band)


def _timeline_alt(content: Content) -> str:
    return content.meta.formats.figures.timeline_alt.format(title=content.timeline.title)


def _bold_name(line: str) -> str:
    name, _, rest = line.partition(": ")
    return f"**{name}:** {rest}"
