"""How much of the board the projected screen holds, counted in lines of type.

The display never scrolls, and its type is sized for the back of the room, so a
busy board cannot show every cause at once. Each column shows its most-voted
causes while they fit and counts the rest in one line ("and 3 more causes");
everyone still sees every cause on their phone. The screen is measured in
lines of the display's body type (28 px on a 33.6 px line at 1080p; the same
proportions at any height, since every size follows the viewport's height).
Words are counted generously per line, so an estimate errs towards showing one
cause fewer, never towards running off the screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitate.activities.root_cause.events import FindingShared
from facilitate.activities.root_cause.metrics import CauseCard

#: Lines between the screen's title and its prompt, less the progress line and
#: the columns' coloured rule, heading and two-line hint.
SCREEN_LINES = 20.5
#: Characters a line holds: a card in a column, a finding's statement (1.3 times
#: the body type) and its detail, across the screen.
CARD_CHARACTERS = 26
STATEMENT_CHARACTERS = 95
DETAIL_CHARACTERS = 120
#: A card's border, padding and margin; the gap above a "why?".
CARD_EDGES = 0.95
WHY_EDGES = 0.25
#: A "why?" is indented a little further at each step; its lead "Why? → ".
WHY_INDENT = 1
WHY_LEAD = 7


def _lines(characters: int, per_line: int) -> int:
    return max(1, -(-characters // max(per_line, 8)))


def findings_lines(findings: Iterable[FindingShared]) -> float:
    """The lines the shared findings take above the columns."""
    return sum(
        1.3 * _lines(len(f.statement), STATEMENT_CHARACTERS)
        + _lines(len(f.detail), DETAIL_CHARACTERS)
        + 0.4
        for f in findings
    )


def card_lines(card: CauseCard, per_line: int = CARD_CHARACTERS) -> float:
    """The lines a card takes: its words, its vote count, its edges, its whys."""
    whys = sum(why_lines(c, per_line - WHY_INDENT) for c in card.follow_ups)
    return CARD_EDGES + _lines(len(card.text), per_line) + 1 + whys


def why_lines(card: CauseCard, per_line: int) -> float:
    whys = sum(why_lines(c, per_line - WHY_INDENT) for c in card.follow_ups)
    return WHY_EDGES + _lines(len(card.text) + WHY_LEAD, per_line) + 1 + whys


def fitting(cards: list[CauseCard], lines: float) -> list[CauseCard]:
    """The first cards that fit in ``lines`` (one line kept for "and N more");
    always at least one, so a column is never empty while it has causes."""
    shown: list[CauseCard] = []
    used = 0.0
    for card in cards:
        used += card_lines(card)
        more = 1 if len(shown) + 1 < len(cards) else 0
        if shown and used + more > lines:
            break
        shown.append(card)
    return shown
