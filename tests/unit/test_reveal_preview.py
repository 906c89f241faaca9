"""Before Reveal, the remote says what the current k would show, merge or hide,
and why k is what it is; the preview moves only with whole batches of k."""

from __future__ import annotations

from facilitate.activities.checkin.controls import CheckinControls
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.controls import FeedbackControls
from facilitate.activities.feedback.events import FeedbackContent
from facilitate.core.config import AUTO_GROUP_SIZE
from facilitate.core.events import ParticipantJoined, ResultsRevealed
from facilitate.core.roster import roster_of
from facilitate.core.sessions import create_session
from facilitate.ui.contexts import ControlsContext
from tests.unit.test_pages import open_remote


def preview_of(controls, store, code):
    records = store.read(code)
    controls.refresh(roster_of(records), records)
    return controls.reveal.preview.value


def test_the_check_in_preview_moves_in_batches_and_names_its_groups(store):
    session = create_session(store, "Team", min_group_size=AUTO_GROUP_SIZE)
    code = session.code
    controls = CheckinControls(ControlsContext(store, session))
    for who in "ab":
        store.append(code, CheckinAnswered(who, "hopeful"))
    assert "fewer than 3 checked in" in preview_of(controls, store, code)
    store.append(code, CheckinAnswered("c", "hopeful"))
    first = preview_of(controls, store, code)
    assert "1 group of feelings: Hopeful or another feeling" in first
    store.append(code, CheckinAnswered("d", "tired"))
    assert preview_of(controls, store, code) == first, "one more tap moves nothing"
    for who in "ef":
        store.append(code, CheckinAnswered(who, "tired"))
    both = preview_of(controls, store, code)
    assert "2 groups of feelings: Hopeful · Tired or another feeling." in both
    assert "fewer than 3 people are merged with others" in both
    store.append(code, ResultsRevealed("checkin", True))
    assert preview_of(controls, store, code) == "", "once shown, the screen says it"


def test_the_feedback_preview_says_which_statements_merge(store, session):
    controls = FeedbackControls(ControlsContext(store, session))
    assert "fewer than 5 forms" in preview_of(controls, store, session.code)
    for index in range(10):
        ratings = {"voice": 5 if index < 5 else 1}
        store.append(session.code, FeedbackContent(ratings, "", ""))
    said = preview_of(controls, store, session.code)
    assert said.startswith("<p>Revealing now shows every statement in groups of at")
    assert "merge neighbouring ratings" in said


def test_the_remote_says_why_k_is_what_it_is(store):
    session = create_session(store, "Team", min_group_size=AUTO_GROUP_SIZE)
    for index in range(6):
        store.append(session.code, ParticipantJoined(f"p{index}", f"P{index}", ""))
    remote = open_remote(store, session)
    remote.refresh()
    assert remote.group_size.value == 3
    assert "fits a room of 6 now" in remote.k_reason.value
    store.append(session.code, ResultsRevealed("checkin", True))
    remote.refresh()
    assert "fits a room of 6, fixed when results were first shown" in (
        remote.k_reason.value
    )
    remote.group_size.value = 4
    remote.refresh()
    assert "chosen for this session" in remote.k_reason.value


def test_the_self_assessment_preview_says_progress_in_steps_of_k(store, session):
    from facilitate.activities.self_assessment.controls import SelfAssessmentControls
    from facilitate.activities.self_assessment.events import SelfAssessmentSubmitted

    controls = SelfAssessmentControls(ControlsContext(store, session))
    for who in "abcd":
        store.append(session.code, SelfAssessmentSubmitted(who))
    assert "Fewer than 5 have finished." in preview_of(controls, store, session.code)
    store.append(session.code, SelfAssessmentSubmitted("e"))
    said = preview_of(controls, store, session.code)
    assert "At least 5 have finished. Revealing now shows each set" in said
