"""The care team's estimate of time, as a shaded band behind the timeline's bars.

Drawn only when the clinician chose to show it (decision_aid/personal.py). The band is a grey,
cross-hatched bar the height of the plot, behind the relief bars, with its label written over it:
hatching and words, so it is not told by colour alone, and it cannot be mistaken for a relief bar.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from . import theme

BAND_FILL = "#EEF0F3"
BAND_LINE = theme.MUTED_TEXT
BAND_KIND = "estimate"


def with_estimate_band(fig: go.Figure, from_hours: float, to_hours: float, label: str) -> go.Figure:
    """A copy of a timeline figure with the band behind its bars (the cached figure is not changed)."""
    plot_height = fig.layout.yaxis.range[0]  # the timeline's y axis is in pixels, top to bottom
    band = go.Bar(
        orientation="h",
        y=[plot_height / 2],
        x=[to_hours - from_hours],
        base=[from_hours],
        width=plot_height,
        name=label,
        meta={"kind": BAND_KIND},
        marker=dict(color=BAND_FILL, line=dict(color=BAND_LINE, width=1),
                    pattern=dict(shape="x", fgcolor=theme.GRID, bgcolor=BAND_FILL, solidity=0.15, size=12)),
        hoverinfo="skip",
        showlegend=True,
    )
    label_note = dict(
        text=f"<b>{label}</b>", x=_middle(from_hours, to_hours), xref="x", xanchor="center",
        y=0, yref="paper", yanchor="bottom", showarrow=False, font=dict(size=fig.layout.font.size,
                                                                        color=theme.TEXT),
        bgcolor=BAND_FILL,
    )
    copy = go.Figure(data=[band, *fig.data], layout=fig.layout)
    copy.add_annotation(label_note)
    return copy


def _middle(from_hours: float, to_hours: float) -> float:
    """The middle of the band on the log axis (annotations on a log axis take log10 positions)."""
    return (math.log10(from_hours) + math.log10(to_hours)) / 2
