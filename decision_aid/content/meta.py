"""meta.yaml: what this content is, who wrote it, who approved it, when it must be reviewed, and
shared wording."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, ValidationInfo, field_validator

from .base import Certainty, ContentModel, Text
from .text import PatientText

VERSION_PATTERN = r"^\d+\.\d+\.\d+$"


class SignOff(ContentModel):
    """One clinician's approval of one content version for use with patients at this service."""

    name: Text
    role: Text
    date: dt.date
    content_version: str = Field(pattern=VERSION_PATTERN, description="The `version` this approves.")


class StatusWords(ContentModel):
    """How the review status is said: on every page, on the PDF and in the clinician's note."""

    draft_banner: PatientText = Field(description="On every page while this version has no sign-off.")
    draft_stamp: Text = Field(description="Printed on every page of the PDF while unsigned.")
    draft_note: Text = Field(description="The note's line while unsigned; template with {version}.")
    approved_note: Text = Field(description="Template with {name} {role} {date} {version}.")
    approval_heading: Text
    approved: Text = Field(description="On /evidence; template with {name} {role} {date} {version}.")
    not_approved: Text = Field(description="On /evidence while unsigned; template with {version}.")


class ClinicWords(ContentModel):
    """Labels for the clinic's own details (content/clinic.yaml) on the PDF and the pages."""

    heading: PatientText
    service_name: PatientText
    daytime_phone: PatientText
    out_of_hours_phone: PatientText
    emergency: PatientText
    procedure_place: PatientText
    write_in: PatientText = Field(description="Under the blank lines when the clinic has set nothing.")
    not_set: Text = Field(description="On the start page while content/clinic.yaml is missing.")


class Translation(ContentModel):
    """Who translated a language folder from the reference (English) content, and whether a
    qualified medical translator has reviewed it. Absent in the reference language."""

    translated_by: Text = Field(description="Who translated it, said plainly (credentials or none).")
    from_version: str = Field(pattern=VERSION_PATTERN, description="The English content version translated.")
    reviewed_by_medical_translator: bool
    unreviewed_note: PatientText = Field(description="Shown on every page while not reviewed.")


class FigureFrames(ContentModel):
    """The sentences around every figure: numbers and phrases slot in from outcomes.yaml."""

    counts: PatientText = Field(description="{when} {count} {den} {label} {rest} {not_label}")
    range: PatientText = Field(description="{low} {high} {den}")
    header: PatientText = Field(description="Over an icon array: {when} {den}")
    alt: Text = Field(description="An icon array's accessible name: {den} {count} {label} {rest} {not_label}")
    risk_line: PatientText = Field(description="A material risk: {name} {count} {den} {when} {range} {population} {sure}")
    timeline_alt: Text = Field(description="The timeline chart's accessible name: {title}")


class Formats(ContentModel):
    """How this language writes numbers and dates, and the sentences around figures."""

    thousands_separator: str = Field(max_length=1, description="'' for none, e.g. 1000.")
    thousands_from: int = Field(ge=1000, description="Numbers from this size get the separator (Spanish: 10000).")
    decimal_separator: str = Field(min_length=1, max_length=1)
    months: list[Text] = Field(min_length=12, max_length=12)
    date: Text = Field(description="A date in words: {day} {month} {year}.")
    figures: FigureFrames


class Meta(ContentModel):
    language: str = Field(pattern=r"^[a-z]{2}$")
    language_name: Text = Field(description="The language's own name, for the language choice (English, Español).")
    translation: Translation | None = None
    title: PatientText
    version: str = Field(pattern=VERSION_PATTERN)
    produced: dt.date
    last_reviewed: dt.date
    review_by: dt.date = Field(description="The content check warns once this date has passed.")
    authors: Text = Field(description="Who wrote the content: roles and credentials, said plainly.")
    funding: Text
    conflicts_of_interest: Text
    update_policy: Text
    report_an_error: Text
    safety_line: PatientText = Field(description="Shown on every page.")
    certainty_words: dict[Certainty, PatientText] = Field(
        description="How each GRADE label is said to a patient."
    )
    formats: Formats
    status_words: StatusWords
    clinic_words: ClinicWords
    sign_offs: list[SignOff] = Field(
        description="Clinical sign-offs, added by `python -m decision_aid signoff`; never by hand."
    )

    @field_validator("review_by")
    @classmethod
    def _not_before_last_review(cls, review_by: dt.date, info: ValidationInfo) -> dt.date:
        last = info.data.get("last_reviewed")
        if last is not None and review_by < last:
            raise ValueError(f"must not be earlier than last_reviewed ({last})")
        return review_by

    def sign_off_for_this_version(self) -> SignOff | None:
        """The latest sign-off of the current version; one for an older version does not count."""
        matching = [s for s in self.sign_offs if s.content_version == self.version]
        return max(matching, key=lambda s: s.date) if matching else None
