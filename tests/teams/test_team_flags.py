"""Each flag over literal histories: raised exactly when it should be, never else."""

from __future__ import annotations

import pytest

from facilitate.teams.flags import (
    DECLINING,
    NO_CHANGE,
    NO_SUPPORT,
    STEP_DOWN,
    UNCHECKED,
    check_due,
    check_overdue,
    flags_at,
    flags_over_time,
)
from tests.teams.team_history import (
    C1,
    C2,
    C3,
    C4,
    C5,
    MEETINGS,
    check,
    concern,
    ended,
    history,
    resolved,
    student,
    support,
)


def raised(state, cycle: str) -> list[tuple]:
    return [(f.kind, f.student, f.area, f.support) for f in flags_at(state, cycle)]


def raised_over(state) -> dict[str, list[tuple]]:
    return {cycle: raised(state, cycle) for cycle in MEETINGS}


# --- a concern with no support ------------------------------------------------------


def test_a_concern_with_no_support_is_flagged_from_its_meeting_on():
    state = history(student(), concern(cycle=C2))
    assert raised(state, C1) == []
    for cycle in (C2, C3, C4, C5):
        assert raised(state, cycle) == [(NO_SUPPORT, "a", "reading", None)]


def test_a_support_now_or_planned_answers_the_concern_from_the_meeting_it_was_decided():
    planned = history(student(), concern(), support(start=C5, cycle=C2))
    assert raised(planned, C1) == [(NO_SUPPORT, "a", "reading", None)]
    for cycle in (C2, C3, C4, C5):
        assert NO_SUPPORT not in [kind for kind, *_ in raised(planned, cycle)]


def test_a_support_in_another_area_does_not_answer_the_concern():
    state = history(student(), concern(), support(area="writing"))
    assert raised(state, C1) == [(NO_SUPPORT, "a", "reading", None)]


def test_the_flag_returns_when_the_only_support_ends_and_leaves_with_the_concern():
    state = history(
        student(), concern(), support(), ended(cycle=C3), resolved(cycle=C4)
    )
    assert raised(state, C2) == []
    assert raised(state, C3) == [(NO_SUPPORT, "a", "reading", None)]
    assert raised(state, C4) == []
    assert raised(state, C5) == []


def test_a_concern_raised_again_after_resolving_needs_a_new_support():
    state = history(
        student(), concern(), support(), resolved(cycle=C2), concern(cycle=C4)
    )
    assert raised(state, C3) == []
    assert raised(state, C4) == [(NO_SUPPORT, "a", "reading", None)]


# --- a support never checked for two meetings ---------------------------------------


def test_a_support_unchecked_for_two_meetings_after_its_start_is_flagged():
    state = history(student(), concern(), support(start=C1))
    assert raised(state, C1) == []
    assert raised(state, C2) == []
    assert raised(state, C3) == [(UNCHECKED, "a", "reading", "s1")]


def test_a_check_at_either_of_the_last_two_meetings_keeps_the_flag_down():
    state = history(student(), concern(), support(), check(C2, "too_early"))
    assert raised(state, C3) == []
    assert raised(state, C4) == [(UNCHECKED, "a", "reading", "s1")]
    checked_late = history(student(), concern(), support(), check(C3, "improving"))
    assert raised(checked_late, C3) == []
    assert raised(checked_late, C4) == []


def test_a_check_at_the_starting_meeting_or_in_another_area_does_not_count():
    state = history(
        student(),
        concern(),
        support(),
        check(C1, "too_early"),
        concern(area="writing"),
        support("s2", area="writing"),
        check(C2, "improving", area="writing"),
        check(C3, "improving", area="writing"),
    )
    assert (UNCHECKED, "a", "reading", "s1") in raised(state, C3)
    assert (UNCHECKED, "a", "writing", "s2") not in raised(state, C3)


def test_meetings_count_from_when_the_team_decided_a_support_started_earlier():
    state = history(student(), concern(), support(start=C1, cycle=C3))
    assert raised(state, C3) == []
    assert raised(state, C4) == []
    assert raised(state, C5) == [(UNCHECKED, "a", "reading", "s1")]


