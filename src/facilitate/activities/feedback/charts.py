"""The feedback chart: how many people gave each rating to each statement."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from facilitate.activities.feedback.content import RATING_SCALE
from facilitate.activities.feedback.metrics import RATED_COLUMNS
from facilitate.ui.charts import (
    OKABE_ITO,
    WITHHELD_COLOUR,
    projector_layout,
    withheld_label,
)

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


def feedback_figure(released: pd.DataFrame, title: str, k: int) -> go.Figure:
    """Stacked bars of ``release_ratings`` output, one bar per statement; withheld
    cells share one grey segment."""
    figure = go.Figure(layout=projector_layout(title, height=460, barmode="stack"))
    statements = [wrap_label(s) for s in released["statement"]]
    for (_, label), column, colour in zip(
        RATING_SCALE, RATED_COLUMNS, RATING_COLOURS, strict=True
    ):
        figure.add_trace(
            go.Bar(
                name=label,
                x=[0 if n is None else int(n) for n in released[column]],
                y=statements,
                orientation="h",
                marker_color=colour,
            )
        )
    figure.add_trace(
        go.Bar(
            name=withheld_label(k),
            x=[int(n) for n in released["withheld"]],
            y=statements,
            orientation="h",
            marker_color=WITHHELD_COLOUR,
        )
    )
    figure.update_yaxes(autorange="reversed", automargin=True)
    figure.update_xaxes(title_text="people", rangemode="tozero")
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
