"""A participant's page on a shared device, under a flood, and with guessed codes."""

from __future__ import annotations

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.events import ParticipantJoined
from facilitate.core.ratelimit import APPEND_BURST, TokenBucket
from facilitate.core.sessions import create_session
from facilitate.ui import record as record_module
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.widgets import message
from tests.conftest import FakeClock
from tests.unit.test_pages import open_participant, sign_in


def test_not_you_leaves_and_clears_the_token(store, session):
    page = open_participant(store, session.code)
    sign_in(page, "Ana")
    assert page.leave in page.root.children
    assert page.leave.description == "Not you? Leave this session"
    sent = []
    page.browser.send = sent.append  # what goes to the browser's localStorage code
    page.leave.click()
    assert page.browser.token == ""
    assert sent == [{"forget": True}], "token and private notes are cleared there"
    assert page.code_input in page.root.children
    assert page.code_input.value == session.code
    assert "You have left the session on this device" in page.status.value
    page.join.click()
    assert page.name in page.root.children, "the next person joins as themselves"
    sign_in(page, "Bo")
    joined = [r.event for r in store.read(session.code, kinds=["participant_joined"])]
    assert [j.name for j in joined] == ["Ana", "Bo"]
    assert joined[0].participant != joined[1].participant


def test_another_code_on_the_same_page_starts_membership_afresh(store, session):
    page = open_participant(store, session.code)
    sign_in(page, "Gil")
    other = create_session(store, "Another room")
    page.enter(other.code)  # a forged or typed second code, same page and token
    assert page.name in page.root.children, "asked to join the other session"
    assert page.roster.members == {}
    assert page.activity is None
    assert store.read(other.code, kinds=["participant_joined"]) == []
    page.enter(session.code)
    assert "You are in as Gil." in page.status.value


def test_wrong_codes_are_capped_per_page(store, session):
    page = open_participant(store)
    clock = FakeClock()
    page.wrong_codes = TokenBucket(1 / 12, 5, clock=clock)
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE"):
        page.enter(guess)
        assert "is not a session code we know" in page.status.value
    page.enter(session.code)  # even the right code waits now
    assert "Too many codes did not match. Wait 12 seconds" in page.status.value
    assert page.session is None
    clock.advance(12)
    page.enter(session.code)
    assert page.session is not None
    assert page.name in page.root.children


def test_appends_per_participant_are_capped_with_a_sentence(
    store, session, monkeypatch
):
    clock = FakeClock()
    monkeypatch.setattr(record_module, "_allowances", {})
    allowance = TokenBucket(20, APPEND_BURST, clock=clock)
    record_module._allowances[(session.code, "p1")] = allowance
    store.append(session.code, ParticipantJoined("p1", "Ana"))
    context = ParticipantContext(store, session, "p1")
    status = message()
    kept = [context.record(CheckinAnswered("p1", "curious"), status) for _ in range(60)]
    assert sum(r is not None for r in kept) == APPEND_BURST
    assert "That is more than we can save at once." in status.value
    assert len(store.read(session.code, kinds=["checkin_answered"])) == APPEND_BURST
    clock.advance(0.5)  # 20 a second: ten more may go in
    again = [context.record(CheckinAnswered("p1", "tired"), status) for _ in range(11)]
    assert sum(r is not None for r in again) == 10
    other = ParticipantContext(store, session, "p2")
    assert other.record(CheckinAnswered("p2", "curious"), status) is not None
