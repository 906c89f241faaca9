"""Plain-language verdicts on a room's answers, with lines drawn from measured errors.

A projected "split into two camps" that is not true sends a room into the wrong
conversation. So each verdict, and each gap between "now" and "vision", is said
only where simulation shows it is rarely wrong; the lines are set per scale (5-
and 7-point) and per room size. ``bench/verdicts.py`` runs the simulation and
prints every size from 3 to 250; a test runs it for 8, 12 and 30 people.

What "wrong" means (the rooms are defined in the benchmark):

- A *random room* (every point equally likely) has no camps, no one apart and
  no agreement: any verdict but "views spread widely" is false. A *one-peak
  room* (everyone around one point, spread 5-15% of the range) agrees: a shape
  or "views spread widely" is false. Each phrase stays at or under 10% of
  practices from 8 people up, judged as the display judges a practice: both
  scales (the more telling verdict speaks, ``combine``), the gap, and the
  headline, which may lead with a practice only for two camps or a clear gap.
- "split into two camps" must find *real camps* (each at least a quarter of the
  room, answering their end point or the next) from 8 people up, 90% or more,
  and *end camps* (half the room at 1-2 and half at the top two points) from 12
  people up, 80% or more. On 5 points 12 answers cannot tell end camps from
  random answering that left the middle empty (a 7% chance), so from 12 the
  split rule relies on that hollow middle and drops the bimodality line.
- "one outlier" and "a few see it differently" (2 up to a quarter of the room at
  the far end point, all others in one camp) must be found too.
- The gap is a paired test: a two-sided exact sign test on each person's vision
  minus now (``GAP_LEVEL``), from 8 pairs, of at least half a point.

The rules, for n answers on an m-point scale:

1. Fewer than 8 answers: "too few answers to tell", and no gap is named.
2. "one outlier": one answer alone at one end, at least half the scale from
   every other answer (2 points on 5, 3 on 7), and the others agree: r_wg of the
   rest >= max(0.5, 2.2 / sqrt(n - 1)). "a few see it differently": the same
   for 2 answers up to just under a quarter of the room.
3. "split into two camps": at least a quarter of the room (5 points; two people
   on 7) on each side of the middle point; on it, no more than random answering
   leaves there with a chance of ``split_middle`` (an exact binomial tail, never
   fewer than nobody); r_wg < -c / sqrt(n); and, below ``large_room`` answers,
   a bimodality above that of evenly spread answers by beta / sqrt(n). (beta, c)
   = (0.6, 0.8) under 12 answers and c = 0.2 from 12 on 5 points (middle 5%);
   (0.8, 0) on 7 (middle 10%). Found by grid searches on separate simulations:
   on 5 points the most end camps from 12 with every size's false splits under
   6%; under 12 the fewest false splits that still find 92% of real camps; on 7
   points the earlier lines (the middle tested as on 5 points), which find
   every end camp.
4. "broad agreement": r_wg >= max(0.7, 1.5 / sqrt(n)); 0.7 is the usual line
   for strong agreement (LeBreton & Senter, 2008).
5. "leaning the same way": r_wg >= max(0.5, 1.5 / sqrt(n)) (moderate agreement).
6. Otherwise "views spread widely".

Measured with ``python bench/verdicts.py`` (20,000 rooms per size and scale,
seed 2024; percent). Per scale, then per practice ("head.": the practice's
headline claim is false; "spect.": the spectrum view's question names a shape;
"room": a room of 24 such practices gets a false headline; "gap found": a true
one-point gap, around one peak, is named):

              false on random rooms %          one peak %     found %
people scale split outl.   few  lean. broad  shape spread  camps   ends    one    few
     8 5-pt   6.0   1.7   0.0   4.2   1.9   0.2   0.2   93.2   37.1   99.9      -
     9 5-pt   3.1   1.1   2.6   5.5   0.9   0.2   0.1   92.9   30.3   99.8   99.9
    10 5-pt   3.6   1.3   1.5   4.4   0.5   0.1   0.0   95.9   42.1  100.0   99.9
    12 5-pt   5.2   1.0   1.1   3.2   0.2   0.1   0.0   99.1   91.8  100.0  100.0
    15 5-pt   2.8   0.3   2.0   1.5   0.1   0.1   0.0   99.4   92.5  100.0  100.0
    20 5-pt   1.0   0.0   0.8   0.5   0.0   0.1   0.0   99.6   94.2  100.0  100.0
    30 5-pt   3.5   0.0   0.1   0.1   0.0   0.0   0.0   99.9   95.1  100.0  100.0
    50 5-pt   4.1   0.0   0.0   0.0   0.0   0.0   0.0   99.9   99.0  100.0  100.0
   100 5-pt   4.1   0.0   0.0   0.0   0.0   0.0   0.0  100.0   99.9  100.0  100.0
   250 5-pt   4.2   0.0   0.0   0.0   0.0   0.0   0.0  100.0  100.0  100.0  100.0
     8 7-pt   2.4   1.0   0.0   4.6   1.9   0.0   0.2   96.5  100.0   99.8      -
     9 7-pt   2.1   0.9   1.3   5.6   1.1   0.0   0.1   97.4  100.0  100.0   99.8
    10 7-pt   2.0   0.8   1.2   4.2   0.7   0.0   0.1   98.4  100.0  100.0  100.0
    12 7-pt   1.7   0.5   0.7   2.9   0.3   0.0   0.0   99.6  100.0  100.0  100.0
    15 7-pt   1.3   0.1   0.6   1.6   0.1   0.0   0.0   99.9  100.0  100.0  100.0
    20 7-pt   0.8   0.0   0.1   0.6   0.0   0.0   0.0   99.9  100.0  100.0  100.0
    30 7-pt   0.9   0.0   0.0   0.1   0.0   0.0   0.0  100.0  100.0  100.0  100.0
    50 7-pt   0.9   0.0   0.0   0.0   0.0   0.0   0.0  100.0  100.0  100.0  100.0
   100 7-pt   1.0   0.0   0.0   0.0   0.0   0.0   0.0  100.0  100.0  100.0  100.0
   250 7-pt   0.9   0.0   0.0   0.0   0.0   0.0   0.0  100.0  100.0  100.0  100.0

       false claims on random practices %      one peak %      room %      gap
people split outl.   few   gap  head. spect. spread  gap  head. random  peak found
     8   8.0   2.7   0.0   1.5   9.5   3.5   0.6   0.2   0.2  92.0   4.6  69.6
     9   5.3   2.0   3.8   1.9   7.1   4.3   0.2   0.4   0.4  81.3   8.8  80.9
    10   5.6   1.9   2.5   2.0   7.5   3.7   0.1   0.6   0.6  84.3  13.4  87.4
    12   7.1   1.4   1.6   2.3   9.3   3.0   0.0   0.9   0.9  89.1  20.4  94.2
    15   4.0   0.6   2.4   2.2   6.2   1.8   0.0   0.6   0.6  80.9  13.1  97.8
    20   1.9   0.1   1.0   2.8   4.7   1.0   0.0   0.4   0.4  68.1   8.3  99.6
    30   4.6   0.0   0.2   2.9   7.4   0.9   0.0   0.1   0.1  84.4   1.3  99.9
    50   5.0   0.0   0.0   2.7   7.6   1.0   0.0   0.0   0.0  84.6   0.0 100.0
   100   5.1   0.0   0.0   1.0   6.1   0.9   0.0   0.0   0.0  77.1   0.0 100.0
   250   4.7   0.0   0.0   0.0   4.7   0.9   0.0   0.0   0.0  68.1   0.0 100.0

Over every size from 8 to 250: false verdicts at most 6.0% (5-point split at 8)
and 5.6% (7-point leaning at 9); end camps found from 12 people at least 86.6%
(5-point, 13 people) and 100% on 7 points; false claims per practice at most
9.5% (the headline at 8 people). A room's headline picks the most tense of its
practices that earned a claim, so with 24 random practices one usually has:
the "room" column is the price of 24 chances, not of any one phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from facilitate.activities.alignment.agreement import bimodality, rwg
from facilitate.activities.alignment.chance import fewest_by_chance, sign_test

SPLIT = "split into two camps"
OUTLIER = "one outlier"
MINORITY = "a few see it differently"
SPREAD = "views spread widely"
LEANING = "leaning the same way"
BROAD = "broad agreement"
TOO_FEW = "too few answers to tell"
#: Most telling first: a practice judged on two scales reads the more telling one.
VERDICTS = (SPLIT, OUTLIER, MINORITY, SPREAD, LEANING, BROAD, TOO_FEW)
#: Verdicts that claim a shape in the answers; the rest say none was found.
SHAPES = (SPLIT, OUTLIER, MINORITY)
#: Values this close to a line count as on it: 0.7 computed as 0.69999999999 is 0.7.
TOLERANCE = 1e-9
#: Conventional r_wg lines (LeBreton & Senter, 2008): moderate and strong agreement.
LEANING_RWG = 0.5
BROAD_RWG = 0.7
#: A gap is named when a sign test puts it beyond chance at this level, and it is
#: at least this many points: a clear half point is worth a conversation.
GAP_LEVEL = 0.05
GAP_SMALLEST = 0.5
#: Vision minus now runs from -4 to +4 on two 5-point scales.
GAP_VALUES = np.arange(-4, 5)


@dataclass(frozen=True)
class ScaleRules:
    """Where the lines sit on one scale; most tighten as 1/√n in small rooms.

    ``fewest``: below this many answers no verdict meets its error bounds.
    A split needs at least ``split_share`` of the room (and two people) on each
    side of the middle point, no more on the middle point than random answering
    leaves there with a chance of ``split_middle``, and r_wg below -c/√n. Under
    ``large_room`` answers (always, when None) c is ``split_spread`` and the
    bimodality must also clear the uniform distribution's by
    ``split_bimodality``/√n; from ``large_room`` up c is ``split_spread_large``.
    ``leaning``, ``broad`` and ``outlier`` (z): r_wg (of everyone, or of all but
    the outlier or the few) at least the conventional line or z/√n, whichever
    is higher.
    """

    points: int
    fewest: int
    split_middle: float
    split_share: float
    split_bimodality: float
    split_spread: float
    large_room: int | None
    split_spread_large: float
    leaning: float
    broad: float
    outlier: float

    @property
    def uniform_bimodality(self) -> float:
        """Bimodality of answers spread evenly over the points (1 / kurtosis)."""
        squares = self.points**2
        return 5 * (squares - 1) / (3 * (3 * squares - 7))

    @property
    def outlier_gap(self) -> float:
        """How far a lone answer (or a few) sits from all others to stand apart:
        half the scale (2 points on a 5-point scale, 3 on a 7-point scale)."""
        return (self.points - 1) / 2

    def leaning_line(self, answers: Any) -> Any:
        return np.maximum(LEANING_RWG, self.leaning / np.sqrt(answers))

    def outlier_line(self, answers: Any) -> Any:
        return np.maximum(LEANING_RWG, self.outlier / np.sqrt(answers))

    def broad_line(self, answers: Any) -> Any:
        return np.maximum(BROAD_RWG, self.broad / np.sqrt(answers))

    def large(self, answers: Any) -> Any:
        """Rooms where the split rule drops its bimodality line."""
        if self.large_room is None:
            return np.zeros(np.shape(answers), dtype=bool)
        return np.asarray(answers) >= self.large_room


RULES = {
    5: ScaleRules(
        points=5,
        fewest=8,
        split_middle=0.05,
        split_share=0.25,
        split_bimodality=0.6,
        split_spread=0.8,
        large_room=12,
        split_spread_large=0.2,
        leaning=1.5,
        broad=1.5,
        outlier=2.2,
    ),
    7: ScaleRules(
        points=7,
        fewest=8,
        split_middle=0.10,
        split_share=0.0,
        split_bimodality=0.80,
        split_spread=0.0,
        large_room=None,
        split_spread_large=0.0,
        leaning=1.5,
        broad=1.5,
        outlier=2.2,
    ),
}


def rules_for(points: int) -> ScaleRules:
    """The rules of a ``points``-point scale, or an error saying which exist."""
    if points not in RULES:
        known = " and ".join(f"{p}-point" for p in sorted(RULES))
        raise ValueError(
            f"There are no verdict rules for a {points}-point scale, only for "
            f"{known} scales. Measure one with bench/verdicts.py and add it to RULES."
        )
    return RULES[points]


def at_least(values: Any, line: Any) -> Any:
    """``values >= line``, counting values within TOLERANCE of the line as on it."""
    return np.asarray(values) >= np.asarray(line) - TOLERANCE


def verdicts(counts: Any) -> Any:
    """The verdict on each row of answer counts (scale points as columns).

    Returns an object array of the strings above, shaped like the rows.
    """
    counts = np.asarray(counts, dtype=float)
    rows = counts.reshape(-1, counts.shape[-1])
    rules = rules_for(rows.shape[1])
    answers = rows.sum(axis=1)
    agreement = rwg(rows)
    said = np.full(len(rows), SPREAD, dtype=object)
    with np.errstate(divide="ignore", invalid="ignore"):  # rows nobody answered
        said[at_least(agreement, rules.leaning_line(answers))] = LEANING
        said[at_least(agreement, rules.broad_line(answers))] = BROAD
        said[two_camps(rows, rules, agreement)] = SPLIT
        said[few_apart(rows, rules)] = MINORITY
        said[one_outlier(rows, rules)] = OUTLIER
    said[answers < rules.fewest] = TOO_FEW
    return said.reshape(counts.shape[:-1])


def verdict(counts: Any) -> str:
    """The verdict on one practice's answer counts."""
    return str(verdicts(np.asarray(counts, dtype=float)[np.newaxis])[0])


