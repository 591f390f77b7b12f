"""start.yaml: the start page: the decision, who it is for, how to use it."""

from __future__ import annotations

from .base import ContentModel


class StartFile(ContentModel):
    """Placeholder until this file's issue defines it."""
