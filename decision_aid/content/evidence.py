"""evidence.yaml: the evidence page: limits of this tool and how it was made."""

from __future__ import annotations

from .base import ContentModel


class EvidenceFile(ContentModel):
    """Placeholder until this file's issue defines it."""
