"""Participant feedback: how the room rated the facilitation, in aggregate only."""

from __future__ import annotations

import pandas as pd

from facilitate.reflection import RATING_SCALE, FeedbackForm

RATED_COLUMNS = [f"rated_{value}" for value, _ in RATING_SCALE]


def latest_feedback(feedback: pd.DataFrame) -> pd.DataFrame:
    """One row per participant: a resubmitted form replaces the earlier one.

    ``feedback`` is ``kind_frame(records, "feedback_given")``; the input is not changed.
    """
    if feedback.empty:
        return feedback
    latest = feedback.sort_values("id").drop_duplicates("participant", keep="last")
    return latest.reset_index(drop=True)


def rating_summary(feedback: pd.DataFrame, form: FeedbackForm) -> pd.DataFrame:
    """Per statement: ``item``, ``statement``, ``responses``, ``mean``, ``rated_1..5``.

    Counts each participant's latest form once; skipped statements are not counted.
    Rows follow the form's order and keep zero counts, so charts keep their shape.
    """
    latest = latest_feedback(feedback)
    rows = []
    for item in form.ratings:
        values = [
            int(r[item.key])
            for r in latest.get("ratings", pd.Series(dtype=object))
            if isinstance(r, dict) and r.get(item.key) is not None
        ]
        row: dict[str, object] = {
            "item": item.key,
            "statement": item.statement,
            "responses": len(values),
            "mean": round(sum(values) / len(values), 2) if values else float("nan"),
        }
        for value, column in zip(
            (v for v, _ in RATING_SCALE), RATED_COLUMNS, strict=True
        ):
            row[column] = values.count(value)
        rows.append(row)
    return pd.DataFrame(
        rows, columns=["item", "statement", "responses", "mean", *RATED_COLUMNS]
    )


def respondent_count(feedback: pd.DataFrame) -> int:
    """How many people have given feedback (each counted once)."""
    return 0 if feedback.empty else int(feedback["participant"].nunique())


def feedback_comments(feedback: pd.DataFrame, column: str) -> list[str]:
    """Non-empty answers to one open question, sorted so order reveals nobody."""
    latest = latest_feedback(feedback)
    if latest.empty:
        return []
    texts = [str(t).strip() for t in latest[column] if str(t or "").strip()]
    return sorted(texts, key=str.casefold)
