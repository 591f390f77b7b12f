"""Icon arrays: N out of 100 (or 1,000) people, as whole icons.

`icon_layout` is the pure geometry (used by the screen and by the PDF handout); `icon_array_svg`
draws it as a static SVG picture with its numbers in words. Highlighted icons are the first `count`
cells, filled row by row from the top left.

A picture, not a plotly chart: an icon array has nothing to zoom or hover, and as one image it costs
the browser one element instead of up to 1,000 drawn markers (the benchmark showed plotly dominating
both the rerun and the time to a drawn page).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from decision_aid.content.meta import Formats
from decision_aid.content.outcomes import Outcome

from . import theme
from .counts import DENOMINATORS, outcome_counts
from .describe import figure_footer, figure_header, legend_labels, outcome_alt
from .svg_text import text_lines

# Grid shape per denominator (columns, rows): square for 100, wide for 1,000 so it fits a page.
GRID = {100: (10, 10), 1000: (50, 20)}

SVG_NS = "http://www.w3.org/2000/svg"
# Icon ids in the picture's <defs>. A row of people all drawn alike is placed whole, from a row of
# that icon defined once (`ROW[icon]`); the row where the highlighted people end is placed icon by
# icon. So a 1,000-person picture holds at most 170 <use>s, not 1,000 (it is sent every rerun).
# Ids are unique within one picture, which is only ever shown as an <img> (its own document).
BENEFIT_ICON, HARM_ICON, UNAFFECTED_ICON = "ia-b", "ia-h", "ia-u"
ROW = {icon: f"{icon}-row" for icon in (BENEFIT_ICON, HARM_ICON, UNAFFECTED_ICON)}
PEOPLE_ID = "people"  # the group that draws the people (the legend's icons are outside it)

PAD = 10  # pixels around the picture's content


@dataclass(frozen=True)
class Cell:
    x: int  # column, 0 = left
    y: int  # row, 0 = top
    highlighted: bool


@dataclass(frozen=True)
class IconLayout:
    columns: int
    rows: int
    count: int
    denominator: int
    cells: tuple[Cell, ...]

    @property
    def highlighted(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if c.highlighted)

    @property
    def others(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if not c.highlighted)


def icon_layout(count: int, denominator: int) -> IconLayout:
    """Exactly `denominator` whole icons in a grid, the first `count` highlighted."""
    if isinstance(denominator, bool) or not isinstance(denominator, int) or denominator not in DENOMINATORS:
        raise ValueError(f"denominator must be 100 or 1000, not {denominator!r}")
    if isinstance(count, bool) or not isinstance(count, int):
        # ValueError, like every other refused count: callers catch one kind of bad figure.
        raise ValueError(f"count must be a whole number of people, not {count!r}")  # noqa: TRY004
    if not 0 <= count <= denominator:
        raise ValueError(f"count must be between 0 and {denominator}, not {count}")
    columns, rows = GRID[denominator]
    cells = tuple(
        Cell(x=i % columns, y=i // columns, highlighted=i < count) for i in range(denominator)
    )
    return IconLayout(columns=columns, rows=rows, count=count, denominator=denominator, cells=cells)


@dataclass(frozen=True)
class IconArraySvg:
    """An icon array picture: the SVG text and the size (pixels) it is drawn at."""

    svg: str
    width: int
    height: int


def icon_array_svg(
    outcome: Outcome, formats: Formats, *, large_text: bool = False, denominator: int | None = None,
    arm: str | None = None,
) -> IconArraySvg:
    """One outcome as a static SVG icon array, with its numbers in words on the picture.

    `denominator` puts compared figures on a common denominator (100 -> 1,000 only); `arm` names the
    group when the outcome names none (as `outcome_sentence` does).
    """
    counts = outcome_counts(outcome, denominator)
    layout = icon_layout(counts.count, counts.denominator)
    size = theme.sizes(large_text)
    many = layout.denominator == 1000
    cell = size.cell_1000 if many else size.cell_100
    icon = size.icon_1000 if many else size.icon_100
    stroke = 1.2 if many else 2  # pixels: the outline of a hollow icon
    width = max(layout.columns * cell + 2 * PAD, 400 if large_text else 360)  # two fit side by side
    text_width = width - 2 * PAD
    highlight = HARM_ICON if outcome.kind == "harm" else BENEFIT_ICON

    parts: list[str] = []
    y = PAD
    group, header = figure_header(outcome, counts, formats, arm)
    if group:
        y = text_lines(parts, group, y, size.title, text_width, theme.TEXT, bold=True, x=PAD)
    y = text_lines(parts, header, y, size.title, text_width, theme.TEXT, x=PAD) + 6

    # The grid, in cell units: every person at its cell's column and row, as `icon_layout` says.
    parts.append(f'<g id="{PEOPLE_ID}" transform="translate({PAD} {y}) scale({cell})">')
    parts.extend(_people(layout, highlight))
    parts.append("</g>")
    y += layout.rows * cell + 10

    # The legend: a swatch (the same icon, at legend size) beside each label.
    swatch = round(size.font * 1.2)
    for icon_id, label in zip((highlight, UNAFFECTED_ICON), legend_labels(outcome, counts, formats), strict=True):
        middle = y + round(size.font * 0.15)  # the swatch's middle level with the words' middle
        parts.append(f'<use href="#{icon_id}" transform="translate({PAD} {middle}) scale({swatch})"/>')
        y = text_lines(parts, label, y, size.font, text_width - swatch - 6, theme.TEXT, x=PAD + swatch + 6) + 4
    footer = figure_footer(outcome, counts, formats)
    if footer:
        y = text_lines(parts, footer, y + 4, size.small, text_width, theme.MUTED_TEXT, x=PAD)
    height = y + PAD

    title = escape(outcome_alt(outcome, formats, denominator))
    svg = (
        f'<svg xmlns="{SVG_NS}" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family={quoteattr(theme.PICTURE_FONT_FAMILY)}>'
        f"<title>{title}</title>{_defs(icon / cell, stroke / cell, layout.columns, highlight)}"
        f'<rect width="100%" height="100%" fill="{theme.BACKGROUND}"/>'
        + "".join(parts)
        + "</svg>"
    )
    return IconArraySvg(svg=svg, width=width, height=height)


def _people(layout: IconLayout, highlight: str) -> list[str]:
    """<use>s drawing every cell of the layout: whole rows at once where a row is all alike."""
    uses = []
    for row in range(layout.rows):
        cells = layout.cells[row * layout.columns : (row + 1) * layout.columns]
        icons = {highlight if c.highlighted else UNAFFECTED_ICON for c in cells}
        if len(icons) == 1:
            uses.append(f'<use href="#{ROW[icons.pop()]}" y="{row}"/>')
        else:
            uses.extend(f'<use href="#{highlight if c.highlighted else UNAFFECTED_ICON}" x="{c.x}" y="{c.y}"/>'
                        for c in cells)
    return uses


def _defs(share: float, stroke: float, columns: int, highlight: str) -> str:
    """The three icons, each in a 1 x 1 cell, `share` of it wide, and a row of `columns` of the two
    this picture draws. Shape as well as colour differs: benefit a filled circle, harm a filled
    square, people it did not happen to a hollow circle."""
    r = round(share / 2, 3)
    side = round(share * 0.9, 3)  # a square looks bigger than a circle of the same width
    stroke = round(stroke, 3)
    rows = "".join(
        f'<g id="{row_id}">' + "".join(f'<use href="#{icon}" x="{x}"/>' for x in range(columns)) + "</g>"
        for icon, row_id in ROW.items() if icon in (highlight, UNAFFECTED_ICON)
    )
    return (
        "<defs>"
        f'<circle id="{BENEFIT_ICON}" cx="0.5" cy="0.5" r="{r}" fill="{theme.BENEFIT}"/>'
        f'<rect id="{HARM_ICON}" x="{round(0.5 - side / 2, 3)}" y="{round(0.5 - side / 2, 3)}" '
        f'width="{side}" height="{side}" fill="{theme.HARM}"/>'
        f'<circle id="{UNAFFECTED_ICON}" cx="0.5" cy="0.5" r="{round(r - stroke / 2, 3)}" fill="none" '
        f'stroke="{theme.UNAFFECTED}" stroke-width="{stroke}"/>'
        f"{rows}</defs>"
    )
