"""k fits the room unless the facilitator chooses one, and is fixed at the first
reveal, so neither arrivals nor departures can move it between two screens."""

from __future__ import annotations

import pytest

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.checkin.metrics import released_checkins
from facilitate.core.config import AUTO_GROUP_SIZE, Config, checked_group_size
from facilitate.core.errors import InvalidInput
from facilitate.core.events import ParticipantJoined, ResultsRevealed, SettingChanged
from facilitate.core.group_size import release_k
from facilitate.core.roster import roster_of
from facilitate.core.sessions import create_session


@pytest.fixture
def fitted(store):
    return create_session(store, "Grade 4 team", min_group_size=AUTO_GROUP_SIZE)


def join(store, code, people, start=0):
    for index in range(start, start + people):
        store.append(code, ParticipantJoined(f"p{index}", f"P{index}", "teacher"))


def check_in(store, code, people, feelings=("hopeful", "tired")):
    for index in range(people):
        feeling = feelings[index * len(feelings) // people]
        store.append(code, CheckinAnswered(f"p{index}", feeling))


def k_now(store, session):
    records = store.read(session.code)
    state, released = released_checkins(records, load_checkin())
    assert state.k == release_k(roster_of(records), session), "one rule, two readers"
    return state.k, released


def test_a_room_of_six_gets_three_and_sees_its_two_halves(store, fitted):
    join(store, fitted.code, 6)
    check_in(store, fitted.code, 6)
    store.append(fitted.code, ResultsRevealed("checkin", True))
    k, released = k_now(store, fitted)
    assert k == 3
    assert released[["label", "count"]].values.tolist() == [
        ["Hopeful", 3],
        ["Tired or another feeling", 3],
    ]


def test_a_room_of_fifteen_gets_five(store, fitted):
    join(store, fitted.code, 15)
    store.append(fitted.code, ResultsRevealed("checkin", True))
    assert k_now(store, fitted)[0] == 5


def test_k_is_fixed_at_the_first_reveal(store, fitted):
    join(store, fitted.code, 8)
    store.append(fitted.code, ResultsRevealed("checkin", True))
    join(store, fitted.code, 30, start=8)
    assert k_now(store, fitted)[0] == 3, "the hall filling up later keeps k"
    big = create_session(store, "Hall", min_group_size=AUTO_GROUP_SIZE)
    join(store, big.code, 20)
    assert k_now(store, big)[0] == 5, "before any reveal, k follows the room"


def test_a_chosen_k_wins_and_a_fixed_session_keeps_its_own(store, fitted):
    join(store, fitted.code, 6)
    store.append(fitted.code, SettingChanged("min_group_size", 4))
    assert k_now(store, fitted)[0] == 4
    fixed = create_session(store, "Fixed", min_group_size=5)
    join(store, fixed.code, 6)
    assert k_now(store, fixed)[0] == 5


def test_the_default_is_to_fit_the_room_and_auto_can_be_said():
    assert Config.from_environ({}).min_group_size == AUTO_GROUP_SIZE
    said = Config.from_environ({"FACILITATE_MIN_GROUP_SIZE": "auto"})
    assert said.min_group_size == AUTO_GROUP_SIZE
    assert checked_group_size("7") == 7
    with pytest.raises(InvalidInput, match="or 'auto' to fit the room"):
        checked_group_size("five")
