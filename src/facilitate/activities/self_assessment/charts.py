"""Self-assessment charts, drawn from released figures only (see ``metrics``).

Withheld cells are never drawn as zero: each partition's withheld people share one
hatched segment or bar labelled "smaller groups", which the gate guarantees holds at
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
    projector_layout,
    withheld_bars,
    withheld_label,
    wrap_words,
)
from facilitate.ui.group_charts import GroupBar, Segment, run_colour, stacked_groups

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
    domains: pd.DataFrame,
    variant: Variant,
    content: SelfAssessment,
    k: int,
    narrow: bool = False,
) -> go.Figure:
    """Stacked bars per domain of one variant: the share of people in each group
    of typical answers ("Never or sometimes"), hidden groups one withheld
    segment. Variants are never added together: their statements differ."""
    keys = list(content.answer_keys)
    bars = []
    for domain in variant.domains:
        rows = domains.loc[domains["domain"] == domain.key]
        people = sum(int(c) for c in rows["count"] if c is not None)
        people += int(rows["withheld"].max()) if len(rows) else 0
        shown = tuple(
            (_answer_segment(content, keys, members, str(label)), float(share) * 100)
            for members, label, share in zip(
                rows["members"], rows["label"], rows["share"], strict=True
            )
            if share is not None
        )
        withheld = int(rows["withheld"].max()) if len(rows) else 0
        title = wrap_words(domain.title, 28) if narrow else domain.title
        bars.append(GroupBar(title, shown, withheld * 100 / people if people else 0))
    return stacked_groups(
        f"{variant.label}: what we typically answered",
        bars, k, axis="% of people", percent=True,
    )  # fmt: skip


def _answer_segment(
    content: SelfAssessment, keys: list[str], members: tuple[str, ...], label: str
) -> Segment:
    places = [keys.index(member) for member in members]
    first, last = min(places), max(places)
    if members == (PREFER_NOT,):
        return Segment(label, first, last, _PREFER_NOT_COLOUR)
    return Segment(label, first, last, run_colour(_SCALE_COLOURS, first, last))


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
    """Start and end side by side for each group of zones ("Comfort or risk
    zone" where the gate merged them); withheld groups share one hatched bar."""
    figure = go.Figure(
        layout=projector_layout("Where we are: start and end", barmode="group")
    )
    order = [z.key for z in content.zones]
    shown = zones.loc[~zones["hidden"]]
    ranked = sorted(
        {(order.index(m[0]), order.index(m[-1]), str(label))
         for m, label in zip(shown["members"], shown["label"], strict=True)}
    )  # fmt: skip
    categories = [label for _, _, label in ranked]
    for index, (moment, name) in enumerate(MOMENTS):
        rows = zones.loc[(zones["moment"] == moment)]
        if rows.empty:
            continue
        visible = rows.loc[~rows["hidden"]]
        x = visible["label"].tolist()
        y = [int(c) for c in visible["count"]]
        marks = [False] * len(x)
        withheld = int(rows["withheld"].max())
        if withheld:
            x.append(withheld_label(k))
            y.append(withheld)
            marks.append(True)
        colours = [OKABE_ITO[index]] * len(marks)
        figure.add_bar(
            name=name, x=x, y=y, marker=withheld_bars(colours, marks), text=y,
            textposition="auto",
        )  # fmt: skip
    if (zones["withheld"] > 0).any():
        categories.append(withheld_label(k))
    figure.update_xaxes(
        type="category", categoryorder="array", categoryarray=categories
    )
    figure.update_yaxes(title_text="people", rangemode="tozero")
    return figure
