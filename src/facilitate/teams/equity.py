"""The equity lens: who the team is concerned about, compared with the classes.

The team enters its classes' composition as counts per group, and may record a
student's group when adding them. For each group the lens shows its share of the
classes, of the students of concern, and of the students at each tier (their
most intensive support in place). Every column is one partition of students over
every group, zeros included, and is coarsened before anything is hidden, as the
rest of the team export is (``cells.coarsened``, the gate's nominal rule): a
group of k or more stands alone; the smaller ones, empty ones included, are read
together as one merged group, which the smallest group standing alone joins while
it holds fewer than k. Only a column of fewer than k students in all is hidden,
and no group kept out of sight is its column's total minus what is shown.

What the lens does not guard: a column's total can be read off its shares, and
the tier columns together hold the students with a support in place, which the
students table also counts at the last meeting ("Supported"). The lens keeps its
own columns safe; it does not hold back a tier because that table merged a cell.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from facilitate.core.release import floored
from facilitate.teams.cells import coarsened
from facilitate.teams.events import TIERS
from facilitate.teams.state import TeamState

NOT_RECORDED = ""
NOT_RECORDED_LABEL = "Group not recorded"


@dataclass(frozen=True)
class Column:
    """One partition of students by group, coarsened through the release gate.

    ``shown`` holds each group's count, or None when it is not shown on its own;
    ``merged`` the groups read together, each ``(groups, count)``. ``total`` is
    None when the column holds fewer than k students in all.
    """

    title: str
    total: int | None
    shown: dict[str, int | None]
    merged: tuple[tuple[tuple[str, ...], int], ...] = ()

    def share(self, group: str) -> float | None:
        count = self.shown.get(group)
        if count is None or not self.total:
            return None
        return 100 * count / self.total

    def merged_share(self, count: int) -> float | None:
        """A merged group's share of the column's total."""
        return 100 * count / self.total if self.total else None


@dataclass(frozen=True)
class EquityLens:
    k: int
    groups: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def has_groups(self) -> bool:
        return any(group != NOT_RECORDED for group in self.groups)


def group_label(group: str) -> str:
    """A group as the lens names it: its own name, or "Group not recorded"."""
    return group or NOT_RECORDED_LABEL


def _column(
    title: str, counts: Counter[str], groups: tuple[str, ...], k: int
) -> Column:
    """``counts`` over ``groups`` (zeros included), coarsened through the gate."""
    row = coarsened({group: counts.get(group, 0) for group in groups}, k)
    return Column(title=title, total=row.total, shown=row.cells, merged=row.merged)


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
