"""priorities.yaml: what matters most (values clarification) and the SURE test."""

from __future__ import annotations

from .base import ContentModel


class PrioritiesFile(ContentModel):
    """Placeholder until this file's issue defines it."""
