"""The facilitator's control for the closing phase: show the feedback ratings."""

from __future__ import annotations

from facilitate.core.events import Recorded
from facilitate.core.roster import Roster
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.controls import RevealToggle

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
        self.root = self.reveal.root

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        self.reveal.refresh(roster)
