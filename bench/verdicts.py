"""How often each alignment verdict, gap and headline is wrong, per room size.

Simulates many rooms at once as answer counts (one row per room) and asks
``verdicts`` what it would project for each:

- random rooms: every person picks every point with equal chance. Any verdict
  other than "views spread widely" or "too few answers to tell" is a false one.
- two-camp rooms (the definition in ``facilitate.activities.alignment.verdicts``):
  how often "split into two camps" is found; also for looser camps, and for
  *end camps*: half the room (n // 2) answering 1 or 2 at random and the rest
  the top two points (4-5 on 5 points, 6-7 on 7).
- one-peak rooms: everyone around one point; how often they read as spread
  (or split), which would be a false "views spread widely".
- one-outlier rooms: all but one around one end, one person on the far end point;
  few-apart rooms: the same with 2 up to just under a quarter of the room on
  the far end point (none exist at 8 people, where 2 is a quarter: a camp).
- practices, as the display judges them: a 7-point spectrum and 5-point now and
  vision per person, all random, or all around one peak with now and vision
  drawn alike (no true gap). The label reads the more telling scale, the gap is
  the paired sign test, and the headline is what the practice's prompt claims.
  Every false claim is counted per practice; "room" is how often the headline
  of a room of 24 such practices (the list's length) claims something false.
  "gap found": one-peak practices whose vision sits a point above now.

Usage: python bench/verdicts.py [--rooms N] [--seed S] [--docstring]
(``--docstring`` prints only the sizes kept in the verdicts module's table).
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Iterable

import numpy as np

from facilitate.activities.alignment.agreement import consensus
from facilitate.activities.alignment.prompts import headline_claim, tension_of
from facilitate.activities.alignment.verdicts import (
    BROAD,
    LEANING,
    MINORITY,
    OUTLIER,
    SPLIT,
    SPREAD,
    clear_gaps,
    combine,
    verdicts,
)

SCALES = (5, 7)
SIZES = range(3, 251)
SHORT_SIZES = (3, 7, 8, 9, 10, 12, 15, 20, 30, 50, 100, 250)
ROOMS = 20_000
SEED = 2024
PRACTICES_PER_ROOM = 24
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


def end_camp_rooms(rng: np.random.Generator, rooms: int, people: int, points: int):
    """Half the room at 1 or 2, the rest at the top two points, at random."""
    counts = np.zeros((rooms, points), dtype=np.int64)
    low = rng.binomial(people // 2, 0.5, rooms)
    high = rng.binomial(people - people // 2, 0.5, rooms)
    counts[:, 0], counts[:, 1] = low, people // 2 - low
    counts[:, -1], counts[:, -2] = high, people - people // 2 - high
    return counts


def one_peak_rooms(rng: np.random.Generator, rooms: int, people: int, points: int):
    """Everyone around one point anywhere on the scale."""
    chances = point_chances(
        rng.uniform(0, 1, rooms), rng.uniform(*PEAK_SPREAD, rooms), points
    )
    return rng.multinomial(people, chances)


def apart_rooms(
    rng: np.random.Generator, rooms: int, people: int, points: int, few: np.ndarray
):
    """All but ``few`` in one camp at one end, the few on the far end point."""
    chances = point_chances(
        rng.uniform(0, CAMP_CENTRE, rooms), rng.uniform(*CAMP_SPREAD, rooms), points
    )
    counts = rng.multinomial(people - few, chances)
    counts[:, -1] += few
    flip = rng.random(rooms) < 0.5
    counts[flip] = counts[flip, ::-1]
    return counts


def few_apart_rooms(rng: np.random.Generator, rooms: int, people: int, points: int):
    """2 up to just under a quarter of the room apart; None when none fit."""
    most = math.ceil(people / 4) - 1
    if most < 2:
        return None
    return apart_rooms(rng, rooms, people, points, rng.integers(2, most + 1, rooms))


def answers(rng: np.random.Generator, chances: np.ndarray, people: int) -> np.ndarray:
    """Each person's answer (0-based) per room, drawn from the room's chances."""
    cumulative = np.cumsum(chances, axis=1)[:, np.newaxis, :-1]
    draws = rng.random((len(chances), people, 1))
    return (draws > cumulative).sum(axis=2)


def tally(values: np.ndarray, points: int) -> np.ndarray:
    """Answer counts per room from 0-based answers (rooms x people)."""
    offset = (np.arange(len(values)) * points)[:, np.newaxis]
    flat = np.bincount((values + offset).ravel(), minlength=len(values) * points)
    return flat.reshape(len(values), points)


def practices(rng: np.random.Generator, rooms: int, people: int, kind: str):
    """Spectrum, vision and vision-minus-now counts of simulated practices.

    ``kind``: "random", "peak" (now and vision around the same point) or "gap"
    (around one point, the vision a point above now).
    """
    if kind == "random":
        flat = np.full((rooms, 5), 0.2)
        spectrum = random_rooms(rng, rooms, people, 7)
        now, vision = answers(rng, flat, people), answers(rng, flat, people)
        return spectrum, tally(vision, 5), tally(vision - now + 4, 9)
    spectrum = one_peak_rooms(rng, rooms, people, 7)
    spread = rng.uniform(*PEAK_SPREAD, rooms)
    centre = rng.uniform(0, 0.75 if kind == "gap" else 1, rooms)
    now = answers(rng, point_chances(centre, spread, 5), people)
    ahead = centre + (0.25 if kind == "gap" else 0)
    vision = answers(rng, point_chances(ahead, spread, 5), people)
    return spectrum, tally(vision, 5), tally(vision - now + 4, 9)


def share(said: np.ndarray, *labels: str) -> float:
    return float(np.isin(said, labels).mean())


def scale_rates(
    rng: np.random.Generator, points: int, people: int, rooms: int
) -> dict[str, float]:
    """Every rate for one scale and room size."""
    said = verdicts(random_rooms(rng, rooms, people, points))
    few = few_apart_rooms(rng, rooms, people, points)
    peaks = verdicts(one_peak_rooms(rng, rooms, people, points))
    lone = apart_rooms(rng, rooms, people, points, np.ones(rooms, dtype=np.int64))
    return {
        "split": share(said, SPLIT),
        "outlier": share(said, OUTLIER),
        "few": share(said, MINORITY),
        "leaning": share(said, LEANING),
        "broad": share(said, BROAD),
        "peak shape": share(peaks, SPLIT, OUTLIER, MINORITY),
        "peak spread": share(peaks, SPREAD, SPLIT),
        "camps": share(verdicts(two_camp_rooms(rng, rooms, people, points)), SPLIT),
        "looser": share(
            verdicts(
                two_camp_rooms(rng, rooms, people, points, LOOSE_CENTRE, LOOSE_SPREAD)
            ),
            SPLIT,
        ),
        "ends": share(verdicts(end_camp_rooms(rng, rooms, people, points)), SPLIT),
        "lone found": share(verdicts(lone), OUTLIER),
        "few found": math.nan if few is None else share(verdicts(few), MINORITY),
    }


def judged(spectrum: np.ndarray, vision: np.ndarray, differences: np.ndarray):
    """Label, whether it came from the vision scale, the clear gaps, the
    spectrum's own verdict, and each practice's tension, as the display has them."""
    spectrum_said, vision_said = verdicts(spectrum), verdicts(vision)
    label, _ = combine(
        spectrum_said, vision_said, consensus(spectrum), consensus(vision)
    )
    clear = clear_gaps(differences)
    gap = (differences * np.arange(-4, 5)).sum(axis=1) / differences.sum(axis=1)
    tension = tension_of(consensus(spectrum), consensus(vision), gap, clear)
    return label, clear, spectrum_said, tension


def room_headline(false: np.ndarray, claims: np.ndarray, tension: np.ndarray):
    """Share of rooms of PRACTICES_PER_ROOM practices whose headline (the most
    tense practice that may lead) claims something false."""
    rooms = len(false) // PRACTICES_PER_ROOM * PRACTICES_PER_ROOM
    shape = (-1, PRACTICES_PER_ROOM)
    ranked = np.where(claims[:rooms], tension[:rooms], -np.inf).reshape(shape)
    leader = ranked.argmax(axis=1)
    some = np.isfinite(ranked.max(axis=1))
    wrong = false[:rooms].reshape(shape)[np.arange(len(leader)), leader]
    return float((some & wrong).mean())


def practice_rates(
    rng: np.random.Generator, people: int, rooms: int
) -> dict[str, float]:
    """False claims on random and one-peak practices; true gaps found."""
    rates: dict[str, float] = {}
    for kind, wrong in (
        ("random", (SPLIT, OUTLIER, MINORITY, LEANING, BROAD)),
        ("peak", (SPLIT, OUTLIER, MINORITY, SPREAD)),
    ):
        label, clear, spectrum_said, tension = judged(
            *practices(rng, rooms, people, kind)
        )
        claims = headline_claim(label, clear)
        false = claims & (np.isin(label, wrong) | clear)
        for name in ("split", "outlier", "few", "leaning", "broad", "spread"):
            rates[f"{kind} {name}"] = share(label, NAMES[name])
        rates[f"{kind} gap"] = float(clear.mean())
        rates[f"{kind} headline"] = float(false.mean())
        rates[f"{kind} spectrum"] = share(spectrum_said, SPLIT, OUTLIER, MINORITY)
        rates[f"{kind} room"] = room_headline(false, claims, tension)
    _, clear, _, _ = judged(*practices(rng, rooms, people, "gap"))
    rates["gap found"] = float(clear.mean())
    return rates


NAMES = {
    "split": SPLIT,
    "outlier": OUTLIER,
    "few": MINORITY,
    "leaning": LEANING,
    "broad": BROAD,
    "spread": SPREAD,
}


def simulate(
    sizes: Iterable[int] = SIZES, rooms: int = ROOMS, seed: int = SEED
) -> tuple[dict[tuple[int, int], dict[str, float]], dict[int, dict[str, float]]]:
    """Rates per (scale, size), and practice rates per size."""
    rng = np.random.default_rng(seed)
    scales, practice = {}, {}
    for people in sizes:
        for points in SCALES:
            scales[points, people] = scale_rates(rng, points, people, rooms)
        practice[people] = practice_rates(rng, people, rooms)
    return scales, practice


SCALE_COLUMNS = (
    "split", "outlier", "few", "leaning", "broad", "peak shape", "peak spread",
    "camps", "looser", "ends", "lone found", "few found",
)  # fmt: skip
PRACTICE_COLUMNS = (
    "random split", "random outlier", "random few", "random leaning",
    "random broad", "random gap", "random headline", "random spectrum",
    "random room", "peak split", "peak outlier", "peak few", "peak spread",
    "peak gap", "peak headline", "peak spectrum", "peak room", "gap found",
)  # fmt: skip


def percent(value: float, width: int) -> str:
    return f"{'-':>{width}}" if math.isnan(value) else f"{100 * value:{width}.1f}"


def heading(columns: Iterable[str], first: str) -> str:
    """Column names set over two lines, each right-aligned in 7 characters."""
    words = [name.split(" ", 1) if " " in name else ["", name] for name in columns]
    top = first[0] + "".join(f"{a:>7}" for a, _ in words)
    return f"{top}\n{first[1]}" + "".join(f"{b:>7}" for _, b in words)


def table(
    scales: dict[tuple[int, int], dict[str, float]],
    practice: dict[int, dict[str, float]],
    sizes: Iterable[int],
) -> str:
    """Percentages: one row per scale and size, then one per size for practices."""
    wanted = sorted(set(sizes) & set(practice))
    lines = [heading(SCALE_COLUMNS, ("             ", "people scale "))]
    for points in SCALES:
        for n in wanted:
            cells = "".join(percent(scales[points, n][c], 7) for c in SCALE_COLUMNS)
            lines.append(f"{n:6d} {points}-pt {cells}")
    lines += ["", heading(PRACTICE_COLUMNS, ("      ", "people"))]
    for n in wanted:
        cells = "".join(percent(practice[n][c], 7) for c in PRACTICE_COLUMNS)
        lines.append(f"{n:6d}{cells}")
    return "\n".join(lines)


FALSE_SCALE = ("split", "outlier", "few", "leaning", "broad", "peak shape")
FALSE_PRACTICE = tuple(
    c for c in PRACTICE_COLUMNS if c not in ("gap found", "random room", "peak room")
)


def worst(
    scales: dict[tuple[int, int], dict[str, float]],
    practice: dict[int, dict[str, float]],
) -> str:
    """The bounds the verdicts promise, checked over every simulated size from 8."""
    lines = []
    for points in SCALES:
        mine = {n: r for (p, n), r in scales.items() if p == points and n >= 8}
        false, at, name = max(
            (r[c], n, c) for n, r in mine.items() for c in FALSE_SCALE
        )
        ends, low = min((r["ends"], n) for n, r in mine.items() if n >= 12)
        lines.append(
            f"{points}-point: worst false verdict {100 * false:.1f}% ({name}, {at} "
            f"people); fewest end camps found from 12 people {100 * ends:.1f}% ({low})"
        )
    false, at, name = max(
        (r[c], n, c) for n, r in practice.items() if n >= 8 for c in FALSE_PRACTICE
    )
    lines.append(
        f"practices: worst false claim {100 * false:.1f}% ({name}, {at} people)"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=ROOMS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--docstring", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    sizes = SHORT_SIZES if args.docstring else tuple(SIZES)
    scales, practice = simulate(sizes, args.rooms, args.seed)
    print(f"{args.rooms:,} rooms per size and scale, seed {args.seed}; percent")
    print(table(scales, practice, sizes))
    print(worst(scales, practice))
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
