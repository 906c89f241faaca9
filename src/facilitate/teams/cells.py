"""One row of an export table: coarsened before anything is hidden.

A principal reading the team's export should see "Not yet supported or
response not yet known: 6", not two dashes. So each row's cells (one partition
of students or flags, with its total) go through the release gate's nominal
coarsening: every cell of at least k is shown; the smaller ones are merged into
one group, which the row names in its "Merged groups" column; while that group
is under k, the smallest shown cell joins it. Only what merging cannot save (a
row of fewer than k in all) is hidden, and no hidden cell can be worked out as
the total minus the cells shown: the gate's complementary rule, kept whole.
Rows (areas, kinds of support) merge the same way (``row_groups``), so the
small areas are read together rather than as a column of dashes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from facilitate.core.coarsen import Group, coarsen_nominal, most_chosen_first, suppress
from facilitate.core.group_size import floored
from facilitate.core.release import is_shown

MERGED = "Merged groups"


@dataclass(frozen=True)
class Row:
    """A partition as shown: exact cells (None when not on their own), the total
    (None under k) and the merged groups, each ``(members, count)``."""

    cells: dict[str, int | None]
    total: int | None
    merged: tuple[tuple[tuple[str, ...], int], ...]

    def covered(self, members: set[str]) -> bool:
        """Whether the count of exactly ``members`` together can be read off."""
        exact = {m for m, n in self.cells.items() if n is not None}
        inside = exact & members
        for group in (set(found) for found, _ in self.merged):
            if group <= members:
                inside |= group
            elif group & members:
                return False
        return inside == members

    def merged_text(self, counts: Mapping[str, int]) -> str:
        """The merged groups in words, biggest member first: "A or B: 6"."""
        return "; ".join(
            f"{_or(most_chosen_first(Group(members, n), counts))}: {n}"
            for members, n in self.merged
        )


def coarsened(
    counts: Mapping[str, int], k: int, not_alone: Collection[str] = ()
) -> Row:
    """``counts`` (label -> count, zeros included) as the export may show them.

    A label in ``not_alone`` is never shown on its own: it joins the merged
    group, which goes on taking in the smallest cell shown until it holds two
    cells or more and at least k (for a cell another table, or another column,
    would give away: ``meeting_counts``, ``equity``).
    """
    k = floored(k)
    cells: dict[str, int | None] = dict.fromkeys(counts)
    merged = []
    total = sum(counts.values())
    for group in _nominal(counts, k, not_alone):
        if group.count is None:
            continue
        if not group.merged:
            cells[group.members[0]] = group.count
        elif len(group.members) < len(counts):
            merged.append((group.members, group.count))
    return Row(cells, total if is_shown(total, k) else None, tuple(merged))


def _nominal(
    counts: Mapping[str, int], k: int, not_alone: Collection[str]
) -> list[Group[str]]:
    """The gate's nominal coarsening, then each cell of ``not_alone`` still
    standing alone moved into the merged group, by the same rule."""
    groups = coarsen_nominal(counts, k)
    alone = {g.members[0] for g in groups if not g.merged and not g.hidden}
    if not alone & set(not_alone):
        return groups
    order = list(counts)
    kept = [key for key in alone if key not in not_alone]
    other = [key for key in order if key not in kept]
    while kept and (len(other) < 2 or sum(counts[key] for key in other) < k):
        smallest = min(kept, key=lambda key: (counts[key], -order.index(key)))
        kept.remove(smallest)
        other.append(smallest)
    merged = tuple(sorted(other, key=order.index))
    return suppress(
        [
            *(Group((key,), counts[key]) for key in order if key in kept),
            Group(merged, sum(counts[key] for key in merged), other=True),
        ],
        k,
    )


def row_groups(totals: Mapping[str, int], k: int) -> list[tuple[str, ...]]:
    """Rows of a table as shown, each the tuple of rows it holds.

    Rows of k or more stand alone; smaller ones merge into one row, and while it
    holds fewer than k the smallest other row joins it (as cells do, so the
    rows' sum, wherever else it shows, never gives a small row away). When every
    row together holds fewer than k, rows stay apart, each hidden.
    """
    groups = coarsen_nominal(totals, k)
    if all(group.hidden for group in groups):
        return [(row,) for row in totals]
    return [group.members for group in groups]


def together(labels: list[str]) -> str:
    """A merged row's name: "Writing, attendance and behaviour, together"."""
    if len(labels) < 2:
        return "".join(labels)
    rest = [label[:1].lower() + label[1:] for label in labels[1:]]
    return ", ".join([labels[0], *rest[:-1]]) + f" and {rest[-1]}, together"


def _or(labels: list[str]) -> str:
    """ "A or b", "A, b or c": the first label as written, the rest lowered."""
    first, rest = labels[0], [label[:1].lower() + label[1:] for label in labels[1:]]
    if not rest:
        return first
    return ", ".join([first, *rest[:-1]]) + f" or {rest[-1]}"
