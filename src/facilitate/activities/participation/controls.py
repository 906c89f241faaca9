"""The facilitator's controls for the participation phase, on the remote.

Reveal or hide the charts, choose which fills the screen, show names on the
screen or not, show every role on the equity chart or merge the small ones (the
remote says in one sentence what each choice shows), and read the talk table
(talk, turns, written contributions) on the facilitator's own device. The table
is computed only while this phase is open, so the remote imports pandas only then.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from facilitate.core.events import Recorded, SettingChanged
from facilitate.core.group_size import release_k
from facilitate.core.release import EVERY_ROLE_SETTING, every_role_shown
from facilitate.core.roster import Roster
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.controls import RevealToggle, ViewChoice
from facilitate.ui.widgets import message, styled

ACTIVITY = "participation"
#: The charts the screen can show, one at a time: (remote label, key, title).
VIEWS = (
    ("Share of talk", "talk", "Who spoke, and how much"),
    ("Who follows whom", "follow", "Who follows whom"),
    ("Turns", "timeline", "Turns over time"),
    ("Lorenz curve", "lorenz", "How evenly we shared the time"),
    ("Equity by role", "equity", "Each role's share of voice"),
)


def every_role_words(every_role: bool, k: int) -> str:
    """What the "Show every role" choice shows on the screen, in one sentence."""
    if every_role:
        return (
            "The screen shows every role by name, even one of a single person, "
            "with how many came and their share of talk, as everyone here saw it."
        )
    return (
        f"The screen shows roles of fewer than {k} people together as one group; "
        "showing every role names each, even one of a single person."
    )


class ParticipationControls:
    """Named widgets: ``reveal``, ``view``, ``show_names``, ``every_role``,
    ``every_role_note``, ``gini``, ``summary``, ``talk_table`` and
    ``equity_note``."""

    def __init__(
        self, context: ControlsContext, clock: Callable[[], float] = time.time
    ) -> None:
        self.context = context
        self.clock = clock
        self.reveal = RevealToggle(
            context, ACTIVITY, "fc-reveal-participation",
            reveal="Show the charts on the screen",
            hide="Hide the charts from the screen",
        )  # fmt: skip
        self.view = ViewChoice(
            context, ACTIVITY, [(label, key) for label, key, _ in VIEWS]
        )
        self.show_names = styled(
            widgets.ToggleButton(
                value=False, description="Show names on the screen", icon="user"
            ),
            "fc-show-names",
        )
        self.show_names.observe(self._names_toggled, "value")
        self.every_role = styled(
            widgets.ToggleButton(
                value=False, description="Show every role on the screen", icon="users"
            ),
            "fc-show-every-role",
        )
        self.every_role.observe(self._every_role_toggled, "value")
        self.every_role_note = message("fc-every-role-note")
        self.status = message("fc-names-status")
        self.gini = message("fc-gini")
        self.summary = message("fc-participation-summary")
        self.talk_table = message("fc-talk-table")
        self.equity_note = message("fc-equity-note")
        self.syncing = False
        self.seen: tuple[int, int, bool] | None = None
        self.root = styled(
            widgets.VBox(
                [
                    self.reveal.root,
                    self.view.root,
                    self.show_names,
                    self.every_role,
                    self.every_role_note,
                    self.status,
                    self.gini,
                    self.summary,
                    self.talk_table,
                    self.equity_note,
                ]
            ),
            "fc-participation-controls",
        )

    def _names_toggled(self, change: dict[str, Any]) -> None:
        if self.syncing:
            return
        setting = SettingChanged("show_names", bool(change["new"]))
        self.context.record(setting, self.status)

    def _every_role_toggled(self, change: dict[str, Any]) -> None:
        if self.syncing:
            return
        setting = SettingChanged(EVERY_ROLE_SETTING, bool(change["new"]))
        self.context.record(setting, self.status)

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        self.reveal.refresh(roster)
        self.view.refresh(roster)
        self.syncing = True
        try:
            self.show_names.value = roster.show_names()
            self.every_role.value = every_role_shown(roster)
        finally:
            self.syncing = False
        k = release_k(roster, self.context.session)
        self.every_role_note.value = (
            f"<p>{every_role_words(self.every_role.value, k)}</p>"
        )
        seen = (records[-1].id if records else 0, k, self.every_role.value)
        if seen != self.seen:
            self.seen = seen
            self.fill_table(records, k)

    def fill_table(self, records: list[Recorded], k: int) -> None:
        """Talk, turns and written contributions per person, with names."""
        from facilitate.activities.participation.charts import (
            gini_in_words,
            speaker_labels,
        )
        from facilitate.activities.participation.metrics import (
            contribution_frame,
            people_frame,
            talk_by_person,
            talk_summary,
            turns_from_records,
        )
        from facilitate.activities.participation.table import (
            equity_note,
            summary_sentence,
            talk_table_html,
        )
        from facilitate.core.text import escape

        turns = turns_from_records(records, self.clock())
        per_person = talk_by_person(
            people_frame(records), turns, contribution_frame(records)
        )
        summary = talk_summary(per_person, turns)
        labels = speaker_labels(per_person, show_names=True)
        self.gini.value = (
            f"<p><strong>{escape(gini_in_words(summary.gini))}</strong></p>"
        )
        self.summary.value = f"<p>{escape(summary_sentence(summary))}</p>"
        self.talk_table.value = talk_table_html(per_person, labels)
        self.equity_note.value = equity_note(per_person, k, self.every_role.value)
