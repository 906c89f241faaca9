"""How the room is arriving: check-in counts, released in batches of k.

A check-in is low-stakes but personal ("uneasy", "stretched thin"), so it follows
the release gate's sensitive rules: what the room sees is frozen at the
facilitator's Reveal (so a room that has all checked in is shown whole), moves on
only when k more people have checked in, and no group of fewer than k is drawn.
Feelings chosen by fewer than k merge into one "another feeling" group before
anything is hidden, so a room of 6 split 3 and 3 sees both halves.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.checkin.content import CheckinQuestion
from facilitate.activities.checkin.events import (
    ANOTHER_FEELING,
    CheckinAnswered,
    checked_in,
)
from facilitate.core.events import Recorded
from facilitate.core.frames import kind_frame
from facilitate.core.release import ReleaseState, batched_release, coarsen_frame

ACTIVITY = "checkin"


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


def released_checkins(
    records: Sequence[Recorded], question: CheckinQuestion, close: bool = False
) -> tuple[ReleaseState, pd.DataFrame | None]:
    """The release state and, once released, the groups the room may see.

    The frame has one row per group (``coarsen_frame``): ``answer``, ``members``,
    ``label`` ("Tired or another feeling"), ``count``, ``merged``, ``hidden``,
    ``withheld``. ``close``: see ``batched_release`` (the leader's export).
    """
    state = batched_release(records, checked_in, reveal=ACTIVITY, close=close)
    if state.latest is None:
        return state, None
    visible = state.latest.visible(records, checked_in)
    counts = checkin_counts(kind_frame(visible, CheckinAnswered.kind), question)
    released = coarsen_frame(
        counts, "count", state.k, key="answer", label="label", other=ANOTHER_FEELING
    )
    return state, released
