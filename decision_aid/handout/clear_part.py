"""The take-home sheet's aids for every patient: the key messages near the top, and the
suggested questions the patient ticked (printed with their own questions)."""

from __future__ import annotations

from typing import Any

from decision_aid.visit import Visit


def write_key_messages(writer: Any) -> None:
    """`writer` is the sheet's writer (handout/pdf.py): its heading, bullets and cite."""
    messages = writer.c.clear.key_messages
    writer.heading(messages.heading)
    writer.bullets(point.text for point in messages.points)
    for point in messages.points:
        writer.cite(point.source_ids)


def write_asked(writer: Any, visit: Visit) -> None:
    if visit.asked:
        writer.heading(writer.c.clear.questions.summary_label)
        writer.bullets(visit.asked)
