"""The verdicts' promised error bounds, checked by the benchmark's own simulation.

A smaller, fixed-seed run of ``bench/verdicts.py``: tens of thousands of
simulated rooms per size and scale, as answer counts, judged in one numpy pass.
Each bound is checked with a margin of MARGIN standard errors of a share
measured on that many rooms, so a rate that only sampling luck kept under its
bound fails here rather than on a real room.
"""

from __future__ import annotations

import math

from bench.verdicts import FALSE_PRACTICE, FALSE_SCALE, simulate

SIZES = (8, 12, 30)  # the tightest sizes (see the verdicts table) and a large room
ROOMS = 40_000
MARGIN = 2.5
#: Shares of rooms: at most FALSE_AT_MOST wrong, at least FOUND_AT_LEAST found.
FALSE_AT_MOST = 0.10
FOUND_AT_LEAST = 0.80


def slack(bound: float) -> float:
    """MARGIN standard errors of a share near ``bound`` measured on ROOMS rooms."""
    return MARGIN * math.sqrt(bound * (1 - bound) / ROOMS)


def test_every_claim_is_rarely_false_and_real_shapes_are_found():
    scales, practices = simulate(SIZES, rooms=ROOMS, seed=17)
    assert sorted(scales) == [(p, n) for p in (5, 7) for n in SIZES]
    most = FALSE_AT_MOST - slack(FALSE_AT_MOST)
    least = FOUND_AT_LEAST + slack(FOUND_AT_LEAST)
    for (points, people), rates in scales.items():
        where = f"{people} people, {points}-point scale"
        for name in FALSE_SCALE:
            assert rates[name] <= most, f"{where}: false {name} {rates[name]}"
        assert rates["peak spread"] <= most, f"{where}: {rates['peak spread']}"
        assert rates["camps"] >= 0.90, f"{where}: camps found {rates['camps']}"
        # half the room at 1-2 and half at the top two points
        if people >= 12:
            assert rates["ends"] >= least, f"{where}: end camps {rates['ends']}"
        if points == 7:
            assert rates["ends"] == 1.0, f"{where}: end camps {rates['ends']}"
        assert rates["lone found"] >= least, f"{where}: {rates['lone found']}"
        if people > 8:  # at 8, two people are a quarter of the room: a camp
            assert rates["few found"] >= least, f"{where}: {rates['few found']}"
    # a practice is judged on both scales, its gap and its headline together
    for people, rates in practices.items():
        for name in FALSE_PRACTICE:
            assert rates[name] <= most, f"practices of {people}: {name} {rates[name]}"
        if people >= 12:  # a one-point gap most of the room shares
            assert rates["gap found"] >= least, f"{people}: {rates['gap found']}"
