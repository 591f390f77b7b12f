"""summary.yaml `free_text`: how long each free-text box may be, and how the sheet shows what its
fonts cannot print."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel, Text
from .text import PatientText


class FreeTextLimits(ContentModel):
    """Characters each box takes: on screen (max_chars), in the note and on the sheet."""

    questions: int = Field(ge=20, le=2000)
    next_step_other: int = Field(ge=20, le=500)
    patient_name: int = Field(ge=10, le=120)


class FreeTextWording(ContentModel):
    limits: FreeTextLimits
    clipped_mark: Text = Field(description="Ends a text cut to its limit (typed elsewhere, e.g. a session file).")
    unprintable_mark: Text = Field(max_length=3, description="Printed for each character the sheet's font lacks.")
    unprintable_note: PatientText = Field(description="On the sheet when a mark was printed. {mark} is the mark.")
