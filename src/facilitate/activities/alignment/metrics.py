"""How far the room agrees about each practice, and where practice and vision part.

The statistics (r_wg, consensus, bimodality) live in ``agreement`` and the words
they may say in ``verdicts``; this module tallies the latest answers into
histograms, summarises every practice, ranks the tensions and writes the
questions the room discusses. Rows of a 2-D array are practices, columns scale
points 1..m.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from facilitate.activities.alignment.agreement import (
    bimodality,
    consensus,
    mean_answer,
    rwg,
)
from facilitate.activities.alignment.content import (
    LEVEL_POINTS,
    SPECTRUM_POINTS,
    Practice,
)
from facilitate.activities.alignment.design import design_contrasts
from facilitate.activities.alignment.prompts import (
    discussion_prompt,
    headline_question,
    spectrum_question,
    tension_of,
)
from facilitate.activities.alignment.verdicts import clear_gaps, combine, verdicts
from facilitate.activities.alignment.vision_words import vision_word_counts
from facilitate.core.coarsen import coarsen_ordinal
from facilitate.core.release import is_shown, release_frame, release_groups

SUMMARY_COLUMNS = [
    "practice",
    "label",
    "answered",
    "skipped",
    "spectrum_mean",
    "now_mean",
    "vision_mean",
    "gap",
    "gap_clear",
    "spectrum_rwg",
    "spectrum_consensus",
    "spectrum_bimodality",
    "vision_rwg",
    "vision_consensus",
    "vision_bimodality",
    "spectrum_agreement",
    "vision_agreement",
    "split_on",
    "agreement",
    "tension",
]


def latest_ratings(ratings: pd.DataFrame) -> pd.DataFrame:
    """One row per participant and practice: a changed answer (or skip) wins."""
    if ratings.empty:
        return ratings
    ordered = ratings.sort_values("id") if "id" in ratings else ratings
    return ordered.drop_duplicates(["participant", "practice"], keep="last")


@dataclass(frozen=True)
class AnswerCounts:
    """Histograms per practice (rows in list order): what every statistic needs.

    ``spectrum`` has 7 columns, ``now`` and ``vision`` 5, ``gaps`` 9 (each
    person's vision minus now, -4..+4: the pairs the gap's test needs, which
    the two histograms alone lose); ``answered`` and ``skipped`` count people.
    The display keeps these up to date one event at a time; ``count_answers``
    builds them from a frame for tests.
    """

    spectrum: np.ndarray
    now: np.ndarray
    vision: np.ndarray
    gaps: np.ndarray
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
        gaps=_tally_gaps(rated, rated_rows, len(keys)),
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


def _tally_gaps(latest: pd.DataFrame, rows: np.ndarray, size: int) -> Any:
    """Counts per practice row of vision minus now (-4..+4), where both are given."""
    counts = np.zeros((size, 2 * LEVEL_POINTS - 1))
    if len(rows):
        now, vision = (
            pd.to_numeric(latest[c], errors="coerce").to_numpy(dtype=float)
            for c in ("now", "vision")
        )
        keep = (rows >= 0) & _on_scale(now) & _on_scale(vision)
        gap = (vision[keep] - now[keep]).astype(int) + LEVEL_POINTS - 1
        np.add.at(counts, (rows[keep], gap), 1)
    return counts


def _on_scale(values: np.ndarray) -> Any:
    return (values >= 1) & (values <= LEVEL_POINTS)


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
    below 0 the practice outweighs the vision; ``gap_clear`` says whether the
    paired answers put it beyond chance (``verdicts.clear_gaps``), the only
    gaps any words name. ``tension``: see ``prompts.tension_of``.
    """
    frame = pd.DataFrame(
        {
            "practice": [p.key for p in practices],
            "label": [p.label for p in practices],
            "answered": counts.answered.astype("int64"),
            "skipped": counts.skipped.astype("int64"),
            "spectrum_mean": mean_answer(counts.spectrum),
            "now_mean": mean_answer(counts.now),
            "vision_mean": mean_answer(counts.vision),
        }
    )
    frame["gap"] = frame["vision_mean"] - frame["now_mean"]
    frame["gap_clear"] = clear_gaps(counts.gaps).astype(bool)
    for name, hist in (("spectrum", counts.spectrum), ("vision", counts.vision)):
        frame[f"{name}_rwg"] = rwg(hist)
        frame[f"{name}_consensus"] = consensus(hist)
        frame[f"{name}_bimodality"] = bimodality(hist)
        frame[f"{name}_agreement"] = verdicts(hist)
    agreement, on_vision = combine(
        frame["spectrum_agreement"].to_numpy(),
        frame["vision_agreement"].to_numpy(),
        frame["spectrum_consensus"].to_numpy(),
        frame["vision_consensus"].to_numpy(),
    )
    frame["split_on"] = np.where(on_vision, "vision", "spectrum")
    frame["agreement"] = agreement
    frame["tension"] = tension_of(
        frame["spectrum_consensus"].to_numpy(),
        frame["vision_consensus"].to_numpy(),
        frame["gap"].to_numpy(),
        frame["gap_clear"].to_numpy(),
    )
    return frame[SUMMARY_COLUMNS]


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


