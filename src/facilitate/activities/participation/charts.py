"""Participation charts: talk share, Lorenz curve, who-follows-whom, turn timeline.

Every figure here has a fixed number of traces whatever the data, so the display
can update its live FigureWidgets in place (trace by trace) as taps arrive. People
appear under the labels the caller passes: anonymous ("Person 3") by default,
escaped display names only when the facilitator chose to show them.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from facilitate.core.text import escape
from facilitate.ui.charts import OKABE_ITO, projector_layout

CHART_HEIGHT = 400
#: Edge widths of the who-follows-whom view: (smallest count, width).
EDGE_LEVELS = ((1, 1.5), (2, 4.0), (4, 8.0))


def speaker_labels(per_person: pd.DataFrame, show_names: bool) -> dict[str, str]:
    """Speaker id -> label, in ``talk_by_person`` order (most talk first)."""
    labels = {}
    for rank, (speaker, name) in enumerate(
        zip(per_person["speaker"], per_person["name"], strict=True), start=1
    ):
        shown = escape(name) if show_names and name else f"Person {rank}"
        labels[str(speaker)] = shown
    return labels


def gini_in_words(gini: float | None) -> str:
    """The Gini value with a plain reading, for the room rather than statisticians.

    The readings describe talk that happened, not a guess about the room, so
    their lines are fixed. A value a rounding error below a line counts as on
    it: [1, 1, 1, 1, 0] has a Gini of exactly 0.2 and reads "somewhat uneven".
    """
    if gini is None:
        return "No talk has been tracked yet."
    value = max(0.0, round(float(gini), 9)) + 0.0
    readings = (
        (0.5, "talk was concentrated in very few voices"),
        (0.35, "a few voices took much more of the time"),
        (0.2, "talk was somewhat uneven"),
        (0.0, "talk was shared quite evenly"),
    )
    reading = next(words for line, words in readings if value >= line)
    return (
        f"Gini {value:.2f}: {reading} "
        "(0 means everyone talked equally; 1 means one person did all the talking)."
    )


def _percent(share: float) -> float | None:
    """A share as a percentage for a chart; None (nothing drawn) before any talk."""
    return None if math.isnan(share) else round(share * 100, 1)


#: Above this many people, bars keep no name each (the names would collide).
NAMED_BARS = 30
#: Above this many people, bars carry no figure each (it would shrink unread).
LABELLED_BARS = 16
#: Who follows whom names this many speakers at most (most talk first), so names
#: never pile up; the others are dots, sized by their share.
NAMED_NODES = 12
WIDEN = 1.6
#: Characters per line of a role's name under the equity chart.
ROLE_TICK_WIDTH = 16


def talk_share_figure(per_person: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """One bar per person (most talk on top), with the equal-share line.

    Bars run across so every name reads level, however many people there are;
    the equal share is labelled on the line itself rather than in a legend,
    and drawn beneath the bars and their figures, so it never paints over one.
    """
    people = [labels[str(s)] for s in per_person["speaker"]]
    shares = [_percent(v) for v in per_person["talk_share"]]
    equal = 100 / len(people) if people else 0.0
    figure = go.Figure(
        layout=projector_layout(
            "Share of talk time", height=max(CHART_HEIGHT, 140 + 30 * len(people))
        )
    )
    figure.add_bar(
        y=people,
        x=shares,
        orientation="h",
        marker_color=OKABE_ITO[0],
        text=["" if v is None else f"{v:.0f}%" for v in shares]
        if len(people) <= LABELLED_BARS
        else None,
        textposition="outside",
        cliponaxis=False,
        name="talk share",
    )
    figure.add_vline(
        x=equal,
        line={"color": OKABE_ITO[5], "dash": "dash", "width": 3},
        layer="below",
        annotation_text=f"equal share ({equal:.0f}%)",
        annotation_position="bottom right",
        annotation_bgcolor="rgba(255,255,255,0.9)",
    )
    top = max([*(v for v in shares if v is not None), equal, 1.0])
    figure.update_xaxes(title_text="% of talk", range=[0, top * 1.18])
    figure.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=people,
        autorange="reversed",
        automargin=True,
        showticklabels=len(people) <= NAMED_BARS,
        tickmode="array",
        tickvals=people,
        ticktext=people,
        title_text="" if len(people) <= NAMED_BARS else "each bar is one person",
    )
    figure.update_layout(showlegend=False, bargap=0.25, margin={"t": 80})
    return figure


def lorenz_figure(lorenz: pd.DataFrame, gini: float | None) -> go.Figure:
    """The Lorenz curve of talk time against the line of perfect equality.

    The legend sits inside the empty upper-left corner (the curve bows to the
    lower right), so neither it nor the axis titles are cut at any size. Before
    anyone talks the curve is empty (the frame has no rows) and the title says
    so, rather than a curve along the bottom edge that reads as one person
    holding all the talk.
    """
    title = "Lorenz curve" + (
        f" (Gini {gini:.2f})" if gini is not None else ": no talk tracked yet"
    )
    figure = go.Figure(layout=projector_layout(title, height=CHART_HEIGHT))
    figure.add_scatter(
        x=[0, 100],
        y=[0, 100],
        mode="lines",
        line={"color": "#555555", "dash": "dot", "width": 3},
        name="everyone equal",
    )
    figure.add_scatter(
        x=[round(v * 100, 1) for v in lorenz["people_share"]],
        y=[round(v * 100, 1) for v in lorenz["talk_share"]],
        mode="lines+markers",
        line={"color": OKABE_ITO[0], "width": 4},
        fill="tonexty",
        name="this discussion",
    )
    figure.update_xaxes(
        title_text="% of people (quietest first)", range=[0, 100], automargin=True
    )
    figure.update_yaxes(title_text="% of talk", range=[0, 100], automargin=True)
    figure.update_layout(
        legend={
            "x": 0.02,
            "y": 0.98,
            "xanchor": "left",
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.85)",
        }
    )
    return figure


def follow_figure(
    per_person: pd.DataFrame, pairs: pd.DataFrame, labels: dict[str, str]
) -> go.Figure:
    """Who follows whom: people on a circle, thicker lines for more hand-offs.

    Names sit outside the ring, away from the centre, and the axes leave room
    for the largest dot and its name, so nobody is clipped at the edge. Only
    people who spoke are named (at most ``NAMED_NODES``), so names never pile up.
    """
    speakers = [str(s) for s in per_person["speaker"]]
    n = max(len(speakers), 1)
    angle = {s: math.pi / 2 - 2 * math.pi * i / n for i, s in enumerate(speakers)}
    # An ellipse wider than high: screens are wide, and names run across.
    spot = {s: (WIDEN * math.cos(a), math.sin(a)) for s, a in angle.items()}
    named = set(
        [s for s, t in zip(speakers, per_person["turns"], strict=True) if t > 0][
            :NAMED_NODES
        ]
    )
    counts = _undirected_counts(pairs)
    figure = go.Figure(layout=projector_layout("Who follows whom", height=CHART_HEIGHT))
    bounds = [level for level, _ in EDGE_LEVELS[1:]] + [math.inf]
    for (low, width), high in zip(EDGE_LEVELS, bounds, strict=True):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for (a, b), count in counts.items():
            if low <= count < high and a in spot and b in spot:
                xs += [spot[a][0], spot[b][0], None]
                ys += [spot[a][1], spot[b][1], None]
        figure.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"width": width, "color": OKABE_ITO[4]},
            hoverinfo="skip",
            name=f"{low}+ hand-offs",
        )
    figure.add_scatter(
        x=[spot[s][0] for s in speakers],
        y=[spot[s][1] for s in speakers],
        mode="markers+text",
        text=[labels[s] if s in named else "" for s in speakers],
        textposition=[_outward(angle[s]) for s in speakers],
        cliponaxis=False,
        marker={
            "size": [
                14 + (0 if math.isnan(v) else 36 * v) for v in per_person["talk_share"]
            ],
            "color": OKABE_ITO[1],
            "line": {"width": 1, "color": "#333333"},
        },
        hovertext=[
            f"{labels[s]}: {t} turns"
            for s, t in zip(speakers, per_person["turns"], strict=True)
        ],
        hoverinfo="text",
        name="people",
    )
    figure.update_xaxes(visible=False, range=[-WIDEN - 0.9, WIDEN + 0.9])
    figure.update_yaxes(visible=False, range=[-1.35, 1.35], scaleanchor="x")
    figure.update_layout(showlegend=False)
    return figure


def _outward(angle: float) -> str:
    """The text position that puts a name away from the circle's centre."""
    x, y = math.cos(angle), math.sin(angle)
    vertical = "top" if y > 0.5 else "bottom" if y < -0.5 else "middle"
    horizontal = "right" if x > 0.3 else "left" if x < -0.3 else "center"
    return f"{vertical} {horizontal}"


