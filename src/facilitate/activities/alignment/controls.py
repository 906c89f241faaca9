"""The facilitator's controls for the alignment phase, on the remote.

Reveal or hide the results, choose which result fills the screen, and, before
anyone has answered, add a practice to everyone's list. Nothing here imports
pandas, numpy or plotly: the remote stays quick to open.
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.activities.alignment.content import (
    load_alignment,
    new_practice,
    session_practices,
)
from facilitate.activities.alignment.events import PracticeAdded, PracticeRated
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.roster import Roster
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.controls import RevealToggle, ViewChoice
from facilitate.ui.plain_layout import show
from facilitate.ui.widgets import (
    button,
    field_label,
    message,
    say,
    styled,
    typed_on_leave,
)

ACTIVITY = "alignment"
#: The results the screen can show, one at a time: (remote label, key, title).
VIEWS = (
    ("Tensions", "tensions", "Where we pull apart"),
    ("Spectrum", "spectrum", "Where we place each practice"),
    ("Vision words", "words", "Our shared vision, in our words"),
)


class AlignmentControls:
    """Named widgets: ``reveal``, ``view``, and the add-a-practice ``form``
    (``new_label``, ``new_description``, ``add``, ``form_message``)."""

    def __init__(self, context: ControlsContext) -> None:
        self.context = context
        self.reveal = RevealToggle(context, ACTIVITY, "fc-reveal-alignment")
        self.view = ViewChoice(
            context, ACTIVITY, [(label, key) for label, key, _ in VIEWS]
        )
        self.new_label = styled(
            typed_on_leave(widgets.Text(placeholder="e.g. Morning meeting")),
            "fc-add-practice-label",
        )
        self.new_description = styled(
            typed_on_leave(widgets.Text(placeholder="One sentence (optional)")),
            "fc-add-practice-description",
        )
        self.add = button("Add to everyone's list", "fc-add-practice", style="")
        self.add.on_click(lambda _: self.add_practice())
        self.form_message = message("fc-add-practice-message")
        self.form = styled(
            widgets.VBox(
                [
                    field_label("Add a practice (before anyone answers)"),
                    self.new_label,
                    field_label("About it"),
                    self.new_description,
                    self.add,
                    self.form_message,
                ]
            ),
            "fc-add-practice-form",
        )
        self.root = styled(
            widgets.VBox([self.reveal.root, self.view.root, self.form]),
            "fc-alignment-controls",
        )

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        self.reveal.refresh(roster)
        self.view.refresh(roster)
        answered = any(isinstance(r.event, PracticeRated) for r in records)
        show(self.form, not answered)

    def add_practice(self) -> None:
        """Add a practice while nobody has answered yet; later the list is fixed."""
        added = self.context.record(self.practice_to_add, self.form_message)
        if added is None:
            return
        self.new_label.value = self.new_description.value = ""
        label = getattr(added[0].event, "label", "")
        say(
            self.form_message,
            f"Added “{label}”: it appears at the end of everyone's list.",
            "success",
        )

    def practice_to_add(self) -> PracticeAdded:
        """The typed practice, validated, or InvalidInput saying what to change."""
        store, code = self.context.store, self.context.session.code
        if store.read(code, kinds=[PracticeRated.kind]):
            raise InvalidInput(
                "People have started answering, so the list is fixed for this "
                "session. Add the practice to the activity's practices.yaml for "
                "next time."
            )
        added = store.read(code, kinds=[PracticeAdded.kind])
        return new_practice(
            self.new_label.value,
            self.new_description.value,
            session_practices(load_alignment().practices, added),
        )
