"""sources.yaml: every publication a figure or rule rests on."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import ContentModel, Id, Text

SourceKind = Literal[
    "trial", "systematic_review", "cohort", "case_series", "guideline", "lab", "lay", "textbook",
    "inference", "tool",
]


class Source(ContentModel):
    id: Id
    citation: Text = Field(description="Full citation: authors, title or journal, year, volume, pages.")
    year: int | None = Field(default=None, ge=1900, le=2100)
    pmid: str | None = Field(default=None, pattern=r"^[0-9]{6,9}$")
    doi: str | None = Field(default=None, pattern=r"^10\.\S+/\S+$")
    checked: bool = Field(description="True when the figure was read in a public copy or abstract.")
    secondary: bool = Field(
        default=False, description='"checked (secondary)": read only in a secondary copy; said so on /evidence.'
    )
    kind: SourceKind
    population: Text = Field(description="Who was studied, in the source's terms.")
    note: Text | None = None

    @model_validator(mode="after")
    def _inference_has_no_year(self) -> Source:
        if self.kind != "inference" and self.year is None:
            raise ValueError("year is required except for kind 'inference'")
        return self


class SourcesFile(ContentModel):
    sources: list[Source] = Field(min_length=1)
