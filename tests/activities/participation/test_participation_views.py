"""The tracker and the participation console panel, driven without a browser."""

from __future__ import annotations

import re

import pytest

from facilitate.activities.alignment.events import VisionOffered
from facilitate.activities.participation.controls import ParticipationControls
from facilitate.activities.participation.display import ParticipationPanel
from facilitate.activities.participation.events import (
    SpeakerAdded,
    TapUndone,
    TurnStarted,
)
from facilitate.activities.participation.report import participation_part
from facilitate.activities.participation.tracker import TrackerPage
from facilitate.core.cover import cover_facts
from facilitate.core.events import ParticipantJoined, ResultsRevealed, SettingChanged
from facilitate.core.roster import roster_of
from facilitate.demo import seed_demo
from facilitate.server import ServeOptions, voila_settings
from facilitate.server.voila import room_role
from facilitate.ui.contexts import ControlsContext, DisplayContext


def open_tracker(store, session, key=None) -> TrackerPage:
    page = TrackerPage(store=store)
    page.start()
    page.browser.query = {
        "code": session.code,
        "key": session.key if key is None else key,
    }
    page.browser.connected = True
    return page


def names_on(page: TrackerPage) -> list[str]:
    return [b.description for b in page.grid.children]


def test_tracker_refuses_without_the_key(store, session):
    page = open_tracker(store, session, key="guess")
    assert "needs the facilitator&#x27;s key" in page.refused.value
    assert page.grid not in page.root.children


def test_tracker_shows_people_as_they_join_and_taps_record_turns(store, session, clock):
    store.append(session.code, ParticipantJoined("p-bo", "Bo <b>", "teacher"))
    page = open_tracker(store, session)
    assert names_on(page) == ["Bo <b>"]
    store.append(session.code, ParticipantJoined("p-ana", "Ana", "teacher"))
    page.refresh()
    assert names_on(page) == ["Ana", "Bo <b>"]
    assert all("fc-speaker" in b._dom_classes for b in page.grid.children)

    page.grid.children[0].click()
    clock.advance(5)
    page.grid.children[1].click()
    assert page.speaking.value.endswith("Speaking: Bo &lt;b&gt;</p>")
    assert page.buttons["p-bo"].button_style == "success"
    page.silence.click()
    taps = store.read(session.code, kinds=[TurnStarted.kind])
    assert [r.event.speaker for r in taps] == ["p-ana", "p-bo", None]
    assert taps[1].at - taps[0].at == 5


def test_undo_appends_a_correction_and_never_deletes(store, session):
    store.append(session.code, ParticipantJoined("p-ana", "Ana", "teacher"))
    page = open_tracker(store, session)
    page.undo.click()
    assert page.status.value.endswith("There is no tap to undo.</p>")
    page.buttons["p-ana"].click()
    page.silence.click()
    page.undo.click()
    page.undo.click()
    taps = store.read(session.code, kinds=[TurnStarted.kind])
    undos = store.read(session.code, kinds=[TapUndone.kind])
    assert [r.event.target for r in undos] == [taps[1].id, taps[0].id]
    assert len(taps) == 2
    assert page.speaking.value.endswith("No one tracked yet.</p>")


def test_people_without_a_device_are_added_by_seat_label(store, session):
    page = open_tracker(store, session)
    page.seat_label.value = "  Seat 7  "
    page.seat_role.value = "specialist"
    page.add.click()
    added = store.read(session.code, kinds=[SpeakerAdded.kind])
    assert [(r.event.label, r.event.role) for r in added] == [("Seat 7", "specialist")]
    assert names_on(page) == ["Seat 7"]
    page.seat_label.value = "seat 7"
    page.add.click()
    assert "&#x27;seat 7&#x27; is already on the tracker." in page.status.value
    page.seat_label.value = "x" * 41
    page.add.click()
    assert "A seat label is 41 characters; the limit is 40." in page.status.value
    assert len(store.read(session.code, kinds=[SpeakerAdded.kind])) == 1


