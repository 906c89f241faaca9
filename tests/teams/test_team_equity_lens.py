"""The equity lens, coarsened like the rest of the team export, against a reference.

The plan of each student (their group, and the tier of their support, if any) is
literal; the test counts from it, by its own rules, each column's true counts
per group, and asks ``team_reference`` how many cells any safe release could
show. The lens must show that many, each exact, read the rest together as one
merged group with its true count, and never leave a group out of sight that is
its column's total minus what is shown.
"""

from __future__ import annotations

from collections import Counter

import pytest

from facilitate.teams.cells import MERGED
from facilitate.teams.equity import EquityLens, equity_lens
from facilitate.teams.events import ClassCounted
from facilitate.teams.meetings import students_by_meeting
from facilitate.teams.render import day
from facilitate.teams.report import equity_table
from tests.teams.team_history import C1, C5, check, concern, history, student, support
from tests.teams.team_reference import most_exact

K = 5
PLANNED = "planned"
COMPOSITION = {
    "Black": 22,
    "Hispanic or Latino": 34,
    "White": 40,
    "Asian": 3,
    "Multiracial": 4,
}
#: (group, tier of the support in place or PLANNED or None, how many students).
#: "Arab American" is not in the composition; "" is a group not recorded.
PLANS = (
    ("Black", 2, 3),
    ("Black", 3, 2),
    ("Black", None, 1),
    ("Black", PLANNED, 1),
    ("Hispanic or Latino", 2, 5),
    ("Hispanic or Latino", 1, 2),
    ("White", 2, 2),
    ("White", 1, 3),
    ("Asian", 2, 1),
    ("Arab American", 3, 1),
    ("", None, 2),
)
GROUPS = (*COMPOSITION, "Arab American", "")
COLUMNS = ("Classes", "Students of concern", "Tier 1", "Tier 2", "Tier 3")


def team():
    events: list = [ClassCounted(group, n) for group, n in COMPOSITION.items()]
    for number, (group, tier, count) in enumerate(PLANS):
        for i in range(count):
            who = f"p{number}-{i}"
            events += [student(who, C1, group), concern(who)]
            if tier == PLANNED:
                events.append(support(f"s-{who}", who, start="2026-04-01", tier=2))
            elif tier is not None:
                events.append(support(f"s-{who}", who, tier=tier))
    return history(*events, k=K)


def true_columns() -> dict[str, dict[str, int]]:
    """The reference's own count of every column, zeros included."""
    columns = {"Classes": dict(COMPOSITION)}
    concern = Counter()
    tiers = {tier: Counter() for tier in (1, 2, 3)}
    for group, tier, count in PLANS:
        concern[group] += count
        if tier in tiers:
            tiers[tier][group] += count
    columns["Students of concern"] = {g: concern[g] for g in GROUPS}
    for tier, counts in tiers.items():
        columns[f"Tier {tier}"] = {g: counts[g] for g in GROUPS}
    return columns


def lens() -> EquityLens:
    return equity_lens(team(), C5, K)


def test_the_reference_counts_are_the_plans():
    truth = true_columns()
    assert sum(truth["Students of concern"].values()) == 23
    assert truth["Tier 2"] == {
        "Black": 3,
        "Hispanic or Latino": 5,
        "White": 2,
        "Asian": 1,
        "Multiracial": 0,
        "Arab American": 0,
        "": 0,
    }


@pytest.mark.parametrize("title", COLUMNS)
def test_every_cell_that_can_be_shown_is_shown_and_exact(title):
    truth = true_columns()[title]
    column = next(c for c in lens().columns if c.title == title)
    assert set(column.shown) == set(truth)
    exact = {g: n for g, n in column.shown.items() if n is not None}
    assert len(exact) == most_exact(truth, K)
    assert all(truth[g] == n for g, n in exact.items())
    total = sum(truth.values())
    assert column.total == (total if total >= K else None)


@pytest.mark.parametrize("title", COLUMNS)
def test_no_group_out_of_sight_is_the_total_minus_what_is_shown(title):
    truth = true_columns()[title]
    column = next(c for c in lens().columns if c.title == title)
    if column.total is None:
        assert all(n is None for n in column.shown.values())
        assert column.merged == ()
        return
    unseen = {g for g, n in column.shown.items() if n is None}
    in_merged = set()
    for members, count in column.merged:
        assert len(members) >= 2
        assert count >= K
        assert count == sum(truth[g] for g in members)
        in_merged |= set(members)
    assert in_merged <= unseen
    # What is neither exact nor in a named merged group: nothing, or the whole
    # column read as one (its total is all that is said of it).
    rest = unseen - in_merged
    assert not rest or rest == set(truth), (title, rest)


def test_the_lens_literal_columns():
    columns = {c.title: c for c in lens().columns}
    assert columns["Classes"].merged == ((("Asian", "Multiracial"), 7),)
    assert columns["Classes"].shown["White"] == 40
    # 1 Asian, 1 Arab American, 2 not recorded and no Multiracial student: 4,
    # under k, so the smallest group shown (White, 5) joins them.
    concern = columns["Students of concern"]
    assert concern.shown == {
        "Black": 7,
        "Hispanic or Latino": 7,
        "White": None,
        "Asian": None,
        "Multiracial": None,
        "Arab American": None,
        "": None,
    }
    assert concern.merged == (
        (("White", "Asian", "Multiracial", "Arab American", ""), 9),
    )
    assert columns["Tier 2"].shown["Hispanic or Latino"] == 5
    assert columns["Tier 1"].total == 5, "2 and 3: only the total"
    assert columns["Tier 1"].merged == ()
    assert columns["Tier 3"].total is None, "3 students: merging cannot save it"


