"""Icon arrays: N out of 100 (or 1,000) people, as whole icons.

`icon_layout` is the pure geometry (used by the screen and by the PDF handout); `icon_array` draws it
with plotly. Highlighted icons are the first `count` cells, filled row by row from the top left.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from decision_aid.content.meta import Meta
from decision_aid.content.outcomes import Outcome

from . import theme
from .counts import DENOMINATORS, outcome_counts
from .describe import figure_footer, figure_header, legend_labels, wrap

# Grid shape per denominator (columns, rows): square for 100, wide for 1,000 so it fits a page.
GRID = {100: (10, 10), 1000: (50, 20)}


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
        raise ValueError(f"count must be a whole number of people, not {count!r}")
    if not 0 <= count <= denominator:
        raise ValueError(f"count must be between 0 and {denominator}, not {count}")
    columns, rows = GRID[denominator]
    cells = tuple(
        Cell(x=i % columns, y=i // columns, highlighted=i < count) for i in range(denominator)
    )
    return IconLayout(columns=columns, rows=rows, count=count, denominator=denominator, cells=cells)


def icon_array(
    outcome: Outcome,
    meta: Meta,
    *,
    large_text: bool = False,
    denominator: int | None = None,
    arm: str | None = None,
) -> go.Figure:
    """A static plotly icon array of one outcome, with its numbers in words on the figure.

    `denominator` puts compared figures on a common denominator (100 -> 1,000 only); `arm` names
    the group when the outcome names none (as `outcome_sentence` does). `meta` is taken for the
    same call shape as `outcome_sentence`; its certainty words go in the sentence beneath the chart.
    """
    counts = outcome_counts(outcome, denominator)
    layout = icon_layout(counts.count, counts.denominator)
    size = theme.sizes(large_text)
    many = layout.denominator == 1000
    cell = size.cell_1000 if many else size.cell_100
    marker = size.icon_1000 if many else size.icon_100
    is_harm = outcome.kind == "harm"
    colour = theme.HARM if is_harm else theme.BENEFIT
    symbol = theme.HARM_SYMBOL if is_harm else theme.BENEFIT_SYMBOL
    grid_w, grid_h = layout.columns * cell, layout.rows * cell
    width = max(grid_w + 40, 400 if large_text else 360)  # two fit side by side in a column pair
    chars = int((width - 30) / (size.font * 0.52))  # characters per line of text on the figure
    yes_label, no_label = (wrap(t, chars - 4) for t in legend_labels(outcome, counts))  # beside a swatch

    fig = go.Figure()
    fig.add_trace(_icons(layout.highlighted, yes_label, colour, symbol, marker))
    fig.add_trace(_icons(layout.others, no_label, theme.UNAFFECTED, theme.UNAFFECTED_SYMBOL, marker))

    header = wrap(figure_header(outcome, counts, arm), chars)
    footer = wrap(figure_footer(outcome, counts), int(chars * size.font / size.small))
    legend_lines = yes_label.count("<br>") + no_label.count("<br>") + 2
    line_px = int(size.font * 1.45)
    top = (header.count("<br>") + 1) * int(size.title * 1.35) + 14
    bottom = legend_lines * line_px + (footer.count("<br>") + 1) * int(size.small * 1.4) + 24
    axis = dict(visible=False, fixedrange=True, showgrid=False, zeroline=False)
    fig.update_layout(
        width=width,
        height=grid_h + top + bottom,
        margin=dict(l=10, r=max(10, width - grid_w - 10), t=top, b=bottom),
        paper_bgcolor=theme.BACKGROUND,
        plot_bgcolor=theme.BACKGROUND,
        font=dict(family=theme.FONT_FAMILY, size=size.font, color=theme.TEXT),
        xaxis=dict(axis, range=[-0.5, layout.columns - 0.5]),
        yaxis=dict(axis, range=[layout.rows - 0.5, -0.5]),  # row 0 at the top
        showlegend=True,
        legend=dict(
            orientation="v", x=0, xanchor="left", y=0, yanchor="top", yref="paper",
            font=dict(size=size.font, color=theme.TEXT), bgcolor=theme.BACKGROUND,
            itemclick=False, itemdoubleclick=False, tracegroupgap=4,
        ),
        hovermode=False,
        dragmode=False,
        annotations=[
            dict(text=header, x=0, xref="paper", xanchor="left",
                 y=1, yref="paper", yanchor="bottom", yshift=6, showarrow=False, align="left",
                 font=dict(size=size.title, color=theme.TEXT)),
            dict(text=footer, x=0, xref="paper", xanchor="left",
                 y=0, yref="paper", yanchor="top", yshift=-(legend_lines * line_px + 14),
                 showarrow=False, align="left", font=dict(size=size.small, color=theme.MUTED_TEXT)),
        ],
    )
    return fig


def _icons(cells: tuple[Cell, ...], name: str, colour: str, symbol: str, size: int) -> go.Scatter:
    return go.Scatter(
        x=[c.x for c in cells],
        y=[c.y for c in cells],
        mode="markers",
        name=name,
        marker=dict(symbol=symbol, size=size, color=colour, line=dict(width=2, color=colour)),
        hoverinfo="skip",
        showlegend=True,
    )
