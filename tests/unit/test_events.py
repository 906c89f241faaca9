from __future__ import annotations

import json

import pytest

from facilitate.activities.alignment.events import PracticeRated
from facilitate.core.agenda import (
    UnknownEventKind,
    current_agenda,
    event_from_payload,
)


def test_every_kind_round_trips_through_json():
    sample = PracticeRated("p1", "letter_grades", spectrum=2, now=5, vision=2)
    again = event_from_payload(sample.kind, json.loads(json.dumps(sample.payload())))
    assert again == sample


def test_unknown_kind_names_the_valid_ones():
    with pytest.raises(UnknownEventKind) as raised:
        event_from_payload("answer_deleted", {})
    assert str(raised.value).startswith("'answer_deleted' is not an event kind.")
    assert "checkin_answered" in str(raised.value)


def test_the_registry_holds_the_core_and_every_activitys_kinds():
    kinds = current_agenda().event_kinds
    assert {"session_created", "phase_changed", "checkin_answered"} <= set(kinds)
    assert {"practice_rated", "turn_started", "feedback_given"} <= set(kinds)
    assert all(cls.kind == kind for kind, cls in kinds.items())
