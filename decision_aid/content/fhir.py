"""fhir.yaml: the exchange with the health record: Questionnaire identity, codes, units, wording."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import ContentModel, Id, Text


class QuestionnaireIdentity(ContentModel):
    url: Text = Field(description="The Questionnaire's canonical address.")
    name: str = Field(pattern=r"^[A-Z][A-Za-z0-9_]{0,254}$", description="Computer-friendly name (FHIR rule).")
    title: Text
    status: Literal["draft", "active", "retired"]
    publisher: Text
    description: Text
    code_system_base: Text = Field(description="Choice codes live in <code_system_base>:<question key>.")
    result_group: Text
    result_status: Text
    result_mirels: Text
    result_flags: Text

    @model_validator(mode="after")
    def _result_ids_cannot_be_keys(self) -> QuestionnaireIdentity:
        # Checklist keys are lower case with underscores only; a dot keeps these apart from any key.
        for name in ("result_group", "result_status", "result_mirels", "result_flags"):
            if "." not in getattr(self, name):
                raise ValueError(f"{name}: must contain a dot, so it can never equal a checklist key")
        return self


class Extensions(ContentModel):
    content_version: Text


class Documents(ContentModel):
    handout_title: Text
    note_title: Text
    handout_file: Text
    note_file: Text
    bundle_file: Text = Field(description="The downloaded Bundle's file name.")
    version: Text = Field(description="Template: {version}.")


class LabUnit(ContentModel):
    unit: str = Field(description="A UCUM code or unit text as the record writes it ('' for none).")
    factor: float = Field(gt=0, description="Value in this unit x factor = value in the checklist's unit.")


class Lab(ContentModel):
    key: Id = Field(description="The checklist answer this result fills (a number field).")
    loinc: list[Text] = Field(min_length=1)
    units: list[LabUnit] = Field(min_length=1)


class FhirUi(ContentModel):
    download_label: Text
    download_help: Text
    upload_label: Text
    upload_help: Text
    filled_heading: Text
    filled: Text = Field(description="Template: {label}, {value} (with its unit), {date}.")
    converted: Text = Field(description="Added when the unit was converted. Template: {value} (as given).")
    stale: Text = Field(description="Template: {days}.")
    none_filled: Text
    date_format: Text


class FhirMessages(ContentModel):
    """Why a file or an observation is refused; each names the file or the observation."""

    not_json: Text
    not_fhir: Text
    not_observation: Text
    unknown_code: Text
    bad_status: Text
    no_value: Text
    unknown_unit: Text
    no_date: Text
    refused: Text
    older_result: Text
    observation_name: Text


class FhirFile(ContentModel):
    questionnaire: QuestionnaireIdentity
    ucum: dict[str, Text] = Field(default_factory=dict, description="Checklist unit text -> UCUM code.")
    extensions: Extensions
    documents: Documents
    labs: list[Lab] = Field(min_length=1)
    stale_after_days: int = Field(gt=0)
    usable_statuses: list[Text] = Field(min_length=1)
    max_upload_mb: int = Field(gt=0)
    ui: FhirUi
    messages: FhirMessages

    @model_validator(mode="after")
    def _codes_unique(self) -> FhirFile:
        codes = [code for lab in self.labs for code in lab.loinc]
        repeated = sorted({c for c in codes if codes.count(c) > 1})
        if repeated:
            raise ValueError(f"labs: LOINC code(s) {repeated} given for more than one lab")
        return self


def lab_problems(fhir: FhirFile, number_keys: set[str]) -> list[tuple[str, str]]:
    """(field, message) for each lab whose key is not a number answer of the checklist."""
    return [(f"labs[{i}].key", f"'{lab.key}' is not a number field of checklist.yaml")
            for i, lab in enumerate(fhir.labs) if lab.key not in number_keys]
