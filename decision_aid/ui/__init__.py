"""The thin Streamlit layer: the only place in the package that imports Streamlit.

Pages call `start_page(page_id)` first; it loads the content (cached), draws the shared chrome and
returns the content. Everything clinical comes from the content, not from here.
"""

from .built_once import per_content
from .chrome import (
    app_pages,
    contents,
    keep_answers_across_pages,
    language_choice,
    large_text_on,
    load_or_stop,
    note_language_choice,
    sidebar,
    start_page,
)
from .lost_answers import lost_answers_notice

__all__ = [
    "app_pages",
    "contents",
    "keep_answers_across_pages",
    "language_choice",
    "large_text_on",
    "load_or_stop",
    "lost_answers_notice",
    "note_language_choice",
    "per_content",
    "sidebar",
    "start_page",
]
