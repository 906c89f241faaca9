"""Participant, display, remote and console pages driven without a browser."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import ipywidgets as widgets

from facilitate.activities import AGENDA
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.root_cause.events import CauseAdded, FindingShared
from facilitate.core.agenda import AGENDA_VARIABLE, Agenda, Lazy
from facilitate.core.events import ParticipantJoined, PhaseChanged
from facilitate.core.sessions import display_token, replace_display_token
from facilitate.ui.console_page import ConsolePage
from facilitate.ui.contexts import ReadOnly
from facilitate.ui.display_page import DisplayPage
from facilitate.ui.participant_page import ParticipantPage
from facilitate.ui.remote_page import RemotePage


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


def open_remote(store, session, key=None) -> RemotePage:
    remote = RemotePage(store=store)
    remote.start()
    remote.browser.origin = "http://192.0.2.7:8866"
    remote.browser.query = {"code": session.code, "key": key or session.key}
    remote.browser.connected = True
    return remote


def open_display(store, session, **query) -> DisplayPage:
    page = DisplayPage(store=store)
    page.start()
    page.browser.origin = "http://192.0.2.7:8866"
    page.browser.viewport = [1280, 720]
    page.browser.query = {"code": session.code, **query}
    page.browser.connected = True
    return page


def test_remote_refuses_wrong_key_and_counts_with_right_key(store, session):
    refused = open_remote(store, session, key="not-the-key")
    assert "needs the facilitator&#x27;s key" in refused.refused.value
    assert refused.count not in refused.root.children

    remote = open_remote(store, session)
    assert ">0</span> people have joined" in remote.count.value
    sign_in(open_participant(store, session.code), "Dee")
    remote.refresh()
    assert ">1</span> person has joined" in remote.count.value
    assert "view=" in remote.display.value
    assert session.key not in remote.display.value
    assert f"key={session.key}" in remote.pages.value


def test_display_opens_with_the_view_token_only(store, session):
    token = display_token(store, session)
    for query in ({}, {"view": "guess"}, {"key": session.key}):
        refused = open_display(store, session, **query)
        assert "This display link is not valid any more." in refused.refused.value
        assert refused.slots == {}
    carrying_key = open_display(store, session, view=token, key=session.key)
    assert carrying_key.session is None, "a display link never carries the key"

    page = open_display(store, session, view=token)
    assert page.screen.height == 720
    assert set(page.slots) == set(AGENDA.phase_keys), "every panel built ahead"
    assert "fc-current" in page.join.welcome._dom_classes
    assert ">0</span> people have joined" in page.join.count.value
    assert session.code in page.join.words.value
    sign_in(open_participant(store, session.code), "Dee")
    page.refresh()
    assert ">1</span> person has joined" in page.join.count.value

    store.append(session.code, PhaseChanged("alignment"))
    page.refresh()
    assert "fc-current" in page.slots["alignment"].box._dom_classes
    assert "fc-current" not in page.slots["welcome"].box._dom_classes
    assert "fc-current" not in page.join.welcome._dom_classes

    replace_display_token(store, session)
    page.refresh()
    assert "This display link is not valid any more." in page.refused.value


def test_display_has_no_control_and_cannot_write(store, session):
    page = open_display(store, session, view=display_token(store, session))
    for phase in AGENDA.phase_keys:
        store.append(session.code, PhaseChanged(phase))
        page.refresh()
    found = list(walk(page.root))
    controls = (widgets.Button, widgets.ToggleButton, widgets.ToggleButtons)
    assert not [w for w in found if isinstance(w, controls)]
    assert not [w for w in found if isinstance(w, widgets.Text | widgets.Textarea)]
    html = "".join(str(getattr(w, "value", "")) for w in found)
    assert "<a " not in html
    assert session.key not in html
    assert not hasattr(ReadOnly(store), "append"), "panels get a reader only"


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def test_remote_moves_the_phase_and_asks_before_going_back(store, session):
    remote = open_remote(store, session)
    assert remote.back_button.disabled
    remote.next_button.click()
    remote.next_button.click()
    assert remote.confirm_back.layout.display == "none"
    remote.back_button.click()
    assert remote.confirm_back.layout.display is None
    assert "Every phone goes back too." in remote.confirm_text.value
    phases = [r.event.phase for r in store.read(session.code, kinds=["phase_changed"])]
    assert phases == ["welcome", "self_assessment", "alignment"], "not yet"
    remote.confirm_yes.click()
    phases = [r.event.phase for r in store.read(session.code, kinds=["phase_changed"])]
    assert phases[-1] == "self_assessment"
    assert "Phase 2 of 6" in remote.stepper.value
    assert 'aria-current="step">Self-assessment</li>' in remote.stepper.value
    for _ in range(5):
        remote.next_button.click()
    assert remote.next_button.disabled
    assert remote.next_button.description == "Last phase"


def test_console_points_to_the_display_and_the_remote(store, session):
    console = ConsolePage(store=store)
    console.start()
    console.browser.origin = "http://192.0.2.7:8866"
    console.browser.query = {"code": session.code, "key": session.key}
    console.browser.connected = True
    assert "remote.ipynb" in console.signpost.value
    assert "display.ipynb" in console.signpost.value
    refused = ConsolePage(store=store)
    refused.start()
    refused.open(session.code, "not-the-key")
    assert "needs the facilitator&#x27;s key" in refused.refused.value


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


def test_remote_sets_the_minimum_group_size_but_never_below_three(store, session):
    remote = open_remote(store, session)
    assert remote.group_size.value == 5
    remote.group_size.value = 8
    remote.group_size.value = 1
    settings = [
        r.event.value for r in store.read(session.code, kinds=["setting_changed"])
    ]
    assert settings == [8, 3]
    assert remote.roster.min_group_size(session.min_group_size) == 3


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
    page = open_display(store, session, view=display_token(store, session))
    assert page.slots["welcome"].panel is not None
    failed = page.slots["participation"]
    assert failed.panel is None
    assert "The Participation equity screen could not be shown." in (
        failed.box.children[0].value
    )
    store.append(session.code, PhaseChanged("reflection"))
    page.refresh()
    assert "fc-current" in page.slots["reflection"].box._dom_classes


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


def test_remote_shows_each_activity_s_guide_notes_beside_its_controls(store, session):
    remote = open_remote(store, session)
    remote.next_button.click()  # the self-assessment
    shown = "".join(str(getattr(w, "value", "")) for w in remote.controls_box.children)
    assert "When several people report the danger zone" in shown
    assert "Never ask who chose danger." in shown
    assert "NSRF" in shown


def test_a_broken_guide_file_says_what_to_fix_where_the_notes_go(
    store, session, tmp_path, monkeypatch
):
    (tmp_path / "data").mkdir()
    broken = tmp_path / "data" / "self_assessment_guide.yaml"
    broken.write_text("notes: [unclosed", encoding="utf-8")
    monkeypatch.setenv("FACILITATE_HOME", str(tmp_path))
    remote = open_remote(store, session)
    remote.next_button.click()
    guide = remote.controls_box.children[-1]
    assert "self_assessment_guide.yaml is not valid YAML" in guide.value
    assert remote.controls_box.children[0] is not guide, "the controls still show"


def typed_fields(widget):
    return [w for w in walk(widget) if isinstance(w, widgets.Text | widgets.Textarea)]


def test_every_answer_box_sends_its_whole_text_before_a_button_reads_it(store, session):
    """A browser holds back keystrokes while the kernel is busy but sends a
    button press at once; a box that sends per keystroke can lose its tail."""
    page = open_participant(store, session.code)
    sign_in(page, "Di")
    remote = open_remote(store, session)
    seen = []
    for phase in AGENDA.phase_keys:
        store.append(session.code, PhaseChanged(phase))
        page.refresh()
        remote.refresh()
        seen += typed_fields(page.root) + typed_fields(remote.root)
    assert len(seen) >= 4, "the phases show answer boxes"
    per_keystroke = [w._dom_classes for w in seen if w.continuous_update]
    assert per_keystroke == []


def test_the_display_builds_the_current_screen_first_and_the_rest_soon(store, session):
    """On opening, the room's current screen is built at once; the other phases'
    panels follow a moment later, so any phase change is then instant."""
    store.append(session.code, PhaseChanged("alignment"))

    async def opened_then_later():
        page = open_display(store, session, view=display_token(store, session))
        at_opening = {key for key, slot in page.slots.items() if slot.built}
        for _ in range(3000):  # until the rest are built (the loop runs meanwhile)
            if all(slot.built for slot in page.slots.values()):
                break
            await asyncio.sleep(0.01)
        if page.poller is not None:
            page.poller.cancel()
        return at_opening, {key for key, slot in page.slots.items() if slot.built}

    at_opening, later = asyncio.run(opened_then_later())
    assert at_opening == {"alignment"}
    assert later == set(AGENDA.phase_keys)


def test_going_back_shows_the_same_form_caught_up_with_what_it_missed(store, session):
    """Back and Next swap what a phone shows: nothing typed is lost, nothing is
    built twice, and what others added meanwhile is there on return."""
    page = open_participant(store, session.code)
    sign_in(page, "Di")
    store.append(session.code, PhaseChanged("root_causes"))
    page.refresh()
    causes = page.activity
    assert "No finding has been shared yet" in causes.findings.value
    causes.form.text.value = "half a thought"  # typed, not sent
    store.append(session.code, PhaseChanged("participation"))
    page.refresh()
    assert causes.root not in page.activity_box.children
    store.append(session.code, FindingShared("f1", "Attendance differs by group"))
    store.append(session.code, CauseAdded("someone-else", "policies", "Bus times", 0))
    store.append(session.code, PhaseChanged("root_causes"))
    page.refresh()
    assert page.activity is causes, "the phase's form is kept, not built again"
    assert page.activity_box.children[0] is causes.root
    assert causes.form.text.value == "half a thought"
    assert "Attendance differs by group" in causes.findings.value
    assert [row.cause.text for row in causes.rows.values()] == ["Bus times"]
    bus_times = next(iter(causes.rows))
    store.append(
        session.code, CauseAdded("someone-else", "policies", "Late buses", bus_times)
    )
    page.refresh()
    assert len(causes.rows) == 2, "the shown form goes on following the log"
