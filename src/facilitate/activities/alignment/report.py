"""The alignment section of the reflection summary and the CSV export.

Built from the same released answers (``room.RoomAnswers``, folded over the
whole log) and the same ``room_picture`` as the display, so the summary shows
what the room saw: practices with at least k answers, aggregates only, as of
their last batched release; gaps in words only where the paired test found
them; vision words as counts with nobody's name beside them, and the practices
the room placed away from their design (``design``), in words.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from facilitate.activities.alignment.charts import (
    spectrum_strip,
    tension_map,
    vision_words_figure,
)
from facilitate.activities.alignment.content import load_alignment
from facilitate.activities.alignment.design import SHOWN
from facilitate.activities.alignment.metrics import RoomPicture, placed_apart
from facilitate.activities.alignment.prompts import gap_in_words
from facilitate.activities.alignment.verdicts import TOO_FEW
from facilitate.core.events import Recorded
from facilitate.core.group_size import release_k
from facilitate.core.release_words import progress_in_steps
from facilitate.core.report import ReportPart
from facilitate.core.roster import roster_of
from facilitate.core.sessions import SessionInfo
from facilitate.ui.charts import empty_figure

#: The summary's per-practice columns. Raw moment statistics (r_wg, consensus,
#: bimodality) and the spectrum mean stay out: with the answer count they let a
#: reader rebuild a practice's answer histogram, withheld small cells included.
PRACTICE_COLUMNS = [
    "label",
    "answered",
    "skipped",
    "now_mean",
    "vision_mean",
    "gap",
    "gap_in_words",
    "agreement",
    "tension",
]


def alignment_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """Tension map, spectrum strip, vision words and the ranked tensions."""
    from facilitate.activities.alignment.room import released_answers

    k = release_k(roster_of(records), session)
    answers = released_answers(list(records), list(load_alignment().practices))
    picture = answers.picture(k)
    if picture.shown.empty:
        note = progress_in_steps(answers.people, k, "people placed our practices")
        note += f" A practice is shown once at least {k} people have placed it."
        return ReportPart(
            key="alignment",
            heading="Shared vision alignment",
            figures=[empty_figure("Tension map", note)],
            notes=[note],
        )
    return ReportPart(
        key="alignment",
        heading="Shared vision alignment",
        figures=_figures(picture),
        tables=_tables(picture),
        notes=_notes(picture, k),
    )


def _with_gap_words(frame: pd.DataFrame) -> pd.DataFrame:
    """The gap as the room read it: named only when clear, else "no clear gap"
    (and nothing beside "too few answers to tell"); the number only when clear."""
    out = frame.copy()
    out["gap_in_words"] = [
        "" if said == TOO_FEW else gap_in_words(float(gap), bool(clear))
        for said, gap, clear in zip(
            out["agreement"], out["gap"], out["gap_clear"], strict=True
        )
    ]
    out["gap"] = out["gap"].where(out["gap_clear"].astype(bool))
    return out


def _figures(picture: RoomPicture) -> list[go.Figure]:
    """The tension map, and the strip and words where they have data to plot."""
    figures = [tension_map(picture.shown)]
    if placed_apart(picture.placements):
        figures.append(spectrum_strip(picture.placements))
    if picture.words is not None and not picture.words.empty:
        figures.append(vision_words_figure(picture.words))
    return figures


def _tables(picture: RoomPicture) -> dict[str, pd.DataFrame]:
    tensions = _with_gap_words(picture.top)
    tables = {
        "alignment_practices": _with_gap_words(picture.shown)[PRACTICE_COLUMNS].round(
            3
        ),
        "alignment_tensions": tensions[["label", "agreement", "gap_in_words", "prompt"]]
        .round(3)
        .reset_index(drop=True),
    }
    if picture.words is not None:
        tables["vision_words"] = picture.words
    if not picture.contrasts.empty:
        tables["alignment_design"] = picture.contrasts[["label", "leans", "toward"]]
    return tables


def _notes(picture: RoomPicture, k: int) -> list[str]:
    """The headline first, then the next prompts, design notes and what waits."""
    prompts = [p for p in picture.top["prompt"].head(3) if p != picture.headline]
    notes = [picture.headline, *prompts[:2]]
    notes += list(picture.contrasts["note"].head(SHOWN))
    if not placed_apart(picture.placements):
        notes.append(
            f"No practice was placed in two groups of {k} or more on the spectrum, "
            "so the spectrum is not shown."
        )
    waiting = len(picture.summary) - len(picture.shown)
    if waiting:
        notes.append(
            f"{waiting} practices had fewer than {k} answers and are not shown."
        )
    return notes
