from __future__ import annotations

import json

import pytest

from facilitate.events import (
    EVENT_KINDS,
    PracticeRated,
    UnknownEventKind,
    event_from_payload,
)


def test_every_kind_round_trips_through_json():
    sample = PracticeRated("p1", "letter_grades", spectrum=2, now=5, vision=2)
    again = event_from_payload(sample.kind, json.loads(json.dumps(sample.payload())))
    assert again == sample
    assert len(EVENT_KINDS) == len(set(EVENT_KINDS))


def test_unknown_kind_names_the_valid_ones():
    with pytest.raises(UnknownEventKind) as raised:
        event_from_payload("answer_deleted", {})
    assert str(raised.value).startswith("'answer_deleted' is not an event kind.")
    assert "checkin_answered" in str(raised.value)
