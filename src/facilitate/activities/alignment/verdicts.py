"""Plain-language verdicts on a room's answers, with lines drawn from measured errors.

A projected "split into two camps" that is not true sends a room into the wrong
conversation. So each verdict is said only where simulation shows it is rarely
wrong, and the lines are set per scale (5- and 7-point) and per room size.
``bench/verdicts.py`` runs the simulation and prints every size from 3 to 250;
a test runs it small for 8, 12, 30 and 250 people.

What "wrong" means, per verdict:

- A *random room*: every person picks every point with equal chance. It has no
  camps, no outlier and no agreement, so "split into two camps", "one outlier",
  "leaning the same way" or "broad agreement" said of it is a false verdict.
  Each stays at or under 10% for every size on both scales.
- "views spread widely" is false of a room that agrees: a *one-peak room*,
  everyone around one point anywhere on the scale (a rounded normal, spread 5-15%
  of the range), read as spread (or split).
- "split into two camps" must find *real two-camp rooms* from 8 people up, at
  least 90% of them. Two groups, each at least a quarter of the room (the first
  camp's share drawn from 25-75%); each person answers a rounded normal centred
  within the outer tenth of the scale at their camp's end (1.0-1.4 or 4.6-5.0 on
  5 points, 1.0-1.6 or 6.4-7.0 on 7) with a spread (sd) of 5-10% of the range
  (0.2-0.4 points on 5, 0.3-0.6 on 7). So nearly everyone answers their end
  point or the one next to it. Looser camps (centres within the outer fifth,
  spread up to 15%) are real too, but 8 answers on a 5-point scale cannot tell
  them from random answering: the best possible test (a likelihood ratio against
  the simulation's own camps) finds 61% of them at this false-split rate (6%),
  and 75% even at 10%. The table shows how often they are found ("looser").
- "one outlier" is measured on rooms where all but one person form one such
  camp and one person answers the far end point.
- A practice is judged on both its scales and reads the more telling verdict
  (``combine``), so a random practice has two chances to be called split. The
  split lines keep random rooms under about 6% on the 5-point scale and 2.5% on
  the 7-point scale, so a practice stays under 10% too ("practice false").

The rules, for n answers on an m-point scale. Lines tighten as 1/sqrt(n) in
small rooms, since by about that much a random room's statistics wander:

1. Fewer than 8 answers: "too few answers to tell". With 7, the best lines
   found keep false splits under the bound but find only 90.8% (7-point) and
   90.0% (5-point) of real camps, too close to call, so both scales start at 8,
   the size the bound is promised from.
2. "one outlier": one answer alone at one end, at least half the scale from
   every other answer (2 points on 5, 3 on 7), and the others agree:
   r_wg of the rest >= max(0.5, 2 / sqrt(n - 1)).
3. "split into two camps": at least two people on each side of the middle
   point; fewer on the middle point than random answering leaves there, by k
   standard errors (share <= 1/m - k sqrt((1/m)(1 - 1/m) / n)); more spread
   than random answering (r_wg < -c / sqrt(n)); and a bimodality above that of
   evenly spread answers by beta / sqrt(n). (beta, c, k) = (0.55, 0.4, 1.4) on
   5 points and (0.80, 0, 1.0) on 7, found by a grid search on a separate
   simulation: the most real camps found from 8 people up while random rooms
   read as split at most 6% (5-point) and 3% (7-point) of the time at any size.
4. "broad agreement": r_wg >= max(0.7, 1.5 / sqrt(n)); 0.7 is the usual line
   for strong agreement (LeBreton & Senter, 2008).
5. "leaning the same way": r_wg >= max(0.5, 1.5 / sqrt(n)) (moderate agreement).
6. Otherwise "views spread widely".

Measured with ``python bench/verdicts.py`` (20,000 rooms per size and scale,
seed 2024; percentages of rooms; "practice false" is the most frequent false
verdict for random practices of that size, on both scales at once):

            false verdict on random rooms %         found %         one peak practice
people scale   split outlier leaning   broad   camps  looser outlier  spread  false %
     3 5-pt     0.0     0.0     0.0     0.0     0.0     0.0     0.0     0.0      0.0
     5 5-pt     0.0     0.0     0.0     0.0     0.0     0.0     0.0     0.0      0.0
     6 5-pt     0.0     0.0     0.0     0.0     0.0     0.0     0.0     0.0      0.0
     7 5-pt     0.0     0.0     0.0     0.0     0.0     0.0     0.0     0.0      0.0
     8 5-pt     5.9     2.7     4.0     2.0    94.6    55.6   100.0     0.2      8.2
     9 5-pt     5.7     2.9     5.4     0.9    96.7    60.4   100.0     0.1      7.9
    10 5-pt     4.7     1.8     4.7     0.6    97.6    62.1   100.0     0.1      6.7
    12 5-pt     3.5     1.2     3.3     0.2    98.1    63.6   100.0     0.0      5.3
    15 5-pt     2.0     0.5     1.5     0.1    99.0    64.7   100.0     0.0      3.3
    20 5-pt     3.5     0.0     0.5     0.0    99.5    71.7   100.0     0.0      5.3
    30 5-pt     2.6     0.0     0.1     0.0    99.9    75.6   100.0     0.0      4.2
    50 5-pt     4.7     0.0     0.0     0.0    99.9    79.2   100.0     0.0      6.0
   100 5-pt     4.2     0.0     0.0     0.0   100.0    80.3   100.0     0.0      5.3
   250 5-pt     4.3     0.0     0.0     0.0   100.0    82.1   100.0     0.0      5.4
     3 7-pt     0.0     0.0     0.0     0.0     0.0     0.0     0.0     0.0      0.0
     5 7-pt     0.0     0.0     0.0     0.0     0.0     0.0     0.0     0.0      0.0
     6 7-pt     0.0     0.0     0.0     0.0     0.0     0.0     0.0     0.0      0.0
     7 7-pt     0.0     0.0     0.0     0.0     0.0     0.0     0.0     0.0      0.0
     8 7-pt     2.5     2.1     5.3     1.7    96.4    63.0   100.0     0.3      8.2
     9 7-pt     2.4     1.7     5.5     1.1    97.5    67.8   100.0     0.1      7.9
    10 7-pt     2.1     1.2     3.9     0.7    98.4    69.8   100.0     0.1      6.7
    12 7-pt     1.8     0.8     2.7     0.3    99.6    75.8   100.0     0.0      5.3
    15 7-pt     1.3     0.1     1.5     0.1    99.9    79.5   100.0     0.0      3.3
    20 7-pt     1.9     0.0     0.5     0.0   100.0    86.3   100.0     0.0      5.3
    30 7-pt     1.6     0.0     0.1     0.0   100.0    90.6   100.0     0.0      4.2
    50 7-pt     1.4     0.0     0.0     0.0   100.0    92.5   100.0     0.0      6.0
   100 7-pt     1.2     0.0     0.0     0.0   100.0    93.1   100.0     0.0      5.3
   250 7-pt     1.1     0.0     0.0     0.0   100.0    93.4   100.0     0.0      5.4

Over every size from 8 to 250:
5-point: worst false verdict 5.9% (8 people), fewest camps found 94.6% (8 people)
7-point: worst false verdict 5.5% (9 people), fewest camps found 96.4% (8 people)
practices (both scales): worst false verdict 8.2% (8 people)
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
