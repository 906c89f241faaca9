"""Participant feedback: the form, the aggregate, the console panel and the part."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt

from facilitate.activities.feedback.content import load_feedback
from facilitate.activities.feedback.display import FeedbackPanel
from facilitate.activities.feedback.events import FeedbackGiven
from facilitate.activities.feedback.metrics import feedback_comments, rating_summary
from facilitate.activities.feedback.participant import FeedbackActivity
from facilitate.activities.feedback.report import feedback_part
from facilitate.core.events import ParticipantJoined
from facilitate.ui.contexts import DisplayContext, ParticipantContext


def give(store, session, who, ratings, helped="", more=""):
    store.append(session.code, FeedbackGiven(who, ratings, helped, more))


def test_rating_summary_counts_each_persons_latest_form():
    form = load_feedback()
    frame = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "participant": ["a", "b", "a"],
            "ratings": [{"voice": 2}, {"voice": 5, "safe": 4}, {"voice": 4}],
        }
    )
    expected = pd.DataFrame(
        {
            "item": ["voice", "heard", "safe", "purpose"],
            "statement": [item.statement for item in form.ratings],
            "responses": [2, 0, 1, 0],
            "mean": [4.5, float("nan"), 4.0, float("nan")],
            "rated_1": [0, 0, 0, 0],
            "rated_2": [0, 0, 0, 0],
            "rated_3": [0, 0, 0, 0],
            "rated_4": [1, 0, 1, 0],
            "rated_5": [1, 0, 0, 0],
        }
    )
    pdt.assert_frame_equal(rating_summary(frame, form), expected)


def test_comments_are_sorted_and_blank_ones_dropped():
    frame = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "participant": ["a", "b", "c"],
            "helped": ["zebra", " ", "Apple"],
        }
    )
    assert feedback_comments(frame, "helped") == ["Apple", "zebra"]


def test_the_form_records_one_event_and_a_resubmission_replaces_it(store, session):
    context = ParticipantContext(store, session, "tok-1")
    form = FeedbackActivity(context)
    form.submit.click()
    assert form.status.value.endswith(
        "Please rate at least one statement before sending.</p>"
    )
    form.ratings["voice"].value = 4
    form.helped.value = "  Rounds  "
    form.submit.click()
    form.ratings["voice"].value = 5
    form.submit.click()
    events = [r.event for r in store.read(session.code, kinds=[FeedbackGiven.kind])]
    assert events == [
        FeedbackGiven("tok-1", {"voice": 4}, "Rounds", ""),
        FeedbackGiven("tok-1", {"voice": 5}, "Rounds", ""),
    ]
    again = FeedbackActivity(context)
    assert again.ratings["voice"].value == 5
    assert again.helped.value == "Rounds"


def test_over_long_feedback_is_refused_with_a_sentence(store, session):
    form = FeedbackActivity(ParticipantContext(store, session, "tok-2"))
    form.more_equitable.value = "x" * 1001
    form.submit.click()
    assert (
        "What would make it more equitable is 1,001 characters; the limit is 1,000."
        in (form.status.value)
    )
    assert store.read(session.code, kinds=[FeedbackGiven.kind]) == []


def test_screen_waits_for_k_respondents_then_shows_batches(store, session):
    from facilitate.core.events import ResultsRevealed
    from facilitate.core.roster import roster_of

    panel = FeedbackPanel(DisplayContext(store, session))
    store.append(session.code, ResultsRevealed("feedback", True))

    def refreshed():
        records = store.read(session.code)
        panel.refresh(roster_of(records), records)

    for index in range(4):
        store.append(
            session.code, ParticipantJoined(f"p{index}", f"N{index}", "teacher")
        )
        give(store, session, f"p{index}", {"voice": 5}, helped="<b>secret</b>")
    refreshed()
    assert panel.frame.current == "not-enough"
    assert "Shown once at least 5 people have given feedback" in (
        panel.frame.state.value
    )
    assert not panel.chart.shown
    give(store, session, "p4", {"voice": 5})
    refreshed()
    assert panel.frame.current == "revealed"
    assert panel.frame.state.value == ""
    voice = panel.chart.chart.data
    # Five people all said 5: showing it would tell the room what each said.
    assert [trace.x[0] for trace in voice] == [0, 0, 0, 0, 0, 5]
    for index in range(5, 10):
        give(store, session, f"p{index}", {"voice": 4})
        refreshed()
    voice = panel.chart.chart.data
    # Five said 4 and five said 5: one group is shown, the other joins the grey
    # "smaller groups" segment so the zeros cannot be read off the total.
    assert [trace.x[0] for trace in voice] == [0, 0, 0, 5, 0, 5]
    assert "secret" not in str(panel.root)


def test_feedback_part_shows_the_latest_release_only(store, session):
    for index in range(10):
        rating = 3 if index % 2 else 4
        give(
            store, session, f"p{index}", {"heard": rating}, helped="<script>x</script>"
        )
    give(store, session, "late", {"heard": 1}, helped="late words")
    part = feedback_part(store.read(session.code), session)
    assert part.heading == "Participant feedback"
    heard = part.tables["feedback_ratings"].iloc[1]
    # Two groups of 5 and zeros elsewhere: one group must stay hidden, or the
    # zeros (nobody rated 1, 2 or 5) could be read off the total.
    assert (heard["rated_3"], heard["rated_4"], heard["rated_1"]) == (5, None, None)
    assert heard["mean"] is None
    assert part.notes == [
        "At least 10 gave anonymous feedback. Ratings run from 1 (strongly "
        "disagree) to 5 (strongly agree)."
    ]
    assert "script" not in part.tables["feedback_ratings"].to_csv()
    assert "&lt;script&gt;x&lt;/script&gt;" in part.html
    assert "late words" not in part.html
