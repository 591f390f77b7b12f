"""Plain left-aligned paragraphs broken into lines the way fpdf2's `multi_cell` breaks them, once.

`multi_cell` re-measures the whole line at every space (so a paragraph costs about the square of its
line length), and the sheet measured most paragraphs twice: once to keep them on one page, once to
print them. The sheet prints plain text in one font per paragraph, so here each character's width is
looked up once; the lines are then printed one `cell` each.
"""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.errors import FPDFException
from fpdf.line_break import BREAKING_SPACE_SYMBOLS_STR

SOFT_HYPHEN = "\u00ad"
TOLERANCE = 1e-9  # as fpdf2 compares widths


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """The lines `text` takes in a cell `width` wide, in the current font (as multi_cell: a line
    breaks at its last space, or mid-word if a word is longer than a line; \\n starts a new line)."""
    widths = pdf.current_font.cw  # per character, in thousandths of the type size
    scale = pdf.font_size_pt * 0.001 / pdf.k
    room = width - 2 * pdf.c_margin
    text = text.replace("\r", "").replace(SOFT_HYPHEN, "")  # no hyphenation
    lines: list[str] = []
    start = used = 0
    space = -1  # index of the line's last space, if any
    i = 0
    while i < len(text):
        char = text[i]
        if char in "\n\f":
            lines.append(text[start:i])
            i = start = i + 1
            used, space = 0, -1
            continue
        char_width = widths[ord(char)]
        if (used + char_width) * scale - room > TOLERANCE:
            if char in BREAKING_SPACE_SYMBOLS_STR:  # the space at the break is dropped
                lines.append(text[start:i])
                i = start = i + 1
            elif space >= 0:  # back to the last space
                lines.append(text[start:space])
                i = start = space + 1
            elif i > start:  # a word longer than the line
                lines.append(text[start:i])
                start = i
            else:
                raise FPDFException("Not enough horizontal space to render a single character")
            used, space = 0, -1
            continue
        if char in BREAKING_SPACE_SYMBOLS_STR:
            space = i
        used += char_width
        i += 1
    if used:
        lines.append(text[start:])
    return lines or [""]


def write(pdf: FPDF, lines: list[str], width: float, height: float) -> None:
    """Print `lines` one under the other from the current position (each line starts at the
    current x; a page break keeps it). Leaves the position under the last line, at that x."""
    for line in lines:
        pdf.cell(width, height, line, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
