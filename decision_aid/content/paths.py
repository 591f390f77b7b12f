"""paths.yaml: the guided paths through the pages for each setting."""

from __future__ import annotations

from .base import ContentModel


class PathsFile(ContentModel):
    """Placeholder until this file's issue defines it."""
