"""How far the room agrees about each practice, and where practice and vision part.

Every statistic works on answer *counts* per scale point (a histogram), so one
numpy expression serves a single practice in a unit test and forty practices at
once on the console. Rows of a 2-D array are practices, columns scale points 1..m.

- ``rwg``: James, Demaree & Wolf's within-group agreement against a uniform
  ("answering at random") null: 1 - s² / ((m² - 1) / 12), s² the sample variance.
  Below 0 means more spread than random answering: answers pile up at both ends.
- ``consensus``: Tastle & Wierman's measure, 1 + Σ p·log2(1 - |x - μ| / (m - 1)):
  1 when everyone agrees, 0 when half sit at each extreme.
- ``bimodality``: (skewness² + 1) / kurtosis from the sample's own moments. Above
  5/9 (the value of a uniform distribution) suggests two peaks. The small-sample
  corrected form swings wildly below about twenty answers and cannot flag even a
  perfect three-against-three split, so the room-sized uncorrected form is used.

On 5- and 7-point scales even evenly spread answers score a little above 5/9
(0.57 to 0.59), so "split into two camps" asks for a clear margin: bimodality of
at least 0.7 together with low consensus or a negative r_wg.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from facilitate.activities.alignment.content import (
    LEVEL_POINTS,
    SPECTRUM_POINTS,
    Practice,
)
from facilitate.activities.alignment.design import design_contrasts
from facilitate.activities.alignment.vision_words import vision_word_counts
from facilitate.core.release import is_shown, release_frame, release_groups

BIMODAL = 5 / 9
SPLIT_BIMODALITY = 0.7
SPLIT = "split into two camps"
BROAD = "broad agreement"
LEANING = "leaning the same way"
SPREAD = "views spread widely"
TOO_FEW = "too few answers"
SUMMARY_COLUMNS = [
    "practice",
    "label",
    "answered",
    "skipped",
    "spectrum_mean",
    "now_mean",
    "vision_mean",
    "gap",
    "spectrum_rwg",
    "spectrum_consensus",
    "spectrum_bimodality",
    "vision_rwg",
    "vision_consensus",
    "vision_bimodality",
    "split_on",
    "agreement",
    "tension",
]


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


def agreement_label(rwg_value: float, consensus_value: float, bc: float) -> str:
    """Plain words for the three statistics, as the room will read them."""
    if np.isnan(rwg_value) or np.isnan(consensus_value):
        return TOO_FEW
    if bc >= SPLIT_BIMODALITY and (rwg_value < 0 or consensus_value < 0.5):
        return SPLIT
    if consensus_value >= 0.75 and rwg_value >= 0.7:
        return BROAD
    if consensus_value >= 0.6:
        return LEANING
    return SPREAD


def latest_ratings(ratings: pd.DataFrame) -> pd.DataFrame:
    """One row per participant and practice: a changed answer (or skip) wins."""
    if ratings.empty:
        return ratings
    ordered = ratings.sort_values("id") if "id" in ratings else ratings
    return ordered.drop_duplicates(["participant", "practice"], keep="last")


@dataclass(frozen=True)
class AnswerCounts:
    """Histograms per practice (rows in list order): what every statistic needs.

    ``spectrum`` has 7 columns, ``now`` and ``vision`` 5; ``answered`` and
    ``skipped`` count people. The console keeps these up to date one event at a
    time; ``count_answers`` builds them from a frame for tests and the summary.
    """

    spectrum: np.ndarray
    now: np.ndarray
    vision: np.ndarray
    answered: np.ndarray
    skipped: np.ndarray


def count_answers(ratings: pd.DataFrame, practices: Sequence[Practice]) -> AnswerCounts:
    """Tally the latest rating of each person for each practice in ``practices``."""
    latest = latest_ratings(ratings)
    keys = [p.key for p in practices]
    rows = np.asarray(
        pd.Categorical(latest["practice"], categories=keys).codes, dtype=np.int64
    )
    skipped = latest["skipped"].fillna(False).to_numpy(dtype=bool)
    rated = latest.loc[~skipped]
    rated_rows = rows[~skipped]
    return AnswerCounts(
        spectrum=_tally(rated, rated_rows, "spectrum", len(keys)),
        now=_tally(rated, rated_rows, "now", len(keys)),
        vision=_tally(rated, rated_rows, "vision", len(keys)),
        answered=np.bincount(rated_rows[rated_rows >= 0], minlength=len(keys)),
        skipped=np.bincount(rows[(rows >= 0) & skipped], minlength=len(keys)),
    )


def _tally(latest: pd.DataFrame, rows: np.ndarray, column: str, size: int) -> Any:
    """Counts per practice row and scale point; out-of-range values are ignored."""
    points = SPECTRUM_POINTS if column == "spectrum" else LEVEL_POINTS
    counts = np.zeros((size, points))
    if len(rows):
        values = pd.to_numeric(latest[column], errors="coerce").to_numpy(dtype=float)
        keep = (rows >= 0) & (values >= 1) & (values <= points)
        np.add.at(counts, (rows[keep], values[keep].astype(int) - 1), 1)
    return counts


def alignment_summary(
    ratings: pd.DataFrame, practices: Sequence[Practice]
) -> pd.DataFrame:
    """``summarise`` the latest ratings: see there for the columns.

    ``ratings`` has columns ``participant``, ``practice``, ``spectrum``, ``now``,
    ``vision``, ``skipped`` (and ``id`` when several answers per person may
    exist).
    """
    return summarise(count_answers(ratings, practices), practices)


def summarise(counts: AnswerCounts, practices: Sequence[Practice]) -> pd.DataFrame:
    """Per practice, in list order: ``SUMMARY_COLUMNS``.

    ``gap`` is vision minus now: above 0 the vision pulls ahead of practice,
    below 0 the practice outweighs the vision. ``tension`` adds the stronger
    disagreement (1 - consensus) to the gap's share of the 1..5 range.
    """
    frame = pd.DataFrame(
        {
            "practice": [p.key for p in practices],
            "label": [p.label for p in practices],
            "answered": counts.answered.astype("int64"),
            "skipped": counts.skipped.astype("int64"),
            "spectrum_mean": _moments(counts.spectrum)[2],
            "now_mean": _moments(counts.now)[2],
            "vision_mean": _moments(counts.vision)[2],
        }
    )
    frame["gap"] = frame["vision_mean"] - frame["now_mean"]
    for name, hist in (("spectrum", counts.spectrum), ("vision", counts.vision)):
        frame[f"{name}_rwg"] = rwg(hist)
        frame[f"{name}_consensus"] = consensus(hist)
        frame[f"{name}_bimodality"] = bimodality(hist)
    vision_first = ~(frame["spectrum_consensus"] < frame["vision_consensus"])
    frame["split_on"] = np.where(vision_first, "vision", "spectrum")
    frame["agreement"] = [
        agreement_label(*values)
        for values in zip(
            *(_on_split(frame, stat) for stat in ("rwg", "consensus", "bimodality")),
            strict=True,
        )
    ]
    disagreement = 1 - frame[["spectrum_consensus", "vision_consensus"]].min(axis=1)
    frame["tension"] = disagreement + frame["gap"].abs() / (LEVEL_POINTS - 1)
    return frame[SUMMARY_COLUMNS]


def _on_split(frame: pd.DataFrame, stat: str) -> list[float]:
    """``stat`` of the dimension each practice is most split on."""
    on_vision = frame["split_on"] == "vision"
    chosen = np.where(on_vision, frame[f"vision_{stat}"], frame[f"spectrum_{stat}"])
    return [float(value) for value in chosen]


def spectrum_distribution(
    counts: AnswerCounts, practices: Sequence[Practice]
) -> pd.DataFrame:
    """Long form ``practice``, ``label``, ``position`` (1..7), ``count``."""
    keys = [p.key for p in practices]
    return pd.DataFrame(
        {
            "practice": np.repeat(keys, SPECTRUM_POINTS),
            "label": np.repeat([p.label for p in practices], SPECTRUM_POINTS),
            "position": np.tile(np.arange(1, SPECTRUM_POINTS + 1), len(keys)),
            "count": counts.spectrum.reshape(-1).astype("int64"),
        }
    )


def top_tensions(summary: pd.DataFrame, count: int = 5) -> pd.DataFrame:
    """The ``count`` most tense practices: ``practice``, ``label``, ``agreement``,
    ``split_on``, ``gap``, ``tension``, ``prompt``; ties keep the list order."""
    ranked = summary.sort_values("tension", ascending=False, kind="stable")
    ranked = ranked.loc[ranked["tension"].notna()].head(count)
    top = ranked[["practice", "label", "agreement", "split_on", "gap", "tension"]]
    top = top.reset_index(drop=True)
    top["prompt"] = [discussion_prompt(row) for _, row in ranked.iterrows()]
    return top


def discussion_prompt(row: pd.Series) -> str:
    """A question for the room, written from this practice's numbers."""
    label, gap = str(row["label"]), float(row["gap"])
    now, vision = float(row["now_mean"]), float(row["vision_mean"])
    if row["agreement"] == SPLIT and row["split_on"] == "vision":
        return (
            f"We are split into two camps on whether {label} belongs in our shared "
            "vision. What does each camp hope it does for students?"
        )
    if row["agreement"] == SPLIT:
        return (
            f"We place {label} at opposite ends, from extrinsic reward to intrinsic "
            "community. What has each of us seen it do for students that puts it "
            "there?"
        )
    if gap <= -1:
        return (
            f"{label} drives our school more than we want it to (now {now:.1f}, "
            f"vision {vision:.1f} out of 5). What keeps it in place, and what could "
            "we change first?"
        )
    if gap >= 1:
        return (
            f"We want more {label} than we have (vision {vision:.1f}, now "
            f"{now:.1f} out of 5). What one step would make room for it this term?"
        )
    if row["agreement"] == SPREAD:
        return (
            f"Our views on {label} are spread widely. What experiences lead us to "
            "see it so differently?"
        )
    return (
        f"We mostly agree on {label}. What would keep our practice and our "
        "vision this close?"
    )


