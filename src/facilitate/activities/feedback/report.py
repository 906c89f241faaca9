"""The feedback section of the reflection summary: released ratings and words.

Ratings and open answers come from the same release as the shared screen: the
forms of the latest batch, none of which says whose it is. Open answers are
listed sorted, and only once a release has happened (k forms or more).
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.core.coarsen import Group
from facilitate.core.events import Recorded
from facilitate.core.report import ReportPart
from facilitate.core.sessions import SessionInfo

HEADING = "Participant feedback"
CHART_TITLE = "How the facilitation supported equitable collaboration"


def feedback_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """Ratings per statement and the open answers, both from the latest release."""
    from facilitate.activities.feedback.charts import feedback_figure
    from facilitate.activities.feedback.content import load_feedback
    from facilitate.activities.feedback.metrics import (
        RATED_COLUMNS,
        feedback_comments,
        released_feedback,
    )
    from facilitate.core.release_words import shown_once

    form = load_feedback()
    state, released, latest = released_feedback(records, form, close=True)
    notes = [
        f"{state.progress('gave anonymous feedback')} Ratings run from 1 (strongly "
        "disagree) to 5 (strongly agree)."
    ]
    if released is None:
        notes.append(shown_once(state.k, "people have given feedback"))
        return ReportPart(key="feedback", heading=HEADING, notes=notes)
    questions = [
        (form.helped, feedback_comments(latest, "helped")),
        (form.more_equitable, feedback_comments(latest, "more_equitable")),
    ]
    return ReportPart(
        key="feedback",
        heading=HEADING,
        figures=[feedback_figure(released, CHART_TITLE, state.k)],
        tables={
            "feedback_ratings": released[
                ["statement", "responses", "mean", *RATED_COLUMNS]
            ].assign(groups=[groups_in_words(g) for g in released["groups"]])
        },
        notes=notes,
        html=comments_html(questions),
    )


def groups_in_words(groups: Sequence[Group[str]]) -> str:
    """A statement's shown groups in one line: "Disagree or neutral: 3 · …"."""
    from facilitate.activities.feedback.charts import rating_segment

    return " · ".join(
        f"{rating_segment(g.members).name}: {g.count}" for g in groups if not g.hidden
    )


def comments_html(questions: Sequence[tuple[str, list[str]]]) -> str:
    """Open answers as unattributed, sorted quotations, every one escaped."""
    from facilitate.core.text import escape

    body = (
        '<h3 id="part-feedback_words">In their own words</h3>'
        '<p class="fc-note">Answers are listed in alphabetical order, without names.'
        "</p>"
    )
    for question, answers in questions:
        items = (
            "".join(f"<li>{escape(a)}</li>" for a in answers) or "<li>No answers.</li>"
        )
        body += f'<h4>{escape(question)}</h4><ul class="fc-quotes">{items}</ul>'
    return body
