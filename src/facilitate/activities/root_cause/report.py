"""The root-cause section of the reflection summary and the CSV export.

It holds what the room saw: the findings shared (released audit figures in
words), the affinity map, and the top causes with vote counts that passed the
release gate. Cause texts appear without anyone's name; no row of the district's
file is ever here, only the sentences built from its released aggregates.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.root_cause.affinity import (
    PRINTED,
    findings_html,
    map_html,
)
from facilitate.activities.root_cause.board import board_of
from facilitate.activities.root_cause.charts import top_causes_figure
from facilitate.activities.root_cause.metrics import (
    CauseCard,
    cause_map,
    every_card,
    top_causes,
    vote_words,
)
from facilitate.core.events import Recorded
from facilitate.core.group_size import release_k
from facilitate.core.report import ReportPart
from facilitate.core.roster import roster_of
from facilitate.core.sessions import SessionInfo

HEADING = "Root causes"
NOTHING_SHARED = "No finding from the equity audit was shared with the room."


def top_cause_sentence(rank: int, card: CauseCard, k: int) -> str:
    return f"{rank}. {card.text} ({card.label}, {vote_words(card.votes, k)})"


def root_cause_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """Findings shared, the room's causes by category, and its top causes."""
    k = release_k(roster_of(records), session)
    board = board_of(records)
    if not board.findings and not board.visible():
        return ReportPart(key="root_cause", heading=HEADING, notes=[NOTHING_SHARED])
    columns = cause_map(board, k)
    top = top_causes(board, k)
    notes = [f"Shared with the room: {f.statement}." for f in board.findings.values()]
    if top:
        notes.append("The causes the room voted for most:")
        notes += [top_cause_sentence(n, card, k) for n, card in enumerate(top, 1)]
    else:
        notes.append(f"No cause had {k} or more votes, so none is ranked.")
    cards = [card for category in columns.values() for card in every_card(category)]
    return ReportPart(
        key="root_cause",
        heading=HEADING,
        figures=[top_causes_figure(top)] if top else [],
        tables={
            "root_causes_top": _cause_table(top, k),
            "root_causes_all": _cause_table(cards, k),
            "root_cause_findings": pd.DataFrame(
                [(f.statement, f.detail) for f in board.findings.values()],
                columns=["finding", "detail"],
            ),
        },
        notes=notes,
        html=findings_html(board.findings.values(), big=False)
        + map_html(columns, k, PRINTED),
    )


def _cause_table(cards: list[CauseCard], k: int) -> pd.DataFrame:
    """Columns ``category, cause, depth, votes`` (withheld counts in words)."""
    return pd.DataFrame(
        [(c.label, c.text, c.depth, vote_words(c.votes, k)) for c in cards],
        columns=["category", "cause", "depth", "votes"],
    )
