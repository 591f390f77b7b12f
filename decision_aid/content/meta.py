"""meta.yaml: what this content is, who wrote it, when it was reviewed, and shared wording."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .base import Certainty, ContentModel, Text
from .text import PatientText


class Meta(ContentModel):
    language: str = Field(pattern=r"^[a-z]{2}$")
    title: PatientText
    version: Text
    produced: dt.date
    last_reviewed: dt.date
    review_by: dt.date = Field(description="The content check warns once this date has passed.")
    authors: Text
    funding: Text
    conflicts_of_interest: Text
    update_policy: Text
    report_an_error: Text
    safety_line: PatientText = Field(description="Shown on every page.")
    certainty_words: dict[Certainty, PatientText] = Field(
        description="How each GRADE label is said to a patient."
    )
