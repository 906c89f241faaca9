"""A team of 22 students over 5 meetings, exported at k = 5, against a reference.

The plan of each student (when named, when supported, what each check said) is
literal; the test works out from it, by its own simple rules, each meeting's
true counts and what the plain release gate (k per cell, complementary
suppression, no merging) could show. The export must show at least that, as
many cells as any safe release could (``team_reference``), and never a cell that
equals its row's total minus the counts shown. "Not yet supported" and "Concern
with no support" can count the same students, so at a meeting with its own
flags row they stand alone in both tables or in neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from facilitate.core.release import release_partition
from facilitate.teams.content import load_four_questions
from facilitate.teams.flags import (
    DECLINING,
    FLAG_KINDS,
    NO_CHANGE,
    NO_SUPPORT,
    STEP_DOWN,
    UNCHECKED,
    flags_at,
    flags_over_time,
)
from facilitate.teams.meetings import (
    MERGED,
    flags_by_meeting,
    students_by_meeting,
)
from facilitate.teams.render import day
from facilitate.teams.report import team_parts
from tests.teams.team_history import (
    C1,
    C2,
    C3,
    C4,
    C5,
    MEETINGS,
    check,
    concern,
    history,
    student,
    support,
)
from tests.teams.team_reference import can_stand_alone, most_exact

K = 5
STATUSES = [
    "Improving",
    "Not responding",
    "Response not yet known",
    "Not yet supported",
]


@dataclass(frozen=True)
class Plan:
    """One kind of student: named at ``named``, a support from ``start`` decided
    at ``decided`` (None: never), checked every ``every`` meetings."""

    name: str
    count: int
    named: str
    start: str | None = None
    decided: str | None = None
    every: int = 1
    checks: tuple[tuple[str, str], ...] = ()


PLANS = (
    Plan(
        "improver",
        7,
        C1,
        C1,
        C1,
        checks=(
            (C2, "improving"),
            (C3, "improving"),
            (C4, "improving"),
            (C5, "improving"),
        ),
    ),
    Plan(
        "flat",
        5,
        C1,
        C1,
        C1,
        checks=(
            (C2, "no_change"),
            (C3, "no_change"),
            (C4, "no_change"),
            (C5, "improving"),
        ),
    ),
    Plan(
        "decliner",
        3,
        C2,
        C2,
        C2,
        checks=((C3, "declining"), (C4, "declining"), (C5, "declining")),
    ),
    Plan("every-third", 2, C1, C1, C1, every=3),
    Plan("helped-later", 3, C2, C4, C3),
    Plan("waiting", 2, C2),
)


def team():
    events = []
    for plan in PLANS:
        for i in range(plan.count):
            who = f"{plan.name}-{i}"
            events += [student(who, plan.named), concern(who, "reading", plan.named)]
            if plan.start is not None:
                events.append(
                    support(
                        f"s-{who}",
                        who,
                        start=plan.start,
                        cycle=plan.decided,
                        every=plan.every,
                    )
                )
            events += [check(c, r, who) for c, r in plan.checks]
    return history(*events, k=K)


def true_status(plan: Plan, cycle: str) -> str | None:
    """The reference's own reading of one plan at one meeting."""
    if cycle < plan.named:
        return None
    if plan.start is None or plan.start > cycle or plan.decided > cycle:
        return "Not yet supported"
    seen = [r for c, r in plan.checks if plan.start <= c <= cycle]
    if not seen:
        return "Response not yet known"
    return {
        "improving": "Improving",
        "no_change": "Not responding",
        "declining": "Not responding",
    }.get(seen[-1], "Response not yet known")


def true_counts(cycle: str) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for plan in PLANS:
        status = true_status(plan, cycle)
        if status is not None:
            counts[status] += plan.count
    return counts


def true_flags(state) -> dict[str, dict[str, int]]:
    titles = {kind.key: kind.title for kind in FLAG_KINDS}
    return {
        cycle: {titles[key]: counts.get(key, 0) for key in titles}
        for cycle, counts in flags_over_time(state).items()
    }


