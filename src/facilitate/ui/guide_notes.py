"""The facilitator's guide notes, each activity's from a YAML file in its folder.

Notes drawn from established protocols (norms for the conversation, what to do
when several people report the danger zone, how to open a discussion of a split
practice) sit beside each activity on the facilitator's own pages. They are
content a facilitator may edit, so each activity keeps its notes in its own
folder, in a ``guide`` package (``guide/<key>_guide.yaml``, the file its spec's
``guide`` names), and the remote asks the agenda for them; nothing here names an
activity. Only the facilitator reads them, so they sit apart from the content
participants read (which ``facilitate languages`` checks for translations) and
are not translated. Every mistake is reported with the file name and what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitate.core.agenda import AgendaError, current_agenda
from facilitate.core.content import load_yaml, require
from facilitate.core.errors import InvalidContent


@dataclass(frozen=True)
class GuideNote:
    """One note: a short title, what to do in the moment, and where it comes from."""

    title: str
    text: str
    source: str = ""


@dataclass(frozen=True)
class GuideFile:
    """An activity's guide notes file: ``name`` shipped in ``package`` (its folder).

    Calling it reads the notes (from ``folder`` when given, else as
    ``core.content`` finds the file), so an activity's ``guide`` reference loads
    like any other."""

    name: str
    package: str

    def __call__(self, folder: Path | None = None) -> tuple[GuideNote, ...]:
        raw = load_yaml(self.name, self.package, folder)
        entries = require(raw, "notes", self.name)
        if not isinstance(entries, list) or not entries:
            raise InvalidContent(
                f"{self.name}: 'notes' should be a list with at least one note "
                "(a title and a text)."
            )
        return tuple(self._note(entry, n) for n, entry in enumerate(entries, 1))

    def _note(self, entry: Any, number: int) -> GuideNote:
        where = f"{self.name} note {number}"
        title, text = (_words(require(entry, key, where)) for key in ("title", "text"))
        if not title or not text:
            raise InvalidContent(f"{where}: the title and the text need some words.")
        return GuideNote(title, text, _words(entry.get("source", "")))


def guide_files() -> dict[str, GuideFile]:
    """Each activity's guide file, by activity key, in agenda order."""
    found = {}
    for spec, guide in current_agenda().loaded("guide"):
        if not isinstance(guide, GuideFile):
            raise AgendaError(
                f"The activity '{spec.key}' names {guide!r} as its guide; name a "
                "GuideFile (see facilitate.ui.guide_notes)."
            )
        found[spec.key] = guide
    return found


def load_guide(folder: Path | None = None) -> dict[str, tuple[GuideNote, ...]]:
    """Every activity's notes, in agenda order, validated."""
    return {key: guide(folder) for key, guide in guide_files().items()}


def guide_notes(activity: str, folder: Path | None = None) -> tuple[GuideNote, ...]:
    """The notes for ``activity`` (an agenda key), in order; () when it has none."""
    guide = guide_files().get(activity)
    return guide(folder) if guide is not None else ()


def _words(value: object) -> str:
    return " ".join(str(value or "").split())
