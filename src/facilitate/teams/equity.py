"""The equity lens: who the team is concerned about, compared with the classes.

The team enters its classes' composition as counts per group, and may record a
student's group when adding them. For each group the lens shows its share of the
classes, of the students of concern, and of the students at each tier (their
most intensive support in place). Every column is one partition of students over
every group, zeros included, and is coarsened before anything is hidden, as the
rest of the team export is (``cells.coarsened``, the gate's nominal rule): a
group of k or more stands alone; the smaller ones, empty ones included, are read
together as one merged group, which the smallest group standing alone joins while
it holds fewer than k. Only a column of fewer than k students in all is hidden
(and one tier column, below), and no group kept out of sight is its column's
total minus what is shown.

Across columns, one more count could be read off: a group's students of concern
minus its students at each tier is how many of them have no support in place.
Where every one of those cells would be shown and that difference is under k
(zero too: "all of them are supported" is a count like any other), the group's
smallest tier cell joins its column's merged group (``_worked_out_group``).
The same holds for the whole team: students of concern minus every tier's total
is the students table's "Not yet supported" at that meeting, so unless that
table shows it on its own, the smallest tier column is not shown at all.
Deeper sums (a merged group against another column's) are
not searched for: every column is safe alone, and these two differences are the
ones a reader would take.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from facilitate.core.group_size import floored
from facilitate.teams.cells import Row, coarsened
from facilitate.teams.events import TIERS
from facilitate.teams.meeting_counts import not_supported_shown
from facilitate.teams.state import TeamState

NOT_RECORDED = ""
NOT_RECORDED_LABEL = "Group not recorded"
CONCERN = "Students of concern"
TIER_TITLES = tuple(f"Tier {tier}" for tier in TIERS)


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


def _columns(
    counts: dict[str, dict[str, int]], k: int, not_supported_shown: bool
) -> list[Column]:
    """Each column coarsened, with no group's students without support in place
    left to be read off (``_worked_out_group``); then, unless the students table
    shows "Not yet supported" on its own, not every tier's total either."""
    held: dict[str, set[str]] = {title: set() for title in counts}
    while True:
        rows = {title: coarsened(c, k, held[title]) for title, c in counts.items()}
        found = _worked_out_group(counts, rows, k)
        if found is None:
            break
        held[found[0]].add(found[1])
    columns = [Column(t, row.total, row.cells, row.merged) for t, row in rows.items()]
    margins = [rows[title].total for title in (CONCERN, *TIER_TITLES)]
    if not not_supported_shown and None not in margins:
        smallest = min(
            TIER_TITLES, key=lambda t: (sum(counts[t].values()), -TIER_TITLES.index(t))
        )
        at = list(counts).index(smallest)
        columns[at] = Column(smallest, None, dict.fromkeys(counts[smallest]))
    return columns


def _worked_out_group(
    counts: dict[str, dict[str, int]], rows: dict[str, Row], k: int
) -> tuple[str, str] | None:
    """A group whose students of concern and count at every tier are all shown
    while fewer than k of them (zero too) have no support in place: the
    tier where it has fewest students, and the group, to merge there."""
    for group, concern in rows[CONCERN].cells.items():
        at_tiers = [rows[title].cells.get(group) for title in TIER_TITLES]
        if concern is None or None in at_tiers:
            continue
        if concern - sum(n or 0 for n in at_tiers) < k:
            tier = min(
                TIER_TITLES,
                key=lambda t: (counts[t][group], -TIER_TITLES.index(t)),
            )
            return tier, group
    return None


def _counts(
    state: TeamState, cycle: str
) -> tuple[tuple[str, ...], dict[str, dict[str, int]]]:
    """The lens's groups, and each column's students per group (zeros too)."""
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

    def over_groups(students: Iterable[str]) -> dict[str, int]:
        found = Counter(group_of.get(s, NOT_RECORDED) for s in students)
        return {group: found.get(group, 0) for group in groups}

    counts = {"Classes": dict(state.composition), CONCERN: over_groups(of_concern)}
    for tier, title in zip(TIERS, TIER_TITLES, strict=True):
        counts[title] = over_groups(s for s, t in tiers.items() if t == tier)
    return groups, counts


def equity_lens(state: TeamState, cycle: str, k: int | None = None) -> EquityLens:
    """The lens at ``cycle``, with the team's k (or ``k``), the floor applied."""
    k = floored(state.min_group_size if k is None else k)
    groups, counts = _counts(state, cycle)
    shown = not_supported_shown(state, cycle, k)
    return EquityLens(k=k, groups=groups, columns=tuple(_columns(counts, k, shown)))
