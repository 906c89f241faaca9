"""The display follows the room: the language the projected screen speaks.

The facilitator chooses it on the remote, and the choice is a setting in the
log like any other (``SettingChanged("display_language", ...)``), written
through the one guarded path, so a display opened later, or reopened, speaks
it too. Besides each language alone, a room may want two at once: "English +
Español" puts every heading and prompt on the screen in both. Exports stay in
the leader's language; this setting is the screen's only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from facilitate.core import language
from facilitate.core.roster import Roster
from facilitate.ui.widgets import named, styled

SETTING = "display_language"


def display_choices() -> list[tuple[str, str]]:
    """(label, code): each complete language, then English with each of them."""
    offered = language.offered()
    source = offered[0]
    both = [
        (f"{source.name} + {item.name}", f"{source.code}+{item.code}")
        for item in offered[1:]
    ]
    return [(item.name, item.code) for item in offered] + both


def room_language(roster: Roster) -> str:
    """The language the room chose for its screen (English until it chooses)."""
    chosen = str(roster.settings.get(SETTING, language.SOURCE))
    known = {code for _, code in display_choices()}
    return chosen if chosen in known else language.SOURCE


class DisplayLanguageControl:
    """Named widgets: ``root`` and ``choice`` (``fc-display-language``)."""

    def __init__(self, chosen: Callable[[str], Any]) -> None:
        self.choice = styled(
            named(
                widgets.ToggleButtons(
                    options=display_choices(),
                    value=language.SOURCE,
                    style={"button_width": "auto"},
                ),
                "Language on the screen",
            ),
            "fc-display-language",
        )
        self.root = self.choice
        self.showing = False
        self.chosen = chosen
        self.choice.observe(self._changed, "value")

    def show(self, roster: Roster) -> None:
        """Show the room's choice without choosing it again."""
        self.showing = True
        self.choice.value = room_language(roster)
        self.showing = False

    def _changed(self, change: dict[str, Any]) -> None:
        if not self.showing and change["new"] != change["old"]:
            self.chosen(str(change["new"]))
