"""What the participation tracker records: people without a device, and taps."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from facilitate.core.events import PRIVATE, PSEUDONYMOUS, Event


@dataclass(frozen=True)
class SpeakerAdded(Event):
    """A person without a device, added by seat label on the tracker."""

    kind: ClassVar[str] = "speaker_added"
    policy: ClassVar[Mapping[str, str]] = {
        "speaker": PSEUDONYMOUS,
        "label": PRIVATE,
        "role": PRIVATE,
    }
    speaker: str
    label: str
    role: str = ""

    def presence(self) -> tuple[str, str]:
        """Present without a device: counted on the cover like anyone who joined."""
        return f"speaker:{self.speaker}", self.role


@dataclass(frozen=True)
class TurnStarted(Event):
    """A tap: ``speaker`` starts talking (None = silence); ends the previous turn."""

    kind: ClassVar[str] = "turn_started"
    policy: ClassVar[Mapping[str, str]] = {"speaker": PSEUDONYMOUS}
    speaker: str | None


@dataclass(frozen=True)
class TapUndone(Event):
    """Cancels the tap recorded as event ``target``; nothing is deleted.

    ``target`` is a position in the log, which an export must not reveal: it
    would order the tracker's taps among everyone's answers.
    """

    kind: ClassVar[str] = "tap_undone"
    policy: ClassVar[Mapping[str, str]] = {"target": PRIVATE}
    target: int
