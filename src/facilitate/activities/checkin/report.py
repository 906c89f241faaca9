"""The check-in's section of the reflection summary: released counts only."""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.core.events import Recorded
from facilitate.core.report import ReportPart
from facilitate.core.sessions import SessionInfo

HEADING = "Check-in: how the room arrived"


def checkin_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """How the room arrived, as the room last saw it: counts, never who said what."""
    from facilitate.activities.checkin.charts import checkin_figure
    from facilitate.activities.checkin.content import load_checkin
    from facilitate.activities.checkin.metrics import released_checkins
    from facilitate.core.release_words import shown_once

    question = load_checkin()
    state, released = released_checkins(records, question, close=True)
    if released is None:
        note = shown_once(state.k, "people have checked in")
        return ReportPart(key="checkin", heading=HEADING, notes=[note])
    table = released[["label", "count"]]
    return ReportPart(
        key="checkin",
        heading=HEADING,
        figures=[checkin_figure(released, question.prompt, state.k)],
        tables={"checkin_counts": table},
    )
