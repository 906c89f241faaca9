"""How far a room's answers agree, from answer counts per scale point.

Every statistic works on answer *counts* per scale point (a histogram), so one
numpy expression serves a single practice in a unit test, forty practices at
once on the display, and many thousand simulated rooms in the benchmark that
checks the verdicts. Rows of a 2-D array are practices (or rooms), columns
scale points 1..m.

- ``rwg``: James, Demaree & Wolf's within-group agreement against a uniform
  ("answering at random") null: 1 - s² / ((m² - 1) / 12), s² the sample variance.
  Below 0 means more spread than random answering: answers pile up at both ends.
- ``consensus``: Tastle & Wierman's measure, 1 + Σ p·log2(1 - |x - μ| / (m - 1)):
  1 when everyone agrees, 0 when half sit at each extreme.
- ``bimodality``: (skewness² + 1) / kurtosis from the sample's own moments. Above
  5/9 (the value of a uniform distribution) suggests two peaks. The small-sample
  corrected form swings wildly below about twenty answers and cannot flag even a
  perfect three-against-three split, so the room-sized uncorrected form is used.

What these numbers are allowed to *say* in words, and from how many answers,
is decided in ``verdicts``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

BIMODAL = 5 / 9


def _moments(counts: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts as floats, the answer total and the mean, along the last axis."""
    counts = np.asarray(counts, dtype=float)
    scale = np.arange(1, counts.shape[-1] + 1, dtype=float)
    total = counts.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (counts * scale).sum(axis=-1) / total
    return counts, total, mean


def _deviations(counts: np.ndarray, mean: np.ndarray) -> np.ndarray:
    scale = np.arange(1, counts.shape[-1] + 1, dtype=float)
    return np.asarray(scale - np.expand_dims(mean, -1))


def mean_answer(counts: Any) -> Any:
    """The mean answer on the 1..m scale; NaN when nobody answered."""
    return _moments(counts)[2]


def rwg(counts: Any) -> Any:
    """Agreement against random answering; NaN for fewer than two answers."""
    counts, total, mean = _moments(counts)
    points = counts.shape[-1]
    squares = (counts * _deviations(counts, mean) ** 2).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        variance = np.where(total > 1, squares / (total - 1), np.nan)
    return 1 - variance / ((points**2 - 1) / 12)


def consensus(counts: Any) -> Any:
    """Tastle–Wierman consensus in [0, 1]; NaN when nobody answered."""
    counts, total, mean = _moments(counts)
    width = counts.shape[-1] - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        share = counts / np.expand_dims(total, -1)
        distance = np.abs(_deviations(counts, mean)) / width
        terms = np.where(share > 0, share * np.log2(1 - distance), 0.0)
    return np.where(total > 0, 1 + terms.sum(axis=-1), np.nan)


def bimodality(counts: Any) -> Any:
    """(skew² + 1) / kurtosis; NaN when everyone gave the same answer."""
    counts, total, mean = _moments(counts)
    deviations = _deviations(counts, mean)
    with np.errstate(invalid="ignore", divide="ignore"):
        m2, m3, m4 = (
            (counts * deviations**power).sum(axis=-1) / total for power in (2, 3, 4)
        )
        value = (m3**2 / m2**3 + 1) / (m4 / m2**2)
    return np.where(m2 > 1e-12, value, np.nan)
