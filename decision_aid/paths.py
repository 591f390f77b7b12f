"""Where a page sits on a guided path: step number, the page before and the page after.

Paths are defined in content (paths.yaml); this module only reads them. A path id that is unknown
(e.g. from an old session) counts as no path, so no page shows a step bar.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from decision_aid.content.paths import GuidedPath, PathsFile


@dataclass(frozen=True)
class Step:
    """One page's place on the active path."""

    page_id: str
    number: int  # 1-based
    total: int
    previous: str | None  # page id, None on the first step
    next: str | None  # page id, None on the last step


def get_path(paths: PathsFile, path_id: str | None) -> GuidedPath | None:
    return next((p for p in paths.paths if p.id == path_id), None)


def step_for(paths: PathsFile, path_id: str | None, page_id: str) -> Step | None:
    """The page's step on the path, or None when no path is active or the page is not on it."""
    path = get_path(paths, path_id)
    if path is None or page_id not in path.page_ids:
        return None
    order = path.page_ids
    i = order.index(page_id)
    return Step(
        page_id=page_id,
        number=i + 1,
        total=len(order),
        previous=order[i - 1] if i > 0 else None,
        next=order[i + 1] if i + 1 < len(order) else None,
    )


def hidden_pages(paths: PathsFile, path_id: str | None) -> set[str]:
    """Pages the side navigation leaves out on this path (empty with no path)."""
    path = get_path(paths, path_id)
    return set(path.hide_page_ids) if path else set()


def explainer_focus(paths: PathsFile, path_id: str | None) -> str | None:
    """What the explainer should show first on this path ('risks'), or None for its usual order."""
    path = get_path(paths, path_id)
    return path.explainer_focus if path else None


def unknown_page_ids(paths: PathsFile, known: Iterable[str]) -> list[str]:
    """Problems with page ids that pages.yaml does not define, as 'paths[i].field: message'."""
    known = set(known)
    problems = []
    for i, path in enumerate(paths.paths):
        for field in ("page_ids", "hide_page_ids"):
            for j, page_id in enumerate(getattr(path, field)):
                if page_id not in known:
                    problems.append(
                        f"paths[{i}].{field}[{j}]: unknown page id '{page_id}' (not in pages.yaml)"
                    )
    return problems
