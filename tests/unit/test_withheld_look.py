"""Withheld people have one look on every chart, and no answer shares it.

Each chart draws its own withheld bar (or segment); these tests read the drawn
figures and check that exactly the bars labelled "Smaller groups" are hatched
white, whatever colour the chart gives its answers.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from facilitate.activities.checkin.charts import checkin_figure
from facilitate.activities.feedback.charts import rating_segment
from facilitate.activities.feedback.metrics import RATED_COLUMNS
from facilitate.activities.self_assessment.charts import zone_figure
from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.ui.charts import WITHHELD_COLOUR, withheld_label
from facilitate.ui.group_charts import GroupBar, stacked_groups

K = 5
WITHHELD = withheld_label(K)


def looks(figure: go.Figure) -> list[tuple[str, str, str]]:
    """(bar label, fill colour, pattern shape) for every bar drawn."""
    drawn = []
    for trace in figure.data:
        labels = trace.y if trace.orientation == "h" else trace.x
        values = trace.x if trace.orientation == "h" else trace.y
        for index, (label, value) in enumerate(zip(labels, values, strict=True)):
            if value is None:
                continue
            name = trace.name if trace.name == WITHHELD else str(label)
            drawn.append(
                (name, _point(trace.marker.color, index),
                 _point(trace.marker.pattern.shape, index) or "")
            )  # fmt: skip
    return drawn


def _point(value: Any, index: int) -> Any:
    return value[index] if isinstance(value, (list, tuple)) else value


def assert_only_withheld_is_hatched(figure: go.Figure) -> None:
    drawn = looks(figure)
    assert any(name == WITHHELD for name, _, _ in drawn), drawn
    for name, colour, shape in drawn:
        if name == WITHHELD:
            assert (colour, shape) == (WITHHELD_COLOUR, "/"), name
        else:
            assert colour != WITHHELD_COLOUR, name
            assert shape == "", name


def test_checkin_withheld_bar_is_hatched():
    released = pd.DataFrame(
        {
            "label": ["Hopeful", "Tired", "Curious"],
            "count": [6, 5, None],
            "hidden": [False, False, True],
            "withheld": [4, 4, 4],
        }
    )
    assert_only_withheld_is_hatched(checkin_figure(released, "How are you?", K))


def test_zone_withheld_bars_are_hatched_at_the_start_and_the_end():
    zones = pd.DataFrame(
        {
            "moment": ["start", "start", "end", "end"],
            "members": [("comfort",), ("risk", "danger"), ("comfort",), ("risk",)],
            "label": ["Comfort zone", "Risk or danger zone", "Comfort zone", "Risk"],
            "count": [6, None, 7, None],
            "hidden": [False, True, False, True],
            "withheld": [5, 5, 5, 5],
        }
    )
    assert_only_withheld_is_hatched(zone_figure(zones, load_self_assessment(), K))


def test_stacked_groups_withheld_segment_is_hatched_and_neutral_is_not():
    neutral = rating_segment((RATED_COLUMNS[2],))
    agree = rating_segment(tuple(RATED_COLUMNS[3:]))
    bars = [GroupBar("Statement", ((neutral, 5.0), (agree, 6.0)), 5.0)]
    assert_only_withheld_is_hatched(stacked_groups("Feedback", bars, K, "people"))
