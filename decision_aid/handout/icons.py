"""Icon arrays drawn as vector shapes in the PDF, from the same layout the screen uses.

Same colours and shapes as the screen (`figures.theme`): colour is never the only cue. People a
benefit happened to are filled circles, people a harm happened to are filled squares, and the rest
are empty circles, so the picture reads the same in grey print or with colour blindness.
"""

from __future__ import annotations

from fpdf import FPDF

from decision_aid.figures import icon_layout, theme

GAP = 0.25  # share of a cell left empty around each shape


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def icon_array_height(count: int, denominator: int, width: float) -> float:
    layout = icon_layout(count, denominator)
    return layout.rows * width / layout.columns


def draw_icon_array(
    pdf: FPDF, count: int, denominator: int, harm: bool, x: float, y: float, width: float
) -> float:
    """Draw the array with its top-left corner at (x, y), `width` wide; return its height."""
    layout = icon_layout(count, denominator)
    cell = width / layout.columns
    size = cell * (1 - GAP)
    pad = (cell - size) / 2
    pdf.set_line_width(max(cell * 0.08, 0.15))
    for c in layout.cells:
        left, top = x + c.x * cell + pad, y + c.y * cell + pad
        if c.highlighted and harm:
            pdf.set_fill_color(*_rgb(theme.HARM))
            pdf.rect(left, top, size, size, style="F")
        elif c.highlighted:
            pdf.set_fill_color(*_rgb(theme.BENEFIT))
            pdf.circle(left + size / 2, top + size / 2, size / 2, style="F")
        else:
            pdf.set_draw_color(*_rgb(theme.UNAFFECTED))
            pdf.circle(left + size / 2, top + size / 2, size / 2 * 0.85, style="D")
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)
    return layout.rows * cell
