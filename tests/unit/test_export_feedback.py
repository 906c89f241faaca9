"""Participant feedback: the form, the aggregate, the console panel and the part."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt

from facilitate.events import FeedbackGiven, ParticipantJoined
from facilitate.frames import kind_frame
from facilitate.metrics.feedback import feedback_comments, rating_summary
from facilitate.reflection import load_feedback
from facilitate.views.activities import (
    ConsoleContext,
    ParticipantContext,
    console_activity,
    participant_activity,
)
from facilitate.views.feedback_console import feedback_part
from facilitate.views.feedback_participant import FeedbackActivity


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
    form = participant_activity("reflection")(context)
    assert isinstance(form, FeedbackActivity)
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


def test_console_panel_waits_for_k_respondents(store, session):
    from facilitate.roster import roster_of

    panel = console_activity("reflection")(ConsoleContext(store, session))
    for index in range(4):
        store.append(
            session.code, ParticipantJoined(f"p{index}", f"N{index}", "teacher")
        )
        give(store, session, f"p{index}", {"voice": 5}, helped="<b>secret</b>")
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    assert (
        panel.count.value
        == "<p><strong>4</strong> of 4 people have given feedback.</p>"
    )
    assert "1 more person needs to answer before this is shown" in panel.note.value
    assert panel.chart.data[4].x == ()
    give(store, session, "p4", {"voice": 4})
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    assert panel.note.value == ""
    assert panel.chart.data[4].x == (4,)
    assert panel.chart.data[3].x == (1,)
    assert "secret" not in str(panel.root)


def test_feedback_part_is_aggregate_only(store, session):
    for index in range(5):
        give(store, session, f"p{index}", {"heard": 3}, helped="<script>x</script>")
    part = feedback_part(store.read(session.code), session)
    assert part.heading == "Participant feedback"
    assert list(part.tables["feedback_ratings"]["responses"]) == [5]
    assert part.notes == [
        "5 people gave anonymous feedback on a 1 (strongly disagree) to 5 "
        "(strongly agree) scale."
    ]
    assert "script" not in part.tables["feedback_ratings"].to_csv()
    assert kind_frame(store.read(session.code), FeedbackGiven.kind).shape[0] == 5
