"""timeline.yaml: how soon relief may start and how long it may last, per option."""

from __future__ import annotations

from .base import ContentModel


class TimelineFile(ContentModel):
    """Placeholder until this file's issue defines it."""
