"""The display panels share one way to wait, to say "too few" and to put away."""

from __future__ import annotations

import pytest

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.display import CheckinPanel
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.display import FeedbackPanel
from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
from facilitate.core.events import ParticipantJoined, ResultsRevealed
from facilitate.core.roster import roster_of
from facilitate.ui.contexts import DisplayContext

CHOICE = load_checkin().choices[0].key


def checked_in(store, code, who):
    store.append(code, CheckinAnswered(who, CHOICE))


def gave_feedback(store, code, who):
    store.append_unlinked(code, FeedbackSent(who), FeedbackContent({"voice": 4}), 5)


PANELS = {
    "checkin": (CheckinPanel, checked_in, "have checked in"),
    "feedback": (FeedbackPanel, gave_feedback, "have given feedback"),
}


@pytest.mark.parametrize("activity", PANELS)
def test_a_panel_waits_then_says_too_few_then_puts_results_away(
    store, session, activity
):
    make, answer, done = PANELS[activity]
    code = session.code
    waiting = make(DisplayContext(store, session))
    records = store.read(code)
    waiting.refresh(roster_of(records), records)
    assert waiting.frame.current == "waiting"
    panel = make(DisplayContext(store, session))

    def refreshed() -> str:
        records = store.read(code)
        panel.refresh(roster_of(records), records)
        return str(panel.frame.current)

    for index in range(3):
        store.append(code, ParticipantJoined(f"p{index}", f"N{index}", "teacher"))
        answer(store, code, f"p{index}")
    # Feedback is held unlinked until five are in: none counts as answered yet.
    assert refreshed() == ("answering" if activity == "checkin" else "waiting")
    assert "5+" not in panel.frame.state.value
    store.append(code, ResultsRevealed(activity, True))
    assert refreshed() == "not-enough"
    assert f"Shown once at least 5 people {done}" in panel.frame.state.value
    assert not panel.chart.shown
    store.append(code, ResultsRevealed(activity, False))
    assert refreshed() == "hidden-again"
    assert "put away" in panel.frame.state.value
