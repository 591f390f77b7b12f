"""The personal parts of the patient's pages: what the care team noted, drawn from a `PersonalView`.

Each part draws nothing when the view is empty (sharing off), so a page calls it unconditionally.
Every point starts with the content's marker ("Your care team noted"), so no one takes it for a
general fact.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from decision_aid.content import Content
from decision_aid.content.explainer import Caution
from decision_aid.personal import Callout, PersonalView, shared_lines

from . import charts

Words = Callable[[str], str]


def noted_for_you(content: Content, view: PersonalView, page: str, words: Words = str) -> None:
    """A box of this page's personal points; on the explainer, each with its figures, first."""
    callouts = view.on(page)  # type: ignore[arg-type]
    if not callouts:
        return
    text = content.personal
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    with st.container(border=True):
        st.markdown(f"### {text.explainer_heading}\n\n:small[{text.marker_note}]")
        for callout in callouts:
            st.markdown(words(_callout_markdown(content, callout)))
            if page == "explainer" and callout.topic.outcome_ids:
                charts.show_comparison([outcomes[i] for i in callout.topic.outcome_ids], content)


def think_twice_cards(content: Content, view: PersonalView, cautions: list[Caution], words: Words = str) -> None:
    """The explainer's cautions: those that apply to this patient first, marked; then the rest."""
    mine, others = view.think_twice(cautions)
    if mine:
        st.markdown(f"**{content.personal.think_twice_yours}**")
        _cards(mine, words, marker=content.personal.marker)
        st.markdown(f"**{content.personal.think_twice_others}**")
    _cards(others, words)


def options_intro(content: Content, view: PersonalView, picked: list[str], shown: list[str]) -> None:
    """/options when the patient has picked nothing: say why these options are shown, and the rest."""
    text = content.personal
    names = {o.id: o.name for o in content.options.options}
    callouts = view.on("options")
    if picked:
        if callouts:
            st.info("\n\n".join(_callout_markdown(content, c) for c in callouts), icon=":material/person:")
        return
    fitting = [c for c in callouts if c.topic.option_ids]
    lines = [f"**{text.options_heading}:** " + ", ".join(names[i] for i in shown) + "."]
    lines.append(text.options_fit if fitting else text.options_default)
    lines += [_callout_markdown(content, c) for c in callouts]
    rest = [n for i, n in names.items() if i not in shown]
    lines.append(text.options_rest.format(names=", ".join(rest)))
    st.info("\n\n".join(lines), icon=":material/person:" if callouts else ":material/info:")


def estimate_words(content: Content, view: PersonalView) -> None:
    """Under the timeline: the team's estimate, what it means and what it does not mean."""
    if view.estimate is None:
        return
    estimate = content.personal.estimate
    points = [estimate.means, estimate.does_not_mean] + ([estimate.short_time] if view.estimate.short else [])
    st.markdown(f"**{estimate.heading}**\n\n{estimate.intro.format(words=view.estimate.words)}\n\n"
                + "\n".join(f"- {point}" for point in points))


def summary_part(content: Content, view: PersonalView) -> None:
    """On /summary: what was shared from the checklist (nothing at all when nothing was)."""
    if not view.shared:
        return
    st.markdown(f"**{content.personal.record.heading}**")
    st.markdown("\n".join(f"- {line}" for line in shared_lines(content, view)))


def _callout_markdown(content: Content, callout: Callout) -> str:
    text = content.personal
    parts = [f"**{text.marker}: {callout.topic.heading}.**", *callout.notes]
    if callout.topic.advice:
        parts.append(callout.topic.advice)
    return " ".join(parts)


def _cards(cautions: list[Caution], words: Words, marker: str | None = None) -> None:
    if not cautions:
        return
    for column, caution in zip(st.columns(len(cautions), border=True), cautions, strict=True):
        with column:
            label = f"{marker}: " if marker else ""
            st.markdown(f"**{label}{caution.title}**\n\n{words(caution.text)}")
