"""The check-in bar chart, drawn from released counts only."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from facilitate.ui.charts import (
    OKABE_ITO,
    projector_layout,
    withheld_bars,
    withheld_label,
)


def checkin_figure(released: pd.DataFrame, prompt: str, k: int) -> go.Figure:
    """Bars of ``released_checkins`` output; withheld answers share one bar."""
    shown = released.loc[~released["hidden"]]
    labels = [str(label) for label in shown["label"]]
    counts = [int(count) for count in shown["count"]]
    marks = [False] * len(counts)
    withheld = int(released["withheld"].max()) if len(released) else 0
    if withheld:
        labels.append(withheld_label(k))
        counts.append(withheld)
        marks.append(True)
    figure = go.Figure(
        go.Bar(
            x=counts,
            y=labels,
            orientation="h",
            marker=withheld_bars([OKABE_ITO[0]] * len(marks), marks),
            text=counts,
            textposition="auto",
        ),
        layout=projector_layout(prompt, height=420),
    )
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(title_text="people", rangemode="tozero")
    return figure
