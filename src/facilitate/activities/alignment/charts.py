"""Alignment charts: the tension map, the spectrum strip and the vision words.

Every label that a facilitator or participant typed is escaped before plotly
sees it, because plotly renders a subset of HTML in text and tick labels.
Colours follow the agreement label, so the legend reads in plain words.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from facilitate.activities.alignment.content import SPECTRUM_ENDS, SPECTRUM_POINTS
from facilitate.activities.alignment.verdicts import (
    BROAD,
    LEANING,
    MINORITY,
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
    MINORITY: OKABE_ITO[2],  # bluish green
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


def tension_traces(
    summary: pd.DataFrame, labelled: Collection[str] | None = None
) -> list[dict[str, Any]]:
    """One scatter per agreement label, always all of them, so a live chart can be
    updated in place: x = now, y = vision, dot size grows with disagreement.

    Only practices in ``labelled`` (every practice by default) are named beside
    their dot, each where it collides with no other name or dot; a name that
    fits nowhere is left off the map (the list beside it names every practice).
    Plain numpy on the columns: the display rebuilds these on every new answer.
    """
    consensus = summary[["spectrum_consensus", "vision_consensus"]].to_numpy(float)
    with warnings.catch_warnings():  # practices nobody answered have no consensus
        warnings.simplefilter("ignore", RuntimeWarning)
        size = np.round(16 + 34 * (1 - np.nanmin(consensus, axis=1)), 1)
    now = summary["now_mean"].to_numpy(float).round(2)
    vision = summary["vision_mean"].to_numpy(float).round(2)
    said = summary["agreement"].to_numpy(object)
    names = {
        practice: short_label(label)
        for practice, label in zip(summary["practice"], summary["label"], strict=True)
        if labelled is None or practice in labelled
    }
    places = place_labels(
        [
            (float(x), float(y), float(dot), names.get(str(practice), ""))
            for practice, x, y, dot in zip(
                summary["practice"], now, vision, size, strict=True
            )
        ]
    )
    traces = []
    for label, colour in AGREEMENT_COLOURS.items():
        rows = said == label
        chosen = [places[i] for i in np.flatnonzero(rows)]
        traces.append(
            {
                "x": _plain(now[rows]),
                "y": _plain(vision[rows]),
                "text": [text for text, _ in chosen],
                "textposition": [position for _, position in chosen],
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


#: Where a name may sit around its dot, in order of preference: plotly's
#: text position, and the direction of the name's centre from the dot.
LABEL_SPOTS = (
    ("top center", 0.0, 1.0),
    ("bottom center", 0.0, -1.0),
    ("middle right", 1.0, 0.0),
    ("middle left", -1.0, 0.0),
    ("top right", 1.0, 1.0),
    ("top left", -1.0, 1.0),
    ("bottom right", 1.0, -1.0),
    ("bottom left", -1.0, -1.0),
)
#: The tension map's axes, in scale points, and the type size in those units
#: (a 20 px letter on a 620 px high map spanning 4.8 points).
MAP_RANGE = (0.6, 5.4)
LETTER_HEIGHT = 0.19
LETTER_WIDTH = 0.075


def label_box(
    x: float, y: float, size: float, name: str, position: str
) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of ``name`` at ``position`` beside a dot of
    ``size`` pixels at (x, y), in scale points."""
    unit = LETTER_HEIGHT / 20  # scale points per pixel, roughly
    _, dx, dy = next(spot for spot in LABEL_SPOTS if spot[0] == position)
    half_w, half_h = len(name) * LETTER_WIDTH / 2, LETTER_HEIGHT / 2
    gap = size * unit / 2 + 0.03
    cx = x + dx * (half_w + gap if dx else 0)
    cy = y + dy * (half_h + gap if dy else 0)
    return (cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def place_labels(
    points: Sequence[tuple[float, float, float, str]],
) -> list[tuple[str, str]]:
    """(text, position) for each (x, y, dot size in px, name): greedy, first
    spot free of every placed name and every dot; no spot, no name."""
    unit = LETTER_HEIGHT / 20
    dots = [(x, y, size * unit / 2) for x, y, size, _ in points]
    taken: list[tuple[float, float, float, float]] = []
    placed = []
    for x, y, size, name in points:
        spot = ("", "top center")
        if name and not (math.isnan(x) or math.isnan(y)):
            for position, _, _ in LABEL_SPOTS:
                box = label_box(x, y, size, name, position)
                if _free(box, taken, dots):
                    taken.append(box)
                    spot = (name, position)
                    break
        placed.append(spot)
    return placed


def _free(
    box: tuple[float, float, float, float],
    taken: list[tuple[float, float, float, float]],
    dots: list[tuple[float, float, float]],
) -> bool:
    left, bottom, right, top = box
    if left < MAP_RANGE[0] or right > MAP_RANGE[1]:
        return False
    if bottom < MAP_RANGE[0] or top > MAP_RANGE[1]:
        return False
    for other in taken:
        if (
            left < other[2]
            and other[0] < right
            and bottom < other[3]
            and other[1] < top
        ):
            return False
    return all(
        not (left - r < x < right + r and bottom - r < y < top + r)
        for x, y, r in dots
        if not (math.isnan(x) or math.isnan(y))
    )


def tension_map(
    summary: pd.DataFrame, labelled: Collection[str] | None = None
) -> go.Figure:
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
            name="practice matches vision",
            hoverinfo="skip",
        )
    )
    for trace in tension_traces(summary, labelled):
        figure.add_trace(go.Scatter(mode="markers+text", **trace))
    axis = {"range": list(MAP_RANGE), "dtick": 1}
    figure.update_xaxes(title_text="drives our school now (1–5)", **axis)
    figure.update_yaxes(title_text="belongs in our shared vision (1–5)", **axis)
    figure.update_layout(
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        margin={"t": 110},
    )
    return figure


