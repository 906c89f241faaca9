"""The room's findings, causes and votes, folded from the log one event at a time.

Both the participant's phone and the shared screen build the same ``Board``, so
they agree on what exists. The fold is where the protocol's rules hold, whatever
a browser sends: a cause needs a known category and a parent that is shown and
less than ``MAX_DEPTH`` deep; a person has at most ``VOTES_EACH`` dots at once
(a dot beyond that is ignored, in log order, so every screen agrees); a hidden
cause takes its follow-ups and their dots with it, and gives the dots back.
Pure Python: participant kernels run it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitate.activities.root_cause.content import (
    CATEGORY_KEYS,
    MAX_DEPTH,
    VOTES_EACH,
)
from facilitate.activities.root_cause.events import (
    CauseAdded,
    CauseHidden,
    CauseVoted,
    FindingShared,
    FindingWithdrawn,
)
from facilitate.core.events import Recorded

KINDS = [
    FindingShared.kind,
    FindingWithdrawn.kind,
    CauseAdded.kind,
    CauseVoted.kind,
    CauseHidden.kind,
]


@dataclass(frozen=True)
class Cause:
    """A cause as the room sees it: ``id`` is its record's id."""

    id: int
    category: str
    text: str
    parent: int
    depth: int
    author: str


@dataclass
class Board:
    findings: dict[str, FindingShared] = field(default_factory=dict)
    causes: dict[int, Cause] = field(default_factory=dict)
    hidden: set[int] = field(default_factory=set)
    dots: dict[str, list[int]] = field(default_factory=dict)
    last_id: int = 0
    #: Every record folded, in order: shared screens replay them to release votes
    #: in batches (see ``metrics.released_board``).
    records: list[Recorded] = field(default_factory=list)

    def fold(self, records: Iterable[Recorded]) -> bool:
        """Take in records newer than any seen; True when the board changed."""
        changed = False
        for record in records:
            if record.id <= self.last_id:
                continue
            self.last_id = record.id
            self.records.append(record)
            changed = self._apply(record) or changed
        return changed

    def _apply(self, record: Recorded) -> bool:
        event = record.event
        if isinstance(event, FindingShared):
            self.findings.pop(event.finding, None)
            self.findings[event.finding] = event
        elif isinstance(event, FindingWithdrawn):
            return self.findings.pop(event.finding, None) is not None
        elif isinstance(event, CauseAdded):
            return self._add(record.id, event)
        elif isinstance(event, CauseVoted):
            return self._vote(event)
        elif isinstance(event, CauseHidden):
            return self._hide(event.cause)
        else:
            return False
        return True

    def _add(self, cause_id: int, event: CauseAdded) -> bool:
        depth = self.depth_under(event.parent)
        if event.category not in CATEGORY_KEYS or depth is None:
            return False
        self.causes[cause_id] = Cause(
            cause_id, event.category, event.text, event.parent, depth, event.participant
        )
        return True

    def depth_under(self, parent: int) -> int | None:
        """The depth a new cause under ``parent`` gets, None if it cannot go there."""
        if not parent:
            return 1
        above = self.shown(parent)
        if above is None or above.depth >= MAX_DEPTH:
            return None
        return above.depth + 1

    def _vote(self, event: CauseVoted) -> bool:
        mine = self.dots.setdefault(event.participant, [])
        if not event.voted:
            if event.cause in mine:
                mine.remove(event.cause)
                return True
            return False
        if event.cause in mine or self.shown(event.cause) is None:
            return False
        if len(mine) >= VOTES_EACH:
            return False
        mine.append(event.cause)
        return True

    def _hide(self, cause_id: int) -> bool:
        if cause_id not in self.causes or cause_id in self.hidden:
            return False
        gone = {cause_id}
        for cause in sorted(self.causes.values(), key=lambda c: c.id):
            if cause.parent in gone:
                gone.add(cause.id)
        self.hidden |= gone
        for mine in self.dots.values():
            mine[:] = [c for c in mine if c not in gone]
        return True

    # --- reading ------------------------------------------------------------------

    def shown(self, cause_id: int) -> Cause | None:
        """The cause if it exists and is not hidden."""
        if cause_id in self.hidden:
            return None
        return self.causes.get(cause_id)

    def visible(self) -> list[Cause]:
        """Every shown cause, oldest first."""
        return [c for i, c in sorted(self.causes.items()) if i not in self.hidden]

    def vote_counts(self) -> Counter[int]:
        """Dots per cause now: raw counts, which shared screens pass through the
        release gate (see ``metrics``)."""
        return Counter(cause for mine in self.dots.values() for cause in mine)

    def votes_of(self, participant: str) -> list[int]:
        return list(self.dots.get(participant, []))

    def voters(self) -> int:
        """People with at least one dot now."""
        return sum(bool(mine) for mine in self.dots.values())


def board_of(records: Iterable[Recorded]) -> Board:
    board = Board()
    board.fold(records)
    return board