PLACEMENT_COLUMNS = ["practice", "label", "start", "stop", "count", "merged"]


def spectrum_placements(
    counts: AnswerCounts, practices: Sequence[Practice], shown: Sequence[str], k: int
) -> pd.DataFrame:
    """Where the room placed each shown practice, coarsened before anything is
    hidden (``core.coarsen``): runs of adjacent spectrum positions (``start`` to
    ``stop``, 1..7), each holding ``count`` >= k people, so a room of 6 whose
    placements split 3 and 3 sees both groups. ``PLACEMENT_COLUMNS``; a practice
    no cut can split reads one run over the whole spectrum (``merged``).
    """
    rows = []
    wanted = set(shown)
    for row, practice in enumerate(practices):
        if practice.key not in wanted:
            continue
        points = counts.spectrum[row].astype(int).tolist()
        chosen = dict(enumerate(points, start=1))
        for group in coarsen_ordinal(chosen, k):
            start, stop = group.members[0], group.members[-1]
            rows.append(
                (practice.key, practice.label, start, stop, group.count, group.merged)
            )
    frame = pd.DataFrame(rows, columns=PLACEMENT_COLUMNS)
    return frame.astype({"start": "int64", "stop": "int64", "merged": bool})


def placed_apart(placements: pd.DataFrame) -> bool:
    """True when some practice shows two groups or more: something to draw."""
    return bool(placements.groupby("practice").size().gt(1).any())


def top_tensions(summary: pd.DataFrame, count: int = 5) -> pd.DataFrame:
    """The ``count`` most tense practices: ``practice``, ``label``, ``agreement``,
    ``split_on``, ``gap``, ``gap_clear``, ``tension``, ``prompt``; ties keep the
    list order."""
    ranked = summary.sort_values("tension", ascending=False, kind="stable")
    ranked = ranked.loc[ranked["tension"].notna()].head(count)
    columns = ["practice", "label", "agreement", "split_on", "gap", "gap_clear"]
    top = ranked[[*columns, "tension"]].reset_index(drop=True)
    top["prompt"] = [discussion_prompt(row) for _, row in ranked.iterrows()]
    return top


@dataclass(frozen=True)
class RoomPicture:
    """Everything the display and the summary draw, already k-suppressed.

    ``headline`` leads the tension view and ``spectrum_headline`` the spectrum
    view (see ``prompts``). ``placements`` is what the spectrum view draws;
    ``distribution`` keeps the per-position counts (hidden under k) that the
    comparison across rooms reads.
    """

    summary: pd.DataFrame
    shown: pd.DataFrame
    top: pd.DataFrame
    distribution: pd.DataFrame
    placements: pd.DataFrame
    words: pd.DataFrame | None
    vision_count: int
    contrasts: pd.DataFrame
    headline: str
    spectrum_headline: str


def room_picture(
    counts: AnswerCounts,
    practices: Sequence[Practice],
    vision_texts: Sequence[str],
    k: int,
    counted_words: pd.DataFrame | None = None,
) -> RoomPicture:
    """Summary of every practice, and what the release gate lets the room see.

    ``shown``: practices answered by at least ``k`` people (their statistics);
    ``distribution``: their spectrum positions, each a partition of the people who
    answered, with positions held by fewer than ``k`` withheld (``count`` None);
    ``words``: words used by at least ``k`` people, once ``k`` people offered a
    vision (None until then). ``counted_words`` may pass ``vision_word_counts``
    of the same texts, already made, so a display need not redo it per answer.
    ``contrasts``: shown practices the room placed well away from their design
    (see ``design``).
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
        counted = (
            vision_word_counts(vision_texts) if counted_words is None else counted_words
        )
        words = counted.loc[counted["count"] >= k].reset_index(drop=True)
    top = top_tensions(shown)
    return RoomPicture(
        summary=summary,
        shown=shown,
        top=top,
        distribution=distribution,
        placements=spectrum_placements(
            counts, practices, shown["practice"].tolist(), k
        ),
        words=words,
        vision_count=len(vision_texts),
        contrasts=design_contrasts(shown, practices),
        headline=headline_question(top),
        spectrum_headline=spectrum_question(shown),
    )
