"""The tracker and the participation console panel, driven without a browser."""

from __future__ import annotations

import re

import pytest

from facilitate.activities.participation.display import ParticipationPanel
from facilitate.activities.participation.events import (
    SpeakerAdded,
    TapUndone,
    TurnStarted,
)
from facilitate.activities.participation.report import participation_part
from facilitate.activities.participation.tracker import TrackerPage
from facilitate.core.events import ParticipantJoined, SettingChanged
from facilitate.core.roster import roster_of
from facilitate.demo import seed_demo
from facilitate.server import ServeOptions, voila_settings
from facilitate.server.voila import room_role
from facilitate.ui.contexts import DisplayContext


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


def rows(panel: ParticipationPanel) -> list[tuple[str, str, str]]:
    cells = re.findall(
        r'<td class="fc-who">(.*?)</td><td class="fc-share">(.*?)</td>'
        r'<td class="fc-turns">(.*?)</td>',
        panel.talk_table.value,
    )
    return [tuple(c) for c in cells]


def test_console_panel_shows_anonymous_shares_until_names_are_chosen(
    store, session, clock
):
    tracked_room(store, session, clock)
    store.append(session.code, SettingChanged("min_group_size", 3))
    panel = ParticipationPanel(DisplayContext(store, session))
    assert isinstance(panel, ParticipationPanel)
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    assert rows(panel) == [
        ("Person 1", "42.9%", "1"),
        ("Person 2", "28.6%", "2"),
        ("Person 3", "28.6%", "1"),
        ("Person 4", "0.0%", "0"),
    ]
    assert "Gini 0.32: talk was somewhat uneven" in panel.gini.value
    assert "4 people; 3 have spoken, 1 not yet heard; 4 turns" in panel.summary.value
    # 3 teachers and 1 other: the lone role is withheld, and so are the teachers,
    # whose share would otherwise give the other person's away.
    assert "2 roles are not shown" in panel.equity_note.value
    assert list(panel.talk_chart.data[0].y) == [42.9, 28.6, 28.6, 0.0]
    assert list(panel.talk_chart.data[1].y) == [25.0] * 4
    assert list(panel.equity_chart.data[0].x) == []
    shown = (
        panel.talk_table.value
        + repr(panel.talk_chart.data)
        + repr(panel.follow_chart.data)
    )
    assert not any(name in shown for name in ("Ana", "Bo", "Cy", "Dee"))

    panel.show_names.value = True
    setting = store.read(session.code, kinds=[SettingChanged.kind])
    assert (setting[-1].event.name, setting[-1].event.value) == ("show_names", True)
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    assert [r[0] for r in rows(panel)] == ["Cy", "Ana", "Bo", "Dee"]
    assert len(store.read(session.code, kinds=[SettingChanged.kind])) == 2


def test_an_open_turn_grows_on_the_console_without_new_events(store, session, clock):
    store.append(session.code, ParticipantJoined("p-ana", "Ana", "teacher"))
    store.append(session.code, ParticipantJoined("p-bo", "Bo", "teacher"))
    page = open_tracker(store, session)
    page.buttons["p-ana"].click()
    clock.advance(10)
    page.buttons["p-bo"].click()
    panel = ParticipationPanel(DisplayContext(store, session), clock=clock)
    records = store.read(session.code)
    clock.advance(30)
    panel.refresh(roster_of(records), records)
    assert rows(panel)[0] == ("Person 1", "75.0%", "1")
    clock.advance(60)
    panel.refresh(roster_of(records), records)
    assert rows(panel)[0] == ("Person 1", "90.0%", "1")


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
    assert shares["person"].tolist()[:2] == ["Person 1", "Person 2"]
    assert shares["talk_share"].sum() == pytest.approx(1.0, abs=0.01)
    text = repr(part.tables) + repr(part.notes)
    assert not any(name in text for name in ("Amara", "Chen", "Seat 13"))
    equity = part.tables["participation_equity_by_role"]
    assert (equity["people"] >= demo.min_group_size).all()
