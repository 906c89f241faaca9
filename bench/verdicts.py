"""How often each alignment verdict is wrong, for every room size and both scales.

Simulates many rooms at once as answer counts (one row per room) and asks
``verdicts`` what it would project for each:

- random rooms: every person picks every point with equal chance. Any verdict
  other than "views spread widely" or "too few answers to tell" is a false one.
- two-camp rooms (the definition in ``facilitate.activities.alignment.verdicts``):
  how often "split into two camps" is found; also for looser camps, for the record.
- one-peak rooms: everyone around one point; how often they read as spread
  (or split), which would be a false "views spread widely".
- one-outlier rooms: all but one around one end, one person at the other end.
- practices: a random room on both scales (7-point spectrum, 5-point vision), as
  the console judges a practice, so the two chances to be wrong add up.

Usage: python bench/verdicts.py [--rooms N] [--seed S] [--docstring]
(``--docstring`` prints only the short table kept in the verdicts module).
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import numpy as np

from facilitate.activities.alignment.agreement import consensus
from facilitate.activities.alignment.verdicts import (
    BROAD,
    LEANING,
    OUTLIER,
    SPLIT,
    SPREAD,
    combine,
    verdicts,
)

SCALES = (5, 7)
SIZES = range(3, 251)
SHORT_SIZES = (3, 5, 6, 7, 8, 9, 10, 12, 15, 20, 30, 50, 100, 250)
ROOMS = 20_000
SEED = 2024
#: Two-camp rooms: camp centre within this share of the range from its end, and
#: spread (sd) within this range, as shares of the scale's range.
CAMP_CENTRE, CAMP_SPREAD = 0.10, (0.05, 0.10)
LOOSE_CENTRE, LOOSE_SPREAD = 0.20, (0.05, 0.15)
PEAK_SPREAD = (0.05, 0.15)
#: The standard normal distribution function on a fine grid, read by interpolation
#: (within 1e-8 of exact, and a hundred times faster than math.erf per value).
_Z = np.linspace(-9, 9, 36_001)
_NORMAL = np.array([0.5 * (1 + math.erf(z / math.sqrt(2))) for z in _Z])


def point_chances(centre: np.ndarray, spread: np.ndarray, points: int) -> np.ndarray:
    """Chance of each point when answers are a rounded normal (range units 0..1)."""
    edges = (np.arange(1, points) - 0.5) / (points - 1)
    z = (edges[np.newaxis, :] - centre[:, np.newaxis]) / spread[:, np.newaxis]
    below = np.interp(z, _Z, _NORMAL)
    ones = np.ones((len(centre), 1))
    return np.diff(np.hstack([0 * ones, below, ones]), axis=1)


def random_rooms(rng: np.random.Generator, rooms: int, people: int, points: int):
    """Every person answers every point with equal chance."""
    return rng.multinomial(people, np.full(points, 1 / points), size=rooms)


def two_camp_rooms(
    rng: np.random.Generator,
    rooms: int,
    people: int,
    points: int,
    centre: float = CAMP_CENTRE,
    spread: tuple[float, float] = CAMP_SPREAD,
):
    """Two camps, each at least a quarter of the room, at opposite ends."""
    smallest = math.ceil(people / 4)
    share = rng.uniform(0.25, 0.75, rooms)
    first = np.clip(np.round(share * people), smallest, people - smallest)
    first = first.astype(np.int64)
    low = point_chances(
        rng.uniform(0, centre, rooms), rng.uniform(*spread, rooms), points
    )
    high = point_chances(
        rng.uniform(1 - centre, 1, rooms), rng.uniform(*spread, rooms), points
    )
    return rng.multinomial(first, low) + rng.multinomial(people - first, high)


def one_peak_rooms(rng: np.random.Generator, rooms: int, people: int, points: int):
    """Everyone around one point anywhere on the scale."""
    chances = point_chances(
        rng.uniform(0, 1, rooms), rng.uniform(*PEAK_SPREAD, rooms), points
    )
    return rng.multinomial(people, chances)


def outlier_rooms(rng: np.random.Generator, rooms: int, people: int, points: int):
    """All but one in one camp at one end, one person on the far end point."""
    chances = point_chances(
        rng.uniform(0, CAMP_CENTRE, rooms), rng.uniform(*CAMP_SPREAD, rooms), points
    )
    counts = rng.multinomial(people - 1, chances)
    counts[:, -1] += 1
    flip = rng.random(rooms) < 0.5
    counts[flip] = counts[flip, ::-1]
    return counts


@dataclass(frozen=True)
class Rates:
    """Shares of simulated rooms, per scale and room size."""

    points: int
    people: int
    false_split: float
    false_outlier: float
    false_leaning: float
    false_broad: float
    camps_found: float
    loose_camps_found: float
    peak_read_spread: float
    outlier_found: float


def share(said: np.ndarray, *labels: str) -> float:
    return float(np.isin(said, labels).mean())


def scale_rates(
    rng: np.random.Generator, points: int, people: int, rooms: int
) -> tuple[Rates, np.ndarray]:
    """Every rate for one scale and room size, and the random rooms' counts."""
    at_random = random_rooms(rng, rooms, people, points)
    said = verdicts(at_random)
    camps = verdicts(two_camp_rooms(rng, rooms, people, points))
    loose = verdicts(
        two_camp_rooms(rng, rooms, people, points, LOOSE_CENTRE, LOOSE_SPREAD)
    )
    peaks = verdicts(one_peak_rooms(rng, rooms, people, points))
    outliers = verdicts(outlier_rooms(rng, rooms, people, points))
    rates = Rates(
        points=points,
        people=people,
        false_split=share(said, SPLIT),
        false_outlier=share(said, OUTLIER),
        false_leaning=share(said, LEANING),
        false_broad=share(said, BROAD),
        camps_found=share(camps, SPLIT),
        loose_camps_found=share(loose, SPLIT),
        peak_read_spread=share(peaks, SPREAD, SPLIT),
        outlier_found=share(outliers, OUTLIER),
    )
    return rates, at_random


