"""Console panel and summary part for participant feedback (reflection phase).

The room sees how many have answered and, once at least k people have, how the
statements were rated. Open answers never reach the projected screen: they are
for the leader's export only, escaped and unattributed.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from facilitate.charts.feedback import feedback_figure, wrap_label
from facilitate.charts.style import empty_figure
from facilitate.events import FeedbackGiven, Recorded
from facilitate.frames import kind_frame
from facilitate.metrics.feedback import (
    RATED_COLUMNS,
    rating_summary,
    respondent_count,
)
from facilitate.metrics.privacy import is_shown, needs_more, suppress_small_groups
from facilitate.reflection import FeedbackForm, load_feedback
from facilitate.report_parts import ReportPart
from facilitate.roster import Roster, roster_of
from facilitate.sessions import SessionInfo
from facilitate.text import escape
from facilitate.views.activities import ConsoleContext
from facilitate.views.widgets import message, say, styled

CHART_TITLE = "How the facilitation supported equitable collaboration"


def shown_ratings(
    records: Sequence[Recorded], form: FeedbackForm, k: int
) -> tuple[int, pd.DataFrame]:
    """Respondent count and the k-suppressed rating summary for shared screens."""
    feedback = kind_frame(records, FeedbackGiven.kind)
    respondents = respondent_count(feedback)
    summary = rating_summary(feedback, form)
    if not is_shown(respondents, k):
        return respondents, summary.iloc[0:0]
    return respondents, suppress_small_groups(summary, "responses", k)


class FeedbackPanel:
    """Counts and (from k respondents on) the ratings chart, updated in place."""

    def __init__(self, context: ConsoleContext) -> None:
        self.session: SessionInfo = context.session
        self.form = load_feedback()
        self.seen: tuple[int, int, int] = (-1, -1, -1)
        self.count = message("fc-feedback-count")
        self.note = message("fc-feedback-note")
        empty = rating_summary(kind_frame([], FeedbackGiven.kind), self.form)
        self.chart = styled(
            go.FigureWidget(feedback_figure(empty, CHART_TITLE)), "fc-feedback-chart"
        )
        link = (
            f"reflection.ipynb?code={escape(self.session.code)}"
            f"&amp;key={escape(self.session.key)}"
        )
        self.reflection_link = styled(
            widgets.HTML(
                f'<p><a href="{link}" target="_blank">Leader reflection</a></p>'
            ),
            "fc-reflection-link",
        )
        self.root = widgets.VBox(
            [self.count, self.note, self.chart, self.reflection_link]
        )

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        k = roster.min_group_size(self.session.min_group_size)
        given = sum(1 for r in records if r.kind == FeedbackGiven.kind)
        if (given, k, roster.count) == self.seen:
            return
        self.seen = (given, k, roster.count)
        respondents, shown = shown_ratings(records, self.form, k)
        self.count.value = (
            f"<p><strong>{respondents}</strong> of {roster.count} people "
            "have given feedback.</p>"
        )
        say(self.note, "" if is_shown(respondents, k) else needs_more(respondents, k))
        with self.chart.batch_update():
            for trace, column in zip(self.chart.data, RATED_COLUMNS, strict=True):
                trace.x = shown[column].tolist()
                trace.y = [wrap_label(s) for s in shown["statement"]]


def feedback_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """Ratings per statement (from k respondents on); open answers stay out of here."""
    form = load_feedback()
    k = roster_of(records).min_group_size(session.min_group_size)
    respondents, shown = shown_ratings(records, form, k)
    table = shown[["statement", "responses", "mean", *RATED_COLUMNS]]
    if is_shown(respondents, k) and len(table):
        figure = feedback_figure(shown, CHART_TITLE)
    else:
        figure = empty_figure(CHART_TITLE, needs_more(respondents, k))
    people = "person" if respondents == 1 else "people"
    return ReportPart(
        key="feedback",
        heading="Participant feedback",
        figures=[figure],
        tables={"feedback_ratings": table},
        notes=[
            f"{respondents} {people} gave anonymous feedback on a 1 (strongly "
            "disagree) to 5 (strongly agree) scale."
        ],
    )
