"""The clinician's note: the answers, the unknowns, the result and its flags, as plain text to paste.

No patient identifiers: the checklist never asks for any.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from decision_aid.content import Content
from decision_aid.dates import long_date

from .answers import parse_answers
from .engine import Assessment
from .render import finding_lines, mirels_line, status_line
from .wording import show_with_unit

INDENT = "  "


def checklist_note(assessment: Assessment, answers: Mapping[str, Any], content: Content) -> str:
    checklist = content.checklist
    words = checklist.note
    meta = content.meta
    parsed = parse_answers(answers, checklist)
    lines = [
        words.title,
        words.version.format(version=meta.version, reviewed=long_date(meta.last_reviewed, meta.formats)),
        words.status.format(status=status_line(assessment, checklist, markdown=False)),
        "",
        words.answers,
    ]
    for group in checklist.groups:
        answered = [f for f in checklist.fields if f.group == group.id and f.key in parsed]
        if answered:
            lines.append(INDENT + group.label)
            lines += [f"{INDENT * 2}{f.label}: {show_with_unit(f.key, parsed[f.key], checklist)}" for f in answered]
    labels = {f.key: f.label for f in checklist.fields}
    lines += ["", words.unknown]
    lines.append(INDENT + ("; ".join(labels[k] for k in assessment.unknown) or checklist.ui.none_unknown))
    mirels = assessment.mirels
    lines += ["", words.mirels, INDENT + mirels_line(mirels, checklist)]
    if mirels.score is not None:
        lines.append(f"{INDENT}{mirels.caveat} {mirels.better_predictor}")
    lines += ["", words.findings]
    if not assessment.findings:
        lines.append(INDENT + words.no_findings)
    for finding in assessment.findings:
        first, *rest = finding_lines(finding, content, markdown=False)
        lines += [INDENT + first, *(INDENT * 2 + line for line in rest)]
    return "\n".join(lines) + "\n"
