"""What the pack still lacks, part by part, in the order of the credential.

Shown at the top of the evidence page and of the exported pack, so a leader sees
at a glance what to finish before submitting. Pure: content and state in, lines out.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitate.evidence.content import Guide, PartGuide, Rubric, word_count
from facilitate.evidence.state import EvidenceState

if TYPE_CHECKING:
    from facilitate.core.evidence import EvidenceItem

DONE = "done"
MISSING = "missing"
OVER = "over"
NOTE = "note"
MARKS = {DONE: "Done", MISSING: "Missing", OVER: "Over the limit", NOTE: "Note"}
#: The leader's private part is the method's first step, not part of what is
#: submitted, so leaving it empty is a note rather than something missing.
PRIVATE_NOT_WRITTEN = (
    "Not written yet. It is for you: the credential's method starts here, but it "
    "is not submitted."
)


@dataclass(frozen=True)
class CheckItem:
    what: str
    status: str
    detail: str
    anchor: str

    @property
    def mark(self) -> str:
        return MARKS[self.status]


def checklist(
    guide: Guide,
    rubric: Rubric,
    state: EvidenceState,
    items: Mapping[str, EvidenceItem] | None = None,
) -> list[CheckItem]:
    """Every part and row with its state; notes for what the session lacks."""
    lines: list[CheckItem] = []
    for group in guide.groups:
        if group.key == "part3":
            lines += [_row(rubric, state, c.key, c.label) for c in rubric.criteria]
        for part in guide.parts_in(group.key):
            lines.append(
                _colleague(part, state) if part.by_colleague else _written(part, state)
            )
    lines += _below_proficient(rubric, state)
    for item in (items or {}).values():
        if not item.available:
            note = " ".join(item.notes)
            lines.append(
                CheckItem(
                    f"Session evidence: {item.title}",
                    NOTE,
                    note,
                    f"evidence-{item.key}",
                )
            )
    return lines


def missing(lines: list[CheckItem]) -> list[CheckItem]:
    """The lines that stand between the pack and a complete submission."""
    return [line for line in lines if line.status in (MISSING, OVER)]


def _written(part: PartGuide, state: EvidenceState) -> CheckItem:
    text = state.texts.get(part.key, "").strip()
    anchor = f"part-{part.key}"
    if not text and part.private:
        return CheckItem(part.label, NOTE, PRIVATE_NOT_WRITTEN, anchor)
    if not text and state.attached_to(part.key):
        return CheckItem(part.label, DONE, _attached(part, state), anchor)
    if not text:
        return CheckItem(part.label, MISSING, "Not written yet.", anchor)
    count = word_count(text, part.limit)
    return CheckItem(
        part.label, OVER if count.over_by else DONE, count.sentence(), anchor
    )


def _colleague(part: PartGuide, state: EvidenceState) -> CheckItem:
    anchor = f"part-{part.key}"
    received = state.received()
    if received:
        names = ", ".join(f.name for f in received)
        return CheckItem(part.label, DONE, f"Feedback received from {names}.", anchor)
    if state.attached_to(part.key):
        return CheckItem(part.label, DONE, _attached(part, state), anchor)
    waiting = [i.name for i in state.invitations]
    if waiting:
        detail = f"Waiting for feedback from {', '.join(waiting)}."
    else:
        detail = (
            "No colleague feedback yet: make a feedback link and send it to a "
            "colleague who took part."
        )
    return CheckItem(part.label, MISSING, detail, anchor)


def _attached(part: PartGuide, state: EvidenceState) -> str:
    """The credential accepts a recording or artifacts in place of writing."""
    count = len(state.attached_to(part.key))
    noun = "attachment" if count == 1 else "attachments"
    return f"Nothing written; {count} {noun} instead."


def _row(rubric: Rubric, state: EvidenceState, key: str, label: str) -> CheckItem:
    what = f"Part 3 scoring guide: {label}"
    level = rubric.level_label(state.ratings.get(key, ""))
    linked = len(state.links.get(key, ()))
    if not level:
        return CheckItem(what, MISSING, "Not rated yet.", f"row-{key}")
    if not linked:
        return CheckItem(
            what, MISSING, f"Rated {level}; no evidence linked yet.", f"row-{key}"
        )
    pieces = "piece" if linked == 1 else "pieces"
    return CheckItem(
        what, DONE, f"Rated {level}, with {linked} {pieces} of evidence.", f"row-{key}"
    )


def _below_proficient(rubric: Rubric, state: EvidenceState) -> list[CheckItem]:
    first = rubric.levels[0] if rubric.levels else None
    lower = [
        f"{c.label} ({rubric.level_label(state.ratings[c.key])})"
        for c in rubric.criteria
        if first and state.ratings.get(c.key) and state.ratings[c.key] != first.key
    ]
    if not lower or first is None:
        return []
    return [
        CheckItem(
            "Earning the credential",
            NOTE,
            f"Part 2 must reach {first.label} on every component; you rated "
            f"{', '.join(lower)}.",
            "earning-rule",
        )
    ]


def stamp(at: float) -> str:
    """A date and time as the pack prints it."""
    return time.strftime("%d %B %Y at %H:%M", time.localtime(at))
