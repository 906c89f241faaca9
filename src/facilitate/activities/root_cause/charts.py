"""The summary's chart of the room's top causes: released vote counts only."""

from __future__ import annotations

import plotly.graph_objects as go

from facilitate.activities.root_cause.affinity import COLOURS
from facilitate.activities.root_cause.metrics import CauseCard
from facilitate.core.text import escape
from facilitate.ui.charts import projector_layout

SHORT = 48


def _label(text: str) -> str:
    cut = text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"
    return escape(cut)


def top_causes_figure(top: list[CauseCard]) -> go.Figure:
    """One bar per cause with at least k votes, coloured by its category."""
    figure = go.Figure(
        go.Bar(
            x=[card.votes for card in top],
            y=[_label(card.text) for card in top],
            orientation="h",
            marker_color=[COLOURS[card.category] for card in top],
            text=[escape(card.label) for card in top],
            textposition="inside",
            insidetextanchor="start",
            hovertext=[escape(card.text) for card in top],
            hovertemplate="%{hovertext}: %{x} votes<extra></extra>",
        ),
        layout=projector_layout(
            "The room's top causes", height=160 + 56 * max(len(top), 1)
        ),
    )
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(title_text="votes", rangemode="tozero", dtick=1)
    figure.update_layout(margin={"l": 420})
    return figure
