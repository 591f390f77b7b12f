"""The take-home PDF (`pdf`, with `icons` drawn as vector shapes, text broken into `lines`, and
`fonts` prepared once per process), and saved sessions read for the command line (`session_file`).
What the visit covered is `decision_aid.visit`."""

from .pdf import MAX_PAGES, build_handout

__all__ = ["MAX_PAGES", "build_handout"]
