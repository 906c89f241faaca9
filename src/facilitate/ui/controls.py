"""Controls an activity offers on the facilitator's remote, built the same way.

Reveal and Hide change what a whole room sees, so they never look like moving on:
they are wide, outlined in the reveal colour, and say what they do to the screen
("Show results on the screen"). A view choice picks which of an activity's
results fills the screen, one idea at a time. Both are recorded as events, so
every display of the session agrees and a reload shows the same.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from facilitate.core.events import ResultsRevealed, SettingChanged
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.widgets import message, styled

REVEAL_WORDS = "Show results on the screen"
HIDE_WORDS = "Hide results from the screen"


def view_setting(activity: str) -> str:
    """The setting that names which of ``activity``'s views the screen shows."""
    return f"{activity}.view"


def chosen_view(roster: Roster, activity: str, views: Sequence[str]) -> str:
    """The view the facilitator chose for ``activity`` (the first by default)."""
    chosen = roster.settings.get(view_setting(activity))
    return chosen if isinstance(chosen, str) and chosen in views else views[0]


class RevealToggle:
    """Named widgets: ``button`` and ``status``; ``root`` holds both."""

    def __init__(
        self,
        context: ControlsContext,
        activity: str,
        css_class: str,
        reveal: str = REVEAL_WORDS,
        hide: str = HIDE_WORDS,
    ) -> None:
        self.context = context
        self.activity = activity
        self.words = (reveal, hide)
        self.revealed = False
        self.button = styled(
            widgets.Button(
                description=reveal,
                icon="eye",
                layout=widgets.Layout(width="100%", min_height="56px"),
            ),
            "fc-reveal",
            css_class,
        )
        self.button.on_click(lambda _: self.toggle())
        self.status = message("fc-reveal-status")
        self.preview = message("fc-reveal-preview")
        self.root = styled(
            widgets.VBox([self.button, self.status, self.preview]), "fc-reveal-box"
        )

    def toggle(self) -> None:
        event = ResultsRevealed(activity=self.activity, revealed=not self.revealed)
        self.context.record(event, self.status)

    def refresh(self, roster: Roster, preview: str = "") -> None:
        """Say what pressing does now: show (and, before it, what the screen
        would show: ``preview``), or hide again."""
        self.revealed = roster.revealed.get(self.activity, False)
        said = "" if self.revealed or not preview else f"<p>{escape(preview)}</p>"
        if self.preview.value != said:
            self.preview.value = said
        self.button.description = self.words[1] if self.revealed else self.words[0]
        self.button.icon = "eye-slash" if self.revealed else "eye"
        if self.revealed:
            self.button.add_class("fc-revealed")
        else:
            self.button.remove_class("fc-revealed")


class ViewChoice:
    """Which of an activity's results fills the screen; ``choice`` is the widget."""

    def __init__(
        self,
        context: ControlsContext,
        activity: str,
        views: Sequence[tuple[str, str]],
    ) -> None:
        self.context = context
        self.activity = activity
        self.keys = [key for _, key in views]
        self.status = message("fc-view-status")
        self.choice = styled(
            widgets.ToggleButtons(options=list(views), value=self.keys[0]),
            "fc-view-choice",
            f"fc-view-{activity.replace('_', '-')}",
        )
        self.syncing = False
        self.choice.observe(self.chosen, "value")
        label = styled(widgets.HTML("<p>On the screen</p>"), "fc-field-label")
        self.root = styled(widgets.VBox([label, self.choice, self.status]), "fc-views")

    def chosen(self, change: dict[str, object]) -> None:
        if self.syncing or change["new"] not in self.keys:
            return
        setting = SettingChanged(view_setting(self.activity), str(change["new"]))
        self.context.record(setting, self.status)

    def refresh(self, roster: Roster) -> None:
        view = chosen_view(roster, self.activity, self.keys)
        self.syncing = True
        try:
            self.choice.value = view
        finally:
            self.syncing = False
