"""pages.yaml: the heading and opening line of each page, and the navigation labels."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel, Id, Text
from .text import PatientText


class PageText(ContentModel):
    id: Id
    url_path: str = Field(pattern=r"^[a-z]*$", description="'' is the start page at /.")
    nav_label: Text
    section: Text
    heading: Text
    intro: Text
    anchors: list[str] = Field(
        default_factory=list, description="Section anchors the page renders, that links may point to."
    )


class UiText(ContentModel):
    start_over: Text
    start_over_help: Text
    start_over_done: Text
    large_text: Text
    large_text_help: Text
    content_version: Text = Field(description="Template with {version} and {reviewed}.")
    language: Text = Field(description="The language choice's label, in this language.")
    language_help: Text
    answers_lost_title: Text = Field(description="Heading of the answers_lost notice.")
    answers_lost: PatientText = Field(description="Shown on every page once a visit's answers were lost.")
    answers_lost_ok: Text = Field(description="Button that hides the answers_lost notice.")


class PagesFile(ContentModel):
    pages: list[PageText] = Field(min_length=1)
    ui: UiText
