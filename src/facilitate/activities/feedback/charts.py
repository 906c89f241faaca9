"""The feedback chart: how many people gave each rating to each statement."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from facilitate.activities.feedback.content import RATING_SCALE
from facilitate.activities.feedback.metrics import RATED_COLUMNS, UNRATED
from facilitate.core.coarsen import group_label
from facilitate.ui.charts import OKABE_ITO, wrap_words
from facilitate.ui.group_charts import GroupBar, Segment, run_colour, stacked_groups

#: Disagree in orange tones, agree in blue tones, neutral grey: readable in print too.
RATING_COLOURS = (OKABE_ITO[5], OKABE_ITO[1], "#BBBBBB", OKABE_ITO[4], OKABE_ITO[0])
#: The ratings in words, without their numbers: "Strongly disagree".
RATING_WORDS = tuple(label.split(" ", 1)[1] for _, label in RATING_SCALE)
#: Forms that skipped a statement: white with an outline would vanish on a
#: projector, so a pale sand, unlike any rating and unlike the withheld hatch.
NO_RATING = "#E8DCC2"


def feedback_figure(released: pd.DataFrame, title: str, k: int) -> go.Figure:
    """Stacked bars of ``release_ratings`` output, one bar per statement: each of
    its groups ("Agree or strongly agree") a segment, hidden groups one
    withheld segment; the legend names only the groups drawn."""
    bars = []
    for statement, groups, withheld in zip(
        released["statement"], released["groups"], released["withheld"], strict=True
    ):
        shown = tuple(
            (rating_segment(group.members), float(group.count))
            for group in groups
            if group.count is not None
        )
        bars.append(GroupBar(wrap_words(str(statement), 30), shown, float(withheld)))
    return stacked_groups(title, bars, k, axis="people")


def rating_segment(members: tuple[str, ...]) -> Segment:
    """The segment of a group of ratings: "Disagree or neutral", or "No rating"."""
    if members == (UNRATED,):
        return Segment("No rating", len(RATED_COLUMNS), len(RATED_COLUMNS), NO_RATING)
    places = [RATED_COLUMNS.index(member) for member in members]
    words = [RATING_WORDS[place] for place in places]
    first, last = min(places), max(places)
    colour = run_colour(RATING_COLOURS, first, last)
    return Segment(group_label(words), first, last, colour)
