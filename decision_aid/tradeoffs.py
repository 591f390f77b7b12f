"""How the options relate to what the patient rated highest: rows to show, never a ranking.

Nothing here adds up, weighs or orders options: options keep their content order in every row, and
each relation is shown with its reason, so the patient and team can weigh the trade-offs themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from decision_aid.checklist import short_citation
from decision_aid.content.options import OptionsFile
from decision_aid.content.priorities import PrioritiesFile, Priority
from decision_aid.content.sources import SourcesFile


@dataclass(frozen=True)
class RatedPriority:
    priority: Priority
    rating: int  # a value of the scale
    rating_label: str  # the scale's words for it


@dataclass(frozen=True)
class TradeoffRow:
    """One option's relation to one priority, ready to show: symbol + words + reason."""

    option_id: str
    option_name: str
    effect: str  # helps / mixed / works_against / neutral
    symbol: str
    effect_words: str
    reason: str
    rests_on: str  # the studies (short citations) the fit rests on, or what it follows from

def top_priorities(ratings: Mapping[str, int | None], priorities: PrioritiesFile) -> list[RatedPriority]:
    """The priorities with the highest rating given, ties kept, in content order.

    Unrated priorities (None or absent) are left out; no ratings gives an empty list. A top rating of
    the scale's lowest point ("not important") still counts: it is what the patient said.
    """
    rated = [(p, ratings.get(p.id)) for p in priorities.priorities]
    rated = [(p, r) for p, r in rated if r is not None]
    if not rated:
        return []
    highest = max(r for _, r in rated)
    return [RatedPriority(p, r, str(priorities.label_of(r))) for p, r in rated if r == highest]


def tradeoff_rows(
    priority_id: str, option_ids: list[str] | None, priorities: PrioritiesFile, options: OptionsFile,
    sources: SourcesFile | None = None,
) -> list[TradeoffRow]:
    """For one priority, each option's relation (all options, or the given ones), in content order.

    Each row says what its fit rests on: the short citations of its sources (ids without `sources`),
    or the relation's `basis` when no study gives a figure.
    """
    by_id = {s.id: s for s in sources.sources} if sources else {}
    rows = []
    for option in options.options:
        if option_ids is not None and option.id not in option_ids:
            continue
        relation = priorities.relation(option.id, priority_id)
        if relation is None:
            continue
        words = priorities.effects[relation.effect]
        cited = "; ".join(short_citation(by_id[i]) if i in by_id else i for i in relation.source_ids)
        rests_on = "; ".join(p for p in (cited, relation.basis or "") if p)
        rows.append(TradeoffRow(option.id, str(option.name), relation.effect, words.symbol,
                                str(words.words), str(relation.reason), rests_on))
    return rows
