"""Demo data for the evidence pack: every part written, rated, linked and answered,
with the leader's private self-assessment and what they heard in Part 1.

One colleague has sent feedback through their link and a second link is still
waiting, so the demo shows both states of Part 2.3.
"""

from __future__ import annotations

from facilitate.core.events import (
    ColleagueFeedbackGiven,
    LeaderNoteSaved,
    QualitativeEvidenceSaved,
    RubricChecked,
    RubricEvidenceLinked,
)
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore
from facilitate.evidence.colleague import invite
from facilitate.evidence.session_evidence import supporting

DEMO_TEXTS = {
    "leader_self_assessment": (
        "I grew up in this town and went to a school much like ours, where "
        "homework came easily because I had a quiet room and parents who had been "
        "to college. That is a privilege I forget I had. My bias is to trust the "
        "voices that sound like mine at a meeting, and to read a quiet family as "
        "an uninterested one.\n\n"
        "I value fairness and I value high expectations, and in grading they "
        "sometimes pull against each other. As a leader I am trying to make "
        "decisions with the people they affect, not for them."
    ),
    "needs_assessment": (
        "Our K-8 school wants every family and staff member to shape how we grade "
        "and assign homework, yet our spring survey and our meeting minutes tell "
        "another story. Of 212 family responses, 61% said they had never been "
        "asked about homework; support staff, who supervise homework club, were "
        "absent from all six planning meetings last year. Our grade books show that "
        "students who attend homework club, most of them multilingual learners, "
        "lose points for late work far more often than others.\n\n"
        "The change I propose is a standing practice of shared decision-making on "
        "grading and homework, with families and support staff at the table, so that "
        "policy is written with the people it affects most. The goals are a "
        "homework policy the whole community helped write by June, and a fall in "
        "late-work penalties for homework-club students.\n\n"
        "My philosophy of collaboration is that those closest to a problem hold "
        "knowledge the rest of us lack, and a socially just school makes room for "
        "that knowledge on purpose: in who is invited, how talk is shared and who "
        "decides. The actions follow from it: invite, structure the talk, share "
        "the data, decide together."
    ),
    "plan_of_action": (
        "I facilitated our monthly leadership meeting, widened for this purpose: "
        "twelve teachers, three specialists, four support-staff members, an "
        "administrator, four family members and a community partner from the "
        "library. Our intended outcome was one homework practice we would change "
        "first, chosen together, and a shared picture of whose voices shape our "
        "decisions.\n\n"
        "My role was to design and hold the structure rather than to steer the "
        "answer: an anonymous self-assessment to open honestly, an alignment "
        "exercise that put our practices next to our vision, and a tracked "
        "discussion so we could see who was talking. When three teachers carried "
        "most of the early talk, I switched us to rounds; the family members and "
        "support staff then proposed the idea the group adopted. The activity "
        "promoted educational equity by moving decisions about homework toward the "
        "families and staff who see its effects first."
    ),
    "awareness": (
        "Proposal: every decision about grading or homework goes through a team "
        "that includes at least two family members and one support-staff member, "
        "meets at a time part-time staff can attend, and uses rounds so every role "
        "is heard before we decide. Late-work penalties are paused for a six-week "
        "pilot in two grade levels while we gather evidence.\n\n"
        "To support reflective practice, the session opened with an anonymous "
        "self-assessment of identity, privilege and bias, and closed by asking "
        "each person where they stood between comfort, risk and danger. The room "
        "moved from the comfort zone toward the risk zone, which is where growth "
        "happens. The alignment exercise showed where our practice and our vision "
        "pull apart; we will repeat both at the end of the pilot to assess growth."
    ),
    "building_capacity": (
        "Present were twelve teachers, three specialists, four support-staff "
        "members, our assistant principal, four family members, including two "
        "whose first language is Spanish and one Somali-speaking grandmother, and "
        "Jo from the public library. I have taught alongside most of the teachers "
        "for years; the support staff report to the office, not to me; I knew the "
        "families only from conferences, and I had met Jo once.\n\n"
        "We met for ninety minutes in the library with interpreters. After the "
        "self-assessment we placed sixteen practices between extrinsic reward and "
        "intrinsic community. Letter grades and reward celebrations split the room "
        "into two camps. In discussion, the tracker showed three teachers taking "
        "most of the talk, so I moved us to rounds. Fatima from support staff then "
        "described homework club evenings, and Mrs Ali explained that her grandson "
        "does his homework at the library because home is crowded. Together they "
        "proposed feedback instead of points for homework, with the library as a "
        "partner.\n\n"
        "I showed the competence by cooperating with people of other cultures to "
        "create strategies and implement plans: the proposal came from families and "
        "support staff, the pilot team includes them, and the library now hosts a "
        "weekly homework hour we plan together."
    ),
    "reflection": (
        "Looking back, we collaborated to advance educational equity when the "
        "structure changed who could speak. The self-assessment and the alignment "
        "exercise gave everyone the same starting information, and the talk "
        "figures made the imbalance visible without blaming anyone. The decision "
        "we reached, feedback instead of points for homework, came from the people "
        "our old process left out. I learned that my role is to notice who is not "
        "being heard and to change the structure, not to speak for them.\n\n"
        "Next steps: run the six-week pilot in grades 4 and 6 with the family and "
        "support-staff members on the pilot team, share the participation figures "
        "at our next meeting, and use rounds in every leadership meeting.\n\n"
        "Possible roadblocks: report-card deadlines that expect a homework grade; "
        "worry among some families that less grading means less rigour; meeting "
        "times that exclude part-time staff.\n\n"
        "Possible solutions: ask the district for a pilot exemption on homework "
        "grades; hold a family evening, with interpreters, to show the feedback we "
        "will give instead; move one meeting a month to the afternoon overlap and "
        "track who attends."
    ),
}
DEMO_HEARD = [
    {
        "source": "Family listening session (library, with interpreters)",
        "date": "February",
        "themes": "Homework assumes a quiet place and an adult who can help.",
        "quotes": "We share one table after dinner.\n\nThe late marks feel like "
        "they are for my job, not my child.",
    },
    {
        "source": "Support staff interviews",
        "date": "March",
        "themes": "Never asked about grading; homework club sees the effects.",
        "quotes": "We see the same children lose points every week.",
    },
]
DEMO_RATINGS = {"facilitate": "proficient", "lead": "basic"}
#: The parts of the pack each rubric row of the demo links to; the activity
#: evidence each of the first parts holds is linked too (see ``demo_links``).
DEMO_LINKS = {
    "facilitate": (("building_capacity", "analysis"), ("roles",)),
    "lead": (("awareness",), ("reflection",)),
}
DEMO_COLLEAGUE = ("Dolores Ramírez", "Literacy specialist on the leadership team")
DEMO_FEEDBACK = (
    "I have sat in many leadership meetings at our school and this one was "
    "different. Before we started, the leader made sure the families had "
    "interpreters and that the meeting was in the library, where two of the "
    "grandparents already felt at home. When the discussion began, three of us "
    "teachers were doing most of the talking, and I was one of them. The leader "
    "did not call anyone out; they showed the talk-time chart and moved us to "
    "rounds. That was when Fatima and Mrs Ali spoke, and their idea became the "
    "plan. The leader kept asking the group to decide rather than deciding for us, "
    "and they asked families and support staff to join the pilot team on the "
    "spot. One thing I would do differently: the rounds came late, after forty "
    "minutes. Starting with rounds would have given those voices more time."
)
DEMO_WAITING = ("Jo Okafor", "Community partner, public library")


def seed_evidence(store: EventStore, session: SessionInfo) -> None:
    """The leader writes every part, rates and links both rows, invites two people."""
    for part, text in DEMO_TEXTS.items():
        store.append(session.code, LeaderNoteSaved(part, text))
    store.append(session.code, QualitativeEvidenceSaved(DEMO_HEARD))
    for row, level in DEMO_RATINGS.items():
        store.append(session.code, RubricChecked(row, level))
        store.append(session.code, RubricEvidenceLinked(row, demo_links(row)))
    answered = invite(*DEMO_COLLEAGUE)
    store.append(session.code, answered)
    store.append(session.code, invite(*DEMO_WAITING))
    store.append(
        session.code,
        ColleagueFeedbackGiven(
            answered.invitation, answered.name, answered.relationship, DEMO_FEEDBACK
        ),
    )


def demo_links(row: str) -> list[str]:
    """What the demo leader links to ``row``: its parts, the activity evidence
    the agenda attaches to them, then the rest (so no activity is named here)."""
    parts, rest = DEMO_LINKS[row]
    evidence = [key for part in parts for key in supporting(part)]
    return [*parts, *dict.fromkeys(evidence), *rest]
