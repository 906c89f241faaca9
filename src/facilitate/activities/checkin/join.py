"""The check-in question on the join form: answered once, as a person joins."""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.errors import InvalidInput
from facilitate.core.language import gettext as _
from facilitate.core.text import escape
from facilitate.ui.widgets import styled


class CheckinQuestionField:
    """Named widgets: ``prompt`` and ``choice`` (the ``fc-checkin`` radio list)."""

    def __init__(self) -> None:
        question = load_checkin()
        self.prompt = widgets.HTML(f"<p>{escape(question.prompt)}</p>")
        self.choice = styled(
            widgets.RadioButtons(
                options=[(c.label, c.key) for c in question.choices], value=None
            ),
            "fc-checkin",
        )
        self.root = widgets.VBox([self.prompt, self.choice])

    def answer(self, participant: str) -> list[CheckinAnswered]:
        """The check-in to record with the join; a browser can send anything."""
        answer = self.choice.value
        if answer not in {key for _, key in self.choice.options}:
            raise InvalidInput(_("Please choose how you are arriving today."))
        return [CheckinAnswered(participant, str(answer))]
