"""The /options comparison, as plain data: checks on the picks, the grid, what combines, the chances.

Pure functions of the content and the picked option ids (no Streamlit), so tests can read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from decision_aid.checklist import short_citation
from decision_aid.content.options import Answer, ApartGroup, ChanceGroup, Option, OptionsFile
from decision_aid.content.outcomes import Outcome, OutcomesFile
from decision_aid.content.sources import SourcesFile


def picked_options(options: OptionsFile, picked: list[str] | None) -> list[Option]:
    """The picked options, in the order picked; unknown ids are dropped."""
    known = {o.id: o for o in options.options}
    return [known[i] for i in picked or [] if i in known]


def pick_problem(options: OptionsFile, picked: list[str] | None) -> str | None:
    """What to tell the patient when the picks cannot be compared yet; None when they can."""
    page = options.page
    count = len(picked_options(options, picked))
    if count == 0:
        return page.pick_prompt.format(min=page.min_picked, max=page.max_picked)
    if count < page.min_picked:
        return page.too_few.format(min=page.min_picked, max=page.max_picked)
    if count > page.max_picked:
        return page.too_many.format(min=page.min_picked, max=page.max_picked)
    return None


def grid_table(options: OptionsFile, picked: list[str], sources: SourcesFile | None = None) -> pd.DataFrame:
    """Rows = the grid questions, columns = the picked options, cells = the answers.

    The question labels are the row headers, so a screen reader reads each cell with its question
    and its option. With `sources`, each cell ends with the short citations it rests on, so every
    figure in the grid names where it comes from.
    """
    chosen = picked_options(options, picked)
    by_id = {s.id: s for s in sources.sources} if sources else {}

    def cell(answer: Answer) -> str:
        cited = "; ".join(short_citation(by_id[i]) for i in answer.source_ids if i in by_id)
        return f"{answer.text} ({options.page.rests_on.format(sources=cited)})" if cited else str(answer.text)

    table = pd.DataFrame(
        {str(o.name): [cell(o.answers[q.id]) for q in options.questions] for o in chosen},
        index=pd.Index([str(q.label) for q in options.questions], name=str(options.page.question_column)),
    )
    return table


@dataclass(frozen=True)
class Pair:
    first: Option
    second: Option
    together: bool

    def words(self, options: OptionsFile) -> str:
        """'✓ Hip injection and Radiation therapy can go together.' (symbol and words)"""
        text = options.combine
        template, symbol = (text.together, text.together_symbol) if self.together else (
            text.apart, text.apart_symbol)
        return f"{symbol} " + template.format(first=self.first.name, second=self.second.name)


def combine_pairs(options: OptionsFile, picked: list[str]) -> list[Pair]:
    """Every pair of the picked options, saying whether they can be had together."""
    chosen = picked_options(options, picked)
    return [Pair(a, b, options.can_combine(a.id, b.id)) for a, b in combinations(chosen, 2)]


@dataclass(frozen=True)
class ChanceSet:
    """One chance group, limited to the picked options, on one common denominator."""

    group: ChanceGroup
    shown: list[tuple[Option, Outcome]]
    denominator: int


def chance_sets(options: OptionsFile, outcomes: OutcomesFile, picked: list[str]) -> list[ChanceSet]:
    """The chance groups with a figure for at least one picked option, in content order.

    Within a group the figures follow the order of the picks, and all share the largest
    denominator among them, so the same number of people is drawn for each option.
    """
    return [ChanceSet(group, shown, max(out.denominator for _, out in shown))
            for group, shown in _groups_shown(options.chance_groups, options, outcomes, picked)]


@dataclass(frozen=True)
class ApartSet:
    """Figures of the picked options on one topic, measured differently: each drawn alone."""

    group: ApartGroup
    shown: list[tuple[Option, Outcome]]


def apart_sets(options: OptionsFile, outcomes: OutcomesFile, picked: list[str]) -> list[ApartSet]:
    """The apart groups with a figure for at least one picked option, in content order."""
    return [ApartSet(group, shown) for group, shown in _groups_shown(options.apart_groups, options, outcomes, picked)]


def _groups_shown(groups, options: OptionsFile, outcomes: OutcomesFile, picked: list[str]):
    """(group, [(option, outcome)]) for each group with a figure of a picked option, in the picks' order."""
    by_id = {o.id: o for o in outcomes.outcomes}
    chosen = picked_options(options, picked)
    for group in groups:
        group_outcomes = [by_id[i] for i in group.outcome_ids if i in by_id]
        shown = [(opt, out) for opt in chosen for out in group_outcomes if out.option_id == opt.id]
        if shown:
            yield group, shown


def options_without_chances(options: OptionsFile, outcomes: OutcomesFile, picked: list[str]) -> list[Option]:
    """Picked options that no chance group (side by side or apart) has a figure for."""
    drawn = {opt.id for s in chance_sets(options, outcomes, picked) for opt, _ in s.shown}
    drawn |= {opt.id for s in apart_sets(options, outcomes, picked) for opt, _ in s.shown}
    return [o for o in picked_options(options, picked) if o.id not in drawn]
