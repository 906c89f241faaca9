"""What the shared screen and the summary may say about causes and their votes.

Vote counts pass the release gate per cause: a cause with fewer than k dots
shows "fewer than k votes", never the number, so nobody's dot can be read off a
small count. Counts move in batches, never as one person taps: the screen counts
the dots of the people released so far (a release each time k more people have
voted, as for every sensitive figure, see ``core.release``), as they stood at
that release, so watching a count change cannot tell whose dot it was. Counts
are not a split of the room (a person spreads up to three dots, or keeps some),
and no total of dots or voters is ever shown (progress is said in steps of k),
so a withheld count cannot be worked out by subtraction. Causes are ordered by
released votes only (the withheld in the order they came), so the order never
ranks two withheld counts against each other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from facilitate.activities.root_cause.board import Board, Cause, board_of
from facilitate.activities.root_cause.content import CATEGORY_KEYS, LABELS
from facilitate.activities.root_cause.events import CauseVoted
from facilitate.core.events import Recorded
from facilitate.core.group_size import floored
from facilitate.core.release import batched_release, is_shown


@dataclass(frozen=True)
class CauseCard:
    """One cause on a shared screen: ``votes`` is None when withheld."""

    id: int
    category: str
    text: str
    depth: int
    votes: int | None
    follow_ups: tuple[CauseCard, ...] = ()

    @property
    def label(self) -> str:
        return LABELS[self.category]


def released_votes(count: int, k: int) -> int | None:
    """``count`` when at least k people put a dot on it, else None."""
    return count if is_shown(count, k) else None


def vote_words(votes: int | None, k: int) -> str:
    """ "12 votes", or "fewer than 5 votes" for a withheld count."""
    if votes is None:
        return f"fewer than {floored(k)} votes"
    return f"{votes} votes"


def _order(card: CauseCard) -> tuple[int, int]:
    return (-(card.votes or 0), card.id)


def _card(
    cause: Cause,
    below: dict[int, list[Cause]],
    counts: Counter[int],
    k: int,
) -> CauseCard:
    children = tuple(_card(c, below, counts, k) for c in below.get(cause.id, []))
    votes = released_votes(counts.get(cause.id, 0), k)
    return CauseCard(cause.id, cause.category, cause.text, cause.depth, votes, children)


def _voter(record: Recorded) -> str | None:
    event = record.event
    return event.participant if isinstance(event, CauseVoted) else None


def released_board(board: Board) -> Board:
    """The board with only released dots: those of the people in the latest
    batch, cast up to that batch's cutoff. Causes, hides and findings stay live."""
    latest = batched_release(board.records, _voter).latest

    def kept(record: Recorded) -> bool:
        event = record.event
        if not isinstance(event, CauseVoted):
            return True
        if latest is None:
            return False
        return record.id <= latest.cutoff and event.participant in latest.people

    return board_of(r for r in board.records if kept(r))


def cause_map(board: Board, k: int) -> dict[str, list[CauseCard]]:
    """Category -> its causes (with their whys beneath), most released votes first.

    Every category is present, in the protocol's order, even when empty. Votes
    are counted on the ``released_board``, then each count passes the gate.
    """
    counts = released_board(board).vote_counts()
    below: dict[int, list[Cause]] = defaultdict(list)
    roots: dict[str, list[Cause]] = {key: [] for key in CATEGORY_KEYS}
    for cause in board.visible():
        if cause.parent:
            below[cause.parent].append(cause)
        else:
            roots[cause.category].append(cause)
    return {
        key: sorted((_card(c, below, counts, k) for c in causes), key=_order)
        for key, causes in roots.items()
    }


def every_card(cards: list[CauseCard]) -> list[CauseCard]:
    """Cards and their follow-ups, flattened depth-first."""
    flat = []
    for card in cards:
        flat.append(card)
        flat += every_card(list(card.follow_ups))
    return flat


def top_causes(board: Board, k: int, most: int = 5) -> list[CauseCard]:
    """The causes with the most released votes (withheld counts never rank)."""
    cards = [c for cs in cause_map(board, k).values() for c in every_card(cs)]
    voted = [card for card in cards if card.votes is not None]
    return sorted(voted, key=_order)[:most]