def strip_trace(placements: pd.DataFrame) -> dict[str, Any]:
    """A dot per group of placements, at the middle of its run, sized by people;
    a group that merged neighbouring positions carries a bar (``error_x``) from
    its first position to its last: its people placed the practice along it."""
    people = [int(count) for count in placements["count"]]
    half = (placements["stop"] - placements["start"]) / 2
    runs = np.where(placements["merged"], half + 0.4, 0.0)
    return {
        "x": ((placements["start"] + placements["stop"]) / 2).tolist(),
        "y": [short_label(t) for t in placements["label"]],
        "text": people,
        "marker": {
            "color": OKABE_ITO[0],
            "size": [min(28 + 3 * n, 40) for n in people],
            "opacity": 0.9,
        },
        "error_x": {
            "type": "data",
            "array": runs.tolist(),
            "symmetric": True,
            "thickness": 14,
            "width": 0,
            "color": OKABE_ITO[4],
        },
    }


def strip_layout(placements: pd.DataFrame) -> dict[str, Any]:
    """Height and row order follow the practices shown (one row each)."""
    practices = [short_label(t) for t in dict.fromkeys(placements["label"])]
    return {
        "height": 200 + 46 * max(len(practices), 1),
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": practices,
            "autorange": "reversed",
            "automargin": True,
        },
    }


def spectrum_strip(placements: pd.DataFrame) -> go.Figure:
    """Where people placed each practice, one row per practice, dot size = people.

    Positions are merged with their neighbours until each group holds k people
    (``metrics.spectrum_placements``); a merged group carries a bar over its run.
    The axis ends are named in words under the plot, each aligned to its own
    edge so neither is cut: extrinsic / behaviorist on the left, intrinsic /
    community on the right.
    """
    figure = go.Figure(
        go.Scatter(
            mode="markers+text",
            textfont={"color": "#ffffff"},
            hovertemplate="%{y}: %{text}<extra></extra>",
            **strip_trace(placements),
        ),
        layout=projector_layout("Where we place each practice"),
    )
    figure.update_xaxes(
        range=[0.5, SPECTRUM_POINTS + 0.5],
        tickvals=list(range(1, SPECTRUM_POINTS + 1)),
        showticklabels=False,
        showgrid=True,
    )
    for x, anchor, text in (
        (0.0, "left", f"◀ {SPECTRUM_ENDS[0].lower()}"),
        (0.5, "center", "in between"),
        (1.0, "right", f"{SPECTRUM_ENDS[1].lower()} ▶"),
    ):
        figure.add_annotation(
            text=text, x=x, xref="paper", xanchor=anchor, y=0, yref="paper",
            yanchor="top", yshift=-12, showarrow=False,
        )  # fmt: skip
    figure.update_layout(margin={"b": 70}, **strip_layout(placements))
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
