"""pages.yaml: the heading and opening line of each page, and the navigation labels."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel, Id, Text


class PageText(ContentModel):
    id: Id
    url_path: str = Field(pattern=r"^[a-z]*$", description="'' is the start page at /.")
    nav_label: Text
    section: Text
    heading: Text
    intro: Text


class UiText(ContentModel):
    start_over: Text
    start_over_help: Text
    start_over_done: Text
    large_text: Text
    large_text_help: Text
    content_version: Text = Field(description="Template with {version} and {reviewed}.")


class PagesFile(ContentModel):
    pages: list[PageText] = Field(min_length=1)
    ui: UiText