def test_planned_ended_and_resolved_supports_are_not_flagged_as_unchecked():
    planned = history(student(), concern(), support(start=C4))
    assert raised(planned, C3) == []
    assert raised(planned, C5) == []
    stopped = history(student(), concern(), support(), support("s2"), ended("s1", C3))
    assert raised(stopped, C3) == [(UNCHECKED, "a", "reading", "s2")]
    closed = history(student(), concern(), support(), resolved(cycle=C3))
    assert raised(closed, C3) == []


@pytest.mark.parametrize(
    ("every", "first_flagged"),
    [(1, C3), (2, C4), (3, C5), (4, None)],
)
def test_unchecked_follows_each_supports_own_rhythm(every, first_flagged):
    state = history(student(), concern(), support(every=every))
    flagged = [
        c for c in MEETINGS if (UNCHECKED, "a", "reading", "s1") in raised(state, c)
    ]
    expected = list(MEETINGS[MEETINGS.index(first_flagged) :]) if first_flagged else []
    assert flagged == expected


def test_a_check_restarts_the_rhythm():
    state = history(student(), concern(), support(every=2), check(C3, "too_early"))
    sup = state.supports["s1"]
    assert [check_overdue(state, sup, c) for c in MEETINGS] == [
        False,
        False,
        False,
        False,
        False,
    ]
    assert [check_due(state, sup, c) for c in MEETINGS] == [
        False,
        False,
        False,
        False,
        True,
    ]


# --- no change after three checks ---------------------------------------------------


@pytest.mark.parametrize(
    ("responses", "flagged"),
    [
        (["no_change", "no_change", "no_change"], True),
        (["improving", "no_change", "no_change", "no_change"], True),
        (["no_change", "no_change"], False),
        (["no_change", "no_change", "improving"], False),
        (["no_change", "no_change", "too_early"], False),
        (["no_change", "declining", "no_change", "no_change"], False),
    ],
)
def test_no_change_is_flagged_after_exactly_three_no_change_checks(responses, flagged):
    checks = [check(MEETINGS[i + 1], r) for i, r in enumerate(responses)]
    state = history(student(), concern(), support(), *checks)
    last = MEETINGS[len(responses)]
    assert (raised(state, last) == [(NO_CHANGE, "a", "reading", "s1")]) is flagged
    if not flagged:
        assert raised(state, last) == []


def test_only_checks_since_the_support_started_count_and_corrections_win():
    before = history(
        student(),
        concern(),
        check(C1, "no_change"),
        support(start=C2, cycle=C1),
        check(C2, "no_change"),
        check(C3, "no_change"),
    )
    assert raised(before, C3) == []
    state = history(
        student(),
        concern(),
        support(),
        check(C2, "no_change"),
        check(C3, "no_change"),
        check(C4, "no_change"),
        check(C4, "improving"),
    )
    assert raised(state, C4) == []


def test_a_changed_support_starts_with_a_clean_record():
    state = history(
        student(),
        concern(),
        support(),
        check(C2, "no_change"),
        check(C3, "no_change"),
        check(C4, "no_change"),
        ended("s1", C4, "intensified"),
        support("s2", start=C4, cycle=C4, tier=3),
    )
    assert raised(state, C3) == []
    assert raised(state, C4) == []
    assert raised(state, C5) == []


# --- declining twice in a row ------------------------------------------------------


@pytest.mark.parametrize(
    ("responses", "flagged"),
    [
        (["declining", "declining"], True),
        (["improving", "declining", "declining"], True),
        (["declining", "declining", "declining"], True),
        (["declining"], False),
        (["declining", "no_change"], False),
        (["declining", "too_early", "declining"], False),
    ],
)
def test_declining_is_flagged_after_two_declining_checks_in_a_row(responses, flagged):
    checks = [check(MEETINGS[i + 1], r) for i, r in enumerate(responses)]
    state = history(student(), concern(), support(), *checks)
    last = MEETINGS[len(responses)]
    assert raised(state, last) == (
        [(DECLINING, "a", "reading", "s1")] if flagged else []
    )


