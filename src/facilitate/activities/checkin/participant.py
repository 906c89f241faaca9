"""The participant's welcome phase: their own check-in answer, which they may change.

Showing it back proves to the person that nothing was lost (after a reload, or a
server restart), and changing it appends a new answer: the latest one counts.
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.events import Recorded
from facilitate.core.language import N_
from facilitate.core.language import gettext as _
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.widgets import message, styled

#: After the question, on the page after joining.
CHANGE = N_("(you can change it)")


class CheckinChoice:
    """A radio list preset to the person's latest check-in answer."""

    def __init__(self, context: ParticipantContext) -> None:
        self.context = context
        question = load_checkin()
        self.choice = styled(
            widgets.RadioButtons(
                options=[(c.label, c.key) for c in question.choices], value=None
            ),
            "fc-my-checkin",
        )
        self.status = message("fc-checkin-status")
        self.root = widgets.VBox(
            [
                widgets.HTML(f"<p>{escape(question.prompt)} {escape(_(CHANGE))}</p>"),
                self.choice,
                self.status,
            ]
        )
        self._set_from_log()
        self.choice.observe(self._changed, "value")

    def _set_from_log(self) -> None:
        answers = self.context.store.read(
            self.context.session.code, kinds=[CheckinAnswered.kind]
        )
        mine = [
            r.event.answer
            for r in answers
            if isinstance(r.event, CheckinAnswered)
            and r.event.participant == self.context.participant
        ]
        keys = {key for _, key in self.choice.options}
        self.choice.value = mine[-1] if mine and mine[-1] in keys else None

    def _changed(self, change: dict[str, object]) -> None:
        keys = {key for _, key in self.choice.options}
        if change["new"] not in keys or change["new"] == change["old"]:
            return
        event = CheckinAnswered(self.context.participant, str(change["new"]))
        self.context.record(event, self.status, saved=_("Saved."))

    def refresh(self, roster: Roster, new: list[Recorded]) -> None:
        """Nothing to follow: the answer is the person's own."""
