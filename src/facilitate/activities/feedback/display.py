"""The shared screen in the closing phase: feedback progress, then ratings.

Progress is said in steps of k and the ratings chart shows the latest release
only. Open answers never reach the projected screen: they are for the leader's
summary, escaped, sorted and unattributed.
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.activities.feedback.charts import feedback_figure
from facilitate.activities.feedback.content import load_feedback
from facilitate.activities.feedback.metrics import released_feedback
from facilitate.core.events import Recorded
from facilitate.core.links import workbook_link
from facilitate.core.release import shown_once
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.live_chart import LiveChart
from facilitate.ui.widgets import message, say, styled

CHART_TITLE = "How the facilitation supported equitable collaboration"


class FeedbackPanel:
    """Named widgets: ``count``, ``note``, ``chart`` (a ``LiveChart``)."""

    def __init__(self, context: DisplayContext) -> None:
        self.session = context.session
        self.form = load_feedback()
        self.seen = -1
        self.shown: tuple[int, int, str] | None = None
        self.count = message("fc-feedback-count")
        self.note = message("fc-feedback-note")
        self.chart = LiveChart("fc-feedback-chart")
        link = workbook_link(
            "", "evidence", code=self.session.code, key=self.session.key
        )
        self.reflection_link = styled(
            widgets.HTML(
                f'<p><a href="{escape(link)}" target="_blank">Leader\'s evidence pack '
                "(reflection, context, colleague feedback)</a></p>"
            ),
            "fc-reflection-link",
        )
        self.root = widgets.VBox(
            [self.count, self.note, self.chart.root, self.reflection_link]
        )

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        if len(records) == self.seen:
            return
        self.seen = len(records)
        state, released, _ = released_feedback(records, self.form)
        batch = state.latest.batch if state.latest else 0
        progress = state.progress("have given feedback")
        if (batch, state.k, progress) == self.shown:
            return
        self.shown = (batch, state.k, progress)
        say(self.count, progress)
        if released is None:
            say(self.note, shown_once(state.k, "people have given feedback"))
            self.chart.clear()
            return
        say(self.note, "")
        self.chart.show(feedback_figure(released, CHART_TITLE, state.k))
