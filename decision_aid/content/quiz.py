"""quiz.yaml: the check of understanding (teach-back items)."""

from __future__ import annotations

from .base import ContentModel


class QuizFile(ContentModel):
    """Placeholder until this file's issue defines it."""
