"""The alignment section of the reflection summary and the CSV export.

Built from the same ``room_picture`` as the display, so the summary shows what
the room saw: practices with at least k answers, aggregates only, vision words
as counts with nobody's name beside them, and the practices the room placed
away from their design (``design``), in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.activities.alignment.charts import (
    spectrum_strip,
    tension_map,
    vision_words_figure,
)
from facilitate.activities.alignment.content import load_alignment, session_practices
from facilitate.activities.alignment.design import SHOWN
from facilitate.activities.alignment.events import PracticeRated, VisionOffered
from facilitate.core.events import Recorded
from facilitate.core.frames import kind_frame
from facilitate.core.release import needs_more, release_k
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
    "agreement",
    "tension",
]


def alignment_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """Tension map, spectrum strip, vision words and the ranked tensions."""
    from facilitate.activities.alignment.metrics import count_answers, room_picture

    k = release_k(roster_of(records), session)
    practices = session_practices(load_alignment().practices, records)
    visions = {
        r.event.participant: r.event.text
        for r in records
        if isinstance(r.event, VisionOffered)
    }
    ratings = kind_frame(records, PracticeRated.kind)
    counts = count_answers(ratings, practices)
    picture = room_picture(counts, practices, list(visions.values()), k)
    if picture.shown.empty:
        most = int(picture.summary["answered"].max()) if len(practices) else 0
        note = needs_more(most, k)
        return ReportPart(
            key="alignment",
            heading="Shared vision alignment",
            figures=[empty_figure("Tension map", note)],
            notes=[note],
        )
    figures = [tension_map(picture.shown), spectrum_strip(picture.distribution)]
    tables = {
        "alignment_practices": picture.shown[PRACTICE_COLUMNS].round(3),
        "alignment_tensions": picture.top[["label", "agreement", "gap", "prompt"]]
        .round(3)
        .reset_index(drop=True),
    }
    if picture.words is not None:
        figures.append(vision_words_figure(picture.words))
        tables["vision_words"] = picture.words
    if not picture.contrasts.empty:
        tables["alignment_design"] = picture.contrasts[["label", "leans", "toward"]]
    waiting = len(picture.summary) - len(picture.shown)
    notes = list(picture.top["prompt"].head(3))
    notes += list(picture.contrasts["note"].head(SHOWN))
    if waiting:
        notes.append(
            f"{waiting} practices had fewer than {k} answers and are not shown."
        )
    return ReportPart(
        key="alignment",
        heading="Shared vision alignment",
        figures=figures,
        tables=tables,
        notes=notes,
    )