def test_forty_people_get_forty_buttons_in_a_grid(store, session):
    for index in range(42):
        store.append(session.code, ParticipantJoined(f"p{index}", f"P{index:02d}"))
    page = open_tracker(store, session)
    assert len(page.grid.children) == 42
    assert "auto-fill" in page.grid.layout.grid_template_columns


def tracked_room(store, session, clock):
    """Ana 20 s, Bo 20 s, Cy 30 s, Dee silent; tapped through the tracker."""
    for participant, name, role in (
        ("p-ana", "Ana", "teacher"),
        ("p-bo", "Bo", "teacher"),
        ("p-cy", "Cy", "administrator"),
        ("p-dee", "Dee", "teacher"),
    ):
        store.append(session.code, ParticipantJoined(participant, name, role))
    page = open_tracker(store, session)
    for speaker, seconds in (("p-ana", 10), ("p-bo", 20), ("p-ana", 10), ("p-cy", 30)):
        page.buttons[speaker].click()
        clock.advance(seconds)
    page.silence.click()


def rows(controls: ParticipationControls) -> list[tuple[str, str, str, str]]:
    cells = re.findall(
        r'<td class="fc-who">(.*?)</td><td class="fc-share">(.*?)</td>'
        r'<td class="fc-turns">(.*?)</td><td class="fc-given">(.*?)</td>',
        controls.talk_table.value,
    )
    return [tuple(c) for c in cells]


def refreshed(store, session, *views):
    records = store.read(session.code)
    for view in views:
        view.refresh(roster_of(records), records)


def test_screen_shows_anonymous_shares_until_names_are_chosen(store, session, clock):
    tracked_room(store, session, clock)
    store.append(session.code, VisionOffered("p-dee", "joy"))
    store.append(session.code, VisionOffered("p-dee", "joy and trust"))
    store.append(session.code, SettingChanged("min_group_size", 3))
    panel = ParticipationPanel(DisplayContext(store, session), clock=clock)
    controls = ParticipationControls(ControlsContext(store, session), clock=clock)
    refreshed(store, session, panel, controls)
    assert panel.frame.current == "answering"
    assert "4 turns so far." in panel.frame.state.value
    assert not panel.charts["talk"].shown, "charts wait for the reveal"

    controls.reveal.button.click()
    refreshed(store, session, panel, controls)
    assert rows(controls) == [
        ("Cy", "42.9%", "1", "0"),
        ("Ana", "28.6%", "2", "0"),
        ("Bo", "28.6%", "1", "0"),
        ("Dee", "0.0%", "0", "1"),  # one vision statement, edited once
    ]
    assert "Gini 0.32: talk was somewhat uneven" in controls.gini.value
    assert "4 people; 3 have spoken, 1 not yet heard; 4 turns" in (
        controls.summary.value
    )
    # 3 teachers and 1 administrator: on the screen the lone role is merged, and
    # the teachers join it so the merged group holds k people.
    assert "2 roles are shown together as one group" in controls.equity_note.value
    assert "roles of fewer than 3 people together" in controls.every_role_note.value
    talk = panel.charts["talk"].chart
    assert list(talk.data[0].x) == [42.9, 28.6, 28.6, 0.0]
    assert list(talk.data[0].y) == ["Person 1", "Person 2", "Person 3", "Person 4"]
    assert "1 of us has not spoken yet." in panel.frame.prompt.value
    assert not any(
        name in repr(talk.data) + panel.frame.prompt.value
        for name in ("Ana", "Bo", "Cy", "Dee")
    )

    controls.view.choice.value = "equity"
    refreshed(store, session, panel, controls)
    assert panel.frame.current == "not-enough", "no empty equity axis"
    assert "Roles are compared once two groups of at least 3 people" in (
        panel.frame.state.value
    )

    controls.every_role.value = True
    setting = store.read(session.code, kinds=[SettingChanged.kind])[-1].event
    assert (setting.name, setting.value) == ("show_every_role", True)
    refreshed(store, session, panel, controls)
    equity = panel.charts["equity"].chart.data
    assert list(equity[0].x) == ["Administrator<br>1 person", "Teacher<br>3 people"]
    # Cy took 30 of 70 s as 1 of 4 people; the teachers 40 of 70 s as 3 of 4
    assert list(equity[0].y) == [round(30 / 70 * 4, 2), round(40 / 70 * 4 / 3, 2)]
    # a written contribution is an answer: no role under k shows one, so no role
    assert list(equity[1].y) == [None, None]
    assert "every role by name" in controls.every_role_note.value
    assert "shown together" not in controls.equity_note.value
    controls.every_role.value = False

    controls.view.choice.value = "talk"
    controls.show_names.value = True
    setting = store.read(session.code, kinds=[SettingChanged.kind])
    assert (setting[-1].event.name, setting[-1].event.value) == ("show_names", True)
    refreshed(store, session, panel, controls)
    assert list(panel.charts["talk"].chart.data[0].y) == ["Cy", "Ana", "Bo", "Dee"]
    assert controls.show_names.value is True


