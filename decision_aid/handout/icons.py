"""Icon arrays drawn as vector shapes in the PDF, from the same layout the screen uses.

Same colours and shapes as the screen (`figures.theme`): colour is never the only cue. People a
benefit happened to are filled circles, people a harm happened to are filled squares, and the rest
are empty circles, so the picture reads the same in grey print or with colour blindness.

Each icon is a copy of one shape drawn around the origin, moved to its place (`cm`): fpdf2's `circle`
writes every curve point of every shape, and a 1,000-person array drawn that way took a large share of
the sheet's build (writing and compressing the numbers). The circles are the same four Bezier curves
`FPDF.circle` draws, and each shape lands on the same points (within 0.02 pt).
"""

from __future__ import annotations

import math

from fpdf import FPDF

from decision_aid.figures import icon_layout, theme

GAP = 0.25  # share of a cell left empty around each shape
EMPTY_SHRINK = 0.85  # empty circles are a little smaller, so their outline stays inside the cell
KAPPA = 4 / 3 * (math.sqrt(2) - 1)  # Bezier control distance for a quarter circle, per radius


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

    def centre(c):
        return x + c.x * cell + pad + size / 2, y + c.y * cell + pad + size / 2

    pdf.set_line_width(max(cell * 0.08, 0.15))
    if layout.others:
        pdf.set_draw_color(*_rgb(theme.UNAFFECTED))
        _place(pdf, _circle(pdf, size / 2 * EMPTY_SHRINK) + " S", [centre(c) for c in layout.others])
    if layout.highlighted and harm:
        pdf.set_fill_color(*_rgb(theme.HARM))
        _place(pdf, _square(pdf, size) + " f", [centre(c) for c in layout.highlighted])
    elif layout.highlighted:
        pdf.set_fill_color(*_rgb(theme.BENEFIT))
        _place(pdf, _circle(pdf, size / 2) + " f", [centre(c) for c in layout.highlighted])
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)
    return layout.rows * cell


def _place(pdf: FPDF, shape: str, centres: list[tuple[float, float]]) -> None:
    """Draw `shape` (operators around the origin, in points) centred on each of `centres` (mm, from
    the top left). fpdf2 has no public call for this, so the operators are written to the page as
    fpdf2's own shape methods write them."""
    k, page_h = pdf.k, pdf.h
    pdf._out(" ".join(
        f"q 1 0 0 1 {cx * k:.2f} {(page_h - cy) * k:.2f} cm {shape} Q" for cx, cy in centres
    ))


def _circle(pdf: FPDF, r: float) -> str:
    """A closed circle around the origin as fpdf2's `circle` draws it, in points."""
    r = r * pdf.k
    c = KAPPA * r
    return (
        f"{r:.2f} 0 m {r:.2f} {c:.2f} {c:.2f} {r:.2f} 0 {r:.2f} c "
        f"{-c:.2f} {r:.2f} {-r:.2f} {c:.2f} {-r:.2f} 0 c "
        f"{-r:.2f} {-c:.2f} {-c:.2f} {-r:.2f} 0 {-r:.2f} c "
        f"{c:.2f} {-r:.2f} {r:.2f} {-c:.2f} {r:.2f} 0 c"
    )


def _square(pdf: FPDF, size: float) -> str:
    """A square centred on the origin, in points."""
    half, side = size / 2 * pdf.k, size * pdf.k
    return f"{-half:.2f} {half:.2f} {side:.2f} {-side:.2f} re"