@dataclass(frozen=True)
class RoomPicture:
    """Everything the console and the summary draw, already k-suppressed."""

    summary: pd.DataFrame
    shown: pd.DataFrame
    top: pd.DataFrame
    distribution: pd.DataFrame
    words: pd.DataFrame | None
    vision_count: int
    contrasts: pd.DataFrame


def room_picture(
    counts: AnswerCounts,
    practices: Sequence[Practice],
    vision_texts: Sequence[str],
    k: int,
) -> RoomPicture:
    """Summary of every practice, and what the release gate lets the room see.

    ``shown``: practices answered by at least ``k`` people (their statistics);
    ``distribution``: their spectrum positions, each a partition of the people who
    answered, with positions held by fewer than ``k`` withheld (``count`` None);
    ``words``: words used by at least ``k`` people, once ``k`` people offered a
    vision (None until then); ``contrasts``: shown practices the room placed well
    away from their design (see ``design``).
    """
    summary = summarise(counts, practices)
    shown = release_groups(summary, "answered", k)
    distribution = spectrum_distribution(counts, practices)
    distribution = distribution.loc[
        distribution["practice"].isin(set(shown["practice"]))
    ].reset_index(drop=True)
    distribution = release_frame(distribution, "count", k, ["practice"])
    words = None
    if is_shown(len(vision_texts), k):
        counted = vision_word_counts(vision_texts)
        words = counted.loc[counted["count"] >= k].reset_index(drop=True)
    return RoomPicture(
        summary=summary,
        shown=shown,
        top=top_tensions(shown),
        distribution=distribution,
        words=words,
        vision_count=len(vision_texts),
        contrasts=design_contrasts(shown, practices),
    )
