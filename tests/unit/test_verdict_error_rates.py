"""The verdicts' promised error bounds, checked by the benchmark's own simulation.

A smaller, fixed-seed run of ``bench/verdicts.py``: thousands of simulated rooms
per size and scale, as answer counts, judged in one numpy pass.
"""

from __future__ import annotations

from bench.verdicts import simulate

SIZES = (8, 12, 30, 250)


def test_random_rooms_rarely_get_a_verdict_and_two_camps_are_found():
    rates, practices = simulate(SIZES, rooms=4_000, seed=17)
    assert [(r.points, r.people) for r in rates] == [
        (points, people) for points in (5, 7) for people in SIZES
    ]
    for r in rates:
        false = {
            "split into two camps": r.false_split,
            "one outlier": r.false_outlier,
            "leaning the same way": r.false_leaning,
            "broad agreement": r.false_broad,
        }
        where = f"{r.people} people, {r.points}-point scale"
        assert max(false.values()) <= 0.10, f"{where}: {false}"
        assert r.camps_found >= 0.90, f"{where}: camps found {r.camps_found}"
        assert r.peak_read_spread <= 0.10, f"{where}: {r.peak_read_spread}"
    # a practice is judged on both scales, so it has two chances to be wrong
    for people, false in practices.items():
        assert max(false.values()) <= 0.10, f"practices of {people}: {false}"
