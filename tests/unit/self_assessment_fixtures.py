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
scale:
  - {key: never, label: "Never", score: 0}
  - {key: sometimes, label: "Sometimes", score: 1}
  - {key: often, label: "Often", score: 2}
  - {key: always, label: "Always", score: 3}
prefer_not_label: "Prefer not to say"
domains:
  - key: self
    title: "Knowing myself"
    prompt: "Who am I here?"
    items:
      - {key: s1, text: "I notice my lens.", source: "Test note."}
      - {key: s2, text: "I name my advantages.", source: "Test note."}
  - key: lead
    title: "Leading"
    prompt: "Whose ideas do I take up?"
    items:
      - {key: l1, text: "I share decisions.", source: "Test note."}
      - {key: l2, text: "I ask for feedback.", source: "Test note."}
identities:
  questions:
    - {key: most, prompt: "Most?"}
    - {key: noticed, prompt: "Noticed first?"}
  choices:
    - {key: race, label: "Race or ethnicity"}
    - {key: gender, label: "Gender"}
    - {key: other, label: "Another identity"}
zones:
  prompt: "Where are you right now?"
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
) -> None:
    """Record one person answering every shipped statement and submitting."""
    content = load_self_assessment()
    store.append(code, ParticipantJoined(person, f"Person {person}"))
    store.append(code, ZoneChecked(person, "start", "risk"))
    for item in content.items:
        store.append(code, SelfAssessmentAnswered(person, item.key, answer))
    for question in content.identity_questions:
        store.append(code, IdentityReflected(person, question.key, list(identities)))
    store.append(code, SelfAssessmentSubmitted(person))
