"""The /checklist page body: inputs built from checklist.yaml, a live result panel, the note.

Every input starts empty, meaning "unknown", and can be emptied again (click a chosen button again,
clear a dropdown or a number box). Values live in session state under `session.checklist_key(key)`.
The form and result run as one fragment, so an answer reruns only this part of the page.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from decision_aid import session
from decision_aid.checklist import (
    AnswerError,
    Assessment,
    assess,
    check_answers,
    checklist_note,
    karnofsky_to_ecog,
    score_mirels,
)
from decision_aid.checklist.note import citations, mirels_line
from decision_aid.content import Content
from decision_aid.content.checklist import BoolField, ChecklistFile, ChoiceField, NumberField

from .chrome import keep_answers_across_pages

KARNOFSKY_KEY = "checklist_karnofsky"  # a converter, not an answer: no `da_` key, not recorded
BUTTONS_UP_TO = 4  # choices with more options than this get a dropdown
REFUSED_ICON = ":material/block:"
BANNER = {"stop": st.error, "caution": st.warning, "clear": st.success}


def checklist_page(content: Content) -> None:
    _checklist(content)


@st.fragment
def _checklist(content: Content) -> None:
    keep_answers_across_pages(session.CHECKLIST)  # a fragment rerun skips app.py, which keeps them
    checklist = content.checklist
    inputs, result = st.columns(2, gap="large")
    with inputs:
        st.header(checklist.ui.answers_heading)
        raw = _answer_inputs(checklist)
    answers, errors = check_answers(raw, checklist)
    with result:
        st.header(checklist.ui.result_heading)
        if errors:
            st.error(checklist.ui.invalid, icon=REFUSED_ICON)
            return
        assessment = assess(answers, checklist)
        _result(assessment, content)
        st.subheader(checklist.ui.note_heading)
        st.caption(checklist.ui.note_help)
        st.code(checklist_note(assessment, answers, content), language=None, wrap_lines=True)


def _answer_inputs(checklist: ChecklistFile) -> dict[str, Any]:
    """One bordered box per group, its inputs in YAML order; the Karnofsky converter after ECOG and
    the Mirels total after its parts. Returns the raw values (None = unknown)."""
    mirels_fields = {c.field for c in checklist.mirels.components}
    raw: dict[str, Any] = {}
    for group in checklist.groups:
        fields = [f for f in checklist.fields if f.group == group.id]
        with st.container(border=True):
            st.subheader(group.label)
            if group.help:
                st.caption(group.help)
            for field in fields:
                raw[field.key] = _input(field, checklist)
                if field.key == checklist.karnofsky.sets_field:
                    _karnofsky(checklist)
            if any(f.key in mirels_fields for f in fields):
                _mirels_total(checklist)
    return raw


def _input(field: BoolField | ChoiceField | NumberField, checklist: ChecklistFile) -> Any:
    key = session.checklist_key(field.key)
    ui = checklist.ui
    if isinstance(field, BoolField):
        value = st.segmented_control(
            field.label, [True, False], format_func=lambda v: ui.answer_yes if v else ui.answer_no,
            key=key, help=field.help,
        )
    elif isinstance(field, ChoiceField):
        value = _choice(field, checklist, key)
    else:
        value = st.number_input(
            f"{field.label} ({field.unit})" if field.unit else field.label,
            value=None,
            step=int(field.step) if field.integer else float(field.step),
            format="%d" if field.integer else "%g",
            placeholder=ui.number_placeholder,
            key=key,
            help=field.help,
        )
    _, errors = check_answers({field.key: value}, checklist)
    for error in errors:
        st.error(str(error), icon=REFUSED_ICON)
    return value


def _choice(field: ChoiceField, checklist: ChecklistFile, key: str) -> Any:
    points = next((c.points for c in checklist.mirels.components if c.field == field.key), None)

    def label(value: Any) -> str:
        text = field.label_of(value)
        return checklist.ui.mirels_points.format(label=text, points=points[value]) if points else text

    values = [c.value for c in field.choices]
    if len(values) <= BUTTONS_UP_TO:
        return st.segmented_control(field.label, values, format_func=label, key=key, help=field.help)
    return st.selectbox(
        field.label, values, index=None, format_func=label, placeholder=checklist.ui.choose, key=key,
        help=field.help,
    )


def _karnofsky(checklist: ChecklistFile) -> None:
    table = checklist.karnofsky
    st.selectbox(
        table.label, table.scores(), index=None, placeholder=checklist.ui.choose, key=KARNOFSKY_KEY,
        help=table.help, on_change=_set_ecog_from_karnofsky, args=(checklist,),
    )
    kps = st.session_state.get(KARNOFSKY_KEY)
    if kps is not None:
        st.caption(checklist.ui.karnofsky_result.format(karnofsky=kps, ecog=karnofsky_to_ecog(kps, checklist)))


def _set_ecog_from_karnofsky(checklist: ChecklistFile) -> None:
    kps = st.session_state.get(KARNOFSKY_KEY)
    if kps is not None:
        try:
            st.session_state[session.checklist_key(checklist.karnofsky.sets_field)] = karnofsky_to_ecog(kps, checklist)
        except AnswerError:
            pass  # the options come from the same map, so every offered score converts


def _mirels_total(checklist: ChecklistFile) -> None:
    """The running total under the four parts, with each part's points."""
    raw = {c.field: st.session_state.get(session.checklist_key(c.field)) for c in checklist.mirels.components}
    answers, _ = check_answers(raw, checklist)
    mirels = score_mirels(answers, checklist.mirels)
    ui = checklist.ui
    shown = " + ".join(
        f"{c.label} {mirels.components[c.id] if mirels.components[c.id] is not None else ui.unknown}"
        for c in checklist.mirels.components
    )
    st.markdown(f"**{ui.mirels_heading}:** {shown}")
    if mirels.score is None:
        missing = ", ".join(c.label for c in checklist.mirels.components if mirels.components[c.id] is None)
        st.markdown(ui.mirels_missing.format(missing=missing))
    else:
        st.markdown("**" + ui.mirels_total.format(
            score=mirels.score, max=mirels.max_score, band=mirels.band,
            fracture_risk=mirels.fracture_risk, advice=mirels.advice,
        ) + "**")
    st.caption(f"{mirels.caveat} {mirels.better_predictor}")


