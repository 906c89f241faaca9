"""Alignment charts: the tension map, the spectrum strip and the vision words.

Every label that a facilitator or participant typed is escaped before plotly
sees it, because plotly renders a subset of HTML in text and tick labels.
Colours follow the agreement label, so the legend reads in plain words.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from facilitate.activities.alignment.content import SPECTRUM_ENDS, SPECTRUM_POINTS
from facilitate.activities.alignment.verdicts import (
    BROAD,
    LEANING,
    OUTLIER,
    SPLIT,
    SPREAD,
    TOO_FEW,
)
from facilitate.core.text import escape
from facilitate.ui.charts import OKABE_ITO, projector_layout

AGREEMENT_COLOURS = {
    SPLIT: OKABE_ITO[5],  # vermillion
    OUTLIER: OKABE_ITO[3],  # reddish purple
    SPREAD: OKABE_ITO[1],  # orange
    LEANING: OKABE_ITO[4],  # sky blue
    BROAD: OKABE_ITO[0],  # blue
    TOO_FEW: "#999999",  # grey: no verdict yet
}
SHORT = 26


def short_label(label: str) -> str:
    """Escaped and cut to fit beside a dot on a projected chart."""
    text = label if len(label) <= SHORT else label[: SHORT - 1].rstrip() + "…"
    return escape(text)


def tension_traces(summary: pd.DataFrame) -> list[dict[str, Any]]:
    """One scatter per agreement label, always all six, so a live chart can be
    updated in place: x = now, y = vision, dot size grows with disagreement.

    Plain numpy on the columns: the console rebuilds these on every new answer.
    """
    consensus = summary[["spectrum_consensus", "vision_consensus"]].to_numpy(float)
    with warnings.catch_warnings():  # practices nobody answered have no consensus
        warnings.simplefilter("ignore", RuntimeWarning)
        size = np.round(16 + 34 * (1 - np.nanmin(consensus, axis=1)), 1)
    now = summary["now_mean"].to_numpy(float).round(2)
    vision = summary["vision_mean"].to_numpy(float).round(2)
    said = summary["agreement"].to_numpy(object)
    labels = [short_label(str(t)) for t in summary["label"]]
    traces = []
    for label, colour in AGREEMENT_COLOURS.items():
        rows = said == label
        traces.append(
            {
                "x": _plain(now[rows]),
                "y": _plain(vision[rows]),
                "text": [text for text, row in zip(labels, rows, strict=True) if row],
                "name": label,
                "showlegend": bool(rows.any()),
                "marker": {
                    "color": colour,
                    "size": _plain(size[rows]),
                    "line": {"width": 1, "color": "#000000"},
                },
            }
        )
    return traces


def _plain(values: np.ndarray) -> list[float | None]:
    """Numbers as JSON can carry them: a missing one (NaN) is None."""
    return [None if math.isnan(v) else v for v in values.tolist()]


def tension_map(summary: pd.DataFrame) -> go.Figure:
    """Each practice at (now, vision); bigger dots = more disagreement.

    On the dashed diagonal practice and vision agree; above it the vision pulls
    ahead of what the school does, below it the practice outweighs the vision.
    """
    figure = go.Figure(layout=projector_layout("Tension map", height=620))
    figure.add_trace(
        go.Scatter(
            x=[1, 5],
            y=[1, 5],
            mode="lines",
            line={"dash": "dash", "color": "#777777"},
            name="aligned",
            hoverinfo="skip",
        )
    )
    for trace in tension_traces(summary):
        figure.add_trace(
            go.Scatter(mode="markers+text", textposition="top center", **trace)
        )
    axis = {"range": [0.6, 5.4], "dtick": 1}
    figure.update_xaxes(title_text="drives our school now (1–5)", **axis)
    figure.update_yaxes(title_text="belongs in our shared vision (1–5)", **axis)
    figure.update_layout(legend={"orientation": "h", "y": -0.18})
    return figure


def strip_trace(distribution: pd.DataFrame) -> dict[str, Any]:
    """Dots at each released spectrum position of a practice, sized by people."""
    placed = distribution.loc[~distribution["hidden"]]
    people = [int(count) for count in placed["count"]]
    return {
        "x": placed["position"].tolist(),
        "y": [short_label(t) for t in placed["label"]],
        "text": people,
        "marker": {
            "color": OKABE_ITO[0],
            "size": [min(12 + 6 * n, 48) for n in people],
            "opacity": 0.85,
        },
    }


def strip_layout(distribution: pd.DataFrame) -> dict[str, Any]:
    """Height and row order follow the practices shown (one row each)."""
    practices = [short_label(t) for t in dict.fromkeys(distribution["label"])]
    return {
        "height": 160 + 46 * max(len(practices), 1),
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": practices,
            "autorange": "reversed",
        },
    }


def spectrum_strip(distribution: pd.DataFrame) -> go.Figure:
    """Where people placed each practice, one row per practice, dot size = people."""
    figure = go.Figure(
        go.Scatter(
            mode="markers+text",
            textfont={"color": "#ffffff", "size": 14},
            hovertemplate="%{y}: %{text} at %{x}<extra></extra>",
            **strip_trace(distribution),
        ),
        layout=projector_layout("Where we place each practice"),
    )
    figure.update_xaxes(
        range=[0.5, SPECTRUM_POINTS + 0.5],
        tickvals=[1, (SPECTRUM_POINTS + 1) // 2, SPECTRUM_POINTS],
        ticktext=[SPECTRUM_ENDS[0], "in between", SPECTRUM_ENDS[1]],
    )
    figure.update_layout(margin={"l": 320}, **strip_layout(distribution))
    return figure


def word_bars(words: pd.DataFrame) -> dict[str, Any]:
    """Bar data, as plotly would store it (a bar's text is a string)."""
    return {
        "x": words["count"].tolist(),
        "y": [escape(w) for w in words["word"]],
        "text": [str(count) for count in words["count"]],
    }


def vision_words_figure(words: pd.DataFrame) -> go.Figure:
    """The words most offered for our shared vision; never who offered them."""
    figure = go.Figure(
        go.Bar(
            orientation="h",
            marker_color=OKABE_ITO[2],
            textposition="auto",
            **word_bars(words),
        ),
        layout=projector_layout(
            "Our shared vision, in our words", height=words_height(words)
        ),
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title_text="people using the word", rangemode="tozero", dtick=1)
    return figure


def words_height(words: pd.DataFrame) -> int:
    return 160 + 34 * max(len(words), 1)
