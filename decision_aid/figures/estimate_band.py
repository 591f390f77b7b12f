"""The care team's estimate of time, as a shaded band behind the timeline's bars.

Drawn only when the clinician chose to show it (decision_aid/personal.py). The band is a grey,
cross-hatched span the height of the rows, behind the relief bars, with its label written at its
top: hatching and words, so it is not told by colour alone, and it cannot be mistaken for a bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from . import theme
from .svg_text import text_width

BAND_FILL = "#EEF0F3"
BAND_LINE = theme.MUTED_TEXT
BAND_ID = "estimate-band"
HATCH_ID = "tl-band-hatch"


@dataclass(frozen=True)
class Band:
    """The span to shade, in hours after the treatment, and its label (from content)."""

    from_hours: float
    to_hours: float
    label: str


def band_defs() -> str:
    """The band's cross-hatching (light rules on light grey), defined once in the picture."""
    return (f'<pattern id="{HATCH_ID}" patternUnits="userSpaceOnUse" width="12" height="12">'
            f'<rect width="12" height="12" fill="{BAND_FILL}"/>'
            f'<path d="M0 0L12 12M12 0L0 12" stroke="{theme.GRID}" stroke-width="1"/></pattern>')


def band_svg(band: Band, x_of: Callable[[float], float], top: float, bottom: float, label_height: int,
             font: int, left_edge: float, right_edge: float) -> str:
    """The band from `top` to `bottom`, its label in the top `label_height` pixels, centred on the band
    but kept inside the picture (from `left_edge` to `right_edge`)."""
    x0, x1 = x_of(band.from_hours), x_of(band.to_hours)
    label_width = text_width(band.label, font, bold=True) + 8
    middle = min(max((x0 + x1) / 2, left_edge + label_width / 2), right_edge - label_width / 2)
    return (
        f'<g id="{BAND_ID}">'
        f'<rect x="{x0:.1f}" y="{top:.1f}" width="{x1 - x0:.1f}" height="{bottom - top:.1f}" '
        f'fill="url(#{HATCH_ID})" stroke="{BAND_LINE}" stroke-width="1"/>'
        f'<rect x="{middle - label_width / 2:.1f}" y="{top + 2:.1f}" width="{label_width:.1f}" '
        f'height="{label_height - 4}" fill="{BAND_FILL}" stroke="{BAND_LINE}" stroke-width="1"/>'
        f'<text x="{middle:.1f}" y="{top + label_height / 2 + font * 0.35:.1f}" font-size="{font}" '
        f'font-weight="bold" fill="{theme.TEXT}" text-anchor="middle">{escape(band.label)}</text>'
        "</g>"
    )
