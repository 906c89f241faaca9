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
from facilitate.teams.report import equity_table
from tests.unit.team_history import C1, C5, concern, history, student, support
from tests.unit.team_reference import most_exact

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
    assert merged["Tier 3"] is None
    black = table.iloc[0].to_dict()
    assert (black["Students of concern"], black["Students of concern (%)"]) == (
        7,
        round(100 * 7 / 23),
    )
