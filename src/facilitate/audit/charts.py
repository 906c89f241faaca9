"""The equity audit's two charts, drawn from released figures only.

The risk-ratio dot plot puts every group's ratio on a log scale (so "half as
likely" and "twice as likely" sit equally far from parity), with its 95%
interval and a dashed line at 1, one panel per outcome. Colour says whether the
interval lies wholly above 1 (vermillion), wholly below (blue) or includes 1
(grey), and the legend says it in words, so colour is never the only cue. The
composition chart sets each group's share of all students beside its share of
the students with the outcome. Withheld rows are not drawn; a note under the
chart says how many. Labels come from the district's file, so they are escaped.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from facilitate.audit.findings import words
from facilitate.audit.stats import HIGHER, LOWER, Audit
from facilitate.core.text import escape
from facilitate.ui.charts import OKABE_ITO, projector_layout

FLAG_STYLE = {
    HIGHER: ("More likely (interval above 1)", OKABE_ITO[5]),
    LOWER: ("Less likely (interval below 1)", OKABE_ITO[0]),
    "": ("No clear difference (interval includes 1)", "#8C8C8C"),
}
RATIO_TICKS = (0.125, 0.25, 0.5, 1, 2, 4, 8, 16)
ROW_HEIGHT = 26
PANEL_EXTRA = 70


def group_label(column: str, group: str) -> str:
    return escape(f"{words(column)}: {group}")


def _drawn(audit: Audit, column: str) -> pd.DataFrame:
    """Released rows with the figure in ``column``, labelled for the chart."""
    table = audit.table
    shown = table.loc[table[column].notna()].copy()
    shown["label"] = [
        group_label(c, g)
        for c, g in zip(shown["group_column"], shown["group"], strict=True)
    ]
    return shown


def _panels(audit: Audit, shown: pd.DataFrame, title: str) -> go.Figure:
    """One row of panels per outcome, each as tall as its groups, sharing x."""
    rows = [max(int((shown["outcome"] == o).sum()), 1) for o in audit.outcomes]
    figure = make_subplots(
        rows=len(audit.outcomes),
        cols=1,
        shared_xaxes=True,
        subplot_titles=[escape(words(o)).capitalize() for o in audit.outcomes],
        row_heights=rows,
        vertical_spacing=min(0.25 / max(len(rows), 1), 0.06),
    )
    plot_height = sum(ROW_HEIGHT * n + PANEL_EXTRA for n in rows)
    margin = {"l": 330, "r": 30, "t": 150, "b": 70}
    figure.update_layout(
        projector_layout(title, height=plot_height + margin["t"] + margin["b"]),
        # The legend sits above the first panel's title, in pixels made paper.
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1 + 40 / plot_height,
            "x": 0,
        },
        margin=margin,
    )
    figure.update_layout(font={"size": 15})
    figure.update_annotations(font={"size": 18})
    for row, outcome in enumerate(audit.outcomes, start=1):
        order = shown.loc[shown["outcome"] == outcome, "label"].tolist()
        figure.update_yaxes(
            categoryorder="array",
            categoryarray=order,
            autorange="reversed",
            row=row,
            col=1,
        )
    return figure


def _ratio_axis(shown: pd.DataFrame) -> dict[str, object]:
    """A log axis wide enough for every interval, ticked at halves and doubles."""
    low = pd.concat([shown["ci_low"], shown["risk_ratio"]]).min()
    high = pd.concat([shown["ci_high"], shown["risk_ratio"]]).max()
    low = min(float(low), 0.8) if pd.notna(low) else 0.5
    high = max(float(high), 1.25) if pd.notna(high) else 2.0
    ticks = [t for t in RATIO_TICKS if low / 1.2 <= t <= high * 1.2] or [1]
    return {
        "type": "log",
        "range": [math.log10(low / 1.15), math.log10(high * 1.15)],
        "tickvals": ticks,
        "ticktext": [f"{t:g}" for t in ticks],
    }


def _parity(index: int) -> dict[str, object]:
    """The dashed line at 1 across panel ``index`` (0-based)."""
    axis = "" if index == 0 else str(index + 1)
    return {
        "type": "line",
        "x0": 1,
        "x1": 1,
        "y0": 0,
        "y1": 1,
        "xref": f"x{axis}",
        "yref": f"y{axis} domain",
        "line": {"dash": "dash", "color": "#555555"},
    }


def risk_ratio_figure(audit: Audit) -> go.Figure:
    """One panel per outcome: each group's ratio against everyone else, with its
    interval, on a log axis with a dashed parity line at 1."""
    shown = _drawn(audit, "risk_ratio")
    shown = shown.loc[shown["risk_ratio"] > 0]
    figure = _panels(audit, shown, "How much more or less likely, by group")
    legend_done: set[str] = set()
    for row, outcome in enumerate(audit.outcomes, start=1):
        part = shown.loc[shown["outcome"] == outcome]
        for flag, (name, colour) in FLAG_STYLE.items():
            dots = part.loc[part["flag"] == flag]
            if dots.empty:
                continue
            low = (dots["risk_ratio"] - dots["ci_low"]).fillna(0)
            high = (dots["ci_high"] - dots["risk_ratio"]).fillna(0)
            figure.add_trace(
                go.Scatter(
                    x=dots["risk_ratio"].tolist(),
                    y=dots["label"].tolist(),
                    mode="markers",
                    marker={"color": colour, "size": 11},
                    error_x={
                        "type": "data",
                        "symmetric": False,
                        "array": high.tolist(),
                        "arrayminus": low.tolist(),
                        "color": colour,
                        "thickness": 2,
                    },
                    name=name,
                    legendgroup=flag or "none",
                    showlegend=flag not in legend_done,
                    hovertemplate="%{y}: %{x:.2f} times<extra></extra>",
                ),
                row=row,
                col=1,
            )
            legend_done.add(flag)
    figure.update_layout(shapes=[_parity(row) for row in range(len(audit.outcomes))])
    figure.update_xaxes(showticklabels=True, **_ratio_axis(shown))
    figure.update_xaxes(
        title_text="risk ratio (1 = as likely as all other students)",
        row=len(audit.outcomes),
        col=1,
    )
    return figure


def composition_figure(audit: Audit) -> go.Figure:
    """Each group's share of all students beside its share of the outcome."""
    shown = _drawn(audit, "share_of_outcome")
    figure = _panels(audit, shown, "Share of students and share of the outcome")
    bars = (
        ("share_of_students", "Share of all students", OKABE_ITO[4]),
        ("share_of_outcome", "Share of students with the outcome", OKABE_ITO[1]),
    )
    for row, outcome in enumerate(audit.outcomes, start=1):
        part = shown.loc[shown["outcome"] == outcome]
        for column, name, colour in bars:
            figure.add_trace(
                go.Bar(
                    x=(100 * part[column]).round(1).tolist(),
                    y=part["label"].tolist(),
                    orientation="h",
                    name=name,
                    marker_color=colour,
                    legendgroup=column,
                    showlegend=row == 1,
                    hovertemplate="%{y}: %{x:.1f}%<extra></extra>",
                ),
                row=row,
                col=1,
            )
    figure.update_layout(barmode="group")
    figure.update_xaxes(showticklabels=True, rangemode="tozero")
    figure.update_xaxes(title_text="% of students", row=len(audit.outcomes), col=1)
    return figure


def withheld_note(audit: Audit) -> str:
    """How many rows the charts leave out, and why, in one sentence."""
    withheld = int(audit.table["suppressed"].sum())
    if not withheld:
        return ""
    rows = "row is" if withheld == 1 else "rows are"
    return (
        f"{withheld} group-and-outcome {rows} withheld (fewer than "
        f"{audit.min_n} students, or a count that would let one be worked out) "
        "and not drawn."
    )