def _undirected_counts(pairs: pd.DataFrame) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for a, b, count in zip(
        pairs["from_speaker"], pairs["to_speaker"], pairs["count"], strict=True
    ):
        key = (str(min(a, b)), str(max(a, b)))
        counts[key] = counts.get(key, 0) + int(count)
    return counts


def timeline_figure(
    turns: pd.DataFrame, per_person: pd.DataFrame, labels: dict[str, str]
) -> go.Figure:
    """Each turn as a bar on its speaker's row, minutes from the first turn."""
    order = [labels[str(s)] for s in per_person["speaker"]]
    origin = float(turns["start"].min()) if len(turns) else 0.0
    height = max(CHART_HEIGHT, 120 + 22 * len(order))
    figure = go.Figure(layout=projector_layout("Turn timeline", height=height))
    figure.add_bar(
        y=[labels.get(str(s), "Someone") for s in turns["speaker"]],
        x=[round(v / 60, 3) for v in turns["seconds"]],
        base=[round((v - origin) / 60, 3) for v in turns["start"]],
        orientation="h",
        marker_color=OKABE_ITO[2],
        hovertext=[
            f"turn {t}: {s:.0f} s"
            for t, s in zip(turns["turn"], turns["seconds"], strict=True)
        ],
        hoverinfo="text",
        name="turns",
    )
    figure.update_xaxes(title_text="minutes", rangemode="tozero")
    figure.update_yaxes(
        categoryorder="array",
        categoryarray=order,
        autorange="reversed",
        type="category",
    )
    return figure