def test_an_open_turn_grows_on_the_screen_without_new_events(store, session, clock):
    store.append(session.code, ParticipantJoined("p-ana", "Ana", "teacher"))
    store.append(session.code, ParticipantJoined("p-bo", "Bo", "teacher"))
    store.append(session.code, ResultsRevealed("participation", True))
    page = open_tracker(store, session)
    page.buttons["p-ana"].click()
    clock.advance(10)
    page.buttons["p-bo"].click()
    panel = ParticipationPanel(DisplayContext(store, session), clock=clock)
    records = store.read(session.code)
    clock.advance(30)
    panel.refresh(roster_of(records), records)
    assert list(panel.charts["talk"].chart.data[0].x) == [75.0, 25.0]
    clock.advance(60)
    panel.refresh(roster_of(records), records)
    assert list(panel.charts["talk"].chart.data[0].x) == [90.0, 10.0]


def test_tracker_is_never_preheated():
    settings = voila_settings(room_role(ServeOptions(pool=5)), 9001)
    assert "tracker.ipynb" in settings["VoilaKernelManager"]["preheat_denylist"]
    pools = settings["VoilaKernelManager"]["kernel_pools_config"]
    assert "tracker.ipynb" not in pools


def test_demo_has_a_tracked_discussion_and_the_report_hides_names(store):
    demo = seed_demo(store)
    records = store.read(demo.code)
    part = participation_part(records, demo)
    group = part.tables["participation_group"].iloc[0]
    assert 12 * 60 < group["talk_minutes"] * 60 <= 15 * 60
    assert group["gini"] > 0.3
    assert group["not_heard"] >= 1
    shares = part.tables["participation_talk_shares"]
    # pseudonyms: a role and a letter, lettered by talk within each role
    assert shares["person"].tolist()[:2] == ["Teacher A", "Administrator A"]
    assert "Family member D" in shares["person"].tolist()
    assert shares["talk_share"].sum() == pytest.approx(1.0, abs=0.01)
    text = repr(part.tables) + repr(part.notes)
    assert not any(name in text for name in ("Amara", "Chen", "Seat 13"))
    # every role exactly, however small; written contributions (answers) only
    # for roles of at least k
    equity = part.tables["participation_equity_by_role"].set_index("role")
    cover = cover_facts(records, demo)
    assert equity["people"].to_dict() == dict(cover.roles)
    assert equity["talk_share"].sum() == pytest.approx(1.0, abs=0.02)
    small = equity["people"] < demo.min_group_size
    assert equity.loc[small, "contribution_share"].isna().all()
    assert equity.loc[~small, "contribution_share"].notna().all()
