"""The check-in bar chart."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from facilitate.charts.style import OKABE_ITO, projector_layout


def checkin_figure(counts: pd.DataFrame, prompt: str) -> go.Figure:
    """Horizontal bars of ``checkin_counts`` output, largest answer easy to spot."""
    figure = go.Figure(
        go.Bar(
            x=counts["count"].tolist(),
            y=counts["label"].tolist(),
            orientation="h",
            marker_color=OKABE_ITO[0],
            text=counts["count"].tolist(),
            textposition="auto",
        ),
        layout=projector_layout(prompt, height=420),
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title_text="people", rangemode="tozero", dtick=1)
    return figure
