"""The clinician's note: everything the visit recorded, as plain text to paste into the record.

A part with no answers reads "not discussed". No patient identifiers: the tool never asks for any,
and the optional name typed for the take-home sheet never reaches the note.
"""

from __future__ import annotations

from decision_aid import review_status
from decision_aid.content import Content
from decision_aid.dates import long_date
from decision_aid.personal import note_lines
from decision_aid.session import SessionRecord
from decision_aid.visit import Visit, gather_visit, quiz_words, sure_words

INDENT = "  "


def clinician_note(content: Content, record: SessionRecord | None) -> str:
    """The note for one visit (record None: every part "not discussed")."""
    words = content.summary.note
    meta = content.meta
    visit = gather_visit(content, record)
    missing = words.not_discussed
    lines = [
        words.title,
        words.version.format(version=meta.version, reviewed=long_date(meta.last_reviewed, meta.formats)),
        *review_status.note_lines(content),  # DRAFT until this version is signed off; review overdue
        "",
        f"{words.options}: " + ("; ".join(o.name for o in visit.options) if visit.options else missing),
        f"{words.priorities}:" + _numbered(
            [f"{p.priority.label}: {p.rating_label}" for p in visit.priorities or []], missing),
        f"{words.sure}: " + (sure_words(content, visit.sure) if visit.sure else missing),
        f"{words.quiz}: " + (quiz_words(content, visit.quiz) if visit.quiz else missing),
        f"{words.questions}:" + (_indented_block(visit.questions) if visit.questions else f" {missing}"),
        f"{content.clear.questions.note_label}: " + ("; ".join(visit.asked) if visit.asked else missing),
        f"{words.next_step}: " + (visit.next_step or missing),
        "",
        *_consent_lines(content, visit),
        "",
        f"{words.checklist}:" + ("" if visit.checklist_note else f" {missing}"),
    ]
    if visit.checklist_note:
        lines += [INDENT + line if line else "" for line in visit.checklist_note.rstrip("\n").split("\n")]
    lines += ["", f"{content.personal.record.note_heading}:", *(INDENT + line for line in note_lines(content, visit.personal))]
    return "\n".join(lines).rstrip() + "\n"


def _consent_lines(content: Content, visit: Visit) -> list[str]:
    words = content.summary.note
    if not visit.consent:
        return [f"{words.consent}: {words.not_discussed}"]
    lines = [f"{words.consent}:"]
    for item, ticked in visit.consent:
        lines.append(f"{INDENT}[{'x' if ticked else ' '}] {item.note_label}"
                     + ("" if ticked else f" - {words.consent_not_ticked}"))
        if item.lists_material_risks and ticked:
            lines += [f"{INDENT * 3}- {risk.name}" for risk in content.summary.material_risks]
    return lines


def _numbered(items: list[str], missing: str) -> str:
    if not items:
        return f" {missing}"
    return "".join(f"\n{INDENT}{i}. {item}" for i, item in enumerate(items, start=1))


def _indented_block(text: str) -> str:
    """Multi-line free text keeps its lines, indented under its label."""
    lines = text.strip().splitlines()
    return f" {lines[0]}" if len(lines) == 1 else "".join(f"\n{INDENT}{line}" for line in lines)
