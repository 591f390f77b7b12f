"""Timeline: when relief may start and how long it may last, per option, on a log-like time axis.

Each row is one option (or one part of it, like the numbing medicine and the steroid of the shot):
its name above its bar. Parts where relief may start or may last are patterned and lighter; the
part studies showed is solid, so the difference is not colour alone. The timing in words (with its
basis and population) is the text equivalent, shown beneath the chart (`timeline_text`), not
repeated on it. The y axis is in pixels from the top, so rows never overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go

from decision_aid.content.timeline import SegmentKind, TimelineFile, TimelineRow

from . import theme
from .describe import timeline_rows

KINDS: tuple[SegmentKind, ...] = ("may_start", "working", "may_last")
EDGE = 0.12  # decades of room either side, so the first and last tick labels are not cut off
SWATCH_SPAN = 4  # a legend swatch runs from the first tick to this many times it (log axis)


@dataclass(frozen=True)
class _RowBox:
    """Where one row sits, in pixels from the top of the plot area."""

    name_y: float
    bar_y: float


def timeline_figure(
    timeline: TimelineFile, *, large_text: bool = False, option_ids: list[str] | None = None
) -> go.Figure:
    """The timeline chart of the given options (all when None), in content order."""
    rows = timeline_rows(timeline, option_ids)
    size = theme.sizes(large_text)
    # The legend is drawn in the plot with the bars' own markers, so each swatch is the very
    # pattern of its bars (plotly's own legend redraws patterns small, and dots turned to pluses).
    legend_y = [8.0 + size.font * 0.8 + i * size.font * 1.7 for i in range(len(KINDS))]
    boxes, y = [], legend_y[-1] + size.font * 1.6
    for _ in rows:
        bar_y = y + size.font * 1.5 + size.bar / 2
        boxes.append(_RowBox(y, bar_y))
        y = bar_y + size.bar / 2 + size.font
    plot_height = y

    fig = go.Figure()
    ticks = timeline.ticks
    swatch = (ticks[0].hours, ticks[0].hours * SWATCH_SPAN)
    annotations = []
    for kind, sy in zip(KINDS, legend_y, strict=True):
        fig.add_trace(_bars(kind, [sy], [swatch[0]], [swatch[1] - swatch[0]], size.font, legend=True))
        annotations.append(dict(text=getattr(timeline.legend, kind), x=math.log10(swatch[1] * 1.4), xref="x",
                                xanchor="left", y=sy, yref="y", yanchor="middle", showarrow=False,
                                font=dict(size=size.small, color=theme.TEXT)))
    for kind in KINDS:
        fig.add_trace(_segments(rows, boxes, kind, getattr(timeline.legend, kind), size.bar))
    for row, box in zip(rows, boxes, strict=True):
        annotations.append(_note(f"<b>{row.name}</b>", box.name_y, size.font, theme.TEXT))
        if not row.segments:
            annotations.append(_note(f"<i>{timeline.no_bar}</i>", box.bar_y - size.small * 0.7,
                                     size.small, theme.MUTED_TEXT))

    top, bottom = 56 + (16 if large_text else 0), 74 + (18 if large_text else 0)
    fig.update_layout(
        # No plotly template: every colour and font is set here, and the default template made up
        # most of the figure (copied, checked and sent on every rerun).
        template="none",
        height=int(plot_height + top + bottom),
        margin=dict(l=20, r=36, t=top, b=bottom),
        paper_bgcolor=theme.BACKGROUND,
        plot_bgcolor=theme.BACKGROUND,
        font=dict(family=theme.FONT_FAMILY, size=size.font, color=theme.TEXT),
        title=dict(text=timeline.title, x=0.02, xanchor="left", y=0.99, yanchor="top",
                   font=dict(size=size.title, color=theme.TEXT)),
        barmode="overlay",
        xaxis=dict(
            type="log",
            range=[math.log10(ticks[0].hours) - EDGE, math.log10(ticks[-1].hours) + EDGE],
            tickvals=[t.hours for t in ticks],
            ticktext=[_tick_label(t.label) for t in ticks],
            tickangle=0,
            tickfont=dict(size=size.small, color=theme.TEXT),
            title=dict(text=timeline.axis_title, font=dict(size=size.small, color=theme.TEXT)),
            showgrid=True, gridcolor=theme.GRID, zeroline=False, fixedrange=True,
            showline=True, linecolor=theme.MUTED_TEXT, ticks="outside", tickcolor=theme.MUTED_TEXT,
        ),
        yaxis=dict(visible=False, range=[plot_height, 0], fixedrange=True),
        showlegend=False,
        hovermode=False,
        dragmode=False,
        annotations=annotations,
    )
    return fig


def segment_spans(fig: go.Figure) -> dict[str, list[tuple[float, float]]]:
    """(from, to) hours of every drawn segment, by kind: what the chart shows, for checks."""
    spans: dict[str, list[tuple[float, float]]] = {}
    for trace in fig.data:
        if trace.meta.get("legend"):
            continue
        kind = trace.meta["kind"]
        spans[kind] = [(b, b + x) for b, x in zip(trace.base or (), trace.x or (), strict=True)]
    return spans


def _segments(rows: list[TimelineRow], boxes: list[_RowBox], kind: SegmentKind, name: str,
              thickness: int) -> go.Bar:
    ys, bases, lengths = [], [], []
    for row, box in zip(rows, boxes, strict=True):
        for seg in row.segments:
            if seg.kind == kind:
                ys.append(box.bar_y)
                bases.append(seg.from_hours)
                lengths.append(seg.to_hours - seg.from_hours)
    return _bars(kind, ys, bases, lengths, thickness, name=name)


def _bars(kind: SegmentKind, ys: list[float], bases: list[float], lengths: list[float], thickness: int,
          *, name: str = "", legend: bool = False) -> go.Bar:
    """Bars of one kind: the same marker for a row's segments and for the legend's swatch."""
    pattern = theme.TIMELINE_PATTERN[kind]
    return go.Bar(
        orientation="h",
        y=ys,
        x=lengths,
        base=bases,
        name=name,
        meta={"kind": kind, "legend": legend},
        width=thickness,  # y is in pixels
        marker=dict(
            color=theme.BACKGROUND if pattern else theme.TIMELINE_COLOUR,
            line=dict(color=theme.TIMELINE_COLOUR, width=2),
            pattern=dict(shape=pattern, fgcolor=theme.TIMELINE_COLOUR, bgcolor=theme.BACKGROUND,
                         solidity=0.4, size=9) if pattern else None,
        ),
        hoverinfo="skip",
        showlegend=False,
    )


def _note(text: str, y: float, font_size: int, colour: str) -> dict:
    return dict(text=text, x=0, xref="paper", xanchor="left", y=y, yref="y", yanchor="top",
                showarrow=False, align="left", font=dict(size=font_size, color=colour),
                bgcolor=theme.BACKGROUND)


def _tick_label(label: str) -> str:
    """Tick labels go on two lines ("A<br>year") so close neighbours do not collide."""
    return label.replace(" ", "<br>", 1)
