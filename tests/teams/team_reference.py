"""The test's own idea of what a coarsened row may show, by brute force.

A row (one partition and its total) may show some cells exactly and read the
rest together as one merged group. It is safe when the total holds k or more,
every exact cell holds k or more, and the merged group (if any) holds two cells
or more and k people or more: then no cell out of sight is the total minus what
is shown. ``most_exact`` tries every merged group and keeps the best, so a test
can say "every cell that could be shown is shown" without the gate's own rule.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping


def safe(counts: Mapping[str, int], merged: set[str], k: int) -> bool:
    exact_ok = all(n >= k for cell, n in counts.items() if cell not in merged)
    inside = sum(counts[cell] for cell in merged)
    return exact_ok and (not merged or (len(merged) >= 2 and inside >= k))


def most_exact(
    counts: Mapping[str, int], k: int, not_alone: Collection[str] = ()
) -> int:
    """The most cells any safe release of ``counts`` shows exactly."""
    if sum(counts.values()) < k:
        return 0
    cells = list(counts)
    best = 0
    for size in range(len(cells) + 1):
        for merged in itertools.combinations(cells, size):
            chosen = set(merged)
            if set(not_alone) <= chosen and safe(counts, chosen, k):
                best = max(best, len(cells) - size)
    return best


def can_stand_alone(counts: Mapping[str, int], k: int, cell: str) -> bool:
    """Whether some release showing the most cells shows ``cell`` exactly."""
    return most_exact(counts, k) > 0 and most_exact(counts, k) == max(
        (
            len(counts) - size
            for size in range(len(counts) + 1)
            for merged in itertools.combinations(list(counts), size)
            if cell not in merged and safe(counts, set(merged), k)
        ),
        default=-1,
    )