def two_camps(rows: np.ndarray, rules: ScaleRules, agreement: Any) -> Any:
    """Enough people on each side of the middle point, fewer on it than random
    answering leaves there, answers spread further than random answering and,
    in smaller rooms, a bimodality clear of random answering's."""
    answers = rows.sum(axis=1)
    half = rules.points // 2
    low, high = rows[:, :half].sum(axis=1), rows[:, -half:].sum(axis=1)
    camp = np.maximum(2, np.ceil(rules.split_share * answers - TOLERANCE))
    middle = fewest_by_chance(answers, 1 / rules.points, rules.split_middle)
    hollow = rows[:, half] <= middle
    large = rules.large(answers)
    root = np.sqrt(answers)
    line = np.where(large, rules.split_spread_large, rules.split_spread) / root
    spread = ~at_least(agreement, -line)
    peaks = large | at_least(
        np.nan_to_num(bimodality(rows)),
        rules.uniform_bimodality + rules.split_bimodality / root,
    )
    return (np.minimum(low, high) >= camp) & hollow & spread & peaks


def one_outlier(rows: np.ndarray, rules: ScaleRules) -> Any:
    """Exactly one answer at one end, at least ``outlier_gap`` from every other
    answer, and the others agree at least as much as "leaning the same way"."""
    return _apart(rows, rules, 1, 1)


