"""Every free-text field meets hostile text: refused with a limit, or kept and escaped.

Each driver types ``text`` into one real field the way a person would, presses its
button, and returns (what the person is told, the texts that were stored).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from facilitate.activities.alignment.controls import AlignmentControls
from facilitate.activities.alignment.events import PracticeAdded, VisionOffered
from facilitate.activities.alignment.participant import AlignmentActivity
from facilitate.activities.feedback.events import FeedbackContent
from facilitate.activities.feedback.participant import FeedbackActivity
from facilitate.activities.participation.events import SpeakerAdded
from facilitate.activities.participation.tracker import TrackerPage
from facilitate.activities.root_cause.events import CauseAdded, FindingShared
from facilitate.activities.root_cause.participant import RootCauseActivity
from facilitate.core.events import ColleagueFeedbackGiven, LeaderNoteSaved
from facilitate.evidence.colleague import invite
from facilitate.evidence.colleague_page import ColleaguePage
from facilitate.evidence.page import EvidencePage
from facilitate.ui.contexts import ControlsContext, ParticipantContext

Driver = Callable[[object, object, str], tuple[str, list[str]]]


def stored(store, session, kind: str, field: str) -> list[str]:
    return [getattr(r.event, field) for r in store.read(session.code, kinds=[kind])]


def vision_words(store, session, text):
    view = AlignmentActivity(ParticipantContext(store, session, "p1"))
    view.vision_text.value = text
    view.offer_vision()
    return view.status.value, stored(store, session, VisionOffered.kind, "text")


def feedback(store, session, text):
    """The last form of a batch of k, so the store releases what was kept."""
    for other in range(session.min_group_size - 1):
        form = FeedbackActivity(ParticipantContext(store, session, f"other-{other}"))
        form.ratings["voice"].value = 4
        form.send()
    view = FeedbackActivity(ParticipantContext(store, session, "p1"))
    view.helped.value = text
    view.send()
    kept = [t for t in stored(store, session, FeedbackContent.kind, "helped") if t]
    return view.status.value, kept


def seat_label(store, session, text):
    page = TrackerPage(store=store)
    page.start()
    page.open(session.code, session.key)
    page.seat_label.value = text
    page.add_speaker()
    return page.status.value, stored(store, session, SpeakerAdded.kind, "label")


def added_practice(store, session, text):
    controls = AlignmentControls(ControlsContext(store, session))
    controls.new_label.value = text
    controls.add_practice()
    return controls.form_message.value, stored(
        store, session, PracticeAdded.kind, "label"
    )


def possible_cause(store, session, text):
    store.append(session.code, FindingShared("k", "A finding"))
    view = RootCauseActivity(ParticipantContext(store, session, "p1"))
    view.form.category.value = "practices"
    view.form.text.value = text
    view.form.add.click()
    return view.form.status.value, stored(store, session, CauseAdded.kind, "text")


def leader_note(store, session, text):
    page = EvidencePage(store=store)
    page.start()
    page.open(session.code, session.key)
    next(iter(page.editors.values())).text.value = text
    page.flush()
    return page.autosave_status.value, stored(
        store, session, LeaderNoteSaved.kind, "text"
    )


def colleague_feedback(store, session, text):
    invitation = invite("Dolores")
    store.append(session.code, invitation)
    page = ColleaguePage(store=store)
    page.start()
    page.open(session.code, invitation.token)
    page.text.value = text
    page.send_feedback()
    return page.status.value, stored(
        store, session, ColleagueFeedbackGiven.kind, "text"
    )


DRIVERS: list[Driver] = [
    vision_words,
    feedback,
    seat_label,
    added_practice,
    possible_cause,
    leader_note,
    colleague_feedback,
]


@pytest.mark.parametrize("drive", DRIVERS, ids=lambda d: d.__name__)
def test_a_megabyte_is_refused_with_its_limit(store, session, drive):
    told, kept = drive(store, session, "x" * 1_000_000)
    assert "characters; the limit is" in told
    assert kept == []


@pytest.mark.parametrize("drive", DRIVERS, ids=lambda d: d.__name__)
@pytest.mark.parametrize(
    "payload", ["a\x00b<script>alert(1)</script>", "a\x00b<img src=x onerror=alert(2)>"]
)
def test_markup_and_nul_bytes_are_kept_as_text_and_never_live(
    store, session, drive, payload
):
    told, kept = drive(store, session, payload)
    assert "<script" not in told
    assert "<img" not in told
    assert kept == [payload.replace("\x00", "")]


@pytest.mark.parametrize("drive", DRIVERS, ids=lambda d: d.__name__)
@pytest.mark.parametrize(
    "text", ["   \t  ", "\u202eevil\u202c مرحبا", "🌱🙂👩🏽‍🏫", "Pneumono" * 4]
)
def test_odd_text_never_crashes(store, session, drive, text):
    told, kept = drive(store, session, text)
    assert isinstance(told, str)
    assert all("\x00" not in value for value in kept)
