"""checklist.yaml: the clinician's checklist: answer fields, rules and thresholds."""

from __future__ import annotations

from .base import ContentModel


class ChecklistFile(ContentModel):
    """Placeholder until this file's issue defines it."""