def few_apart(rows: np.ndarray, rules: ScaleRules) -> Any:
    """Two or more answers at one end, fewer than ``split_share`` of the room
    (under a quarter when the scale sets none), at least ``outlier_gap`` from
    every other answer, and the others agree as for "one outlier"."""
    answers = rows.sum(axis=1)
    share = rules.split_share or 0.25
    most = np.ceil(share * answers - TOLERANCE) - 1
    return _apart(rows, rules, 2, most)


def _apart(rows: np.ndarray, rules: ScaleRules, fewest: int, most: Any) -> Any:
    """Rows where ``fewest``..``most`` answers sit at one end, ``outlier_gap``
    or more from every other answer, while the others agree; not both ends."""
    points = rules.points
    gap = int(np.ceil(rules.outlier_gap - TOLERANCE))
    found = np.zeros(len(rows), dtype=bool)
    both = np.zeros(len(rows), dtype=bool)
    rest = rows.copy()
    for reversed_ in (False, True):
        ordered = rows[:, ::-1] if reversed_ else rows
        before = np.cumsum(ordered, axis=1)
        alone = np.zeros(len(rows), dtype=bool)
        for edge in range(points - gap):
            group = before[:, edge]
            after = before[:, edge + gap - 1] - group  # answers too close
            others = before[:, -1] - group
            fits = (group >= fewest) & (group <= most) & (after == 0) & (others > 0)
            fits &= ~alone
            columns = (
                slice(points - 1 - edge, None) if reversed_ else slice(0, edge + 1)
            )
            rest[fits, columns] = 0
            alone |= fits
        both |= found & alone
        found |= alone
    agree = at_least(rwg(rest), rules.outlier_line(rest.sum(axis=1)))
    return found & ~both & agree


