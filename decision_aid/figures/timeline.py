"""Timeline: when relief may start and how long it may last, per option, as a static SVG picture.

Each row is one option (or one part of it, like the numbing medicine and the steroid of the shot):
its name above its bar, on a log-like time axis whose ticks are words from content. Every row's
segments follow the same rules: lined where relief may start, solid where studies saw it, dotted
where it may last; the legend's swatches are drawn with the bars' very fills, so the difference is
never colour alone. The timing in words (with its basis and population) is the text equivalent,
shown beneath the picture (`timeline_text`), not repeated on it.

A picture, not a plotly chart: it has nothing to zoom or hover, and loading plotly's code in the
browser was most of the explainer's time to a drawn page.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from decision_aid.content.timeline import SegmentKind, TimelineFile

from . import theme
from .describe import timeline_rows
from .estimate_band import Band, band_defs, band_svg
from .svg_text import text_lines, text_width

KINDS: tuple[SegmentKind, ...] = ("may_start", "working", "may_last")
SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = {False: 800, True: 740}  # pixels: the main column's width at 1280 px (large text pads it more)
PAD = 10  # pixels around the picture's content
LEGEND_ID, ROWS_ID, AXIS_ID = "legend", "rows", "axis"
TICK_GAP = 8  # pixels between neighbouring tick labels on one line
# Every bar and swatch of a kind is filled the same way: a pattern (defined once) or solid colour.
PATTERN_ID = {"may_start": "tl-lined", "may_last": "tl-dotted"}
FILL = {"may_start": f"url(#{PATTERN_ID['may_start']})", "working": theme.TIMELINE_COLOUR,
        "may_last": f"url(#{PATTERN_ID['may_last']})"}
BAR_STROKE = f'stroke="{theme.TIMELINE_COLOUR}" stroke-width="2"'
# A background-coloured outline drawn under the letters (paint-order): words stay clear over lines.
HALO = f'stroke="{theme.BACKGROUND}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"'


@dataclass(frozen=True)
class TimelineSvg:
    """A timeline picture: the SVG text and the size (pixels) it is drawn at."""

    svg: str
    width: int
    height: int


@dataclass(frozen=True)
class _Axis:
    """Hours to x pixels on the log-like axis: the first tick at `left`, the last at `right`."""

    first_hours: float
    last_hours: float
    left: float
    right: float

    def x(self, hours: float) -> float:
        share = math.log10(hours / self.first_hours) / math.log10(self.last_hours / self.first_hours)
        return self.left + share * (self.right - self.left)


def timeline_svg(timeline: TimelineFile, title: str, *, large_text: bool = False,
                 option_ids: list[str] | None = None, band: Band | None = None) -> TimelineSvg:
    """The timeline of the given options (all when None), in content order, as a picture named
    `title`; `band` (the care team's estimate) is shaded behind the bars when given."""
    rows = timeline_rows(timeline, option_ids)
    size = theme.sizes(large_text)
    width = WIDTH[large_text]
    text_room = width - 2 * PAD
    ticks = timeline.ticks
    # The end ticks' labels are centred on them: leave room so they are not cut off.
    axis = _Axis(ticks[0].hours, ticks[-1].hours,
                 PAD + text_width(ticks[0].label, size.small) / 2 + 2,
                 width - PAD - text_width(ticks[-1].label, size.small) / 2 - 2)

    parts: list[str] = []
    y = text_lines(parts, timeline.title, PAD, size.title, text_room, theme.TEXT, bold=True, x=PAD) + 8

    # The legend: a swatch drawn exactly as that kind's bars are, beside its words.
    swatch_width = size.bar * 3
    parts.append(f'<g id="{LEGEND_ID}">')
    for kind in KINDS:
        parts.append(_bar(kind, PAD, y, swatch_width, size.bar))
        label_top = y + (size.bar - size.small * 1.3) / 2
        below = text_lines(parts, getattr(timeline.legend, kind), label_top, size.small,
                           text_room - swatch_width - 10, theme.TEXT, x=PAD + swatch_width + 10)
        y = max(y + size.bar, below) + 8
    parts.append("</g>")
    y += 6

    rows_top = y
    band_label_height = round(size.font * 1.6) if band else 0
    y += band_label_height + (6 if band else 0)  # room between the band's label and the first name
    row_parts: list[str] = []
    for row in rows:
        row_parts.append(f'<g class="row" data-row={quoteattr(row.id)}>')
        y = _backed_lines(row_parts, row.name, y, size.font, text_room, bold=True) + 4
        if row.segments:
            for seg in row.segments:
                x0, x1 = axis.x(seg.from_hours), axis.x(seg.to_hours)
                row_parts.append(_bar(seg.kind, x0, y, x1 - x0, size.bar))
            y += size.bar
        else:
            y = _backed_lines(row_parts, timeline.no_bar, y, size.small, text_room, italic=True,
                              colour=theme.MUTED_TEXT)
        row_parts.append("</g>")
        y += round(size.font * 0.9)
    axis_y = y

    # Behind the rows: the grid, then the band; the rows (names on a white backing) on top.
    parts.extend(f'<line x1="{_n(axis.x(t.hours))}" y1="{_n(rows_top)}" x2="{_n(axis.x(t.hours))}" '
                 f'y2="{_n(axis_y)}" stroke="{theme.GRID}" stroke-width="1"/>' for t in ticks)
    if band:
        parts.append(band_svg(band, axis.x, rows_top, axis_y, band_label_height, size.font, PAD, width - PAD))
    parts.append(f'<g id="{ROWS_ID}">')
    parts.extend(row_parts)
    parts.append("</g>")

    y = _axis(parts, timeline, axis, axis_y, size.small)
    y = text_lines(parts, timeline.axis_title, y + 4, size.small, text_room, theme.TEXT, x=PAD)
    height = math.ceil(y + PAD)

    svg = (
        f'<svg xmlns="{SVG_NS}" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family={quoteattr(theme.PICTURE_FONT_FAMILY)}>'
        f"<title>{escape(title)}</title>{_defs(band is not None)}"
        f'<rect width="100%" height="100%" fill="{theme.BACKGROUND}"/>'
        + "".join(parts)
        + "</svg>"
    )
    return TimelineSvg(svg=svg, width=width, height=height)


def segment_spans(picture: TimelineSvg) -> dict[str, list[tuple[float, float]]]:
    """(from, to) hours of every drawn bar, by kind, read back from where the bars are drawn on the
    picture's own axis (its tick marks): what the chart shows, for checks."""
    svg = ET.fromstring(picture.svg)
    ns = {"s": SVG_NS}
    marks = [(float(t.get("data-hours")), float(t.get("x1"))) for t in svg.findall(f".//s:g[@id='{AXIS_ID}']/s:line[@data-hours]", ns)]
    (h0, x0), (h1, x1) = marks[0], marks[-1]

    def hours(x: float) -> float:
        return round(h0 * (h1 / h0) ** ((x - x0) / (x1 - x0)), 3)

    kind_of = {fill: kind for kind, fill in FILL.items()}
    spans: dict[str, list[tuple[float, float]]] = {kind: [] for kind in KINDS}
    for bar in svg.findall(f".//s:g[@id='{ROWS_ID}']//s:rect[@class='bar']", ns):
        left, bar_width = float(bar.get("x")), float(bar.get("width"))
        spans[kind_of[bar.get("fill")]].append((hours(left), hours(left + bar_width)))
    return spans


def _bar(kind: SegmentKind, x: float, y: float, width: float, height: float) -> str:
    """One bar or legend swatch: the same fill and outline for every bar of its kind."""
    return (f'<rect class="bar" x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
            f'fill="{FILL[kind]}" {BAR_STROKE}/>')


def _backed_lines(parts: list[str], text: str, top: float, font: int, width: float, *, bold: bool = False,
                  italic: bool = False, colour: str = theme.TEXT) -> float:
    """Words over the grid (and band), outlined in the background colour so no line crosses them."""
    lines: list[str] = []
    below = text_lines(lines, text, top, font, width, colour, bold=bold, italic=italic, x=PAD)
    parts.extend(line.replace("<text ", f'<text {HALO} ', 1) for line in lines)
    return below


def _axis(parts: list[str], timeline: TimelineFile, axis: _Axis, axis_y: float, font: int) -> float:
    """The axis line, a mark at each tick and its words; return the y below them. Words that would
    touch their neighbour's go a line lower, with a longer mark, so none overlap at any text size."""
    line_height = round(font * 1.3)
    line_ends: list[float] = []  # the right edge of the last label on each line
    parts.append(f'<g id="{AXIS_ID}"><line x1="{_n(axis.left)}" y1="{_n(axis_y)}" x2="{_n(axis.right)}" '
                 f'y2="{_n(axis_y)}" stroke="{theme.MUTED_TEXT}" stroke-width="1"/>')
    lowest = 0
    for tick in timeline.ticks:
        x = axis.x(tick.hours)
        half = text_width(tick.label, font) / 2
        level = next((i for i, end in enumerate(line_ends) if x - half >= end + TICK_GAP), len(line_ends))
        if level == len(line_ends):
            line_ends.append(0.0)
        line_ends[level] = x + half
        lowest = max(lowest, level)
        baseline = axis_y + 8 + font + level * line_height
        parts.append(f'<line data-hours="{tick.hours:g}" x1="{_n(x)}" y1="{_n(axis_y)}" x2="{_n(x)}" '
                     f'y2="{_n(baseline - font)}" stroke="{theme.MUTED_TEXT}" stroke-width="1"/>')
        parts.append(f'<text x="{_n(x)}" y="{_n(baseline)}" font-size="{font}" fill="{theme.TEXT}" '
                     f'text-anchor="middle">{escape(tick.label)}</text>')
    parts.append("</g>")
    return axis_y + 8 + (lowest + 1) * line_height


def _defs(with_band: bool) -> str:
    """The bars' patterns, drawn in the bar colour on white: lines (may start) and dots (may last)."""
    colour, white = theme.TIMELINE_COLOUR, theme.BACKGROUND
    return (
        "<defs>"
        f'<pattern id="{PATTERN_ID["may_start"]}" patternUnits="userSpaceOnUse" width="9" height="9" '
        f'patternTransform="rotate(45)"><rect width="9" height="9" fill="{white}"/>'
        f'<line x1="2" y1="0" x2="2" y2="9" stroke="{colour}" stroke-width="3.6"/></pattern>'
        f'<pattern id="{PATTERN_ID["may_last"]}" patternUnits="userSpaceOnUse" width="9" height="9">'
        f'<rect width="9" height="9" fill="{white}"/><circle cx="4.5" cy="4.5" r="2.2" fill="{colour}"/>'
        "</pattern>"
        + (band_defs() if with_band else "")
        + "</defs>"
    )


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")
