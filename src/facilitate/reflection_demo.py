"""Demo data for the closing phase: anonymous feedback, the leader's notes, rubric."""

from __future__ import annotations

import random

from facilitate.events import FeedbackGiven, LeaderNoteSaved, RubricChecked
from facilitate.reflection import load_feedback
from facilitate.sessions import SessionInfo
from facilitate.store.base import EventStore

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
DEMO_NOTES = {
    "context": (
        "Monthly leadership-team meeting of a K-8 school: teachers, a specialist, "
        "support staff, an administrator, a parent and a community partner. We met "
        "after the spring survey showed that families and support staff felt left "
        "out of decisions about homework and grading."
    ),
    "goals": (
        "Surface where our grading and homework practices sit between extrinsic "
        "rewards and intrinsic community, agree on one practice to change first, and "
        "notice whose voices shape our decisions."
    ),
    "what_happened": (
        "The self-assessment was quiet but honest. During the alignment activity the "
        "widest gap was on points for homework: most of us want intrinsic motivation "
        "but grade compliance. In the discussion three teachers spoke for most of the "
        "time until we switched to rounds; after that the family member and support "
        "staff contributed ideas that changed the proposal."
    ),
    "next_steps": (
        "Pilot ungraded homework feedback in two grade levels for six weeks, with a "
        "family member and a support-staff member on the pilot team. Share the "
        "talk-time figures with the team and use rounds in every meeting."
    ),
    "roadblocks": (
        "Report-card deadlines that expect a homework grade; worry from some families "
        "that less grading means less rigour; meeting times that exclude part-time "
        "staff."
    ),
    "strategies": (
        "Ask the district for a pilot exemption on homework grades; hold a family "
        "evening to show the feedback we will give instead; move one meeting a month "
        "to the afternoon overlap and track who attends."
    ),
}
DEMO_RUBRIC = {"facilitate": "basic", "lead": "proficient"}


def seed_reflection(
    store: EventStore, session: SessionInfo, people: list[str], seed: int = 7
) -> None:
    """Ten people give feedback; the leader writes notes and checks the rubric."""
    rng = random.Random(seed)
    items = [item.key for item in load_feedback().ratings]
    for index, participant in enumerate(people[: len(DEMO_HELPED)]):
        ratings = {key: rng.choice((3, 4, 4, 5, 5, 2)) for key in items}
        store.append(
            session.code,
            FeedbackGiven(
                participant,
                ratings=ratings,
                helped=DEMO_HELPED[index],
                more_equitable=DEMO_MORE_EQUITABLE[index],
            ),
        )
    for section, text in DEMO_NOTES.items():
        store.append(session.code, LeaderNoteSaved(section, text))
    for criterion, level in DEMO_RUBRIC.items():
        store.append(session.code, RubricChecked(criterion, level))
