"""The opt-in event log (pseudonyms per kind, minutes in groups of k) and the cover."""

from __future__ import annotations

import random
import re

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.events import FeedbackContent, FeedbackGiven
from facilitate.activities.participation.events import (
    SpeakerAdded,
    TapUndone,
    TurnStarted,
)
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    ZoneChecked,
)
from facilitate.core.cover import cover_facts
from facilitate.core.events import LeaderNoteSaved, ParticipantJoined, SettingChanged
from facilitate.export.event_log import event_log, exported_rows, kind_pseudonyms


def test_event_log_keeps_only_what_policies_allow(store, session):
    code = session.code
    store.append(code, ParticipantJoined("tok-a", "Amara", "teacher"))
    store.append(code, ParticipantJoined("tok-b", "Ben", "administrator"))
    store.append(code, CheckinAnswered("tok-b", "tired"))
    store.append(code, SelfAssessmentAnswered("tok-a", "bias", "often"))
    store.append(code, PrivateReflectionSaved("tok-a", "why", "my private words"))
    store.append(code, IdentityReflected("tok-a", "most", ["race"]))
    store.append(code, ZoneChecked("tok-a", "end", "risk"))
    store.append(code, FeedbackGiven("tok-a", {"voice": 4}, "kind words", "more"))
    store.append(code, FeedbackContent({"heard": 5}, "other words", ""))
    tap = store.append(code, TurnStarted("tok-a"))
    store.append(code, TapUndone(tap.id))
    store.append(code, LeaderNoteSaved("context", "the leader's text"))
    store.append(code, SettingChanged("min_group_size", 6))
    log = event_log(store.read(code), k=3)
    assert sorted(log["kind"]) == sorted(
        [
            "session_created",
            "phase_changed",
            "participant_joined",
            "participant_joined",
            "checkin_answered",
            "feedback_given",
            "feedback_content",
            "turn_started",
            "leader_note_saved",
            "setting_changed",
        ]
    )
    assert list(log.columns[:3]) == ["time", "kind", "person"]
    assert "id" not in log.columns, "a sequence number would order everything"
    assert {
        "name",
        "text",
        "helped",
        "more_equitable",
        "key",
        "role",
        "target",
    }.isdisjoint(log.columns)
    text = log.to_csv(index=False)
    for secret in (
        "Amara",
        "Ben",
        "tok-a",
        session.key,
        "private",
        "words",
        "leader's",
    ):
        assert secret not in text
    old = log.loc[log["kind"] == "feedback_given"]
    assert (old["ratings"].item(), old["person"].item()) == ('{"voice": 4}', "")
    assert log.loc[log["kind"] == "setting_changed", "setting"].item() == (
        "min_group_size"
    )
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\dZ", t) for t in log["time"])


def test_each_kind_has_its_own_pseudonyms_in_a_random_order(store, session):
    people = [f"tok-{n}" for n in range(12)]
    for who in people:
        store.append(session.code, ParticipantJoined(who, who, "teacher"))
        store.append(session.code, CheckinAnswered(who, "curious"))
        store.append(session.code, TurnStarted(who))
    log = event_log(store.read(session.code), k=3, rng=random.Random(4))
    by_kind = {
        kind: list(rows["person"]) for kind, rows in log.groupby("kind", sort=False)
    }
    joined = by_kind["participant_joined"]
    assert set(joined) == {f"participant_joined-{n:02d}" for n in range(1, 13)}
    assert set(by_kind["turn_started"]).isdisjoint(by_kind["checkin_answered"])
    assert set(joined).isdisjoint(by_kind["checkin_answered"])
    order = [int(p.rsplit("-", 1)[1]) for p in joined]
    assert order == sorted(order), "rows are sorted by pseudonym, not by arrival"


def test_pseudonym_numbers_follow_neither_arrival_nor_another_kind(store, session):
    people = [f"tok-{n}" for n in range(12)]
    for who in people:
        store.append(session.code, ParticipantJoined(who, who, "teacher"))
        store.append(session.code, CheckinAnswered(who, "curious"))
    rows = exported_rows(store.read(session.code))
    names = kind_pseudonyms(rows, random.Random(4))
    joined = [int(names[("participant_joined", w)].rsplit("-", 1)[1]) for w in people]
    checked = [int(names[("checkin_answered", w)].rsplit("-", 1)[1]) for w in people]
    assert sorted(joined) == list(range(1, 13))
    assert joined != sorted(joined), "the first to join is not number 01"
    assert joined != checked, "one kind's numbers do not give away another's"


def test_times_are_minutes_in_groups_of_k_people(store, session, clock):
    for minute in range(7):  # one person joins and checks in each minute
        clock.now = 1_700_000_000 + minute * 60
        store.append(session.code, ParticipantJoined(f"p{minute}", "N", "teacher"))
        store.append(session.code, CheckinAnswered(f"p{minute}", "curious"))
    log = event_log(store.read(session.code), k=3)
    checkins = log.loc[log["kind"] == "checkin_answered", "time"]
    joins = log.loc[log["kind"] == "participant_joined", "time"]
    # Seven people, k = 3: minutes 0-2 are one group, minutes 3-6 (the last
    # group would hold only one person on its own) another.
    assert checkins.value_counts().sort_index().tolist() == [3, 4]
    assert joins.value_counts().sort_index().tolist() == [3, 4]
    assert sorted(set(checkins)) == ["2023-11-14T22:15Z", "2023-11-14T22:19Z"]


def test_cover_counts_every_role_exactly_however_small(store, session):
    roles = ["teacher"] * 6 + ["specialist"] * 5 + ["administrator", "family"]
    for index, role in enumerate(roles):
        store.append(session.code, ParticipantJoined(f"p{index}", f"N{index}", role))
    cover = cover_facts(store.read(session.code), session)
    assert cover.title == "Spring PD"
    assert cover.present == 13
    # Who was present is an observation the room made: at k = 5 the lone
    # administrator and family member are still counted, each on their own line.
    assert cover.roles == (
        ("Teacher", 6),
        ("Specialist", 5),
        ("Administrator", 1),
        ("Family member", 1),
    )
    assert cover.roles_note == (
        "Every role is counted exactly, however small: everyone in the room saw "
        "who was there."
    )


def test_cover_counts_speakers_without_a_device_and_each_person_once(store, session):
    code = session.code
    for index in range(5):
        store.append(code, ParticipantJoined(f"p{index}", f"N{index}", "teacher"))
        store.append(code, SpeakerAdded(f"s{index}", f"Seat {index}", "family"))
    store.append(code, ParticipantJoined("p0", "N0 again", "teacher"))
    store.append(code, SpeakerAdded("s0", "Seat 0", "family"))
    cover = cover_facts(store.read(session.code), session)
    assert cover.present == 10
    assert cover.roles == (("Family member", 5), ("Teacher", 5))
