"""The anonymised event log and the cover's k-suppressed roles."""

from __future__ import annotations

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.events import FeedbackGiven
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    ZoneChecked,
)
from facilitate.core.events import LeaderNoteSaved, ParticipantJoined, SettingChanged
from facilitate.export.cover import cover_facts
from facilitate.export.tables import event_log, pseudonyms


def test_event_log_uses_pseudonyms_and_drops_private_and_free_text(store, session):
    code = session.code
    store.append(code, ParticipantJoined("tok-a", "Amara", "teacher"))
    store.append(code, ParticipantJoined("tok-b", "Ben", "administrator"))
    store.append(code, CheckinAnswered("tok-b", "tired"))
    store.append(code, SelfAssessmentAnswered("tok-a", "bias", "often"))
    store.append(code, PrivateReflectionSaved("tok-a", "why", "my private words"))
    store.append(code, IdentityReflected("tok-a", "most", ["race"]))
    store.append(code, ZoneChecked("tok-a", "end", "risk"))
    store.append(code, FeedbackGiven("tok-a", {"voice": 4}, "kind words", "more"))
    store.append(code, LeaderNoteSaved("context", "the leader's text"))
    store.append(code, SettingChanged("min_group_size", 6))
    records = store.read(code)
    assert pseudonyms(records) == {"tok-a": "P01", "tok-b": "P02"}
    log = event_log(records)
    assert list(log["kind"]) == [
        "session_created",
        "phase_changed",
        "participant_joined",
        "participant_joined",
        "checkin_answered",
        "feedback_given",
        "leader_note_saved",
        "setting_changed",
    ]
    assert list(log["person"]) == ["", "", "P01", "P02", "P02", "P01", "", ""]
    text = log.to_csv(index=False)
    for secret in (
        "Amara",
        "Ben",
        "tok-a",
        session.key,
        "private",
        "kind words",
        "leader's",
    ):
        assert secret not in text
    assert {"name", "text", "helped", "more_equitable", "key", "role"}.isdisjoint(
        log.columns
    )
    assert log.loc[log["kind"] == "feedback_given", "ratings"].item() == '{"voice": 4}'
    assert (
        log.loc[log["kind"] == "setting_changed", "setting"].item() == "min_group_size"
    )


def test_cover_merges_roles_under_k(store, session):
    roles = ["teacher"] * 6 + ["specialist"] * 5 + ["administrator", "family"]
    for index, role in enumerate(roles):
        store.append(session.code, ParticipantJoined(f"p{index}", f"N{index}", role))
    cover = cover_facts(store.read(session.code), session)
    assert cover.title == "Spring PD"
    assert cover.present == 13
    # Two people in small roles would be a line of 2: the next smallest role
    # (specialists) joins them, so the merged line holds at least k people.
    assert cover.roles == (("Teacher", 6),)
    assert cover.roles_note == (
        "7 more people in roles with fewer than 5 people each "
        "(not named, to keep them private)."
    )
