"""The DRAFT line at the top of every page of the take-home sheet, while the content version has
no clinical sign-off (decision_aid/review_status.py decides; meta.yaml holds the words)."""

from __future__ import annotations

from fpdf import FPDF

from .fonts import FAMILY as FONT

STAMP_Y = 3.5  # mm from the top edge: in the top margin, so the sheet's layout does not move
STAMP_RGB = (140, 20, 20)  # dark red on white (AA contrast); the word DRAFT says it, not the colour


def draw_draft_stamp(pdf: FPDF, text: str, size_pt: float) -> None:
    """`text` in bold capitals-first type across the top margin of the current page."""
    x, y = pdf.get_x(), pdf.get_y()
    pdf.set_font(FONT, style="B", size=size_pt)
    pdf.set_text_color(*STAMP_RGB)
    pdf.set_xy(pdf.l_margin, STAMP_Y)
    pdf.cell(pdf.epw, size_pt * 0.45, text, align="C")
    pdf.set_text_color(31, 35, 40)
    pdf.set_xy(x, y)
