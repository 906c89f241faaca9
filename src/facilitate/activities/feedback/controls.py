"""The facilitator's control for the closing phase: show the feedback ratings."""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.activities.feedback.content import (
    RATING_SCALE,
    FeedbackForm,
    load_feedback,
)
from facilitate.activities.feedback.events import (
    FeedbackContent,
    FeedbackGiven,
    feedback_form,
)
from facilitate.core.coarsen import coarsen_ordinal
from facilitate.core.events import Recorded
from facilitate.core.release import batched_release
from facilitate.core.roster import Roster
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.controls import RevealToggle
from facilitate.ui.reveal_preview import many_splits_preview

ACTIVITY = "feedback"


class FeedbackControls:
    """Named widgets: ``reveal`` (a ``RevealToggle``)."""

    def __init__(self, context: ControlsContext) -> None:
        self.reveal = RevealToggle(
            context,
            ACTIVITY,
            "fc-reveal-feedback",
            reveal="Show the feedback on the screen",
            hide="Hide the feedback from the screen",
        )
        self.form = load_feedback()
        self.root = self.reveal.root

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        self.reveal.refresh(roster, feedback_preview(records, self.form))


def feedback_preview(records: Sequence[Recorded], form: FeedbackForm) -> str:
    """What showing the ratings now would draw, over whole batches of k forms."""
    state = batched_release(records, feedback_form)
    if state.latest is None:
        return f"Revealing now shows nothing yet: fewer than {state.k} forms."
    forms: dict[str, dict[str, int]] = {}
    for record in state.latest.visible(records, feedback_form):
        who = feedback_form(record)
        if who is not None and isinstance(
            record.event, FeedbackContent | FeedbackGiven
        ):
            forms[who] = dict(record.event.ratings)
    splits = []
    for item in form.ratings:
        counts = {value: 0 for value, _ in RATING_SCALE}
        for ratings in forms.values():
            if ratings.get(item.key) in counts:
                counts[ratings[item.key]] += 1
        unrated = len(forms) - sum(counts.values())
        splits.append(coarsen_ordinal({**counts, 0: unrated}, state.k, outside=[0]))
    return many_splits_preview(splits, state.k)
