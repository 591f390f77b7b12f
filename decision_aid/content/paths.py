"""paths.yaml: the guided paths through the pages, one for each way the tool is used."""

from __future__ import annotations

from collections import Counter
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from .base import ContentModel, Id, Text
from .text import PatientText


class GuidedPath(ContentModel):
    id: Id
    name: PatientText = Field(description="The start-page button label, e.g. 'Clinic visit together'.")
    for_whom: PatientText = Field(description="Who this path is for, one plain sentence.")
    how_to_use: PatientText = Field(description="How to use this path, one plain sentence.")
    page_ids: list[Id] = Field(min_length=1, description="The pages in order (ids in pages.yaml).")
    large_text: bool = Field(default=False, description="Turn large text on when this path is chosen.")
    hide_page_ids: list[Id] = Field(
        default_factory=list, description="Pages left out of the side navigation on this path."
    )
    explainer_focus: Literal["risks"] | None = Field(
        default=None, description="What the explainer shows first on this path (None: its usual order)."
    )

    @field_validator("page_ids")
    @classmethod
    def _no_page_twice(cls, page_ids: list[str]) -> list[str]:
        repeated = sorted(p for p, n in Counter(page_ids).items() if n > 1)
        if repeated:
            raise ValueError(f"a page may appear once per path; repeated: {', '.join(repeated)}")
        return page_ids

    @field_validator("hide_page_ids")
    @classmethod
    def _hidden_pages_not_on_path(cls, hidden: list[str], info: ValidationInfo) -> list[str]:
        on_path = sorted(set(hidden) & set(info.data.get("page_ids") or []))
        if on_path:
            raise ValueError(f"a page on the path cannot be hidden: {', '.join(on_path)}")
        return hidden


class PathNavText(ContentModel):
    step: Text = Field(description="Template with {number}, {total} and {page}.")
    back: Text = Field(description="Back button; template with {page}.")
    next: Text = Field(description="Next button; template with {page}.")
    back_help: Text
    next_help: Text


class PathsFile(ContentModel):
    paths: list[GuidedPath] = Field(min_length=1)
    nav: PathNavText
