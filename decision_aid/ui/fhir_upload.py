"""/checklist: "Fill from a FHIR file": INR, platelets and neutrophils from the record's Observations.

The file is read in memory when it arrives and then let go: the uploader is redrawn empty (a new key),
so the file is not kept. What was filled (values, dates, age flags) and what was left out stay in
session state under keys without the `da_` prefix: shown here, never part of the visit's record, and
cleared by Start over.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from decision_aid import session
from decision_aid.content import Content
from decision_aid.fhir.observations import FhirFileError, LabReading, read_lab_results

UPLOAD_KEY = "fhir_upload"
ROUND_KEY = "fhir_upload_round"
REPORT_KEY = "fhir_upload_report"
STALE_ICON = ":material/warning:"


def fill_from_fhir_file(content: Content) -> None:
    words = content.fhir.ui
    key = f"{UPLOAD_KEY}_{st.session_state.get(ROUND_KEY, 0)}"
    st.file_uploader(words.upload_label, type=["json"], key=key, help=words.upload_help,
                     max_upload_size=content.fhir.max_upload_mb, on_change=_fill, args=(content, key))
    report = st.session_state.get(REPORT_KEY)
    if report is None:
        return
    error, filled, problems = report
    if error:
        st.error(error)
    elif filled:
        st.markdown(f"**{words.filled_heading}**\n\n" + "\n".join(f"- {line}" for line in filled))
    else:
        st.warning(words.none_filled)
    if problems:
        st.warning("\n".join(f"- {line}" for line in problems))


def _fill(content: Content, key: str) -> None:
    """Runs before the page is drawn, so the checklist's inputs can still be set."""
    upload = st.session_state.get(key)
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1  # the next run forgets the file
    if upload is None:
        return
    try:
        results = read_lab_results(upload.getvalue(), content, dt.date.today(), name=upload.name)
    except FhirFileError as err:
        st.session_state[REPORT_KEY] = (str(err), [], [])
        return
    for reading in results.readings:
        field = content.checklist.field(reading.key)
        st.session_state[session.checklist_key(reading.key)] = (
            int(reading.value) if getattr(field, "integer", False) else reading.value)
    st.session_state[REPORT_KEY] = (None, [_line(r, content) for r in results.readings], results.problems)


def _line(reading: LabReading, content: Content) -> str:
    words = content.fhir.ui
    line = words.filled.format(label=reading.label, value=f"{reading.value:g} {reading.unit}".strip(),
                               date=reading.date.strftime(words.date_format))
    if reading.converted:
        line += " " + words.converted.format(value=f"{reading.given_value} {reading.given_unit}".strip())
    if reading.stale:
        line += f" {STALE_ICON} " + words.stale.format(days=content.fhir.stale_after_days)
    return line
