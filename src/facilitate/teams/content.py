"""The team's editable lists from ``four_questions.yaml`` beside this module."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitate.core.content import Choice, load_yaml, require, require_list
from facilitate.core.errors import InvalidContent

SOURCE = "four_questions.yaml"


@dataclass(frozen=True)
class FourQuestions:
    areas: tuple[Choice, ...]
    support_types: tuple[Choice, ...]

    def area_label(self, key: str) -> str:
        """The area's label; an area since removed from the file keeps its key."""
        return next((a.label for a in self.areas if a.key == key), key)

    def type_label(self, key: str) -> str:
        return next((t.label for t in self.support_types if t.key == key), key)

    def area_order(self, key: str) -> int:
        """Position in the file; areas no longer listed come last."""
        keys = [a.key for a in self.areas]
        return keys.index(key) if key in keys else len(keys)


def _choices(raw: object, name: str) -> tuple[Choice, ...]:
    entries = require_list(raw, name, SOURCE)
    parsed = tuple(
        Choice(str(require(e, "key", SOURCE)), str(require(e, "label", SOURCE)))
        for e in entries
    )
    if len({c.key for c in parsed}) != len(parsed):
        raise InvalidContent(f"{SOURCE}: each entry of '{name}' needs its own 'key'.")
    return parsed


def load_four_questions(folder: Path | None = None) -> FourQuestions:
    """The areas of concern and kinds of support a team chooses from."""
    raw = load_yaml(SOURCE, __package__, folder)
    return FourQuestions(
        areas=_choices(raw, "areas"), support_types=_choices(raw, "support_types")
    )
