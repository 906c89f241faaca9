"""A small self-assessment content file for unit tests, independent of data/."""

from __future__ import annotations

from pathlib import Path

from facilitate.activities.self_assessment.content import (
    SelfAssessment,
    load_self_assessment,
)
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.core.events import ParticipantJoined
from facilitate.core.store.base import EventStore

SMALL_CONTENT = """
title: "Test inventory"
introduction: "Two short parts."
guidance: "Answer for a typical week, not your best one."
scale:
  - {key: never, label: "Never", score: 0}
  - {key: sometimes, label: "Sometimes", score: 1}
  - {key: often, label: "Often", score: 2}
  - {key: always, label: "Always", score: 3}
prefer_not_label: "Prefer not to say"
profile:
  introduction: "Only you see this."
  closing: "Ask someone who meets your practice."
default_variant: staff
variants:
  - key: staff
    label: "Staff"
    roles: [teacher, administrator]
    introduction: "For staff."
    domains:
      - key: self
        title: "Knowing myself"
        about: "your own lens"
        notice: "Who am I here?"
        try_next: "Ask a colleague."
        items:
          - {key: s1, text: "I notice my lens.", source: "Test note."}
          - {key: s2, text: "I name my advantages.", source: "Test note."}
      - key: lead
        title: "Leading"
        about: "leading"
        notice: "Whose ideas do I take up?"
        try_next: "Make room for one voice."
        items:
          - {key: l1, text: "I share decisions.", source: "Test note."}
          - {key: l2, text: "I ask for feedback.", source: "Test note."}
  - key: family
    label: "Families"
    roles: [family, community]
    introduction: "For families."
    domains:
      - key: self
        title: "Knowing myself as a parent"
        about: "what you expect"
        notice: "What do I expect?"
        try_next: "Talk with a family."
        items:
          - {key: f1, text: "I notice what I expect.", source: "Test note."}
          - {key: f2, text: "I name my advantages at school.", source: "Test note."}
      - key: lead
        title: "Speaking up"
        about: "speaking up"
        notice: "Whose voices count?"
        try_next: "Invite a family."
        items:
          - {key: g1, text: "I make room for others.", source: "Test note."}
identities:
  source: "Adapted from the Social Identity Wheel."
  questions:
    - {key: most, prompt: "Most?"}
    - {key: noticed, prompt: "Noticed first?"}
  choices:
    - {key: race, label: "Race or ethnicity"}
    - {key: gender, label: "Gender"}
    - {key: other, label: "Another identity"}
zones:
  prompt: "Where are you right now?"
  source: "Adapted from NSRF."
  choices:
    - {key: comfort, label: "Comfort zone", description: "at ease"}
    - {key: risk, label: "Risk zone", description: "learning"}
    - {key: danger, label: "Danger zone", description: "too much"}
reflections:
  - {key: leadership, prompt: "How might my biases affect my leadership?"}
"""


def write_content(folder: Path, text: str = SMALL_CONTENT) -> Path:
    (folder / "self_assessment.yaml").write_text(text, encoding="utf-8")
    return folder


def small_content(folder: Path) -> SelfAssessment:
    return load_self_assessment(write_content(folder))


def complete_inventory(
    store: EventStore,
    code: str,
    person: str,
    answer: str = "often",
    identities: tuple[str, ...] = ("race",),
    role: str = "teacher",
) -> None:
    """Record one person joining with ``role``, answering every shipped statement
    written for that role, and submitting."""
    content = load_self_assessment()
    variant = content.variant_for_role(role) or content.variant(content.default_variant)
    store.append(code, ParticipantJoined(person, f"Person {person}", role))
    store.append(code, ZoneChecked(person, "start", "risk"))
    for item in variant.items:
        store.append(code, SelfAssessmentAnswered(person, item.key, answer))
    for question in content.identity_questions:
        store.append(code, IdentityReflected(person, question.key, list(identities)))
    store.append(code, SelfAssessmentSubmitted(person))
