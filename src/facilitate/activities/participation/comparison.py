"""Participation equity per room: how evenly talk was shared, and by which roles.

Room figures (Gini of talk time, evenness, the share of people not heard) are
statistics over the tracked people, shown only when at least k of that room's
people were tracked. Roles come from ``equity_by_role`` as an export: every
role exactly, since who was present and who talked were seen by the whole room
(written contributions by role still need k people). Rooms come least even
first; roles least heard (lowest talk ratio) first.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.participation.metrics import (
    contribution_frame,
    people_frame,
    talk_by_person,
    talk_summary,
    turns_from_records,
)
from facilitate.activities.participation.roles import equity_by_role
from facilitate.core.comparison import (
    ComparisonPart,
    Room,
    note,
    percent,
    plain,
    suppressed,
    table,
)
from facilitate.core.release import EXPORT, is_shown
from facilitate.core.text import escape

HEADING = "Participation equity"
ROOM_COLUMNS = [
    "session", "room", "k", "people", "not_heard_share", "gini", "evenness",
    "suppressed",
]  # fmt: skip
ROLE_COLUMNS = [
    "session", "room", "role", "people", "talk_share", "talk_ratio",
    "contribution_ratio",
]  # fmt: skip


def participation_equity(rooms: Sequence[Room]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``ROOM_COLUMNS`` per room and ``ROLE_COLUMNS`` per released role."""
    room_rows, role_frames = [], []
    for room in rooms:
        records = list(room.records)
        turns = turns_from_records(records, max((r.at for r in records), default=0))
        if turns.empty:
            continue
        per_person = talk_by_person(
            people_frame(records), turns, contribution_frame(records)
        )
        room_rows.append(_room_row(room, per_person, turns))
        roles = equity_by_role(per_person, room.k, EXPORT)
        role_frames.append(
            roles.assign(
                session=room.session.code, room=room.label, role=roles["label"]
            )[ROLE_COLUMNS]
        )
    rooms_frame = pd.DataFrame(room_rows, columns=ROOM_COLUMNS)
    rooms_frame = rooms_frame.sort_values(
        "gini", ascending=False, na_position="last", kind="stable"
    ).reset_index(drop=True)
    roles_frame = (
        pd.concat(role_frames, ignore_index=True)
        if role_frames
        else pd.DataFrame(columns=ROLE_COLUMNS)
    )
    roles_frame = roles_frame.sort_values(
        "talk_ratio", na_position="last", kind="stable"
    ).reset_index(drop=True)
    return rooms_frame, roles_frame.round(2)


def _room_row(
    room: Room, per_person: pd.DataFrame, turns: pd.DataFrame
) -> tuple[object, ...]:
    summary = talk_summary(per_person, turns)
    base = (room.session.code, room.label, room.k)
    if not is_shown(summary.people, room.k):
        return (*base, None, None, None, None, True)
    return (
        *base,
        summary.people,
        round(summary.not_spoken / summary.people, 2),
        None if summary.gini is None else round(summary.gini, 2),
        None if summary.evenness is None else round(summary.evenness, 2),
        False,
    )


def equity_html(rooms: pd.DataFrame, roles: pd.DataFrame) -> str:
    room_rows = [
        [escape(r["room"]), str(r["k"])]
        + ([suppressed()] * 4 if r["suppressed"] else
           [str(r["people"]), percent(r["not_heard_share"]), plain(r["gini"]),
            plain(r["evenness"])])
        for _, r in rooms.iterrows()
    ]  # fmt: skip
    role_rows = [
        [escape(r["room"]), escape(r["role"]), str(r["people"]),
         percent(r["talk_share"]), plain(r["talk_ratio"]),
         plain(r["contribution_ratio"])]
        for _, r in roles.iterrows()
    ]  # fmt: skip
    head = ["Room", "k", "Tracked", "Not heard", "Gini", "Evenness"]
    return (
        table(head, room_rows)
        + note(
            "Talk ratio: a role's share of talk time divided by its share of "
            "people (1 = its fair share; below 1, less)."
        )
        + table(
            ["Room", "Role", "People", "Talk share", "Talk ratio", "Contribution"],
            role_rows,
        )
    )


def compare_equity(rooms: Sequence[Room]) -> ComparisonPart:
    """Rooms least even first (``participation_rooms``), roles least heard first
    (``participation_roles``)."""
    by_room, by_role = participation_equity(rooms)
    return ComparisonPart(
        "participation",
        HEADING,
        {"participation_rooms": by_room, "participation_roles": by_role},
        equity_html(by_room, by_role),
    )
