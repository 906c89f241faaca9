"""The release gate's observation path: exact in exports, grouped on the display,
and closed to every answer.

The room in these tests is the one the participation activity exists for:
twelve people, nine of them staff, two family members and one student.
"""

from __future__ import annotations

import pytest

from facilitate.activities.participation.numbers import (
    FOLLOWS_BY_ROLE,
    PEOPLE_BY_ROLE,
    TALK_BY_ROLE,
    TURNS_BY_ROLE,
)
from facilitate.core.agenda import (
    ANSWER,
    OBSERVATION,
    ActivitySpec,
    AgendaError,
    current_agenda,
)
from facilitate.core.coarsen import Group
from facilitate.core.release import (
    ATTENDANCE,
    DISPLAY,
    EXPORT,
    ROOM,
    NotAnObservation,
    number_kind,
    release_observation,
    release_partition,
)

ROOM_OF_12 = {"teacher": 9, "family": 2, "student": 1}


def test_an_export_shows_every_role_exactly():
    groups = release_observation(ROOM, ATTENDANCE, ROOM_OF_12, 3, shown_on=EXPORT)
    assert groups == [
        Group(("teacher",), 9),
        Group(("family",), 2),
        Group(("student",), 1),
    ]


def test_the_display_merges_roles_under_k_into_one_group():
    groups = release_observation(ROOM, ATTENDANCE, ROOM_OF_12, 3, shown_on=DISPLAY)
    assert groups == [
        Group(("teacher",), 9),
        Group(("family", "student"), 3, other=True),
    ]


def test_the_display_shows_every_role_once_the_facilitator_chooses_it():
    groups = release_observation(
        ROOM, ATTENDANCE, ROOM_OF_12, 3, shown_on=DISPLAY, every_role=True
    )
    assert [(g.members, g.count) for g in groups] == [
        (("teacher",), 9),
        (("family",), 2),
        (("student",), 1),
    ]


def test_the_display_groups_so_that_no_group_is_under_k():
    # the two small roles hold 3 < 5 people: the smallest kept role joins them
    counts = {"teacher": 9, "specialist": 5, "family": 2, "student": 1}
    groups = release_observation(ROOM, ATTENDANCE, counts, 5, shown_on=DISPLAY)
    assert [(g.members, g.count) for g in groups] == [
        (("teacher",), 9),
        (("specialist", "family", "student"), 8),
    ]
    # a room smaller than k shows no group at all on the display
    tiny = release_observation(ROOM, ATTENDANCE, {"teacher": 2}, 3, shown_on=DISPLAY)
    assert all(g.hidden for g in tiny)


def declared(kind: str) -> list[tuple[str, str]]:
    """(activity, figure) for every figure the agenda declares of ``kind``."""
    return [
        (activity.key, figure)
        for activity in current_agenda().activities
        for figure, declared_kind in activity.numbers
        if declared_kind == kind
    ]


@pytest.mark.parametrize(
    ("owner", "figure"),
    [
        # every answer an activity declares: a check-in or a self-assessment
        # broken down by role among them
        *declared(ANSWER),
        ("participation", "anything_undeclared"),
        (ROOM, "checkin"),
        ("no_such_activity", "attendance"),
    ],
)
@pytest.mark.parametrize("shown_on", [EXPORT, DISPLAY])
def test_no_answer_is_released_through_the_observation_path(owner, figure, shown_on):
    assert number_kind(owner, figure) == ANSWER
    with pytest.raises(NotAnObservation, match="is an answer, not an observation"):
        release_observation(owner, figure, ROOM_OF_12, 3, shown_on=shown_on)
    # the answer path still hides the small roles, and the next smallest with them
    assert release_partition(ROOM_OF_12, 3) == {
        "teacher": 9,
        "family": None,
        "student": None,
    }


def test_the_agenda_declares_exactly_these_observations():
    """A new observation is a privacy decision: adding one must change this test."""
    assert set(declared(OBSERVATION)) == {
        ("participation", PEOPLE_BY_ROLE),
        ("participation", TALK_BY_ROLE),
        ("participation", TURNS_BY_ROLE),
        ("participation", FOLLOWS_BY_ROLE),
    }
    assert number_kind(ROOM, ATTENDANCE) == OBSERVATION
    assert ("checkin", "feelings_by_role") in declared(ANSWER)
    assert ("self_assessment", "answers_by_role") in declared(ANSWER)


def test_every_activity_declares_the_kind_of_each_number_it_shares():
    silent = [a.key for a in current_agenda().activities if not a.numbers]
    assert silent == []


def test_a_spec_declaring_a_third_kind_of_number_is_refused():
    with pytest.raises(AgendaError, match="declare it as 'answer' or 'observation'"):
        ActivitySpec("votes", None, numbers=(("votes_by_role", "public"),))
