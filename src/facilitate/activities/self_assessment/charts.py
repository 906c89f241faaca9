"""Self-assessment charts, drawn from released figures only (see ``metrics``).

Withheld cells are never drawn as zero: each partition's withheld people share one
grey segment or bar labelled "smaller groups", which the gate guarantees holds at
least k people (or none, and then it is left out).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from facilitate.activities.self_assessment.content import (
    PREFER_NOT,
    SelfAssessment,
    Variant,
)
from facilitate.activities.self_assessment.metrics import MOMENTS
from facilitate.ui.charts import (
    OKABE_ITO,
    WITHHELD_COLOUR,
    projector_layout,
    withheld_label,
)

#: Never .. Always run from warm to cool; "prefer not to say" is a neutral grey.
_SCALE_COLOURS = (OKABE_ITO[5], OKABE_ITO[1], OKABE_ITO[4], OKABE_ITO[0])
_PREFER_NOT_COLOUR = "#757575"


def _scale_colour(content: SelfAssessment, answer: str) -> str:
    if answer == PREFER_NOT:
        return _PREFER_NOT_COLOUR
    keys = [point.key for point in content.scale]
    return _SCALE_COLOURS[min(keys.index(answer), len(_SCALE_COLOURS) - 1)]


def _percent(count: object, people: int) -> int:
    return round(int(count) * 100 / people) if people and count is not None else 0  # type: ignore[call-overload]


def domain_figure(
    domains: pd.DataFrame, variant: Variant, content: SelfAssessment, k: int
) -> go.Figure:
    """Stacked bars per domain of one variant: the share of people by their
    typical answer (variants are never added together: their statements differ)."""
    titles = [d.title for d in variant.domains]
    people = {
        d.key: int(domains.loc[domains["domain"] == d.key, "count"].fillna(0).sum())
        + int(domains.loc[domains["domain"] == d.key, "withheld"].max())
        for d in variant.domains
    }
    figure = go.Figure(
        layout=projector_layout(
            f"{variant.label}: what we typically answered",
            barmode="stack",
            height=160 + 70 * max(len(titles), 1),
            legend={
                "orientation": "h",
                "x": 0,
                "y": 1.02,
                "yanchor": "bottom",
                "traceorder": "normal",
            },
            margin={"t": 110},
        )
    )
    for answer in content.answer_keys:
        rows = domains.loc[domains["answer"] == answer]
        percent = [
            _percent(c, people[d])
            for c, d in zip(rows["count"], rows["domain"], strict=True)
        ]
        figure.add_bar(
            name=content.answer_label(answer),
            x=percent,
            y=rows["title"].tolist(),
            orientation="h",
            marker_color=_scale_colour(content, answer),
            text=[f"{p}%" if p >= 8 else "" for p in percent],
            textposition="inside",
        )
    withheld = domains.drop_duplicates("domain")
    figure.add_bar(
        name=withheld_label(k),
        x=[
            _percent(w, people[d])
            for w, d in zip(withheld["withheld"], withheld["domain"], strict=True)
        ],
        y=withheld["title"].tolist(),
        orientation="h",
        marker_color=WITHHELD_COLOUR,
    )
    figure.update_yaxes(
        autorange="reversed", type="category", categoryorder="array",
        categoryarray=titles,
    )  # fmt: skip
    figure.update_xaxes(title_text="% of people", range=[0, 100])
    return figure


def identity_figure(identities: pd.DataFrame, content: SelfAssessment) -> go.Figure:
    """Grouped bars: how many people named each identity, per question (shown only)."""
    shown = identities.loc[~identities["hidden"]]
    figure = go.Figure(
        layout=projector_layout(
            "Identities we think about", barmode="group", height=460
        )
    )
    for index, question in enumerate(content.identity_questions):
        rows = shown.loc[shown["question"] == question.key]
        figure.add_bar(
            name=question.prompt,
            x=[int(c) for c in rows["count"]],
            y=rows["label"].tolist(),
            orientation="h",
            marker_color=OKABE_ITO[index % len(OKABE_ITO)],
            text=[int(c) for c in rows["count"]],
            textposition="auto",
            textangle=0,
        )
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(title_text="people", rangemode="tozero")
    figure.update_layout(
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        margin={"t": 110},
    )
    return figure


def zone_figure(zones: pd.DataFrame, content: SelfAssessment, k: int) -> go.Figure:
    """Start and end side by side for each zone; withheld zones share one grey bar."""
    figure = go.Figure(
        layout=projector_layout("Where we are: start and end", barmode="group")
    )
    categories = [z.label for z in content.zones]
    for index, (moment, name) in enumerate(MOMENTS):
        rows = zones.loc[(zones["moment"] == moment)]
        if rows.empty:
            continue
        shown = rows.loc[~rows["hidden"]]
        x = shown["label"].tolist()
        y = [int(c) for c in shown["count"]]
        withheld = int(rows["withheld"].max())
        if withheld:
            x.append(withheld_label(k))
            y.append(withheld)
        figure.add_bar(
            name=name, x=x, y=y, marker_color=OKABE_ITO[index], text=y,
            textposition="auto",
        )  # fmt: skip
    if (zones["withheld"] > 0).any():
        categories.append(withheld_label(k))
    figure.update_xaxes(
        type="category", categoryorder="array", categoryarray=categories
    )
    figure.update_yaxes(title_text="people", rangemode="tozero")
    return figure
