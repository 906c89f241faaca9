"""Participant and console pages driven as a person would, without a browser."""

from __future__ import annotations

from dataclasses import replace

from facilitate.activities import AGENDA
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.agenda import AGENDA_VARIABLE, Agenda, Lazy
from facilitate.core.events import ParticipantJoined, PhaseChanged
from facilitate.ui.console_page import ConsolePage
from facilitate.ui.participant_page import ParticipantPage


def open_participant(store, code: str = "", token: str = "") -> ParticipantPage:
    page = ParticipantPage(store=store)
    page.start()
    page.browser.query = {"code": code} if code else {}
    page.browser.token = token
    page.browser.connected = True
    return page


def sign_in(page: ParticipantPage, name: str, role: str = "teacher") -> None:
    page.name.value = name
    page.role.value = role
    page.join_questions[0].choice.value = page.join_questions[0].choice.options[1][1]
    page.submit.click()


def test_join_records_the_person_and_reload_resumes(store, session):
    page = open_participant(store, session.code)
    assert page.browser.token, "a new browser gets a token to keep"
    assert page.name in page.root.children
    sign_in(page, "  Ana  ")
    joined = store.read(session.code, kinds=[ParticipantJoined.kind])
    assert [r.event for r in joined] == [
        ParticipantJoined(page.browser.token, "Ana", "teacher")
    ]
    assert page.phase_title.value == "<h2>Welcome &amp; check-in</h2>"

    again = open_participant(store, session.code, token=page.browser.token)
    assert again.name not in again.root.children
    assert again.status.value.endswith("You are in as Ana.</p>")
    assert len(store.read(session.code, kinds=[ParticipantJoined.kind])) == 1


def test_join_form_refuses_bad_input_with_a_sentence(store, session):
    page = open_participant(store, session.code)
    page.name.value = "   "
    page.submit.click()
    assert "Please enter a display name." in page.status.value
    page.name.value = "Bo"
    page.submit.click()
    assert "Please choose how you are arriving today." in page.status.value
    page.join_questions[0].choice.value = page.join_questions[0].choice.options[0][1]
    page.role.value = "teacher"
    page.submit.click()
    assert len(store.read(session.code, kinds=[CheckinAnswered.kind])) == 1


def test_participant_follows_the_phase(store, session):
    page = open_participant(store, session.code)
    sign_in(page, "Cy")
    store.append(session.code, PhaseChanged("participation"))
    page.refresh()
    assert page.phase_title.value == "<h2>Participation equity</h2>"


def test_wrong_code_shows_code_step(store, session):
    page = open_participant(store, "ZZZZZZ")
    assert page.code_input in page.root.children
    assert "is not a session code we know" in page.status.value


def test_console_refuses_wrong_key_and_counts_with_right_key(store, session):
    refused = ConsolePage(store=store)
    refused.start()
    refused.open(session.code, "not-the-key")
    assert "needs the facilitator&#x27;s key" in refused.refused.value
    assert refused.count not in refused.root.children

    console = ConsolePage(store=store)
    console.start()
    console.open(session.code, session.key)
    assert console.count.value == "0"
    sign_in(open_participant(store, session.code), "Dee")
    console.refresh()
    assert console.count.value == "1"
    assert "Shown once at least 5 people have checked in" in console.activity.note.value
    assert console.activity.chart.chart is None, "one check-in is never drawn"


def test_console_moves_the_phase(store, session):
    console = ConsolePage(store=store)
    console.start()
    console.open(session.code, session.key)
    console.next_button.click()
    console.next_button.click()
    console.previous_button.click()
    phases = [r.event.phase for r in store.read(session.code, kinds=["phase_changed"])]
    assert phases == ["welcome", "self_assessment", "alignment", "self_assessment"]
    assert "Phase 2 of 6: Self-assessment" in console.phase_label.value


def test_welcome_shows_my_checkin_and_a_change_appends(store, session):
    page = open_participant(store, session.code)
    sign_in(page, "Eve")
    mine = page.activity.choice
    assert mine.value == page.join_questions[0].choice.options[1][1]
    mine.value = page.join_questions[0].choice.options[3][1]
    answers = [
        r.event.answer for r in store.read(session.code, kinds=["checkin_answered"])
    ]
    assert answers == [
        page.join_questions[0].choice.options[1][1],
        page.join_questions[0].choice.options[3][1],
    ]
    again = open_participant(store, session.code, token=page.browser.token)
    assert again.activity.choice.value == page.join_questions[0].choice.options[3][1]


def test_widget_values_forged_by_a_client_are_refused(store, session):
    page = open_participant(store, session.code)
    page.name.value = "Fay"
    page.join_questions[0].choice.value = page.join_questions[0].choice.options[0][1]
    page.role._trait_values["value"] = "superuser"
    page.submit.click()
    assert "Please choose a role from the list." in page.status.value
    assert store.read(session.code, kinds=["participant_joined"]) == []


def test_console_sets_the_minimum_group_size_but_never_below_three(store, session):
    console = ConsolePage(store=store)
    console.start()
    console.open(session.code, session.key)
    assert console.group_size.value == 5
    console.group_size.value = 8
    console.group_size.value = 1
    settings = [
        r.event.value for r in store.read(session.code, kinds=["setting_changed"])
    ]
    assert settings == [8, 3]
    assert console.roster.min_group_size(session.min_group_size) == 3


#: The shipped agenda with a participation panel that cannot be loaded.
BROKEN_AGENDA = Agenda(
    tuple(
        replace(spec, display=Lazy("facilitate.missing:Panel"))
        if spec.key == "participation"
        else spec
        for spec in AGENDA.activities
    )
)


def test_a_panel_that_fails_is_replaced_by_a_sentence(store, session, monkeypatch):
    monkeypatch.setenv(AGENDA_VARIABLE, f"{__name__}:BROKEN_AGENDA")
    console = ConsolePage(store=store)
    console.start()
    console.open(session.code, session.key)
    assert console.activity_box.children, "the welcome panel is shown"
    store.append(session.code, PhaseChanged("participation"))
    console.refresh()
    assert console.activity_box.children == ()
    assert "The Participation equity panel could not be shown." in console.status.value
    store.append(session.code, PhaseChanged("reflection"))
    console.refresh()
    assert console.status.value == ""


def test_a_participant_cannot_act_in_a_session_they_did_not_join(store, session):
    from facilitate.core.sessions import create_session

    mine = open_participant(store, session.code)
    sign_in(mine, "Gil")
    other = create_session(store, "Another room")
    store.append(other.code, PhaseChanged("self_assessment"))
    visitor = open_participant(store, other.code, token=mine.browser.token)
    visitor.refresh()
    assert visitor.name in visitor.root.children, "asked to join first"
    assert visitor.activity is None
    assert visitor.activity_box not in visitor.root.children
    assert store.read(other.code, kinds=["participant_joined"]) == []
