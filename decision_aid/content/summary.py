"""summary.yaml: next steps, consent record items, what to watch for, handout wording."""

from __future__ import annotations

from .base import ContentModel


class SummaryFile(ContentModel):
    """Placeholder until this file's issue defines it."""
