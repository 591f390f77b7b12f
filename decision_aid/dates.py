"""How every date is written, on screen, in the clinician's note and in the PDF: one format per
language, from meta.yaml `formats` (month names and the order of day, month and year)."""

from __future__ import annotations

import datetime as dt

from decision_aid.content.meta import Formats


def long_date(day: dt.date, formats: Formats) -> str:
    """'7 March 2026' in English, '7 de marzo de 2026' in Spanish: no leading zero, the month in words."""
    return formats.date.format(day=day.day, month=formats.months[day.month - 1], year=day.year)
