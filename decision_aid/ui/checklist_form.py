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
    finding_lines,
    karnofsky_to_ecog,
    level_counts,
    mirels_line,
    score_mirels,
    status_line,
)
from decision_aid.content import Content
from decision_aid.content.checklist import BoolField, ChecklistFile, ChoiceField, NumberField

from .lost_answers import mark_visit

KARNOFSKY_KEY = "checklist_karnofsky"  # a converter, not an answer: no `da_` key, not recorded
BUTTONS_UP_TO = 4  # choices with more options than this get a dropdown
REFUSED_ICON = ":material/block:"
BANNER = {"stop": st.error, "caution": st.warning, "clear": st.success}


def checklist_page(content: Content) -> None:
    _checklist(content)


@st.fragment
def _checklist(content: Content) -> None:
    _keep_given_answers()
    mark_visit()  # this rerun skips app.py, which keeps the lost-answers marker for other pages
    checklist = content.checklist
    # The result is worked out from session state before anything is drawn, so the elements go out
    # in one quick burst and the browser redraws the page in fewer passes.
    raw = {f.key: st.session_state.get(session.checklist_key(f.key)) for f in checklist.fields}
    answers, errors = check_answers(raw, checklist)
    assessment = None if errors else assess(answers, checklist)
    note = None if assessment is None else checklist_note(assessment, answers, content)
    inputs, result = st.columns(2, gap="large")
    with inputs:
        st.header(checklist.ui.answers_heading)
        _answer_inputs(checklist, answers, errors)
    with result:
        st.header(checklist.ui.result_heading)
        if assessment is None:
            st.error(checklist.ui.invalid, icon=REFUSED_ICON)
            return
        _result(assessment, content)
        st.markdown(_heading(checklist.ui.note_heading, f":small[{checklist.ui.note_help}]"))
        st.code(note, language=None, wrap_lines=True)


def _keep_given_answers() -> None:
    """Streamlit forgets a widget's value when its page is left, and a fragment rerun skips app.py,
    which re-saves them (`keep_answers_across_pages`). Re-save here only the answers given: an empty
    one is unknown, the default, so nothing is lost, and every re-saved widget is redrawn from scratch
    in the browser (re-saving every one was most of a click's cost)."""
    for key in [k for k in st.session_state if str(k).startswith(session.CHECKLIST)]:
        if st.session_state[key] is not None:
            st.session_state[key] = st.session_state[key]


def _answer_inputs(checklist: ChecklistFile, answers: dict[str, Any], errors: list[AnswerError]) -> None:
    """One bordered box per group, its inputs in YAML order, each with its refusal if any; the
    Karnofsky converter after ECOG and the Mirels total after the last of its parts."""
    last_mirels_field = next(f.key for f in reversed(checklist.fields)
                             if f.key in {c.field for c in checklist.mirels.components})
    for group in checklist.groups:
        with st.container(border=True):
            st.markdown(_heading(group.label, f":small[{group.help}]" if group.help else ""))
            for field in (f for f in checklist.fields if f.group == group.id):
                _input(field, checklist)
                for error in errors:
                    if error.key == field.key:
                        st.error(str(error), icon=REFUSED_ICON)
                if field.key == checklist.karnofsky.sets_field:
                    _karnofsky(checklist)
                if field.key == last_mirels_field:
                    _mirels_total(checklist, answers)


def _input(field: BoolField | ChoiceField | NumberField, checklist: ChecklistFile) -> None:
    key = session.checklist_key(field.key)
    ui = checklist.ui
    if isinstance(field, BoolField):
        st.segmented_control(
            field.label, [True, False], format_func=lambda v: ui.answer_yes if v else ui.answer_no,
            key=key, help=field.help,
        )
    elif isinstance(field, ChoiceField) and field.multiple:
        # No "Select all": a medicine list is chosen one by one, and "None" cannot go with others.
        st.multiselect(field.label, [c.value for c in field.choices], format_func=field.label_of,
                       placeholder=ui.choose, key=key, help=field.help, select_all=False)
    elif isinstance(field, ChoiceField):
        _choice(field, checklist, key)
    else:
        st.number_input(
            f"{field.label} ({field.unit})" if field.unit else field.label,
            value=None,
            # A float box even for whole numbers: an int box turns a typed "2.5" into 2 without a
            # word; this way check_answers refuses it by name, as the command line does.
            step=float(field.step),
            format="%g",
            placeholder=ui.number_placeholder,
            key=key,
            help=field.help,
        )


def _choice(field: ChoiceField, checklist: ChecklistFile, key: str) -> None:
    points = next((c.points for c in checklist.mirels.components if c.field == field.key), None)

    def label(value: Any) -> str:
        text = field.label_of(value)
        return checklist.ui.mirels_points.format(label=text, points=points[value]) if points else text

    values = [c.value for c in field.choices]
    if len(values) <= BUTTONS_UP_TO:
        st.segmented_control(field.label, values, format_func=label, key=key, help=field.help)
        return
    st.selectbox(
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


def _mirels_total(checklist: ChecklistFile, answers: dict[str, Any]) -> None:
    """The running total under the four parts, with each part's points and the score's limits."""
    mirels = score_mirels(answers, checklist.mirels)
    # One element, not three: every element costs the browser a redraw on each answer.
    st.markdown(f"**{checklist.ui.mirels_heading}:** {mirels_line(mirels, checklist)}\n\n"
                f":small[{mirels.caveat} {mirels.better_predictor}]")


def _result(assessment: Assessment, content: Content) -> None:
    checklist = content.checklist
    ui = checklist.ui
    BANNER[assessment.status](
        status_line(assessment, checklist, markdown=True) + ". "
        + ui.counts.format(**level_counts(assessment), unknown=len(assessment.unknown)),
        icon=ui.status[assessment.status].icon,
    )
    st.markdown(f"**{ui.mirels_heading}:** {mirels_line(assessment.mirels, checklist)}\n\n"
                + _heading(ui.findings_heading))
    show_findings(assessment, content)
    labels = {f.key: f.label for f in checklist.fields}
    st.markdown(_heading(ui.unknown_heading, "; ".join(labels[k] for k in assessment.unknown) or ui.none_unknown))


def show_findings(assessment: Assessment, content: Content) -> None:
    """Every flag in its own box, in the same words wherever the checklist's result is shown."""
    findings = st.container()  # the flags vary in number: boxed so what follows keeps its place
    if not assessment.findings:
        findings.markdown(content.checklist.ui.no_findings)
    for finding in assessment.findings:
        findings.container(border=True).markdown("\n\n".join(finding_lines(finding, content, markdown=True)))


def _heading(text: str, body: str = "") -> str:
    """A subheader and what follows it as one markdown element: each element costs the browser a
    redraw on every answer, so the page sends as few as it can."""
    return f"### {text}\n\n{body}".rstrip()
