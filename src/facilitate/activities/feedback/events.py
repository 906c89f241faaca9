"""What the closing form records: that a person gave feedback, and, apart, what.

``FeedbackSent`` names the person and says nothing of their answers: it only
stops a second form from the same person. ``FeedbackContent`` holds the answers
and names nobody; the store holds it apart and adds it with others in a batch of
k, in random order (``EventStore.append_unlinked``), so neither the log's order
nor its times tie a form to a person.

``FeedbackGiven`` is how logs kept before this split recorded a form (answers
next to the person). It is still read, so those sessions open and count, and
never written; its person never leaves the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from facilitate.core.events import PRIVATE, PSEUDONYMOUS, PUBLIC, Event, Recorded


@dataclass(frozen=True)
class FeedbackSent(Event):
    """This person has given feedback (once); nothing of what they said."""

    kind: ClassVar[str] = "feedback_sent"
    policy: ClassVar[Mapping[str, str]] = {"participant": PSEUDONYMOUS}
    participant: str


@dataclass(frozen=True)
class FeedbackContent(Event):
    """One person's ratings and open answers, with nothing that says whose."""

    kind: ClassVar[str] = "feedback_content"
    policy: ClassVar[Mapping[str, str]] = {
        "ratings": PUBLIC,
        "helped": PRIVATE,
        "more_equitable": PRIVATE,
    }
    ratings: dict[str, int] = field(default_factory=dict)
    helped: str = ""
    more_equitable: str = ""


@dataclass(frozen=True)
class FeedbackGiven(Event):
    """A form as earlier logs kept it, beside its author: read, never written."""

    kind: ClassVar[str] = "feedback_given"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PRIVATE,
        "ratings": PUBLIC,
        "helped": PRIVATE,
        "more_equitable": PRIVATE,
    }
    participant: str
    ratings: dict[str, int] = field(default_factory=dict)
    helped: str = ""
    more_equitable: str = ""


def feedback_form(record: Recorded) -> str | None:
    """Which form ``record`` is (None when it is not one).

    A ``FeedbackContent`` is a form of its own; an earlier log's
    ``FeedbackGiven`` is its author's form, replaced by their next one.
    """
    event = record.event
    if isinstance(event, FeedbackContent):
        return f"form-{record.id}"
    if isinstance(event, FeedbackGiven):
        return event.participant
    return None
