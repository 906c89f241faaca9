"""How often answering at random would look like this: exact binomial tails.

Two verdicts are tests against chance, and both reduce to counting people: the
gap between "now" and "vision" is a sign test (how many moved up against how
many moved down, among those whose answers differ), and a hollow middle is a
binomial count (how many chose the middle point when random answering puts a
1/m share there). Exact tails need no scipy: the binomial distribution is
tabulated once per room size in log space (``math.lgamma``), so thousands of
simulated rooms are judged in one numpy lookup, like the other statistics.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import numpy as np

#: Tables grow in steps of this many people, so a growing room rarely rebuilds one.
STEP = 256


@lru_cache(maxsize=16)
def _lower_tails(size: int, chance: float) -> np.ndarray:
    """``table[n, c]`` = P(Binomial(n, chance) <= c), for n, c in 0..size."""
    counts = np.arange(size + 1)
    log_factorial = np.array([math.lgamma(k + 1) for k in counts])
    n, c = counts[:, np.newaxis], counts[np.newaxis, :]
    with np.errstate(invalid="ignore"):
        log_pmf = (
            log_factorial[n]
            - log_factorial[c]
            - log_factorial[np.clip(n - c, 0, None)]
            + c * math.log(chance)
            + (n - c) * math.log1p(-chance)
        )
    pmf = np.where(c <= n, np.exp(log_pmf), 0.0)
    table: np.ndarray = np.minimum(np.cumsum(pmf, axis=1), 1.0)
    table.flags.writeable = False
    return table


def lower_tail(count: Any, people: Any, chance: float) -> Any:
    """P(Binomial(people, chance) <= count), element by element."""
    count = np.asarray(count, dtype=np.int64)
    people = np.asarray(people, dtype=np.int64)
    largest = int(people.max(initial=0))
    table = _lower_tails(-(-(largest + 1) // STEP) * STEP, chance)
    return table[people, np.clip(count, 0, people)]


def sign_test(above: Any, below: Any) -> Any:
    """Two-sided exact sign test: the chance that random signs split at least
    as unevenly as ``above`` against ``below`` (1 when nobody moved)."""
    above = np.asarray(above, dtype=np.int64)
    below = np.asarray(below, dtype=np.int64)
    tail = lower_tail(np.minimum(above, below), above + below, 0.5)
    return np.minimum(2 * tail, 1.0)


def fewest_by_chance(people: Any, chance: float, level: float) -> Any:
    """The largest count that random answering stays at or under with a chance
    of at most ``level`` (never below 0, so "nobody" always counts as few)."""
    people = np.asarray(people, dtype=np.int64)
    largest = int(people.max(initial=0))
    table = _lower_tails(-(-(largest + 1) // STEP) * STEP, chance)
    rows = table[people]
    below = (rows <= level).sum(axis=-1) - 1
    return np.maximum(below, 0)
