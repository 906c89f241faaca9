"""Participation by role through the gate's observation path, against hand sums.

Twelve people: Fay and Fin (family), Sol (student) and nine teachers T1..T9.
Sol talks 30 s in 2 turns, T1 60 s, T2..T5 15 s each, the family never speaks.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from facilitate.activities.participation.roles import (
    equity_by_role,
    follows_by_role,
    pseudonyms,
    roles_grouped,
)
from facilitate.core.release import DISPLAY, EXPORT

TEACHERS = [f"T{n}" for n in range(1, 10)]
SECONDS = {"Sol": 30.0, "T1": 60.0, "T2": 15.0, "T3": 15.0, "T4": 15.0, "T5": 15.0}
TURNS = {"Sol": 2, "T1": 3, "T2": 1, "T3": 1, "T4": 1, "T5": 1}
TOTAL = sum(SECONDS.values())


def room(contributions: dict[str, int] | None = None) -> pd.DataFrame:
    """A ``talk_by_person`` frame for the room above, most talk first."""
    people = ["Fay", "Fin", "Sol", *TEACHERS]
    roles = ["family", "family", "student"] + ["teacher"] * 9
    given = contributions or {}
    written = sum(given.values())
    frame = pd.DataFrame(
        {
            "speaker": people,
            "name": people,
            "role": roles,
            "talk_seconds": [SECONDS.get(p, 0.0) for p in people],
            "turns": [TURNS.get(p, 0) for p in people],
            "contributions": [given.get(p, 0) for p in people],
        }
    )
    frame["talk_share"] = frame["talk_seconds"] / TOTAL
    frame["contribution_share"] = [
        given.get(p, 0) / written if written else math.nan for p in people
    ]
    return frame.sort_values(
        ["talk_seconds", "turns", "name"], ascending=[False, False, True]
    ).reset_index(drop=True)


def test_the_export_shows_each_role_exactly():
    equity = equity_by_role(room(), k=3, shown_on=EXPORT)
    got = equity[["label", "people", "talk_seconds", "turns", "talk_share"]]
    expected = pd.DataFrame(
        {
            "label": ["Family member", "Student", "Teacher"],
            "people": pd.Series([2, 1, 9], dtype="int64"),
            "talk_seconds": [0.0, 30.0, 120.0],
            "turns": pd.Series([0, 2, 7], dtype="int64"),
            "talk_share": [0.0, 30 / TOTAL, 120 / TOTAL],
        }
    )
    assert_frame_equal(got, expected)
    student = equity.set_index("label").loc["Student"]
    assert student["talk_ratio"] == pytest.approx((30 / TOTAL) / (1 / 12))


def test_the_display_groups_the_small_roles_until_every_role_is_chosen():
    grouped = equity_by_role(room(), k=3, shown_on=DISPLAY)
    assert grouped["label"].tolist() == ["Teacher", "Family member or another role"]
    assert grouped["people"].tolist() == [9, 3]
    assert grouped["talk_share"].tolist() == pytest.approx([120 / TOTAL, 30 / TOTAL])
    assert roles_grouped(room(), 3) == 2
    # a room smaller than k shows no group at all, so none is "shown together"
    assert roles_grouped(room().head(2), 3) == 0
    every = equity_by_role(room(), k=3, shown_on=DISPLAY, every_role=True)
    assert every["label"].tolist() == ["Family member", "Student", "Teacher"]
    assert every["people"].tolist() == [2, 1, 9]


def test_written_contributions_are_answers_and_stay_behind_k_in_every_export():
    # Sol wrote twice and a teacher once: exact per role, that would say the
    # student wrote. Contributions are answers: roles under k stay withheld.
    per_person = room({"Sol": 2, "T1": 1})
    for shown_on, every in ((EXPORT, False), (DISPLAY, True)):
        equity = equity_by_role(per_person, 3, shown_on, every).set_index("label")
        assert math.isnan(equity.at["Student", "contribution_share"])
        assert math.isnan(equity.at["Family member", "contribution_ratio"])
        assert equity.at["Teacher", "contribution_share"] == pytest.approx(1 / 3)
        assert equity.at["Student", "talk_share"] == pytest.approx(30 / TOTAL)
    # on the grouped display the merged group holds k people: its share shows
    grouped = equity_by_role(per_person, 3, DISPLAY).set_index("label")
    share = grouped.at["Family member or another role", "contribution_share"]
    assert share == pytest.approx(2 / 3)


def test_people_are_named_by_role_and_letter_in_talk_order():
    labels = pseudonyms(room())
    assert labels["T1"] == "Teacher A"
    assert labels["Sol"] == "Student A"
    assert [labels["Fay"], labels["Fin"]] == ["Family member A", "Family member B"]
    assert labels["T9"] == "Teacher I"
    assert not any(name in "".join(labels.values()) for name in ("Fay", "Fin", "Sol"))


def test_who_followed_whom_is_counted_by_role():
    pairs = pd.DataFrame(
        {
            "from_speaker": ["T1", "Sol", "T2", "T1"],
            "to_speaker": ["Sol", "T1", "T1", "T2"],
            "count": [2, 1, 1, 1],
        }
    )
    expected = pd.DataFrame(
        {
            "from_role": ["Teacher", "Student", "Teacher"],
            "to_role": ["Teacher", "Teacher", "Student"],
            "count": pd.Series([2, 1, 2], dtype="int64"),
        }
    )
    expected = expected.sort_values(
        ["count", "from_role", "to_role"], ascending=[False, True, True]
    ).reset_index(drop=True)
    assert_frame_equal(follows_by_role(pairs, room()), expected)
