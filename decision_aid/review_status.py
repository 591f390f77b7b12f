"""Whether this content version is approved for use with patients, and whether its review is overdue.

One place decides, so every page, the PDF and the clinician's note say the same thing. The words
come from meta.yaml `status_words` and evidence.yaml `about.review_overdue`.
"""

from __future__ import annotations

import datetime as dt

from decision_aid.content import Content
from decision_aid.content.meta import Formats, SignOff
from decision_aid.dates import long_date
from decision_aid.evidence_table import review_is_overdue


def approval(content: Content) -> SignOff | None:
    """The sign-off of the current content version, or None: the content is a draft."""
    return content.meta.sign_off_for_this_version()


def overdue_line(content: Content, today: dt.date | None = None) -> str | None:
    """The warning once meta.yaml's review-by date has passed, else None."""
    if not review_is_overdue(content.meta, today):
        return None
    meta = content.meta
    return content.evidence.about.review_overdue.format(date=long_date(meta.review_by, meta.formats))


def _fill(template: str, sign_off: SignOff, formats: Formats) -> str:
    return template.format(name=sign_off.name, role=sign_off.role, date=long_date(sign_off.date, formats),
                           version=sign_off.content_version)


def note_lines(content: Content, today: dt.date | None = None) -> list[str]:
    """The clinician's note: approved by whom and when, or DRAFT; and an overdue review."""
    words = content.meta.status_words
    sign_off = approval(content)
    status = (_fill(words.approved_note, sign_off, content.meta.formats) if sign_off
              else words.draft_note.format(version=content.meta.version))
    overdue = overdue_line(content, today)
    return [status, overdue] if overdue else [status]


def evidence_line(content: Content) -> str:
    """The evidence page: who approved this version and when, or that no one has."""
    words = content.meta.status_words
    sign_off = approval(content)
    return _fill(words.approved, sign_off, content.meta.formats) if sign_off else words.not_approved.format(
        version=content.meta.version)


def pdf_stamp(content: Content) -> str | None:
    """Printed at the top of every page of the take-home sheet while the content is a draft."""
    return None if approval(content) else content.meta.status_words.draft_stamp
