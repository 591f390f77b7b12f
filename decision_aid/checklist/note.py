"""The clinician's note: the answers, the unknowns, the result and its flags, as plain text to paste.

No patient identifiers: the checklist never asks for any.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from decision_aid.content import Content
from decision_aid.content.sources import Source

from .answers import parse_answers
from .engine import Assessment
from .wording import show_with_unit

INDENT = "  "


def short_citation(source: Source) -> str:
    """'Patel IJ et al. 2019' from 'Patel IJ et al. J Vasc Interv Radiol 2019;30:1168.'"""
    citation = source.citation
    if "et al." in citation:
        authors = citation[: citation.index("et al.") + len("et al.")]
    else:
        authors = re.split(r"\.\s|:\s", citation, maxsplit=1)[0].rstrip(".")
    year = str(source.year) if source.year else ""
    return f"{authors} {year}".strip() if year not in authors else authors


def citations(source_ids: list[str], content: Content) -> str:
    by_id = {s.id: s for s in content.sources.sources}
    return "; ".join(short_citation(by_id[i]) if i in by_id else i for i in source_ids)


def checklist_note(assessment: Assessment, answers: Mapping[str, Any], content: Content) -> str:
    checklist = content.checklist
    words = checklist.note
    meta = content.meta
    parsed = parse_answers(answers, checklist)
    status = checklist.ui.status[assessment.status]
    lines = [
        words.title,
        words.version.format(version=meta.version, reviewed=meta.last_reviewed.strftime("%d %B %Y")),
        words.status.format(label=status.label, meaning=status.meaning),
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
    lines += ["", words.mirels, INDENT + mirels_line(assessment, content)]
    lines += ["", words.findings]
    if not assessment.findings:
        lines.append(INDENT + words.no_findings)
    ui = checklist.ui
    for finding in assessment.findings:
        level = ui.level_label[finding.level]
        lines.append(f"{INDENT}[{level.label}] {finding.title}")
        lines.append(f"{INDENT * 2}{ui.reason_label}: {finding.detail}")
        lines.append(f"{INDENT * 2}{ui.action_label}: {finding.action}")
        if finding.source_ids:
            lines.append(f"{INDENT * 2}{ui.source_label}: {citations(finding.source_ids, content)}")
        if finding.evidence_note:
            lines.append(f"{INDENT * 2}{ui.evidence_label}: {finding.evidence_note}")
    return "\n".join(lines) + "\n"


def mirels_line(assessment: Assessment, content: Content) -> str:
    """'Mirels score 10 of 12: high (...). Site 3, Pain 2, ...' or what is missing."""
    ui = content.checklist.ui
    mirels = assessment.mirels
    table = content.checklist.mirels
    parts = ", ".join(f"{c.label} {mirels.components[c.id]}" for c in table.components
                      if mirels.components[c.id] is not None)
    if mirels.score is None:
        missing = ", ".join(c.label for c in table.components if mirels.components[c.id] is None)
        return f"{ui.mirels_missing.format(missing=missing)} {parts}".rstrip() + ("." if parts else "")
    total = ui.mirels_total.format(
        score=mirels.score, max=mirels.max_score, band=mirels.band,
        fracture_risk=mirels.fracture_risk, advice=mirels.advice,
    )
    return f"{total} {parts}. {mirels.caveat}"
