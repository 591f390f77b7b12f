"""Charts on a page: a static plotly figure, its short accessible name, and its numbers in words.

Every chart is drawn static (no zoom, drag or mode bar), so it cannot be moved into a misleading
view, and is followed by the same numbers as a sentence. Large-text mode enlarges the figure.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from decision_aid import figures
from decision_aid.content import Content
from decision_aid.content.outcomes import Outcome

from .chrome import large_text_on, per_content

# Plotly config: a picture, not a tool. staticPlot turns off zoom, pan, hover and the mode bar.
STATIC_CONFIG = {"staticPlot": True, "displayModeBar": False, "scrollZoom": False, "responsive": False}


def show_outcome(outcome: Outcome, content: Content, denominator: int | None = None,
                 *, arm: str | None = None, key: str | None = None) -> None:
    """One icon array with its sentence beneath. `denominator` sets a common one for comparisons;
    `arm` names the group when the outcome names none."""
    large = large_text_on()
    fig = per_content(_icon_array, content, outcome.id, large, denominator, arm)
    st.plotly_chart(
        fig,
        width="content",
        theme=None,  # our colours and fonts, not the app theme's: contrast is checked on them
        config=STATIC_CONFIG,
        alt=figures.outcome_alt(outcome, denominator),
        key=key or f"icons-{outcome.id}-{denominator or outcome.denominator}",
    )
    st.markdown(figures.outcome_sentence(outcome, content.meta, denominator, arm=arm))


def show_comparison(outcomes: Sequence[Outcome], content: Content, *, main_arm: str | None = None,
                    key: str | None = None) -> None:
    """Outcomes side by side on one common denominator (the largest among them).

    `main_arm` names the group of any outcome that names none (the first, in a study comparison).
    """
    denominator = figures.common_denominator(list(outcomes))
    # 1,000-icon arrays are wide: stacked, so their icons keep their size and never overlap.
    places = [st.container() for _ in outcomes] if denominator == 1000 else st.columns(len(outcomes))
    for place, outcome in zip(places, outcomes, strict=True):
        with place:
            show_outcome(outcome, content, denominator, arm=main_arm,
                         key=f"{key}-{outcome.id}" if key else None)


def show_timeline(content: Content, option_ids: list[str] | None = None, *, key: str | None = None) -> None:
    """The timeline chart, then each row's timing in words (the same words the chart shows)."""
    timeline = content.timeline
    fig = per_content(_timeline, content, large_text_on(), tuple(option_ids) if option_ids else None)
    lines = figures.timeline_text(timeline, option_ids)
    st.plotly_chart(
        fig,
        width="stretch",  # the time axis stretches; its words are wrapped to fit
        theme=None,
        config=STATIC_CONFIG,
        alt=f"{timeline.title}. Timeline chart; the same facts are listed in words below it.",
        key=key or "timeline-" + "-".join(option_ids or ["all"]),
    )
    st.markdown("\n".join(f"- {_bold_name(line)}" for line in lines))


def _icon_array(content: Content, outcome_id: str, large: bool, denominator: int | None, arm: str | None):
    outcome = next(o for o in content.outcomes.outcomes if o.id == outcome_id)
    return figures.icon_array(outcome, content.meta, large_text=large, denominator=denominator, arm=arm)


def _timeline(content: Content, large: bool, option_ids: tuple[str, ...] | None):
    return figures.timeline_figure(content.timeline, large_text=large, option_ids=list(option_ids) if option_ids else None)


def _bold_name(line: str) -> str:
    name, _, rest = line.partition(": ")
    return f"**{name}:** {rest}"
