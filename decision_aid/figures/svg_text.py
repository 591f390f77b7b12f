"""Words on a static SVG picture: wrapped to fit, escaped, in the fonts a picture can use.

A picture shown as an <img> loads no web fonts, so its text is measured for the widest system font
it may fall back to: lines wrapped to that width never run off the picture.
"""

from __future__ import annotations

import textwrap
from xml.sax.saxutils import escape

# Widest average character, as a share of the font size, of the fonts theme.PICTURE_FONT_FAMILY
# may fall back to (DejaVu Sans is the widest).
CHAR_WIDTH = {False: 0.56, True: 0.63}  # regular, bold


def text_width(text: str, font: int, *, bold: bool = False) -> float:
    """At most how many pixels wide `text` is drawn at `font` pixels."""
    return len(text) * font * CHAR_WIDTH[bold]


def wrap(text: str, font: int, width: float, *, bold: bool = False) -> list[str]:
    """`text` in lines that each fit `width` pixels."""
    chars = max(10, int(width / (font * CHAR_WIDTH[bold])))
    return textwrap.wrap(text, chars, break_on_hyphens=False) or [""]


def text_lines(parts: list[str], text: str, top: float, font: int, width: float, colour: str, *,
               bold: bool = False, italic: bool = False, x: float) -> float:
    """Append `text` wrapped to `width` pixels as <text> lines from `top`; return the y below them."""
    style = (' font-weight="bold"' if bold else "") + (' font-style="italic"' if italic else "")
    for line in wrap(text, font, width, bold=bold):
        baseline = top + font
        parts.append(f'<text x="{_n(x)}" y="{_n(baseline)}" font-size="{font}" fill="{colour}"{style}>'
                     f"{escape(line)}</text>")
        top += round(font * 1.3)
    return top


def _n(value: float) -> str:
    """A coordinate, short: whole pixels where it is whole."""
    return f"{value:.1f}".removesuffix(".0")
