"""The participation section of the reflection summary: aggregates, never names.

Who was present, who talked how much and who followed whom were seen by
everyone in the room: they are observations (the activity's spec says so), and
the summary gives them exactly by role, every role however small, people
pseudonymous ("Family member A", by talk within each role). An open turn is
closed at the last moment the log recorded anything, so the summary reads the
same whenever it is rebuilt. A person's count of written answers is never set
beside their talk here: whoever ran the tracker can name "Family member A", and
a count could be matched to that person's rows in an event log. Contributions
appear per role only, where the release gate holds for answers (k).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.participation.charts import (
    gini_in_words,
    lorenz_figure,
    talk_share_figure,
)
from facilitate.activities.participation.metrics import (
    contribution_frame,
    lorenz_curve,
    people_frame,
    talk_by_person,
    talk_summary,
    transitions,
    turns_from_records,
)
from facilitate.activities.participation.roles import (
    equity_by_role,
    follows_by_role,
    pseudonyms,
)
from facilitate.core.events import Recorded
from facilitate.core.group_size import release_k
from facilitate.core.release import EXPORT
from facilitate.core.report import ReportPart
from facilitate.core.roster import roster_of
from facilitate.core.sessions import SessionInfo

HEADING = "Participation: who talked, and how much"
#: The by-role table's columns, in order (``roles.equity_by_role``).
BY_ROLE = [
    "role", "people", "people_share", "talk_minutes", "turns", "talk_share",
    "talk_ratio", "contribution_share", "contribution_ratio",
]  # fmt: skip


def participation_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """Talk shares (pseudonymous), Lorenz curve, group figures, equity by role
    and who followed whom by role."""
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
    labels = pseudonyms(per_person)
    shares = pd.DataFrame(
        {
            "person": [labels[str(s)] for s in per_person["speaker"]],
            "talk_share": per_person["talk_share"].round(3),
            "turns": per_person["turns"],
        }
    )
    equity = equity_by_role(per_person, k, EXPORT)
    equity = equity.assign(
        role=equity["label"], talk_minutes=equity["talk_seconds"] / 60
    )[BY_ROLE]
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
    notes.append(
        "Who was present and who talked are shown exactly by role, as everyone "
        "in the room saw them; people are named only by role and letter."
    )
    if equity["contribution_share"].isna().any() and per_person["contributions"].sum():
        notes.append(
            f"Written contributions by role are shown only for roles of at least "
            f"{k} people: they were given on people's own devices."
        )
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
            "participation_follows_by_role": follows_by_role(
                transitions(turns), per_person
            ),
        },
        notes=notes,
    )
