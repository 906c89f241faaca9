"""Self-assessment charts: domain distributions, identity counts, zones.

Each figure has a fixed set of traces whatever the data (one per answer, question or
moment), so the console can update a live FigureWidget in place trace by trace.
Frames come from ``facilitate.metrics.self_assessment`` and are already k-suppressed.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from facilitate.charts.style import OKABE_ITO, projector_layout
from facilitate.self_assessment.content import PREFER_NOT, SelfAssessment

# Axes are declared categorical: the console starts with empty traces, and plotly
# would otherwise guess a numeric axis and never draw the labelled bars that follow.

#: Never .. Always run from warm to cool; "prefer not to say" is a neutral grey.
_SCALE_COLOURS = (OKABE_ITO[5], OKABE_ITO[1], OKABE_ITO[4], OKABE_ITO[0])
_PREFER_NOT_COLOUR = "#9E9E9E"
_MOMENTS = (("start", "At the start"), ("end", "At the end"))


def _scale_colour(content: SelfAssessment, answer: str) -> str:
    if answer == PREFER_NOT:
        return _PREFER_NOT_COLOUR
    keys = [point.key for point in content.scale]
    return _SCALE_COLOURS[min(keys.index(answer), len(_SCALE_COLOURS) - 1)]


def domain_figure(distribution: pd.DataFrame, content: SelfAssessment) -> go.Figure:
    """Stacked bars per domain: the share of answers at each point of the scale."""
    figure = go.Figure(
        layout=projector_layout(
            "How often we do this, by domain",
            barmode="stack",
            height=160 + 70 * max(distribution["domain"].nunique(), 1),
            legend={"orientation": "h", "y": -0.2, "traceorder": "normal"},
        )
    )
    for answer in content.answer_keys:
        rows = distribution.loc[distribution["answer"] == answer]
        percent = [round(share * 100) for share in rows["share"]]
        figure.add_bar(
            name=content.answer_label(answer),
            x=percent,
            y=rows["title"].tolist(),
            orientation="h",
            marker_color=_scale_colour(content, answer),
            text=[f"{p}%" if p >= 8 else "" for p in percent],
            textposition="inside",
        )
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(title_text="% of answers", range=[0, 100])
    return figure


def identity_figure(counts: pd.DataFrame, content: SelfAssessment) -> go.Figure:
    """Grouped bars: how many people named each identity, per question."""
    figure = go.Figure(
        layout=projector_layout(
            "Identities we think about", barmode="group", height=460
        )
    )
    for index, question in enumerate(content.identity_questions):
        rows = counts.loc[counts["question"] == question.key]
        figure.add_bar(
            name=question.prompt,
            x=rows["count"].tolist(),
            y=rows["label"].tolist(),
            orientation="h",
            marker_color=OKABE_ITO[index % len(OKABE_ITO)],
            text=rows["count"].tolist(),
            textposition="auto",
            textangle=0,
        )
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(title_text="people", rangemode="tozero", dtick=1)
    figure.update_layout(legend={"orientation": "h", "y": -0.2})
    return figure


def zone_figure(counts: pd.DataFrame, content: SelfAssessment) -> go.Figure:
    """Start and end side by side for each zone."""
    figure = go.Figure(
        layout=projector_layout("Where we are: start and end", barmode="group")
    )
    for index, (moment, name) in enumerate(_MOMENTS):
        rows = counts.loc[counts["moment"] == moment]
        figure.add_bar(
            name=name,
            x=rows["label"].tolist(),
            y=rows["count"].tolist(),
            marker_color=OKABE_ITO[index],
            text=rows["count"].tolist(),
            textposition="auto",
        )
    figure.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=[z.label for z in content.zones],
    )
    figure.update_yaxes(title_text="people", rangemode="tozero", dtick=1)
    return figure
