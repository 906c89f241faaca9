"""The alignment section of the reflection summary and the CSV export.

Built from the same ``room_picture`` as the console, so the summary shows what
the room saw: practices with at least k answers, aggregates only, vision words
as counts with nobody's name beside them.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.alignment_content import load_alignment, session_practices
from facilitate.charts.alignment import (
    spectrum_strip,
    tension_map,
    vision_words_figure,
)
from facilitate.charts.style import empty_figure
from facilitate.events import PracticeRated, Recorded, VisionOffered
from facilitate.frames import kind_frame
from facilitate.metrics.alignment import SUMMARY_COLUMNS
from facilitate.metrics.privacy import needs_more
from facilitate.report_parts import ReportPart
from facilitate.roster import roster_of
from facilitate.sessions import SessionInfo

#: The summary's per-practice columns; ``practice`` (an internal key) and
#: ``split_on`` (a detail of the label) are left out of the export.
PRACTICE_COLUMNS = [c for c in SUMMARY_COLUMNS if c not in ("practice", "split_on")]


def alignment_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """Tension map, spectrum strip, vision words and the ranked tensions."""
    from facilitate.metrics.alignment import count_answers, room_picture

    k = roster_of(records).min_group_size(session.min_group_size)
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
    waiting = len(picture.summary) - len(picture.shown)
    notes = list(picture.top["prompt"].head(3))
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
