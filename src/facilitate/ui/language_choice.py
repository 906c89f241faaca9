"""The language switch at the top of the participant's page: one tap.

The page starts in the first language it speaks of: the link's ``?lang=``, the
one chosen before on this device (kept beside the seat's token), then the
browser's own languages; English otherwise. Each language is named in itself
("Español"), so a person finds theirs without reading English.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from facilitate.core import language
from facilitate.ui.browser import BrowserContext
from facilitate.ui.widgets import styled


class LanguageChoice:
    """Named widgets: ``root`` and ``choice`` (``fc-language`` toggle buttons)."""

    def __init__(self) -> None:
        self.choice = styled(
            widgets.ToggleButtons(
                options=[(item.name, item.code) for item in language.offered()],
                value=language.current()
                if language.current() in language.codes()
                else language.SOURCE,
                description="Language",
                style={"button_width": "auto"},
            ),
            "fc-language",
            "fc-named",
        )
        self.root = styled(widgets.HBox([self.choice]), "fc-language-row")
        self.browser: BrowserContext | None = None
        self.changed: Callable[[], None] = lambda: None
        self.quiet = False
        self.choice.observe(self._chosen, "value")

    def on_change(self, callback: Callable[[], None]) -> None:
        self.changed = callback

    def start(self, browser: BrowserContext) -> str:
        """Speak the language this browser asks for, keep it there, and say it."""
        self.browser = browser
        wanted = language.negotiate(
            str(browser.query.get("lang", "")),
            browser.stored_language,
            browser.languages,
        )
        self.quiet = True
        self.choice.options = [
            (item.name, item.code) for item in language.offered(wanted)
        ]
        self.choice.value = wanted
        self.quiet = False
        self._speak(wanted)
        return wanted

    def _chosen(self, change: dict[str, object]) -> None:
        code = str(change["new"])
        if self.quiet or code == language.current():
            return
        self._speak(code)
        self.changed()

    def _speak(self, code: str) -> None:
        language.use(code)
        self.choice.description = language.gettext("Language")
        if self.browser is not None:
            self.browser.rtl = language.is_rtl()
            self.browser.language = code
