"""/summary: the visit as a FHIR Bundle for the health record, built in memory only when pressed."""

from __future__ import annotations

import streamlit as st

from decision_aid.content import Content
from decision_aid.fhir.bundle import bundle_json
from decision_aid.session import SessionRecord

FHIR_JSON = "application/fhir+json"


def fhir_download_button(content: Content, record: SessionRecord) -> None:
    words = content.fhir
    st.download_button(
        words.ui.download_label,
        data=lambda: bundle_json(content, record),  # built when pressed, from this run's record
        file_name=words.documents.bundle_file,
        mime=FHIR_JSON,
        on_click="ignore",
        help=words.ui.download_help,
    )
