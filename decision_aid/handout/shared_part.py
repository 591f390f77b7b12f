"""The take-home sheet's part on what the care team shared from the checklist.

Written only when something was shared: with sharing off the sheet holds nothing from the checklist.
The estimate of time is printed only when the clinician ticked it for the sheet too.
"""

from __future__ import annotations

from typing import Any

from decision_aid.personal import shared_lines
from decision_aid.visit import Visit


def write_shared(writer: Any, visit: Visit) -> None:
    """`writer` is the sheet's writer (handout/pdf.py): its heading, bullets and para."""
    content = writer.c
    lines = shared_lines(content, visit.personal, for_sheet=True)
    if not lines:
        return
    writer.heading(content.personal.record.heading)
    writer.bullets(lines)
    if visit.personal.estimate_on_pdf:
        estimate = content.personal.estimate
        short = [estimate.short_time] if visit.personal.estimate.short else []
        writer.bullets([estimate.means, estimate.does_not_mean, *short])
        writer.cite(estimate.source_ids if short else [])
