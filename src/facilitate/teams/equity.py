"""The equity lens: who the team is concerned about, compared with the classes.

The team enters its classes' composition as counts per group, and may record a
student's group when adding them. For each group the lens shows its share of the
classes, of the students of concern, and of the students at each tier (their
most intensive support in place). Every column is one partition of students over
every group, zeros included, so each passes the release gate whole (k per cell,
complementary suppression): a group with fewer than k students in a column is
not shown there, on the team's page as in the export, and neither is a zero.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from facilitate.core.release import floored, hidden_total, is_shown, release_partition
from facilitate.teams.events import TIERS
from facilitate.teams.state import TeamState

NOT_RECORDED = ""
NOT_RECORDED_LABEL = "Group not recorded"


@dataclass(frozen=True)
class Column:
    """One partition of students by group, as the release gate let it through.

    ``total`` is None when the column holds fewer than k students in all.
    """

    title: str
    total: int | None
    shown: dict[str, int | None]
    withheld: int

    def share(self, group: str) -> float | None:
        count = self.shown.get(group)
        if count is None or not self.total:
            return None
        return 100 * count / self.total


@dataclass(frozen=True)
class EquityLens:
    k: int
    groups: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def has_groups(self) -> bool:
        return any(group != NOT_RECORDED for group in self.groups)


def _column(
    title: str, counts: Counter[str], groups: tuple[str, ...], k: int
) -> Column:
    """``counts`` over ``groups`` (zeros included) through the release gate."""
    cells = {group: counts.get(group, 0) for group in groups}
    released = release_partition(cells, k)
    total = sum(cells.values())
    return Column(
        title=title,
        total=total if is_shown(total, k) else None,
        shown=released,
        withheld=hidden_total(cells, released),
    )


def equity_lens(state: TeamState, cycle: str, k: int | None = None) -> EquityLens:
    """The lens at ``cycle``, with the team's k (or ``k``), the floor applied."""
    k = floored(state.min_group_size if k is None else k)
    group_of = {s.student: s.group for s in state.students.values()}
    of_concern = {pair[0] for pair in state.open_pairs(cycle)}
    tiers: dict[str, int] = {}
    for support in state.in_place(cycle):
        if state.concern_open(support.pair, cycle):
            tiers[support.student] = max(tiers.get(support.student, 0), support.tier)
    recorded = {group_of.get(s, NOT_RECORDED) for s in of_concern}
    extra = sorted(recorded - set(state.composition) - {NOT_RECORDED})
    groups = (*state.composition, *extra)
    if NOT_RECORDED in recorded:
        groups = (*groups, NOT_RECORDED)
    concern = Counter(group_of.get(s, NOT_RECORDED) for s in of_concern)
    columns = [
        _column("Classes", Counter(state.composition), tuple(state.composition), k),
        _column("Students of concern", concern, groups, k),
    ]
    for tier in TIERS:
        at_tier = Counter(
            group_of.get(s, NOT_RECORDED) for s, t in tiers.items() if t == tier
        )
        columns.append(_column(f"Tier {tier}", at_tier, groups, k))
    return EquityLens(k=k, groups=groups, columns=tuple(columns))