def practice_false_verdicts(
    spectrum: np.ndarray, vision: np.ndarray
) -> dict[str, float]:
    """Practices answered at random on both scales, judged as the console does."""
    said, _ = combine(
        verdicts(spectrum), verdicts(vision), consensus(spectrum), consensus(vision)
    )
    return {label: share(said, label) for label in (SPLIT, OUTLIER, LEANING, BROAD)}


def simulate(
    sizes: range | tuple[int, ...] = SIZES, rooms: int = ROOMS, seed: int = SEED
) -> tuple[list[Rates], dict[int, dict[str, float]]]:
    """Rates for every scale and size, and practice-level false verdicts per size.

    A practice pairs the random 7-point rooms with the random 5-point rooms of
    the same size, row by row: the two are drawn independently.
    """
    rng = np.random.default_rng(seed)
    rates: list[Rates] = []
    practices = {}
    for people in sizes:
        per_scale = {p: scale_rates(rng, p, people, rooms) for p in SCALES}
        rates += [per_scale[p][0] for p in SCALES]
        practices[people] = practice_false_verdicts(per_scale[7][1], per_scale[5][1])
    rates.sort(key=lambda r: (r.points, r.people))
    return rates, practices


def percent(value: float, width: int = 7) -> str:
    return f"{100 * value:{width}.1f}"


#: (field, column heading) in print order; the practice column follows.
COLUMNS = (
    ("false_split", "split"),
    ("false_outlier", "outlier"),
    ("false_leaning", "leaning"),
    ("false_broad", "broad"),
    ("camps_found", "camps"),
    ("loose_camps_found", "looser"),
    ("outlier_found", "outlier"),
    ("peak_read_spread", "spread"),
)
HEADING = (
    f"{'':12}{'false verdict on random rooms %':^32}{'found %':^24}"
    f"{'one peak':>8}{'practice':>9}\n"
    "people scale" + "".join(f"{name:>8}" for _, name in COLUMNS) + "  false %"
)


def table(
    rates: list[Rates], practices: dict[int, dict[str, float]], sizes: Iterable[int]
) -> str:
    """One row per scale and size; the practice column repeats per size."""
    wanted = set(sizes)
    lines = [HEADING]
    for row in (r for r in rates if r.people in wanted):
        values = asdict(row)
        cells = "".join(percent(values[key], 8) for key, _ in COLUMNS)
        practice = percent(max(practices[row.people].values()), 9)
        lines.append(f"{row.people:6d} {row.points}-pt{cells}{practice}")
    return "\n".join(lines)


def worst(rates: list[Rates], practices: dict[int, dict[str, float]]) -> str:
    """The bounds the verdicts promise, checked over every simulated size."""
    lines = []
    for points in SCALES:
        mine = [r for r in rates if r.points == points]
        false, at = max(
            (
                max(r.false_split, r.false_outlier, r.false_leaning, r.false_broad),
                r.people,
            )
            for r in mine
        )
        found, low = min((r.camps_found, r.people) for r in mine if r.people >= 8)
        lines.append(
            f"{points}-point: worst false verdict {100 * false:.1f}% ({at} people), "
            f"fewest camps found {100 * found:.1f}% ({low} people)"
        )
    false, at = max((max(v.values()), n) for n, v in practices.items())
    lines.append(
        f"practices (both scales): worst false verdict {100 * false:.1f}% ({at} people)"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=ROOMS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--docstring", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    rates, practices = simulate(SIZES, args.rooms, args.seed)
    sizes = SHORT_SIZES if args.docstring else tuple(SIZES)
    print(f"{args.rooms:,} rooms per size and scale, seed {args.seed}")
    print(table(rates, practices, sizes))
    print(worst(rates, practices))
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