def _result(assessment: Assessment, content: Content) -> None:
    checklist = content.checklist
    ui = checklist.ui
    status = ui.status[assessment.status]
    counts = {level: sum(f.level == level for f in assessment.findings) for level in ("stop", "caution", "info")}
    BANNER[assessment.status](
        f"**{status.label}**: {status.meaning}. "
        + ui.counts.format(**counts, unknown=len(assessment.unknown)),
        icon=status.icon,
    )
    st.markdown(f"**{ui.mirels_heading}:** {mirels_line(assessment, content)}")
    st.subheader(ui.findings_heading)
    if not assessment.findings:
        st.markdown(ui.no_findings)
    for finding in assessment.findings:
        level = ui.level_label[finding.level]
        with st.container(border=True):
            st.markdown(f"{level.icon} **{level.label}: {finding.title}**")
            lines = [f"**{ui.reason_label}:** {finding.detail}", f"**{ui.action_label}:** {finding.action}"]
            if finding.source_ids:
                lines.append(f"**{ui.source_label}:** {citations(finding.source_ids, content)}")
            st.markdown("\n\n".join(lines))
            if finding.evidence_note:
                st.caption(f"{ui.evidence_label}: {finding.evidence_note}")
    st.subheader(ui.unknown_heading)
    labels = {f.key: f.label for f in checklist.fields}
    st.markdown("; ".join(labels[k] for k in assessment.unknown) or ui.none_unknown)
