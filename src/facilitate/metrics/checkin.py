"""How the room is arriving: counts of the check-in answers."""

from __future__ import annotations

import pandas as pd

from facilitate.content import CheckinQuestion


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