def test_a_declining_student_given_a_new_support_starts_clean():
    state = history(
        student(),
        concern(),
        support(),
        check(C2, "declining"),
        check(C3, "declining"),
        ended("s1", C3, "intensified"),
        support("s2", start=C4, cycle=C3, tier=3),
        check(C4, "declining"),
    )
    assert raised(state, C3) == []
    assert raised(state, C4) == []


# --- improving: ready to step down ----------------------------------------------------


@pytest.mark.parametrize(
    ("responses", "flagged"),
    [
        (["improving", "improving"], True),
        (["declining", "improving", "improving"], True),
        (["improving"], False),
        (["improving", "declining"], False),
        (["improving", "too_early"], False),
        (["improving", "no_change", "improving"], False),
    ],
)
def test_step_down_is_flagged_after_two_improving_checks(responses, flagged):
    checks = [check(MEETINGS[i + 1], r) for i, r in enumerate(responses)]
    state = history(student(), concern(), support(), *checks)
    last = MEETINGS[len(responses)]
    assert raised(state, last) == (
        [(STEP_DOWN, "a", "reading", "s1")] if flagged else []
    )


def test_no_step_down_once_the_concern_is_closed_or_the_support_ended():
    checks = [check(C2, "improving"), check(C3, "improving")]
    closed = history(student(), concern(), support(), *checks, resolved(cycle=C3))
    assert raised(closed, C3) == []
    stepped = history(
        student(), concern(), support(), *checks, ended("s1", C3, "stepped_down")
    )
    assert raised(stepped, C3) == [(NO_SUPPORT, "a", "reading", None)]


# --- a whole team, every meeting ---------------------------------------------------


def test_a_team_raises_exactly_these_flags_at_each_meeting():
    state = history(
        student("a"),
        student("b"),
        student("c", cycle=C2),
        concern("a", "reading"),
        concern("b", "mathematics"),
        support("sa", "a", "reading"),
        support("sb", "b", "mathematics", start=C2, cycle=C1),
        check(C2, "improving", "a", "reading"),
        check(C3, "improving", "a", "reading"),
        concern("c", "behaviour", C2),
        check(C2, "no_change", "b", "mathematics"),
        check(C3, "no_change", "b", "mathematics"),
        check(C4, "no_change", "b", "mathematics"),
        ended("sa", C4, "stepped_down"),
        resolved("a", "reading", C4),
        support("sc", "c", "behaviour", start=C3, cycle=C3, tier=1),
    )
    assert raised_over(state) == {
        C1: [],
        C2: [(NO_SUPPORT, "c", "behaviour", None)],
        C3: [(STEP_DOWN, "a", "reading", "sa")],
        C4: [(NO_CHANGE, "b", "mathematics", "sb")],
        C5: [
            (NO_CHANGE, "b", "mathematics", "sb"),
            (UNCHECKED, "c", "behaviour", "sc"),
        ],
    }
    counts = flags_over_time(state)
    assert {cycle: dict(c) for cycle, c in counts.items()} == {
        C1: {},
        C2: {NO_SUPPORT: 1},
        C3: {STEP_DOWN: 1},
        C4: {NO_CHANGE: 1},
        C5: {NO_CHANGE: 1, UNCHECKED: 1},
    }


def test_a_check_is_due_by_the_supports_own_rhythm():
    every = history(student(), concern(), support(every=1), check(C3, "improving"))
    sup = every.supports["s1"]
    assert [check_due(every, sup, c) for c in MEETINGS] == [
        False,
        True,
        False,
        True,
        True,
    ]
    second = history(student(), concern(), support(every=2))
    sup = second.supports["s1"]
    assert [check_due(second, sup, c) for c in MEETINGS] == [
        False,
        False,
        True,
        True,
        True,
    ]
