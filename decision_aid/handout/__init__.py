"""The end of a visit: what was covered (`visit`), the take-home PDF (`pdf`, with `icons` drawn as
vector shapes, text broken into `lines`, and `fonts` prepared once per process), and saved sessions
read for the command line (`session_file`)."""

from .pdf import MAX_PAGES, build_handout
from .visit import Visit, gather_visit

__all__ = ["MAX_PAGES", "Visit", "build_handout", "gather_visit"]
