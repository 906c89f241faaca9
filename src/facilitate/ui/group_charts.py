"""Stacked bars of coarsened groups: each bar its own cut of the scale.

After the release gate merges adjacent answers ("Agree or strongly agree"), two
statements may be cut differently, so a chart cannot have one trace per scale
point. Each distinct group becomes one trace, drawn only on the bars that have
it; traces run in scale order, so every bar reads left to right along the
scale. The legend lists exactly what is drawn, and the withheld part of a bar
(people in groups the gate hid) is one segment in the withheld look.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from facilitate.ui.charts import WITHHELD_MARKER, projector_layout, withheld_label


@dataclass(frozen=True)
class Segment:
    """One group of a scale: its name, place (first and last point) and colour."""

    name: str
    first: int
    last: int
    colour: str


@dataclass(frozen=True)
class GroupBar:
    """One bar: its label, its shown groups with their values, and the value of
    its withheld part (0 when nothing is withheld)."""

    label: str
    groups: tuple[tuple[Segment, float], ...]
    withheld: float = 0.0


def run_colour(palette: Sequence[str], first: int, last: int) -> str:
    """The colour of a run of points: its middle, rounded towards the scale's
    centre, so a merged group never looks more extreme than its answers."""
    middle, centre = (first + last) / 2, (len(palette) - 1) / 2
    index = int(middle) if middle > centre else int(-(-middle // 1))
    return palette[min(max(index, 0), len(palette) - 1)]


def distinct_colours(colours: Sequence[str]) -> list[str]:
    """``colours`` with repeats made lighter, then darker: two groups of one
    chart ("Often or always", "Never to always") never share a legend swatch,
    and each keeps its place's hue."""
    used: set[str] = set()
    out = []
    for colour in colours:
        for amount in (0.0, 0.45, -0.35, 0.7, -0.55):
            candidate = _mixed(colour, amount)
            if candidate not in used:
                break
        used.add(candidate)
        out.append(candidate)
    return out


def _mixed(colour: str, amount: float) -> str:
    """``colour`` mixed towards white (amount > 0) or black (amount < 0)."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    target = 255 if amount > 0 else 0
    mixed = [round(c + (target - c) * abs(amount)) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def stacked_groups(
    title: str, bars: Sequence[GroupBar], k: int, axis: str, percent: bool = False
) -> go.Figure:
    """Horizontal stacked bars, one per ``GroupBar``, groups in scale order."""
    segments = sorted(
        {segment for bar in bars for segment, _ in bar.groups},
        key=lambda s: (s.first, s.last, s.name),
    )
    labels = [bar.label for bar in bars]
    figure = go.Figure(
        layout=projector_layout(
            title,
            barmode="stack",
            showlegend=True,  # even for one group: its name is the legend
            height=160 + 80 * max(len(bars), 1),
            legend={
                "orientation": "h",
                "x": 0,
                "y": 1.02,
                "yanchor": "bottom",
                "traceorder": "normal",
            },
            margin={"t": 130},
        )
    )
    colours = distinct_colours([segment.colour for segment in segments])
    for segment, colour in zip(segments, colours, strict=True):
        values = [dict(bar.groups).get(segment) for bar in bars]
        figure.add_bar(
            name=segment.name,
            x=values,
            y=labels,
            orientation="h",
            marker_color=colour,
            text=[_value_text(v, percent) for v in values],
            textposition="inside",
            insidetextanchor="middle",
        )
    if any(bar.withheld for bar in bars):
        withheld = [bar.withheld or None for bar in bars]
        figure.add_bar(
            name=withheld_label(k),
            x=withheld,
            y=labels,
            orientation="h",
            marker=WITHHELD_MARKER,
        )
    figure.update_layout(uniformtext={"minsize": 20, "mode": "hide"})
    figure.update_yaxes(
        autorange="reversed", type="category", categoryorder="array",
        categoryarray=labels, automargin=True,
    )  # fmt: skip
    figure.update_xaxes(
        title_text=axis, range=[0, 100] if percent else None, rangemode="tozero"
    )
    return figure


def _value_text(value: float | None, percent: bool) -> str:
    if value is None:
        return ""
    return f"{round(value)}%" if percent else str(round(value))