def test_the_export_names_each_columns_merged_groups_in_its_last_row():
    table = equity_table(team(), K)
    groups = [*COMPOSITION, "Arab American", "Group not recorded", MERGED]
    assert table["Group"].tolist() == groups
    merged = table.iloc[-1].to_dict()
    assert merged["Classes"] == "Asian + Multiracial: 7"
    assert merged["Classes (%)"] == round(100 * 7 / 103)
    assert merged["Students of concern"] == (
        "White + Asian + Multiracial + Arab American + Group not recorded: 9"
    )
    assert (merged["Tier 3"], merged["Tier 3 (%)"]) == ("", ""), "not a dash"
    black = table.iloc[0].to_dict()
    assert (black["Students of concern"], black["Students of concern (%)"]) == (
        7,
        round(100 * 7 / 23),
    )


#: Two groups with k or more students at every tier (A: all supported; B: one
#: support only planned), and two smaller groups that merge in every tier.
ACROSS = (
    ("A", 1, 3),
    ("A", 2, 3),
    ("A", 3, 3),
    ("B", 1, 4),
    ("B", 2, 3),
    ("B", 3, 4),
    ("B", PLANNED, 1),
    ("C", 1, 1),
    ("C", 2, 1),
    ("C", 3, 1),
    ("C", PLANNED, 3),
    ("D", 1, 2),
    ("D", 2, 2),
    ("D", 3, 2),
)


def across_team(improving: int):
    """``ACROSS`` at k = 3, all named at the first meeting; ``improving`` of
    A's tier 1 students checked "improving" there."""
    events: list = [ClassCounted(group, 30) for group in "ABCD"]
    for number, (group, tier, count) in enumerate(ACROSS):
        for i in range(count):
            who = f"x{number}-{i}"
            events += [student(who, C1, group), concern(who)]
            if tier == PLANNED:
                events.append(support(f"s-{who}", who, start="2026-04-01"))
                continue
            events.append(support(f"s-{who}", who, tier=tier))
            if group == "A" and tier == 1 and i < improving:
                events.append(check(C1, "improving", who))
    return history(*events, k=3)


def assert_no_group_without_support_read_off(found: EquityLens) -> None:
    """The reference's rule: no group's students of concern minus its tiers
    (those with no support in place) can be worked out under k."""
    columns = {c.title: c for c in found.columns}
    for group in found.groups:
        concern = columns["Students of concern"].shown[group]
        tiers = [columns[f"Tier {t}"].shown[group] for t in (1, 2, 3)]
        if concern is not None and None not in tiers:
            assert concern - sum(tiers) >= found.k, group


def test_a_group_whose_students_with_no_support_could_be_read_off_merges_a_tier():
    state = across_team(improving=3)
    found = equity_lens(state, C1, 3)
    columns = {c.title: c for c in found.columns}
    # Without the rule every tier shows A and B, and 9 - 3 - 3 - 3 says no A
    # student is without support, 12 - 4 - 3 - 4 that one B student is.
    assert columns["Students of concern"].shown == {"A": 9, "B": 12, "C": 6, "D": 6}
    assert columns["Tier 1"].shown == {"A": 3, "B": 4, "C": None, "D": None}
    assert columns["Tier 2"].shown == {"A": 3, "B": None, "C": None, "D": None}
    assert columns["Tier 2"].merged == ((("B", "C", "D"), 6),)
    assert columns["Tier 3"].shown == {"A": None, "B": 4, "C": None, "D": None}
    assert columns["Tier 3"].merged == ((("A", "C", "D"), 6),)
    assert_no_group_without_support_read_off(found)
    # "Not yet supported" stands alone in the students table, so every tier's
    # total may show.
    students = students_by_meeting(state, 3).set_index("Meeting")
    assert students.loc[day(C1), "Not yet supported"] == 4
    assert all(c.total is not None for c in found.columns)


def test_tiers_that_would_give_away_a_merged_not_yet_supported_lose_the_smallest():
    state = across_team(improving=0)
    students = students_by_meeting(state, 3).set_index("Meeting")
    assert students.loc[day(C1), "Not yet supported"] is None
    found = equity_lens(state, C1, 3)
    columns = {c.title: c for c in found.columns}
    # 33 students of concern less 10, 9 and 10 at the tiers would be the 4 not
    # yet supported, which the students table merged: tier 2 (9) is not shown.
    assert columns["Students of concern"].total == 33
    assert (columns["Tier 1"].total, columns["Tier 3"].total) == (10, 10)
    assert columns["Tier 2"].total is None
    assert set(columns["Tier 2"].shown.values()) == {None}
    assert columns["Tier 2"].merged == ()
    assert_no_group_without_support_read_off(found)
