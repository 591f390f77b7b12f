"""Cross-file checks beyond ids: fair comparisons, and every page and anchor a reference points to.

A comparison group (options.yaml `chance_groups`, explainer.yaml benefit and harm groups) draws its
figures side by side on one denominator, so a reader compares them. That is fair only when every
figure measures the same outcome, the same way, in the same kind of people, over the same time.
"""

from __future__ import annotations

from collections.abc import Iterator

from .bundle import Content
from .outcomes import Outcome


def comparison_problems(content: Content) -> Iterator[tuple[str, str, str]]:
    """(file, field, message) for each comparison group whose members measure different things."""
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    for i, group in enumerate(content.options.chance_groups):
        where = f"chance_groups[{i}]"
        members = [outcomes[o] for o in group.outcome_ids if o in outcomes]
        for field, message in _differences(members):
            yield "options.yaml", f"{where}.outcome_ids", message
        for o in members:
            if o.measure != group.measures.outcome:
                yield ("options.yaml", f"{where}.measures.outcome",
                       f"'{o.id}' measures '{o.measure}', not '{group.measures.outcome}'")
            if o.population_kind != group.measures.population_kind:
                yield ("options.yaml", f"{where}.measures.population_kind",
                       f"'{o.id}' is from '{o.population_kind}', not '{group.measures.population_kind}'")
    for name in ("benefits", "harms"):
        for i, group in enumerate(getattr(content.explainer, name).groups):
            members = [outcomes[o] for o in group.outcome_ids if o in outcomes]
            for _, message in _differences(members):
                yield "explainer.yaml", f"{name}.groups[{i}].outcome_ids", message


def _differences(members: list[Outcome]) -> Iterator[tuple[str, str]]:
    if len(members) < 2:
        return
    first = members[0]
    for other in members[1:]:
        for field in ("measure", "population_kind", "time_frame"):
            if getattr(other, field) != getattr(first, field):
                yield field, (f"cannot compare '{first.id}' and '{other.id}': different {field} "
                              f"('{getattr(first, field)}' vs '{getattr(other, field)}'); show them apart")


def reference_problems(content: Content) -> Iterator[tuple[str, str, str]]:
    """(file, field, message) for each page id or anchor that points nowhere."""
    pages = {p.id: p for p in content.pages.pages}
    for i, item in enumerate(content.quiz.items):
        link = item.link
        if link.page_id not in pages:
            yield "quiz.yaml", f"items[{i}].link.page_id", f"unknown page id '{link.page_id}' (not in pages.yaml)"
        elif link.anchor and link.anchor not in pages[link.page_id].anchors:
            yield ("quiz.yaml", f"items[{i}].link.anchor",
                   (f"page '{link.page_id}' has no anchor '{link.anchor}' (pages.yaml anchors: "
                    f"{list(pages[link.page_id].anchors)})"))
    for i, path in enumerate(content.paths.paths):
        for field in ("page_ids", "hide_page_ids"):
            for j, page_id in enumerate(getattr(path, field)):
                if page_id not in pages:
                    yield "paths.yaml", f"paths[{i}].{field}[{j}]", f"unknown page id '{page_id}' (not in pages.yaml)"
    for file_name, page_ids in content.evidence.shown_on.items():
        for j, page_id in enumerate(page_ids):
            if page_id not in pages:
                yield "evidence.yaml", f"shown_on.{file_name}[{j}]", f"unknown page id '{page_id}' (not in pages.yaml)"
    for i, relation in enumerate(content.priorities.relations):
        if not relation.source_ids and not relation.basis:
            yield ("priorities.yaml", f"relations[{i}]",
                   f"'{relation.option_id}' x '{relation.priority_id}' names no evidence: give source_ids or basis")
