"""Participation by role: who was present, who talked how much, who followed whom.

These are observations the whole room made, declared so in the activity's spec,
so the release gate's observation path (``release_observation``) shows them
exactly in the leader's exports and the evidence pack, people pseudonymous
("Family member A"), and on the projected display merges roles under k into one
group unless the facilitator chose to show every role. Written contributions
are answers, made on a person's own device: their share by role passes k like
any answer, whatever the roles' grouping.
"""

from __future__ import annotations

import math

import pandas as pd

from facilitate.activities.participation.numbers import ACTIVITY, PEOPLE_BY_ROLE
from facilitate.core.coarsen import group_label, most_chosen_first
from facilitate.core.language import N_
from facilitate.core.release import (
    DISPLAY,
    EXPORT,
    release_observation,
    release_partition,
)
from facilitate.core.roster import ROLE_LABELS

#: What a role group's row holds (see ``equity_by_role``).
ROLE_COLUMNS = [
    "role",
    "roles",
    "label",
    "people",
    "people_share",
    "talk_seconds",
    "turns",
    "talk_share",
    "talk_ratio",
    "contribution_share",
    "contribution_ratio",
]
OTHER_ROLE = N_("another role")


def role_label(role: str) -> str:
    """A role in the room's words ("Family member"); "Not given" for none."""
    return ROLE_LABELS.get(role, role) or "Not given"


def equity_by_role(
    per_person: pd.DataFrame,
    k: int,
    shown_on: str = EXPORT,
    every_role: bool = False,
) -> pd.DataFrame:
    """EQUIP's equity ratio per role: a role's share of voice ÷ its share of people.

    1 means a role took exactly its share of the room; below 1, less. Who was
    present, who talked how much and how often are observations the whole room
    made, so the gate releases them by role exactly for an ``EXPORT``; on the
    ``DISPLAY`` roles under ``k`` are merged into one group unless
    ``every_role``. Written contributions are answers: a group's contribution
    share and ratio pass ``release_partition`` over the groups, as any answer.
    Columns ``ROLE_COLUMNS``: ``role`` (the group's first role), ``roles`` (all
    its roles), ``label`` (its words). With no talk or contributions yet,
    shares and ratios are missing, not zero.
    """
    sizes = per_person.groupby("role", sort=True).size()
    counts = {str(role): int(n) for role, n in sizes.items()}
    found = release_observation(
        ACTIVITY, PEOPLE_BY_ROLE, counts, k, shown_on=shown_on, every_role=every_role
    )
    groups = [g for g in found if not g.hidden]
    rows = [
        _role_row(per_person, most_chosen_first(g, counts), g.other) for g in groups
    ]
    grouped = pd.DataFrame(rows, columns=[*ROLE_COLUMNS[:-3], "contribution_share"])
    grouped["people"] = grouped["people"].astype("int64")
    grouped["turns"] = grouped["turns"].astype("int64")
    grouped["talk_ratio"] = grouped["talk_share"] / grouped["people_share"]
    released = release_partition(dict(enumerate(grouped["people"])), k)
    written = [
        share if released[i] is not None else math.nan
        for i, share in enumerate(grouped["contribution_share"])
    ]
    grouped["contribution_share"] = pd.Series(written, dtype=float)
    grouped["contribution_ratio"] = (
        grouped["contribution_share"] / grouped["people_share"]
    )
    return grouped[ROLE_COLUMNS]


def _role_row(
    per_person: pd.DataFrame, roles: list[str], other: bool
) -> dict[str, object]:
    """One group of roles' figures (shares summed, missing while nothing to share)."""
    mine = per_person.loc[per_person["role"].isin(roles)]
    labels = [role_label(r) for r in roles]
    return {
        "role": roles[0],
        "roles": tuple(roles),
        "label": group_label(labels, OTHER_ROLE if other else ""),
        "people": len(mine),
        "people_share": len(mine) / max(len(per_person), 1),
        "talk_seconds": float(mine["talk_seconds"].sum()),
        "turns": int(mine["turns"].sum()),
        # min_count: a group's share stays missing while there is nothing to share
        "talk_share": mine["talk_share"].sum(min_count=1),
        "contribution_share": mine["contribution_share"].sum(min_count=1),
    }


def roles_grouped(per_person: pd.DataFrame, k: int) -> int:
    """How many roles the display merges into one group (none once every role
    is chosen), for the sentence saying so."""
    sizes = per_person.groupby("role").size()
    counts = {str(role): int(n) for role, n in sizes.items()}
    groups = release_observation(ACTIVITY, PEOPLE_BY_ROLE, counts, k, shown_on=DISPLAY)
    return sum(len(g.members) for g in groups if g.merged and not g.hidden)


def pseudonyms(per_person: pd.DataFrame) -> dict[str, str]:
    """Speaker id -> "Family member A", "Teacher B": a role and a letter, in
    ``talk_by_person`` order, for the leader's exports (never a name)."""
    seen: dict[str, int] = {}
    labels = {}
    for speaker, role in zip(per_person["speaker"], per_person["role"], strict=True):
        words = ROLE_LABELS.get(str(role), str(role)) if role else "Person"
        index = seen.get(words, 0)
        seen[words] = index + 1
        labels[str(speaker)] = f"{words} {_letters(index)}"
    return labels


def _letters(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA": a letter for each person in a role."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def follows_by_role(pairs: pd.DataFrame, per_person: pd.DataFrame) -> pd.DataFrame:
    """Who spoke right after whom, by role: ``from_role``, ``to_role`` (words),
    ``count``. An observation, exact; most frequent first."""
    roles = {
        str(s): role_label(str(r))
        for s, r in zip(per_person["speaker"], per_person["role"], strict=True)
    }
    frame = pd.DataFrame(
        {
            "from_role": [
                roles.get(str(s), "Not given") for s in pairs["from_speaker"]
            ],
            "to_role": [roles.get(str(s), "Not given") for s in pairs["to_speaker"]],
            "count": [int(n) for n in pairs["count"]],
        },
        columns=["from_role", "to_role", "count"],
    )
    counted = frame.groupby(["from_role", "to_role"])["count"].sum().reset_index()
    counted["count"] = counted["count"].astype("int64")
    return counted.sort_values(
        ["count", "from_role", "to_role"], ascending=[False, True, True]
    ).reset_index(drop=True)
