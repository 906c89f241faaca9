"""Plain-language verdicts on a room's answers, with lines drawn from measured errors.

TABLE-PLACEHOLDER
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from facilitate.activities.alignment.agreement import bimodality, rwg

SPLIT = "split into two camps"
OUTLIER = "one outlier"
SPREAD = "views spread widely"
LEANING = "leaning the same way"
BROAD = "broad agreement"
TOO_FEW = "too few answers to tell"
#: Most telling first: a practice judged on two scales reads the more telling one.
VERDICTS = (SPLIT, OUTLIER, SPREAD, LEANING, BROAD, TOO_FEW)
#: Values this close to a line count as on it: 0.7 computed as 0.69999999999 is 0.7.
TOLERANCE = 1e-9
#: Conventional r_wg lines (LeBreton & Senter, 2008): moderate and strong agreement.
LEANING_RWG = 0.5
BROAD_RWG = 0.7


@dataclass(frozen=True)
class ScaleRules:
    """Where the lines sit on one scale; each tightens as 1/√n in small rooms.

    ``fewest``: below this many answers no verdict meets its error bounds.
    ``split_bimodality`` (β) and ``split_spread`` (c): a split needs bimodality at
    least the uniform distribution's plus β/√n and r_wg below -c/√n.
    ``leaning`` and ``broad`` (z): r_wg at least the conventional line or z/√n,
    whichever is higher.
    """

    points: int
    fewest: int
    split_bimodality: float
    split_spread: float
    split_middle: float
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
        """How far a lone answer sits from all others to be an outlier: half the
        scale (2 points on a 5-point scale, 3 on a 7-point scale)."""
        return (self.points - 1) / 2

    def leaning_line(self, answers: Any) -> Any:
        return np.maximum(LEANING_RWG, self.leaning / np.sqrt(answers))

    def outlier_line(self, answers: Any) -> Any:
        return np.maximum(LEANING_RWG, self.outlier / np.sqrt(answers))

    def broad_line(self, answers: Any) -> Any:
        return np.maximum(BROAD_RWG, self.broad / np.sqrt(answers))


RULES = {
    5: ScaleRules(
        points=5,
        fewest=8,
        split_bimodality=0.55,
        split_spread=0.4,
        split_middle=1.4,
        leaning=1.5,
        broad=1.5,
        outlier=2.0,
    ),
    7: ScaleRules(
        points=7,
        fewest=8,
        split_bimodality=0.80,
        split_spread=0.0,
        split_middle=1.0,
        leaning=1.5,
        broad=1.5,
        outlier=2.0,
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
        said[one_outlier(rows, rules)] = OUTLIER
    said[answers < rules.fewest] = TOO_FEW
    return said.reshape(counts.shape[:-1])


def verdict(counts: Any) -> str:
    """The verdict on one practice's answer counts."""
    return str(verdicts(np.asarray(counts, dtype=float)[np.newaxis])[0])


def two_camps(rows: np.ndarray, rules: ScaleRules, agreement: Any) -> Any:
    """Two people or more on each side of the middle point, fewer on it than
    random answering leaves there, answers spread further than random answering,
    and a bimodality clear of random answering's."""
    answers = rows.sum(axis=1)
    half = rules.points // 2
    low, high = rows[:, :half].sum(axis=1), rows[:, -half:].sum(axis=1)
    root = np.sqrt(answers)
    chance = 1 / rules.points
    hollow = at_least(
        chance - rules.split_middle * np.sqrt(chance * (1 - chance)) / root,
        rows[:, half] / answers,
    )
    spread = ~at_least(agreement, -rules.split_spread / root)
    peaks = at_least(
        np.nan_to_num(bimodality(rows)),
        rules.uniform_bimodality + rules.split_bimodality / root,
    )
    return (np.minimum(low, high) >= 2) & hollow & spread & peaks


def one_outlier(rows: np.ndarray, rules: ScaleRules) -> Any:
    """Exactly one answer at one end, at least ``outlier_gap`` from every other
    answer, and the others agree at least as much as "leaning the same way"."""
    found = np.zeros(len(rows), dtype=bool)
    both = np.zeros(len(rows), dtype=bool)
    rest = rows.copy()
    for reversed_ in (False, True):
        ordered = rows[:, ::-1] if reversed_ else rows
        end = (ordered > 0).argmax(axis=1)
        lone = ordered[np.arange(len(rows)), end] == 1
        others = ordered.copy()
        others[np.arange(len(rows)), end] -= 1
        nearest = (others > 0).argmax(axis=1)
        alone = lone & others.any(axis=1) & at_least(nearest - end, rules.outlier_gap)
        both |= found & alone
        column = rules.points - 1 - end if reversed_ else end
        rest[alone, column[alone]] -= 1
        found |= alone
    agree = at_least(rwg(rest), rules.outlier_line(rest.sum(axis=1)))
    return found & ~both & agree


def combine(
    spectrum: Any, vision: Any, spectrum_consensus: Any, vision_consensus: Any
) -> tuple[Any, Any]:
    """One verdict per practice from its two scales: the more telling one.

    Returns the verdicts and whether each came from the vision scale. On a tie
    the scale with the lower consensus speaks (vision when equal), as before.
    """
    rank = {label: place for place, label in enumerate(VERDICTS)}
    spectrum_rank = np.array([rank[v] for v in np.ravel(spectrum)])
    vision_rank = np.array([rank[v] for v in np.ravel(vision)])
    lower = ~(np.ravel(spectrum_consensus) < np.ravel(vision_consensus))
    on_vision = (vision_rank < spectrum_rank) | ((vision_rank == spectrum_rank) & lower)
    chosen = np.where(on_vision, np.ravel(vision), np.ravel(spectrum))
    return chosen.astype(object), on_vision