def clear_gaps(differences: Any) -> Any:
    """Per row of vision-minus-now counts (-4..+4 as columns): True where the
    gap is named. At least ``fewest`` pairs (as for every verdict), a two-sided
    sign test at ``GAP_LEVEL``, and a mean difference of ``GAP_SMALLEST`` or more.
    """
    rows = np.asarray(differences, dtype=float).reshape(-1, len(GAP_VALUES))
    pairs = rows.sum(axis=1)
    above = rows[:, GAP_VALUES > 0].sum(axis=1)
    below = rows[:, GAP_VALUES < 0].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = (rows * GAP_VALUES).sum(axis=1) / pairs
    clear = (
        (pairs >= rules_for(5).fewest)
        & (sign_test(above, below) <= GAP_LEVEL)
        & at_least(np.abs(np.nan_to_num(mean)), GAP_SMALLEST)
    )
    return clear.reshape(np.shape(differences)[:-1])


def combine(
    spectrum: Any, vision: Any, spectrum_consensus: Any, vision_consensus: Any
) -> tuple[Any, Any]:
    """One verdict per practice from its two scales: the more telling one.

    Returns the verdicts and whether each came from the vision scale. On a tie
    the scale with the lower consensus speaks (vision when equal).
    """
    rank = {label: place for place, label in enumerate(VERDICTS)}
    spectrum_rank = np.array([rank[v] for v in np.ravel(spectrum)])
    vision_rank = np.array([rank[v] for v in np.ravel(vision)])
    lower = ~(np.ravel(spectrum_consensus) < np.ravel(vision_consensus))
    on_vision = (vision_rank < spectrum_rank) | ((vision_rank == spectrum_rank) & lower)
    chosen = np.where(on_vision, np.ravel(vision), np.ravel(spectrum))
    return chosen.astype(object), on_vision