def role_tick(label: str, people: int) -> str:
    """A role group's axis label: its words wrapped short, then how many people
    ("Family member or<br>another role<br>3 people"), read from the back."""
    lines = textwrap.wrap(str(label), ROLE_TICK_WIDTH) or [""]
    count = f"{people} {'person' if people == 1 else 'people'}"
    return "<br>".join([*(escape(line) for line in lines), count])


def equity_figure(equity: pd.DataFrame) -> go.Figure:
    """Equity ratio per role group: talk and written contributions; 1 is a fair
    share. Each group is named with its number of people (``roles.py``)."""
    roles = [
        role_tick(label, int(people))
        for label, people in zip(equity["label"], equity["people"], strict=True)
    ]
    figure = go.Figure(
        layout=projector_layout("Equity ratio by role", height=CHART_HEIGHT)
    )
    for column, name, colour in (
        ("talk_ratio", "talk time", OKABE_ITO[0]),
        ("contribution_ratio", "written contributions", OKABE_ITO[1]),
    ):
        ratios = [None if math.isnan(v) else round(v, 2) for v in equity[column]]
        figure.add_bar(
            x=roles,
            y=ratios,
            name=name,
            marker_color=colour,
            text=["" if v is None else f"{v:.2f}" for v in ratios],
            textposition="outside",
        )
    figure.add_hline(y=1, line_dash="dash", line_color=OKABE_ITO[5])
    figure.update_xaxes(automargin=True, tickangle=0)
    figure.update_yaxes(
        title_text="share of voice ÷ share of people", rangemode="tozero"
    )
    figure.update_layout(
        barmode="group",
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        margin={"t": 110},
    )
    return figure
