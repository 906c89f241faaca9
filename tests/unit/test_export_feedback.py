"""Participant feedback: the form, the aggregate, the console panel and the part."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt

from facilitate.activities.feedback.content import load_feedback
from facilitate.activities.feedback.display import FeedbackPanel
from facilitate.activities.feedback.events import (
    FeedbackContent,
    FeedbackGiven,
    FeedbackSent,
)
from facilitate.activities.feedback.metrics import (
    feedback_comments,
    rating_summary,
    released_feedback,
)
from facilitate.activities.feedback.participant import FeedbackActivity
from facilitate.activities.feedback.report import feedback_part
from facilitate.core.events import ParticipantJoined
from facilitate.ui.contexts import DisplayContext, ParticipantContext


def give(store, session, who, ratings, helped="", more=""):
    """As a participant's page sends it: the marker now, the form in a batch."""
    store.append_unlinked(
        session.code,
        FeedbackSent(who),
        FeedbackContent(ratings, helped, more),
        session.min_group_size,
    )


def test_rating_summary_counts_each_forms_latest_version():
    form = load_feedback()
    frame = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "form": ["a", "b", "a"],
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
            "form": ["a", "b", "c"],
            "helped": ["zebra", " ", "Apple"],
        }
    )
    assert feedback_comments(frame, "helped") == ["Apple", "zebra"]


def test_the_form_is_sent_once_and_kept_apart_from_the_person(store, session):
    context = ParticipantContext(store, session, "tok-1")
    form = FeedbackActivity(context)
    assert "You can send this form once." in str(form.root.children[1].value)
    form.submit.click()
    assert form.status.value.endswith(
        "Please rate at least one statement before sending.</p>"
    )
    form.ratings["voice"].value = 4
    form.helped.value = "  Rounds  "
    form.submit.click()
    assert "cannot be changed or sent again" in form.status.value
    assert form.submit not in form.root.children
    records = store.read(session.code, kinds=["feedback_sent", "feedback_content"])
    # Only the marker is in the log: the form waits, unlinked, for k - 1 more.
    assert [r.event for r in records] == [FeedbackSent("tok-1")]
    again = FeedbackActivity(context)
    assert again.submit not in again.root.children, "a reload shows it was sent"
    twin = FeedbackActivity(ParticipantContext(store, session, "tok-1"))
    twin.already_sent = lambda: False  # a second tab opened before the first sent
    twin.ratings["voice"].value = 1
    assert twin.root.children
    twin.send()
    assert "cannot be sent again" in twin.status.value
    for other in range(2, 6):
        give(store, session, f"tok-{other}", {"voice": 5})
    forms = [r.event for r in store.read(session.code, kinds=["feedback_content"])]
    assert FeedbackContent({"voice": 4}, "Rounds", "") in forms
    assert len(forms) == 5
    assert not any(hasattr(f, "participant") for f in forms)


def test_logs_with_feedback_given_still_open_and_count(store, session):
    """Sessions recorded before forms were unlinked: one form per person, latest."""
    from facilitate.core.events import ResultsRevealed

    for index in range(5):
        store.append(session.code, FeedbackGiven(f"p{index}", {"voice": 2}, "old"))
    store.append(session.code, ResultsRevealed("feedback", True))
    store.append(session.code, FeedbackGiven("p0", {"voice": 5}, "changed"))
    state, released, latest = released_feedback(
        store.read(session.code), load_feedback()
    )
    assert state.submitted == 5
    assert released is not None
    # Five 2s: one group spanning the scale, so nobody's rating is told.
    (group,) = released.loc[0, "groups"]
    assert (group.count, len(group.members)) == (5, 5)
    assert released.loc[0, "rated_2"] is None
    # A changed form waits for the next batch, as the gate's rule says.
    assert list(latest["helped"]) == ["old"] * 5
    for index in range(5, 10):
        store.append(session.code, FeedbackGiven(f"p{index}", {"voice": 4}))
    _, _, latest = released_feedback(store.read(session.code), load_feedback())
    assert sorted(latest["helped"])[:5] == ["", "", "", "", ""]
    assert "changed" in set(latest["helped"])
    form = FeedbackActivity(ParticipantContext(store, session, "p3"))
    assert form.submit not in form.root.children, "they already gave feedback"


def test_over_long_feedback_is_refused_with_a_sentence(store, session):
    form = FeedbackActivity(ParticipantContext(store, session, "tok-2"))
    form.more_equitable.value = "x" * 1001
    form.submit.click()
    assert (
        "What would make it more equitable is 1,001 characters; the limit is 1,000."
        in (form.status.value)
    )
    assert store.read(session.code) == store.read(
        session.code, kinds=["session_created", "phase_changed", "display_token_issued"]
    )


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
    # Five people all said 5: one group spanning the scale, so nobody's answer
    # is told.
    assert [(t.name, t.x[0]) for t in panel.chart.chart.data if t.x[0]] == [
        ("Strongly disagree to strongly agree", 5)
    ]
    for index in range(5, 10):
        give(store, session, f"p{index}", {"voice": 4})
        refreshed()
    # Five said 4 and five said 5: both halves shown, the empty ratings merged
    # into the lower one rather than hiding a real group of 5.
    assert [(t.name, t.x[0]) for t in panel.chart.chart.data if t.x[0]] == [
        ("Strongly disagree to agree", 5),
        ("Strongly agree", 5),
    ]
    assert "secret" not in str(panel.root)


def test_feedback_part_shows_the_latest_release_only(store, session):
    from facilitate.core.events import ResultsRevealed

    for index in range(10):
        rating = 3 if index % 2 else 4
        give(
            store, session, f"p{index}", {"heard": rating}, helped="<script>x</script>"
        )
    store.append(session.code, ResultsRevealed("feedback", True))
    give(store, session, "late", {"heard": 1}, helped="late words")
    part = feedback_part(store.read(session.code), session)
    assert part.heading == "Participant feedback"
    heard = part.tables["feedback_ratings"].iloc[1]
    # Two groups of 5 and zeros elsewhere: the zeros merge into the two groups,
    # so both are shown and nobody's "nobody rated 1" can be read off.
    assert heard["groups"] == (
        "Strongly disagree to neutral: 5 · Agree or strongly agree: 5"
    )
    assert (heard["rated_3"], heard["rated_4"], heard["rated_1"]) == (None, None, None)
    assert heard["mean"] is None
    assert part.notes == [
        "At least 10 gave anonymous feedback. Ratings run from 1 (strongly "
        "disagree) to 5 (strongly agree)."
    ]
    assert "script" not in part.tables["feedback_ratings"].to_csv()
    assert "&lt;script&gt;x&lt;/script&gt;" in part.html
    assert "late words" not in part.html


def test_a_part_never_revealed_reports_everyone_who_answered(store, session):
    """The leader's export after a session whose feedback was never projected:
    nobody saw an earlier state, so all the forms are released at the end."""
    for index in range(10):
        give(store, session, f"p{index}", {"heard": 2 if index < 5 else 5})
    part = feedback_part(store.read(session.code), session)
    heard = part.tables["feedback_ratings"].iloc[1]
    assert heard["groups"] == (
        "Strongly disagree or disagree: 5 · Neutral to strongly agree: 5"
    )
