"""explainer.yaml: the patient explainer: steps, what we do not know, who should think twice, glossary."""

from __future__ import annotations

from .base import ContentModel


class ExplainerFile(ContentModel):
    """Placeholder until this file's issue defines it."""
