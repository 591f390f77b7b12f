"""start.yaml: the start page: the decision, who it is for, what it is not, how to use it."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel, Id, Text
from .text import PatientText


class ClinicianTips(ContentModel):
    heading: Text
    tips: list[Text] = Field(min_length=1)
    source_ids: list[Id] = Field(default_factory=list)


class StartFile(ContentModel):
    decision: PatientText = Field(description="The decision in one plain sentence.")
    for_whom_heading: PatientText
    for_whom: PatientText
    not_heading: PatientText
    does_not: list[PatientText] = Field(min_length=1, description="What the tool is not: one line each.")
    welcome_heading: PatientText
    welcome: PatientText
    choose_heading: PatientText
    choose_intro: PatientText
    current_path: PatientText = Field(description="Says which path is chosen; template with {name}.")
    clinician: ClinicianTips
