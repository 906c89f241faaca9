"""The facilitator's control for the welcome: show how the room is arriving.

Until it is pressed the screen is the join screen (code, QR, address); pressing
it again goes back to the join screen for late arrivals.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.activities.checkin.content import CheckinQuestion, load_checkin
from facilitate.activities.checkin.events import (
    ANOTHER_FEELING,
    CheckinAnswered,
    checked_in,
)
from facilitate.core.coarsen import coarsen_nominal, group_label, most_chosen_first
from facilitate.core.events import Recorded
from facilitate.core.release import batched_release
from facilitate.core.roster import Roster
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.controls import RevealToggle
from facilitate.ui.reveal_preview import groups_preview

ACTIVITY = "checkin"


class CheckinControls:
    """Named widgets: ``reveal`` (a ``RevealToggle``)."""

    def __init__(self, context: ControlsContext) -> None:
        self.reveal = RevealToggle(
            context,
            ACTIVITY,
            "fc-reveal-checkin",
            reveal="Show how we are arriving",
            hide="Back to the join screen",
        )
        self.question = load_checkin()
        self.root = self.reveal.root

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        self.reveal.refresh(roster, checkin_preview(records, self.question))


def checkin_preview(records: Sequence[Recorded], question: CheckinQuestion) -> str:
    """What showing the check-in now would draw, over whole batches of k."""
    state = batched_release(records, checked_in)
    if state.latest is None:
        return f"Revealing now shows nothing yet: fewer than {state.k} checked in."
    latest: dict[str, str] = {}
    for record in state.latest.visible(records, checked_in):
        if isinstance(record.event, CheckinAnswered):
            latest[record.event.participant] = record.event.answer
    counts = {c.key: 0 for c in question.choices}
    for answer in latest.values():
        if answer in counts:
            counts[answer] += 1
    groups = coarsen_nominal(counts, state.k)
    names = [
        group_label(
            [question.label_of(m) for m in most_chosen_first(g, counts)],
            ANOTHER_FEELING if g.other else "",
        )
        for g in groups
    ]
    return groups_preview(groups, names, state.k, "feelings")
