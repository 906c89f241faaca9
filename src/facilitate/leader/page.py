"""The leader's reflection page: context, goals, reflection and rubric self-check.

Facilitator-only, like the console: without the key the page is one refusal
sentence. Word counts update as the leader types; going over the 500-word limit is
shown (and the export says so) but nothing is cut. Saving records only what changed,
as events where the latest per section wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.events import Event, LeaderNoteSaved, RubricChecked
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.core.text import clean_text, escape
from facilitate.leader.content import (
    NOTE_CHARACTER_LIMIT,
    NOTE_SECTIONS,
    Rubric,
    latest_notes,
    latest_rubric,
    load_rubric,
    word_report,
)
from facilitate.ui.browser import BrowserContext
from facilitate.ui.keyed import KeyedPage, build_page
from facilitate.ui.record import record
from facilitate.ui.widgets import ErrorPage, button, heading, message, say, styled

_WIDE = widgets.Layout(width="100%", max_width="48em")


def _note_box(key: str, hint: str) -> widgets.Textarea:
    return styled(
        widgets.Textarea(placeholder=hint, rows=5, layout=_WIDE), f"fc-note-{key}"
    )


@dataclass
class ReflectionPage(KeyedPage):
    title = "Leader reflection"

    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    status: widgets.HTML = field(
        default_factory=lambda: message("fc-reflection-status")
    )
    total: widgets.HTML = field(default_factory=lambda: message("fc-words-total"))
    save: widgets.Button = field(
        default_factory=lambda: button("Save reflection", "fc-save-reflection")
    )
    notes: dict[str, widgets.Textarea] = field(
        default_factory=lambda: {s.key: _note_box(s.key, s.hint) for s in NOTE_SECTIONS}
    )
    counts: dict[str, widgets.HTML] = field(
        default_factory=lambda: {
            s.key: message(f"fc-words-{s.key}") for s in NOTE_SECTIONS
        }
    )
    rubric: Rubric = field(default_factory=load_rubric)
    levels: dict[str, widgets.RadioButtons] = field(default_factory=dict)
    session: SessionInfo | None = None
    saved_notes: dict[str, str] = field(default_factory=dict)
    saved_levels: dict[str, str] = field(default_factory=dict)

    def start(self) -> None:
        self.levels = {
            c.key: styled(
                widgets.RadioButtons(
                    options=[(level.label, level.key) for level in self.rubric.levels],
                    value=None,
                ),
                f"fc-rubric-{c.key}",
            )
            for c in self.rubric.criteria
        }
        for box in self.notes.values():
            box.observe(lambda _: self.show_counts(), "value")
        self.save.on_click(lambda _: self.save_changes())
        self.await_key()

    def open(self, code: str, key: Any) -> None:
        """Show the form for ``code`` if ``key`` is right, else refuse."""
        session = self.unlock(code, key)
        if session is None:
            return
        records = self.store.read(session.code)
        self.saved_notes = latest_notes(records)
        self.saved_levels = latest_rubric(records)
        for key_, box in self.notes.items():
            box.value = self.saved_notes.get(key_, "")
        for key_, choice in self.levels.items():
            choice.value = self.saved_levels.get(key_)
        self.root.children = [self.browser, *self._layout(session)]
        say(self.status, "")
        self.show_counts()

    def _layout(self, session: SessionInfo) -> list[Any]:
        rows: list[Any] = [
            heading(f"Leader reflection: {session.title}", "fc-session-title")
        ]
        for section in NOTE_SECTIONS:
            if section.key == "what_happened":
                rows.append(heading("Reflection (500 words in all)", level=3))
                rows.append(self.total)
            rows += [
                widgets.HTML(f"<h4>{escape(section.title)}</h4>"),
                self.notes[section.key],
                self.counts[section.key],
            ]
        rows.append(heading("Rubric self-check", level=3))
        for criterion in self.rubric.criteria:
            described = "".join(
                f"<li><strong>{escape(level.label)}</strong>: "
                f"{escape(criterion.descriptors[level.key])}</li>"
                for level in self.rubric.levels
            )
            rows += [
                widgets.HTML(
                    f"<h4>{escape(criterion.label)}</h4>"
                    f"<p>{escape(criterion.question)}</p><ul>{described}</ul>"
                ),
                self.levels[criterion.key],
            ]
        return [*rows, self.save, self.status]

    def show_counts(self) -> None:
        """Live word counts per section and for the reflection as a whole."""
        report = word_report({k: box.value for k, box in self.notes.items()})
        for key_, count in report.per_section.items():
            self.counts[key_].value = f"<p>{count} words</p>"
        say(self.total, report.sentence(), "error" if report.over_by else "info")

    def save_changes(self) -> None:
        """Record each section and rubric choice that differs from the saved one."""
        if self.session is None:
            return
        recorded = record(self.store, self.session.code, self.changes, self.status)
        if recorded is None:
            return
        for entry in recorded:
            if isinstance(entry.event, LeaderNoteSaved):
                self.saved_notes[entry.event.section] = entry.event.text
            elif isinstance(entry.event, RubricChecked):
                self.saved_levels[entry.event.criterion] = entry.event.level
        changed = len(recorded)
        say(
            self.status,
            f"Saved {changed} change{'s' if changed != 1 else ''}."
            if changed
            else "Nothing changed since the last save.",
            "success",
        )

    def changes(self) -> list[Event]:
        """An event per section and rubric choice changed since the last save."""
        texts = {
            k: clean_text(
                box.value,
                what=f"the {k.replace('_', ' ')} section",
                limit=NOTE_CHARACTER_LIMIT,
            )
            for k, box in self.notes.items()
        }
        events: list[Event] = [
            LeaderNoteSaved(key, text)
            for key, text in texts.items()
            if text != self.saved_notes.get(key, "")
        ]
        events += [
            RubricChecked(key, str(choice.value))
            for key, choice in self.levels.items()
            if choice.value and choice.value != self.saved_levels.get(key)
        ]
        return events


def reflection_page(config: Config | None = None) -> ReflectionPage | ErrorPage:
    """Build the page; it opens once the facilitator key has been checked."""
    return build_page(lambda store: ReflectionPage(store=store), config)
