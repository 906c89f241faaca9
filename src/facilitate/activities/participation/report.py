"""The participation section of the reflection summary: aggregates, never names.

People appear only as "Person 1..n" sorted by talk, roles below k are dropped, and
an open turn is closed at the last moment the log recorded anything, so the
summary reads the same whenever it is rebuilt. A person's count of written
answers is never set beside their talk here: whoever ran the tracker can name
"Person 1", and a count could be matched to that person's rows in an event log.
Contributions appear per role only, where the release gate holds.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.participation.charts import (
    gini_in_words,
    lorenz_figure,
    speaker_labels,
    talk_share_figure,
)
from facilitate.activities.participation.metrics import (
    contribution_frame,
    equity_by_role,
    lorenz_curve,
    people_frame,
    roles_below_k,
    talk_by_person,
    talk_summary,
    turns_from_records,
)
from facilitate.core.events import Recorded
from facilitate.core.release import release_k
from facilitate.core.report import ReportPart
from facilitate.core.roster import ROLE_LABELS, roster_of
from facilitate.core.sessions import SessionInfo

HEADING = "Participation: who talked, and how much"


def participation_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """Talk shares (anonymous), Lorenz curve, group figures and equity by role."""
    records = list(records)
    now = max((r.at for r in records), default=0.0)
    turns = turns_from_records(records, now)
    if turns.empty:
        return ReportPart("participation", HEADING, notes=["No talk was tracked."])
    per_person = talk_by_person(
        people_frame(records), turns, contribution_frame(records)
    )
    summary = talk_summary(per_person, turns)
    k = release_k(roster_of(records), session)
    labels = speaker_labels(per_person, show_names=False)
    shares = pd.DataFrame(
        {
            "person": [labels[str(s)] for s in per_person["speaker"]],
            "talk_share": per_person["talk_share"].round(3),
            "turns": per_person["turns"],
        }
    )
    equity = equity_by_role(per_person, k)
    equity = equity.assign(role=[ROLE_LABELS.get(r, r) for r in equity["role"]])
    group = pd.DataFrame(
        {
            "people": [summary.people],
            "not_heard": [summary.not_spoken],
            "turns": [summary.turns],
            "talk_minutes": [round(summary.talk_seconds / 60, 1)],
            "gini": [None if summary.gini is None else round(summary.gini, 2)],
            "evenness": [
                None if summary.evenness is None else round(summary.evenness, 2)
            ],
            "longest_turn_seconds": [round(summary.longest_turn_seconds)],
        }
    )
    notes = [gini_in_words(summary.gini)]
    if summary.not_spoken:
        notes.append(f"{summary.not_spoken} of {summary.people} people did not speak.")
    if not per_person["contributions"].sum():
        notes.append(
            "Nobody wrote in the workbook, so written-contribution shares and "
            "ratios are left blank."
        )
    hidden = roles_below_k(per_person, k)
    if hidden:
        notes.append(f"{hidden} roles with fewer than {k} people are not shown.")
    return ReportPart(
        key="participation",
        heading=HEADING,
        figures=[
            talk_share_figure(per_person, labels),
            lorenz_figure(lorenz_curve(per_person["talk_seconds"]), summary.gini),
        ],
        tables={
            "participation_group": group,
            "participation_talk_shares": shares,
            "participation_equity_by_role": equity.round(2),
        },
        notes=notes,
    )
