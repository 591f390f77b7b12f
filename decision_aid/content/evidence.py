"""evidence.yaml: the evidence page: limits of this tool, how it was made, and its wording."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel, Id, Text
from .text import PatientText


class Limit(ContentModel):
    """One honest limit of the evidence behind this tool."""

    id: Id
    text: PatientText
    source_ids: list[Id] = Field(default_factory=list)


class Standard(ContentModel):
    """One standard this tool follows in how it shows numbers and words."""

    id: Id
    text: PatientText
    source_ids: list[Id] = Field(min_length=1)


class AboutText(ContentModel):
    """Labels of the IPDAS items: dates, update policy, authors, funding, conflicts, errors."""

    heading: Text
    produced: Text
    last_reviewed: Text
    review_by: Text
    update_policy: Text
    authors: Text
    funding: Text
    conflicts_of_interest: Text
    report_an_error: Text
    review_overdue: Text = Field(description="Warning once review_by has passed; template with {date}.")


class SourceListText(ContentModel):
    heading: Text
    intro: Text
    pmid: Text
    doi: Text
    checked_yes: Text
    checked_no: Text
    checked_secondary: Text = Field(description='"Checked (secondary)": read only in a secondary copy.')
    population: Text
    kind: Text
    note: Text
    used_for: Text
    certainty: Text
    not_used: Text


class TableColumns(ContentModel):
    """Column headings of the per-figure table (also the CSV header)."""

    option: Text
    shown_on: Text
    what: Text
    number: Text
    out_of: Text
    low: Text
    high: Text
    time_frame: Text
    population: Text
    certainty: Text
    sources: Text
    source_figure: Text
    content_field: Text


class FiguresText(ContentModel):
    heading: Text
    intro: Text
    filter_label: Text
    filter_help: Text
    general_option: Text = Field(description="Filter choice for figures not tied to one option.")
    hours_after_treatment: Text = Field(description="Time frame of a timeline segment (in hours).")
    patient_answer: Text = Field(description="Stands for a patient's answer in a rule's wording.")
    showing: Text = Field(description="Template with {shown} and {total}.")
    download_label: Text
    download_file_name: str = Field(pattern=r"^[a-z0-9_.-]+\.csv$")
    table_alt: Text
    columns: TableColumns


class EvidenceFile(ContentModel):
    limits_heading: Text
    limits_intro: PatientText
    limits: list[Limit] = Field(min_length=1)
    standards_heading: Text
    standards: list[Standard] = Field(min_length=1)
    about: AboutText
    source_list: SourceListText
    figures: FiguresText
    shown_on: dict[str, list[Id]] = Field(
        description="Content file -> the pages (pages.yaml ids) that show what the file holds."
    )
