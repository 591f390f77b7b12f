"""The visit's free text as the sheet can print it: cut to its limit, unprintable characters marked."""

from __future__ import annotations

from dataclasses import replace

from decision_aid.content import Content
from decision_aid.free_text import clip, printable
from decision_aid.visit import Visit

from .fonts import full_characters


def printable_inputs(content: Content, visit: Visit | None, patient_name: str | None
                     ) -> tuple[Visit | None, str | None, str | None]:
    """(visit, name) with every character the font lacks shown as the content's mark, and the note
    the sheet prints when any was (None when none was)."""
    words = content.summary.free_text
    drawable = full_characters()

    def fix(text: str | None) -> tuple[str | None, bool]:
        return (None, False) if text is None else printable(text, drawable.__contains__, words.unprintable_mark)

    name, name_marked = fix(clip(patient_name, words.limits.patient_name, words.clipped_mark))
    marked = name_marked
    if visit is not None:
        questions, questions_marked = fix(visit.questions)
        next_step, step_marked = fix(visit.next_step)
        visit = replace(visit, questions=questions, next_step=next_step)
        marked = marked or questions_marked or step_marked
    note = words.unprintable_note.format(mark=words.unprintable_mark) if marked else None
    return visit, name, note
