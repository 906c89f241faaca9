"""Demo data for the leader's pages: notes on context, goals and reflection, rubric."""

from __future__ import annotations

from facilitate.core.events import LeaderNoteSaved, RubricChecked
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore

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


def seed_leader_notes(store: EventStore, session: SessionInfo) -> None:
    """The leader writes every note and checks the rubric."""
    for section, text in DEMO_NOTES.items():
        store.append(session.code, LeaderNoteSaved(section, text))
    for criterion, level in DEMO_RUBRIC.items():
        store.append(session.code, RubricChecked(criterion, level))
