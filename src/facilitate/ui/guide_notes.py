"""The facilitator's guide notes, per activity, from ``guide.yaml`` in ``ui/``.

Notes drawn from established protocols (norms for the conversation, what to do
when several people report the danger zone, how to open a discussion of a split
practice) sit beside each activity on the facilitator's own pages. They are
content a facilitator may edit, so they live in a YAML file beside the remote's
guide box that shows them, and every mistake is reported with the file name and
what to fix. Keys are activity keys of the agenda; they are read without
importing any activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitate.core.content import load_yaml, require
from facilitate.core.errors import InvalidContent

SOURCE = "guide.yaml"


@dataclass(frozen=True)
class GuideNote:
    """One note: a short title, what to do in the moment, and where it comes from."""

    title: str
    text: str
    source: str = ""


def load_guide(folder: Path | None = None) -> dict[str, tuple[GuideNote, ...]]:
    """Every activity's notes, in file order, validated."""
    raw = load_yaml(SOURCE, __package__, folder)
    notes = require(raw, "notes", SOURCE)
    if not isinstance(notes, dict):
        raise InvalidContent(
            f"{SOURCE}: 'notes' should map activity keys (such as alignment) to "
            "lists of notes."
        )
    return {
        str(activity): _notes(entries, str(activity))
        for activity, entries in notes.items()
    }


def guide_notes(activity: str, folder: Path | None = None) -> tuple[GuideNote, ...]:
    """The notes for ``activity`` (an agenda key), in order; () when it has none."""
    return load_guide(folder).get(activity, ())


def _notes(entries: Any, activity: str) -> tuple[GuideNote, ...]:
    if not isinstance(entries, list) or not entries:
        raise InvalidContent(
            f"{SOURCE}: the notes for '{activity}' should be a list with at least "
            "one note (a title and a text)."
        )
    return tuple(_note(entry, activity, n) for n, entry in enumerate(entries, 1))


def _note(entry: Any, activity: str, number: int) -> GuideNote:
    where = f"{SOURCE} note {number} of '{activity}'"
    title, text = (_words(require(entry, key, where)) for key in ("title", "text"))
    if not title or not text:
        raise InvalidContent(f"{where}: the title and the text need some words.")
    return GuideNote(title, text, _words(entry.get("source", "")))


def _words(value: object) -> str:
    return " ".join(str(value or "").split())
