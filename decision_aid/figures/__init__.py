"""Figure builders: icon array and timeline pictures (SVG) and their text equivalents, built from
content (no Streamlit).

The same geometry (`icon_layout`) serves the screen and the PDF handout; the same counts feed a
figure and its sentence, so the two always state the same numbers.
"""

from .counts import DENOMINATORS, OutcomeCounts, common_denominator, format_number, outcome_counts
from .describe import outcome_alt, outcome_sentence, row_text, row_words, timeline_rows, timeline_text
from .estimate_band import Band
from .icon_array import Cell, IconArraySvg, IconLayout, icon_array_svg, icon_layout
from .timeline import TimelineSvg, segment_spans, timeline_svg

__all__ = [
    "DENOMINATORS",
    "Band",
    "Cell",
    "IconArraySvg",
    "IconLayout",
    "OutcomeCounts",
    "TimelineSvg",
    "common_denominator",
    "format_number",
    "icon_array_svg",
    "icon_layout",
    "outcome_alt",
    "outcome_counts",
    "outcome_sentence",
    "row_text",
    "row_words",
    "segment_spans",
    "timeline_rows",
    "timeline_svg",
    "timeline_text",
]
