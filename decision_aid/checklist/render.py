"""The checklist's result in words, built once for every place that shows it: the result panel,
the note for the record and the summary page all call these, as Markdown or as plain text."""

from __future__ import annotations

import re

from decision_aid.content import Content
from decision_aid.content.checklist import ChecklistFile
from decision_aid.content.sources import Source

from .engine import Assessment, Finding
from .mirels import MirelsResult


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


def status_line(assessment: Assessment, checklist: ChecklistFile, markdown: bool) -> str:
    """'STOP: resolve the flags below before injecting' (the label bold in Markdown)."""
    status = checklist.ui.status[assessment.status]
    label = f"**{status.label}**" if markdown else status.label
    return f"{label}: {status.meaning}"


def finding_lines(finding: Finding, content: Content, markdown: bool) -> list[str]:
    """A flag as lines: its level and title, the reason, the action, the sources, the evidence note."""
    ui = content.checklist.ui
    level = ui.level_label[finding.level]

    def label(text: str) -> str:
        return f"**{text}:**" if markdown else f"{text}:"

    lines = [f"{level.icon} **{level.label}: {finding.title}**" if markdown else f"[{level.label}] {finding.title}",
             f"{label(ui.reason_label)} {finding.detail}",
             f"{label(ui.action_label)} {finding.action}"]
    if finding.source_ids:
        lines.append(f"{label(ui.source_label)} {citations(finding.source_ids, content)}")
    if finding.evidence_note:
        note = f"{ui.evidence_label}: {finding.evidence_note}"
        lines.append(f":small[{note}]" if markdown else note)
    return lines


def mirels_line(mirels: MirelsResult, checklist: ChecklistFile) -> str:
    """'Mirels score 10 of 12: high (...). Site 3, Pain 2, ...' or what is missing."""
    ui = checklist.ui
    table = checklist.mirels
    parts = ", ".join(f"{c.label} {mirels.components[c.id]}" for c in table.components
                      if mirels.components[c.id] is not None)
    if mirels.score is None:
        missing = ", ".join(c.label for c in table.components if mirels.components[c.id] is None)
        return f"{ui.mirels_missing.format(missing=missing)} {parts}".rstrip() + ("." if parts else "")
    total = ui.mirels_total.format(
        score=mirels.score, max=mirels.max_score,
        band=next(b.label for b in table.bands if b.id == mirels.band),
        fracture_risk=mirels.fracture_risk, advice=mirels.advice,
    )
    return f"{total} {parts}."
