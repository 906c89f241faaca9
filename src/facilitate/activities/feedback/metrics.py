"""Participant feedback: how the room rated the facilitation, released in batches.

Ratings follow the release gate's sensitive rules: the shared figures are those of
the latest release (frozen at the facilitator's Reveal, so a room that has all
answered is shown whole, then moving only when k more forms have come in), and
for each statement the released forms make one partition by rating, with "no
rating" as a group of its own. Adjacent ratings merge until each group holds k
people ("Agree or strongly agree: 4"), so a room of 6 sees how it split; only
what merging cannot save is hidden, and never in a way the total gives away.

A form names nobody (``FeedbackContent``): the gate batches on forms, each one a
submitter of its own, so the same rules hold without knowing whose form is whose.
Logs kept before forms were unlinked hold ``FeedbackGiven``, one person's forms,
the latest of which counts; both kinds are read the same way here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from facilitate.activities.feedback.content import RATING_SCALE, FeedbackForm
from facilitate.activities.feedback.events import (
    FeedbackContent,
    FeedbackGiven,
    feedback_form,
)
from facilitate.core.coarsen import coarsen_ordinal
from facilitate.core.events import Recorded
from facilitate.core.release import ReleaseState, batched_release

ACTIVITY = "feedback"
RATED_COLUMNS = [f"rated_{value}" for value, _ in RATING_SCALE]
UNRATED = "unrated"
SUMMARY_COLUMNS = ["item", "statement", "responses", "mean", *RATED_COLUMNS]
FORM_COLUMNS = ["id", "form", "ratings", "helped", "more_equitable"]


def feedback_frame(records: Iterable[Recorded]) -> pd.DataFrame:
    """Forms as rows: ``id``, ``form``, ``ratings``, ``helped``, ``more_equitable``."""
    rows = []
    for record in records:
        form = feedback_form(record)
        event = record.event
        if form is not None and isinstance(event, FeedbackContent | FeedbackGiven):
            rows.append(
                {
                    "id": record.id,
                    "form": form,
                    "ratings": event.ratings,
                    "helped": event.helped,
                    "more_equitable": event.more_equitable,
                }
            )
    return pd.DataFrame(rows, columns=FORM_COLUMNS)


def latest_feedback(feedback: pd.DataFrame) -> pd.DataFrame:
    """One row per form: an earlier log's resubmitted form replaces the last one.

    ``feedback`` is ``feedback_frame(records)``; the input is not changed.
    """
    if feedback.empty:
        return feedback
    latest = feedback.sort_values("id").drop_duplicates("form", keep="last")
    return latest.reset_index(drop=True)


def rating_summary(feedback: pd.DataFrame, form: FeedbackForm) -> pd.DataFrame:
    """Per statement: ``item``, ``statement``, ``responses``, ``mean``, ``rated_1..5``.

    Counts each form once (an earlier log's latest per person); skipped
    statements are not counted.
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
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def release_ratings(summary: pd.DataFrame, people: int, k: int) -> pd.DataFrame:
    """``rating_summary`` through the gate: each statement is one partition.

    Adjacent ratings merge until each group holds k people ("no rating" stands
    apart; see ``coarsen``). ``groups`` holds each statement's groups (a tuple of
    ``Group`` over ``RATED_COLUMNS`` and ``UNRATED``). A rating column keeps its
    count only where that rating is a group of its own, else None;
    ``responses`` is withheld with "no rating" (the two add up to ``people``),
    and ``mean`` unless every rating stands alone. Adds ``withheld``: the people
    in the statement's hidden groups.
    """
    out = summary.astype(object)
    out["withheld"] = 0
    out["groups"] = None
    for index, row in summary.iterrows():
        counts = {column: int(row[column]) for column in RATED_COLUMNS}
        counts[UNRATED] = people - int(row["responses"])
        groups = coarsen_ordinal(counts, k, outside=[UNRATED])
        alone = {g.members[0]: g.count for g in groups if not g.merged}
        for column in RATED_COLUMNS:
            out.at[index, column] = alone.get(column)
        if alone.get(UNRATED) is None and counts[UNRATED]:
            out.at[index, "responses"] = None
        if any(alone.get(column) is None for column in RATED_COLUMNS):
            out.at[index, "mean"] = None
        out.at[index, "withheld"] = sum(
            counts[m] for g in groups if g.hidden for m in g.members
        )
        out.at[index, "groups"] = tuple(groups)  # type: ignore[assignment]
    return out.astype({"withheld": "int64"})


def released_feedback(
    records: Sequence[Recorded], form: FeedbackForm, close: bool = False
) -> tuple[ReleaseState, pd.DataFrame | None, pd.DataFrame]:
    """The release state, the released ratings (None before the first release)
    and the released forms (for their open answers). ``close``: see
    ``batched_release`` (exports and comparisons after the session)."""
    state = batched_release(records, feedback_form, reveal=ACTIVITY, close=close)
    if state.latest is None:
        return state, None, feedback_frame([])
    seen = state.latest.visible(records, feedback_form)
    feedback = feedback_frame(seen)
    summary = rating_summary(feedback, form)
    released = release_ratings(summary, len(state.latest.people), state.k)
    return state, released, latest_feedback(feedback)


def feedback_comments(latest: pd.DataFrame, column: str) -> list[str]:
    """Non-empty answers to one open question, sorted so order reveals nobody."""
    if latest.empty:
        return []
    texts = [str(t).strip() for t in latest[column] if str(t or "").strip()]
    return sorted(texts, key=str.casefold)
