"""How every date is written, on screen, in the clinician's note and in the PDF: one format."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    """'7 March 2026': the day without a leading zero, the month in words, the full year."""
    return f"{day.day} {day:%B %Y}"
