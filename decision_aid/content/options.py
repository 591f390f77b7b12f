"""options.yaml: the choices a patient can make, including doing nothing new."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel, Id
from .text import PatientText


class Option(ContentModel):
    id: Id
    name: PatientText
    summary: PatientText = Field(description="One plain sentence: what it is.")


class OptionsFile(ContentModel):
    options: list[Option] = Field(min_length=2)
