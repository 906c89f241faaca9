"""The feedback chart: how many people gave each rating to each statement."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from facilitate.charts.style import OKABE_ITO, projector_layout
from facilitate.metrics.feedback import RATED_COLUMNS
from facilitate.reflection import RATING_SCALE

#: Disagree in orange tones, agree in blue tones, neutral grey: readable in print too.
RATING_COLOURS = (OKABE_ITO[5], OKABE_ITO[1], "#BBBBBB", OKABE_ITO[4], OKABE_ITO[0])


def wrap_label(text: str, width: int = 30) -> str:
    """Break a long statement over lines so the bars keep most of the width."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)


def feedback_figure(summary: pd.DataFrame, title: str) -> go.Figure:
    """Stacked horizontal bars of ``rating_summary`` output, one bar per statement."""
    figure = go.Figure(layout=projector_layout(title, height=460, barmode="stack"))
    statements = [wrap_label(s) for s in summary["statement"]]
    for (_, label), column, colour in zip(
        RATING_SCALE, RATED_COLUMNS, RATING_COLOURS, strict=True
    ):
        figure.add_trace(
            go.Bar(
                name=label,
                x=summary[column].tolist(),
                y=statements,
                orientation="h",
                marker_color=colour,
            )
        )
    figure.update_yaxes(autorange="reversed", automargin=True)
    figure.update_xaxes(title_text="people", rangemode="tozero", dtick=1)
    figure.update_layout(
        legend={
            "orientation": "h",
            "y": 1.0,
            "yanchor": "bottom",
            "x": 0,
            "traceorder": "normal",
            "font": {"size": 15},
        },
        margin={"t": 120},
    )
    return figure
