"""One-time feedback links: a colleague writes once, in their own words."""

from __future__ import annotations

import subprocess
import sys

import pytest

from facilitate.core.events import ColleagueFeedbackGiven, ColleagueInvited
from facilitate.evidence.colleague import LinkUsed, check_still_first, invite
from facilitate.evidence.colleague_page import SENT, ColleaguePage
from facilitate.evidence.state import evidence_state


def open_link(store, code, token):
    page = ColleaguePage(store=store)
    page.start()
    page.open(code, token)
    return page


def feedback(store, session):
    return [
        r.event for r in store.read(session.code, kinds=[ColleagueFeedbackGiven.kind])
    ]


@pytest.fixture
def invitation(store, session):
    made = invite("  Dolores Ramírez ", "Literacy specialist")
    store.append(session.code, made)
    return made


def test_an_invitation_carries_a_long_random_token():
    first, second = invite("A"), invite("A")
    assert len(first.token) >= 32
    assert first.token != second.token
    assert first.invitation != second.invitation
    assert ColleagueInvited.policy["token"] == "private"


def test_the_colleague_sends_once_and_a_second_time_is_refused(
    store, session, invitation
):
    page = open_link(store, session.code, invitation.token)
    assert page.name.value == "Dolores Ramírez"
    assert page.role.value == "Literacy specialist"
    page.text.value = "The leader moved us to rounds."
    assert page.guard.unsaved
    page.send.click()
    assert page.status.value.endswith(f"{SENT}</p>".replace("'", "&#x27;"))
    assert page.send not in page.root.children
    assert not page.guard.unsaved
    assert feedback(store, session) == [
        ColleagueFeedbackGiven(
            invitation.invitation,
            "Dolores Ramírez",
            "Literacy specialist",
            "The leader moved us to rounds.",
        )
    ]
    again = open_link(store, session.code, invitation.token)
    assert "This feedback link has already been used" in again.status.value
    assert again.text not in again.root.children
    assert len(feedback(store, session)) == 1


def test_two_tabs_on_one_link_keep_only_the_first(store, session, invitation):
    first = open_link(store, session.code, invitation.token)
    second = open_link(store, session.code, invitation.token)
    first.text.value = "First words."
    second.text.value = "Second words."
    first.send.click()
    second.send.click()
    assert "already been used" in second.status.value
    assert second.text in second.root.children, "what they wrote stays to copy"
    assert second.text.disabled
    assert [f.text for f in feedback(store, session)] == ["First words."]


def test_a_race_past_the_first_check_is_refused_after_writing(
    store, session, invitation
):
    store.append(
        session.code, ColleagueFeedbackGiven(invitation.invitation, "A", "", "one")
    )
    late = store.append(
        session.code, ColleagueFeedbackGiven(invitation.invitation, "B", "", "two")
    )
    with pytest.raises(LinkUsed):
        check_still_first(store, session.code, late)
    kept = evidence_state(store.read(session.code)).received()
    assert [f.text for f in kept] == ["one"]


def test_a_wrong_or_partial_link_is_one_sentence(store, session, invitation):
    for code, token in [
        (session.code, "not-the-token"),
        (session.code, invitation.token[:-1]),
        (session.code, ""),
        ("ZZZZZZ", invitation.token),
        ("<b>", invitation.token),
    ]:
        page = open_link(store, code, token)
        assert "This feedback link is not valid." in page.status.value
        assert page.text not in page.root.children
        assert session.title not in page.status.value


def test_feedback_over_the_limit_is_refused_with_its_count(store, session, invitation):
    page = open_link(store, session.code, invitation.token)
    page.text.value = "word " * 523
    assert "Over the limit: 523 words, 23 over the 500-word limit" in page.count.value
    page.send.click()
    assert (
        "Your feedback is 523 words; the limit is 500. Please shorten it by 23 "
        "words. Nothing was sent." in page.status.value
    )
    assert page.text.value == "word " * 523
    assert feedback(store, session) == []
    page.text.value = "word " * 500
    page.send.click()
    assert len(feedback(store, session)) == 1


def test_empty_feedback_or_name_is_refused(store, session, invitation):
    page = open_link(store, session.code, invitation.token)
    page.send.click()
    assert "Please enter your feedback." in page.status.value
    page.text.value = "Fine."
    page.name.value = "  "
    page.send.click()
    assert "Please enter your name." in page.status.value
    assert feedback(store, session) == []


def test_feedback_for_an_unknown_invitation_never_counts(store, session, invitation):
    store.append(session.code, ColleagueFeedbackGiven("forged", "X", "", "forged"))
    assert evidence_state(store.read(session.code)).received() == []


def test_the_colleague_page_stays_light():
    script = (
        "import sys\n"
        "from facilitate.evidence.colleague_page import ColleaguePage\n"
        "print(','.join(m for m in ('pandas', 'plotly', 'numpy', 'voila') "
        "if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
