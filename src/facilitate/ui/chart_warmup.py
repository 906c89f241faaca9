"""Paying for the first chart before anyone waits for it.

plotly imports the checks for each property, and loads its look
(``plotly_white``), the first time a figure uses them: the display's first
phase change with a chart took 0.4 s more than any later one, in front of the
room. The display's warm kernel builds one figure of every kind our screens
draw while it waits for its page, so that cost is paid before the session.
"""

from __future__ import annotations

import plotly.graph_objects as go

from facilitate.ui.charts import empty_figure, projector_layout


def warm_charts() -> None:
    """Build and serialise a bar, a line and an empty figure, then let them go."""
    figure = go.Figure(
        data=[
            go.Bar(x=["a"], y=[1], text=["1"], orientation="v"),
            go.Bar(x=[1], y=["a"], orientation="h"),
            go.Scatter(x=[1], y=[1], mode="lines+markers"),
        ],
        layout=projector_layout("warm-up", barmode="stack", showlegend=True),
    )
    figure.update_xaxes(title_text="x", range=[0, 1])
    figure.update_yaxes(title_text="y", automargin=True)
    figure.add_annotation(text="warm-up", x=0.5, y=0.5, xref="paper", yref="paper")
    figure.to_plotly_json()
    empty_figure("warm-up", "nothing yet").to_plotly_json()
