"""Content models (one module per YAML file) and loading. Clinical words and numbers live in YAML."""

from .bundle import Content
from .loading import ContentError, Problem, content_root, load_content, patient_texts
from .text import PatientText

__all__ = ["Content", "ContentError", "PatientText", "Problem", "content_root", "load_content", "patient_texts"]
