"""How the room is arriving: check-in counts, released in batches of k.

A check-in is low-stakes but personal ("uneasy", "stretched thin"), so it follows
the release gate's sensitive rules: the chart moves only when k more people have
checked in, and a group of fewer than k answers is never drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.checkin.content import CheckinQuestion
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.events import Recorded
from facilitate.core.frames import kind_frame
from facilitate.core.release import ReleaseState, batched_release, release_frame


def checkin_counts(answers: pd.DataFrame, question: CheckinQuestion) -> pd.DataFrame:
    """Count each choice once per participant (latest answer wins).

    ``answers`` has columns ``id``, ``participant``, ``answer``. Returns columns
    ``answer``, ``label``, ``count`` in the question's order, zero rows included,
    so a chart keeps its shape as people arrive.
    """
    latest = answers.sort_values("id").drop_duplicates("participant", keep="last")
    counts = latest["answer"].value_counts()
    return pd.DataFrame(
        {
            "answer": [c.key for c in question.choices],
            "label": [c.label for c in question.choices],
            "count": [int(counts.get(c.key, 0)) for c in question.choices],
        }
    )


def checked_in(record: Recorded) -> str | None:
    """Who a check-in record is from (their first one is their submission)."""
    event = record.event
    return event.participant if isinstance(event, CheckinAnswered) else None


def released_checkins(
    records: Sequence[Recorded], question: CheckinQuestion
) -> tuple[ReleaseState, pd.DataFrame | None]:
    """The release state and, once released, ``checkin_counts`` through the gate.

    The frame adds ``hidden`` (True where a count is withheld, and ``count`` None).
    """
    state = batched_release(records, checked_in)
    if state.latest is None:
        return state, None
    visible = state.latest.visible(records, checked_in)
    counts = checkin_counts(kind_frame(visible, CheckinAnswered.kind), question)
    return state, release_frame(counts, "count", state.k)
