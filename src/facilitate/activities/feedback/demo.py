"""Demo feedback: most of the room rates the session and says what helped."""

from __future__ import annotations

import random
from collections.abc import Sequence

from facilitate.activities.feedback.content import load_feedback
from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
from facilitate.core.group_size import floored
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore

DEMO_HELPED = (
    "The talk tracker made me notice I was doing most of the talking.",
    "Writing on my own first, before anyone spoke, helped me join in.",
    "Having the vision statement on the wall kept us honest.",
    "Seeing that others were unsure too made it easier to say so.",
    "",
    "Rounds where everyone spoke once before anyone spoke twice.",
    "Being asked what families would say about our homework practice.",
    "Small groups of three before the whole-room discussion.",
    "",
    "The check-in: I felt it was fine to arrive tired.",
)
DEMO_MORE_EQUITABLE = (
    "Send the practices list a day ahead so we can think first.",
    "Invite support staff to plan the agenda, not only to attend.",
    "",
    "Offer the questions in Spanish for family members.",
    "More time in small groups; the whole room still favours confident voices.",
    "Rotate who facilitates the discussion part.",
    "",
    "Hold it at a time when part-time staff can come.",
    "Name the tensions earlier instead of at the end.",
    "",
)


def seed_feedback(
    store: EventStore, session: SessionInfo, people: Sequence[str], rng: random.Random
) -> None:
    """All but the last two people give feedback, a few leaving the text empty.

    Each form goes in as a participant's page sends it: unlinked, in batches of k.
    """
    items = [item.key for item in load_feedback().ratings]
    for index, participant in enumerate(people[: max(len(people) - 2, 0)]):
        ratings = {key: rng.choice((3, 4, 4, 5, 5, 2)) for key in items}
        content = FeedbackContent(
            ratings=ratings,
            helped=DEMO_HELPED[index % len(DEMO_HELPED)],
            more_equitable=DEMO_MORE_EQUITABLE[index % len(DEMO_MORE_EQUITABLE)],
        )
        store.append_unlinked(
            session.code,
            FeedbackSent(participant),
            content,
            floored(session.min_group_size),
        )