def held_back(state) -> tuple[set[str], set[str]]:
    """Meetings with their own flags row (k flags or more) where one table's
    linked cell cannot stand alone, so the other's may not either: those of the
    students table, then those of the flags table."""
    flags = true_flags(state)
    own = [cycle for cycle in MEETINGS if sum(flags[cycle].values()) >= K]
    students_held = {
        cycle
        for cycle in own
        if not can_stand_alone(flags[cycle], K, "Concern with no support")
    }
    flags_held = {
        cycle
        for cycle in own
        if not can_stand_alone(true_counts(cycle), K, "Not yet supported")
    }
    return students_held, flags_held


def exact_cells(row: dict, cells) -> int:
    return sum(row[cell] is not None for cell in cells)


def merged_groups(text: str, columns: list[str]) -> list[tuple[set[str], int]]:
    """ "A or b: 6; C, d or e: 5" back to members (as column names) and counts."""
    by_lower = {c.lower(): c for c in columns}
    found = []
    for part in filter(None, text.split("; ")):
        names, count = part.rsplit(": ", 1)
        members = {by_lower[m.lower()] for m in re.split(r", | or ", names)}
        found.append((members, int(count)))
    return found


def assert_nothing_worked_out(row: dict, truth: dict[str, int], total: int | None):
    """No withheld cell can be worked out as the total minus what is shown.

    A merged group holds k or more, and none of its members is shown alone. The
    withheld cells outside merged groups are none, or several holding k or more
    together: one alone would equal the total minus the rest.
    """
    cells = list(truth)
    merged = merged_groups(row[MERGED], cells)
    in_merged = set().union(*(m for m, _ in merged)) if merged else set()
    for members, count in merged:
        assert len(members) >= 2
        assert count >= K
        assert count == sum(truth[m] for m in members)
        assert all(row[m] is None for m in members)
    exact = {c: row[c] for c in cells if row[c] is not None}
    assert all(truth[c] == n for c, n in exact.items())
    if total is None:
        return
    left = total - sum(exact.values()) - sum(n for _, n in merged)
    withheld = [c for c in cells if row[c] is None and c not in in_merged]
    assert len(withheld) != 1, (row["Meeting"], withheld)
    assert left == sum(truth[c] for c in withheld)
    assert not withheld or left >= K, (row["Meeting"], withheld, left)


def test_students_table_shows_all_the_plain_gate_would_and_nothing_worked_out():
    state = team()
    apart, _ = held_back(state)
    table = students_by_meeting(state, K)
    assert list(table["Meeting"]) == [day(c) for c in MEETINGS]
    for cycle, row in zip(MEETINGS, table.to_dict("records"), strict=True):
        truth = true_counts(cycle)
        named = sum(truth.values())
        assert row["Students named"] == (named if named >= K else None)
        linked = {"Not yet supported"} if cycle in apart else set()
        assert exact_cells(row, truth) == most_exact(truth, K, linked), cycle
        if not linked:
            for cell, n in release_partition(truth, K).items():
                if n is not None:
                    assert row[cell] == n, (cycle, cell)
        assert_nothing_worked_out(row, truth, row["Students named"])
        if row["Supported"] is not None:
            assert row["Supported"] == named - truth["Not yet supported"]


def test_students_table_literal_rows():
    table = students_by_meeting(team(), K).set_index("Meeting")
    assert table.loc[day(C3)].to_dict() == {
        "Students named": 22,
        "Supported": None,
        "Improving": 7,
        "Not responding": 8,
        "Response not yet known": None,
        "Not yet supported": None,
        MERGED: "Not yet supported or response not yet known: 7",
    }
    # The 5 not yet supported are the 5 concerns with no support, the meeting's
    # only flags: shown here, they would say no other flag was raised. So they
    # are merged, with the smallest cell beside them, as the flags table's are.
    assert table.loc[day(C2)].to_dict() == {
        "Students named": 22,
        "Supported": None,
        "Improving": 7,
        "Not responding": 5,
        "Response not yet known": None,
        "Not yet supported": None,
        MERGED: "Response not yet known or not yet supported: 10",
    }
    # 2 not yet supported and 3 not responding, merged; "Supported" would give
    # the 2 away, so it is not shown.
    assert table.loc[day(C5)].to_dict() == {
        "Students named": 22,
        "Supported": None,
        "Improving": 12,
        "Not responding": None,
        "Response not yet known": 5,
        "Not yet supported": None,
        MERGED: "Not responding or not yet supported: 5",
    }


