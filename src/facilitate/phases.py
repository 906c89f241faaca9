"""The phases a session moves through, in order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    key: str
    title: str
    invitation: str


PHASES: tuple[Phase, ...] = (
    Phase("welcome", "Welcome & check-in", "Welcome! Settle in and check in."),
    Phase(
        "self_assessment",
        "Self-assessment",
        "Look honestly at how identity, privilege and bias shape your practice.",
    ),
    Phase(
        "alignment",
        "Shared vision alignment",
        "Place our practices between extrinsic reward and intrinsic community.",
    ),
    Phase(
        "participation",
        "Participation equity",
        "Talk together. Notice who speaks, how much, and who follows whom.",
    ),
    Phase(
        "reflection",
        "Reflection & feedback",
        "Tell us how this session supported equitable collaboration.",
    ),
)

PHASE_KEYS = tuple(phase.key for phase in PHASES)
FIRST_PHASE = PHASES[0].key


def phase_by_key(key: str) -> Phase:
    """The phase named ``key``; unknown keys fall back to the first phase."""
    for phase in PHASES:
        if phase.key == key:
            return phase
    return PHASES[0]


def next_phase(key: str) -> str:
    index = PHASE_KEYS.index(phase_by_key(key).key)
    return PHASE_KEYS[min(index + 1, len(PHASE_KEYS) - 1)]


def previous_phase(key: str) -> str:
    index = PHASE_KEYS.index(phase_by_key(key).key)
    return PHASE_KEYS[max(index - 1, 0)]
