"""The check-in question from ``checkin.yaml`` here, with clear errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitate.core.content import Choice, load_yaml, require
from facilitate.core.errors import InvalidContent


@dataclass(frozen=True)
class CheckinQuestion:
    prompt: str
    choices: tuple[Choice, ...]

    def label_of(self, key: str) -> str:
        return next((c.label for c in self.choices if c.key == key), key)


def load_checkin(folder: Path | None = None) -> CheckinQuestion:
    """The first question everyone answers when they join."""
    source = "checkin.yaml"
    raw = load_yaml(source, __package__, folder)
    prompt = str(require(raw, "prompt", source))
    choices = require(raw, "choices", source)
    if not isinstance(choices, list) or len(choices) < 2:
        raise InvalidContent(f"{source}: 'choices' needs at least two entries.")
    parsed = tuple(
        Choice(str(require(c, "key", source)), str(require(c, "label", source)))
        for c in choices
    )
    if len({c.key for c in parsed}) != len(parsed):
        raise InvalidContent(f"{source}: each choice needs its own 'key'.")
    return CheckinQuestion(prompt=prompt, choices=parsed)
