"""The base every content model shares: strict about unknown fields, so a typo is an error."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
"""Identifiers: lower case, digits and underscores, starting with a letter."""

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
"""Clinician-facing or technical text."""

Certainty = Literal["high", "moderate", "low", "very_low"]
"""GRADE certainty of a figure. Words for patients come from meta.yaml `certainty_words`."""


class ContentModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