def test_declining_and_rhythm_flags_fire_on_the_right_meetings():
    state = team()

    def who(kind: str, cycle: str) -> set[str]:
        return {f.student for f in flags_at(state, cycle) if f.kind == kind}

    decliners = {f"decliner-{i}" for i in range(3)}
    assert [who(DECLINING, c) for c in MEETINGS] == [
        set(),
        set(),
        set(),
        decliners,
        decliners,
    ]
    every_third = {"every-third-0", "every-third-1"}
    assert [who(UNCHECKED, c) for c in MEETINGS] == [
        set(),
        set(),
        set(),
        set(),
        every_third,
    ]
    assert who(NO_CHANGE, C4) == {f"flat-{i}" for i in range(5)}
    assert who(STEP_DOWN, C4) == {f"improver-{i}" for i in range(7)}
    assert who(NO_SUPPORT, C2) == {
        "helped-later-0",
        "helped-later-1",
        "helped-later-2",
        "waiting-0",
        "waiting-1",
    }
    assert who(NO_SUPPORT, C3) == {"waiting-0", "waiting-1"}


def test_flags_table_shows_all_the_plain_gate_would_and_nothing_worked_out():
    state = team()
    _, apart = held_back(state)
    table = flags_by_meeting(state, K).set_index("Meeting", drop=False)
    for cycle, truth in true_flags(state).items():
        total = sum(truth.values())
        reference = release_partition(truth, K)
        if total < K:
            continue  # a quiet meeting: the reference shows nothing of it
        row = table.loc[day(cycle)].to_dict()
        assert row["All flags"] == total
        linked = {"Concern with no support"} if cycle in apart else set()
        assert exact_cells(row, truth) == most_exact(truth, K, linked), cycle
        for cell, n in reference.items():
            if n is not None:
                assert row[cell] == n, (cycle, cell)
        assert_nothing_worked_out(row, truth, total)


def test_the_linked_cells_stand_alone_in_both_tables_or_in_neither():
    state = team()
    students = students_by_meeting(state, K).set_index("Meeting")
    flags = flags_by_meeting(state, K).set_index("Meeting")
    own_rows = [c for c, f in true_flags(state).items() if sum(f.values()) >= K]
    assert own_rows == [C2, C3, C4, C5]
    for cycle in own_rows:
        alone = students.loc[day(cycle), "Not yet supported"] is not None
        assert alone == (flags.loc[day(cycle), "Concern with no support"] is not None)


def test_quiet_meetings_merge_into_a_period_of_k_flags():
    # 2 concerns with no support at the first meeting, 3 more at the second:
    # neither shown alone, together 5. Then 6 at each later meeting.
    state = history(
        *(student(f"a{i}") for i in range(2)),
        *(concern(f"a{i}", cycle=C1) for i in range(2)),
        *(support(f"s{i}", f"a{i}", start=C2, cycle=C2) for i in range(2)),
        *(check(c, "too_early", f"a{i}") for i in range(2) for c in (C3, C4, C5)),
        *(student(f"b{i}", C2) for i in range(3)),
        *(concern(f"b{i}", cycle=C2) for i in range(3)),
        *(support(f"t{i}", f"b{i}", start=C3, cycle=C3) for i in range(3)),
        *(check(c, "too_early", f"b{i}") for i in range(3) for c in (C4, C5)),
        *(student(f"c{i}", C3) for i in range(6)),
        *(concern(f"c{i}", cycle=C3) for i in range(6)),
        k=K,
    )
    table = flags_by_meeting(state, K)
    assert table["Meeting"].tolist() == [
        f"{day(C1)} to {day(C2)}",
        day(C3),
        day(C4),
        day(C5),
    ]
    first = table.iloc[0].to_dict()
    assert first["All flags"] == 5
    assert first["Concern with no support"] is None, "the zeros beside it"
    assert table.iloc[1]["All flags"] == 6


def test_the_team_export_carries_every_table_with_a_merged_groups_column():
    parts = team_parts(team(), load_four_questions())
    for part in parts:
        for name, table in part.tables.items():
            if part.key == "equity":
                continue
            assert MERGED in table.columns, (part.key, name)
            assert isinstance(table, pd.DataFrame)
