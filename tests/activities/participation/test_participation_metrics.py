"""Participation metrics on literal event sequences, checked against hand sums.

The room in most tests: Ana, Bo and Cy joined on devices, Dee was added by seat
label. Taps: Ana at 0 s, Bo at 10, Ana at 30, Cy at 40, silence at 70. So Ana
talked 10 + 10 = 20 s, Bo 20 s, Cy 30 s, Dee 0 s; 70 s in all.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from facilitate.activities.alignment.events import VisionOffered
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.events import FeedbackGiven
from facilitate.activities.participation.events import (
    SpeakerAdded,
    TapUndone,
    TurnStarted,
)
from facilitate.activities.participation.metrics import (
    contribution_frame,
    evenness,
    gini,
    kept_taps,
    lorenz_curve,
    people_frame,
    talk_by_person,
    talk_summary,
    transitions,
    turns_from_records,
)
from facilitate.activities.self_assessment.events import (
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
)
from facilitate.core.events import Event, ParticipantJoined, Recorded

T0 = 1_700_000_000.0


def log(*timed: tuple[float, Event]) -> list[Recorded]:
    """Records with ids 1..n at T0 + the given seconds."""
    return [
        Recorded(id=i, session="ABCDEF", at=T0 + at, event=event)
        for i, (at, event) in enumerate(timed, start=1)
    ]


ROOM = (
    (-60, ParticipantJoined("ana", "Ana", "teacher")),
    (-50, ParticipantJoined("bo", "Bo", "teacher")),
    (-40, ParticipantJoined("cy", "Cy", "administrator")),
    (-30, SpeakerAdded("seat-1", "Seat 4", "teacher")),
)
TAPS = (
    (0, TurnStarted("ana")),
    (10, TurnStarted("bo")),
    (30, TurnStarted("ana")),
    (40, TurnStarted("cy")),
    (70, TurnStarted(None)),
)


def turns_frame(rows: list[tuple[int, str, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "turn": pd.Series([r[0] for r in rows], dtype="int64"),
            "speaker": [r[1] for r in rows],
            "start": pd.Series([T0 + r[2] for r in rows], dtype=float),
            "end": pd.Series([T0 + r[3] for r in rows], dtype=float),
            "seconds": pd.Series([r[3] - r[2] for r in rows], dtype=float),
        }
    )


def test_each_turn_ends_at_the_next_tap_and_silence_is_a_gap():
    turns = turns_from_records(log(*ROOM, *TAPS), now=T0 + 500)
    expected = turns_frame(
        [(1, "ana", 0, 10), (2, "bo", 10, 30), (3, "ana", 30, 40), (4, "cy", 40, 70)]
    )
    assert_frame_equal(turns, expected)


def test_the_open_turn_ends_now_so_a_lost_connection_loses_only_that_end():
    records = log(*ROOM, *TAPS[:4])
    assert_frame_equal(
        turns_from_records(records, now=T0 + 55),
        turns_frame(
            [
                (1, "ana", 0, 10),
                (2, "bo", 10, 30),
                (3, "ana", 30, 40),
                (4, "cy", 40, 55),
            ]
        ),
    )
    closed_early = turns_from_records(records, now=T0 + 20)
    assert closed_early["seconds"].tolist() == [10.0, 20.0, 10.0, 0.0]


def test_an_undone_tap_is_skipped_and_the_previous_turn_runs_on():
    records = log(
        *ROOM,
        (0, TurnStarted("ana")),
        (10, TurnStarted("bo")),
        (12, TurnStarted("cy")),
        (13, TapUndone(target=7)),
        (30, TurnStarted(None)),
    )
    assert [r.id for r in kept_taps(records)] == [5, 6, 9]
    assert_frame_equal(
        turns_from_records(records, now=T0 + 99),
        turns_frame([(1, "ana", 0, 10), (2, "bo", 10, 30)]),
    )


def test_repeated_taps_on_one_person_make_one_turn():
    records = log(
        (0, TurnStarted("ana")),
        (5, TurnStarted("ana")),
        (9, TurnStarted(None)),
        (12, TurnStarted("ana")),
        (20, TurnStarted(None)),
    )
    assert_frame_equal(
        turns_from_records(records, now=T0 + 99),
        turns_frame([(1, "ana", 0, 9), (2, "ana", 12, 20)]),
    )


def test_no_taps_no_turns():
    turns = turns_from_records(log(*ROOM), now=T0)
    assert turns.empty
    assert list(turns.columns) == ["turn", "speaker", "start", "end", "seconds"]


def test_talk_by_person_counts_everyone_including_the_silent():
    records = log(
        *ROOM,
        (1, CheckinAnswered("ana", "tired")),
        (2, CheckinAnswered("cy", "curious")),
        (3, SelfAssessmentAnswered("cy", "q1", "often")),
        (4, VisionOffered("cy", "trust")),
        (5, FeedbackGiven("bo", {"useful": 4})),
        (6, PrivateReflectionSaved("bo", "p", "not counted: private")),
        *TAPS,
    )
    table = talk_by_person(
        people_frame(records),
        turns_from_records(records, now=T0 + 500),
        contribution_frame(records),
    )
    expected = pd.DataFrame(
        {
            "speaker": ["cy", "ana", "bo", "seat-1"],
            "name": ["Cy", "Ana", "Bo", "Seat 4"],
            "role": ["administrator", "teacher", "teacher", "teacher"],
            "talk_seconds": [30.0, 20.0, 20.0, 0.0],
            "turns": [1, 2, 1, 0],
            "talk_share": [30 / 70, 20 / 70, 20 / 70, 0.0],
            # Only text written for the group counts: Cy's vision statement.
            "contributions": [1, 0, 0, 0],
            "contribution_share": [1.0, 0.0, 0.0, 0.0],
        }
    )
    assert_frame_equal(table, expected)


def test_a_rejoin_keeps_one_row_with_the_latest_name():
    records = log(
        (0, ParticipantJoined("ana", "Ana", "teacher")),
        (1, ParticipantJoined("ana", "Ana M.", "teacher")),
    )
    assert people_frame(records)["name"].tolist() == ["Ana M."]


def test_group_figures_by_hand():
    talk = [20.0, 20.0, 30.0, 0.0]
    # Sum of |xi - xj| over ordered pairs is 180; 180 / (2 * 4 * 70) = 0.3214.
    assert gini(talk) == pytest.approx(180 / 560)
    assert gini([5.0, 5.0, 5.0]) == pytest.approx(0.0)
    assert gini([0.0, 0.0, 9.0]) == pytest.approx(2 / 3)
    assert gini([0.0, 0.0]) is None
    shares = [2 / 7, 2 / 7, 3 / 7]
    entropy = -sum(p * math.log(p) for p in shares)
    assert evenness(talk) == pytest.approx(entropy / math.log(4))
    assert evenness([1.0, 1.0, 1.0]) == pytest.approx(1.0)
    assert evenness([3.0]) is None


def test_lorenz_curve_and_its_area_give_the_gini():
    curve = lorenz_curve([20.0, 20.0, 30.0, 0.0])
    expected = pd.DataFrame(
        {
            "people_share": [0.0, 0.25, 0.5, 0.75, 1.0],
            "talk_share": [0.0, 0.0, 20 / 70, 40 / 70, 1.0],
        }
    )
    assert_frame_equal(curve, expected)
    xs, ys = curve["people_share"].tolist(), curve["talk_share"].tolist()
    area = sum((xs[i] - xs[i - 1]) * (ys[i] + ys[i - 1]) / 2 for i in range(1, 5))
    assert 1 - 2 * area == pytest.approx(180 / 560)


def test_summary_names_the_longest_turn_and_the_unheard():
    records = log(*ROOM, *TAPS)
    turns = turns_from_records(records, now=T0 + 500)
    table = talk_by_person(people_frame(records), turns, contribution_frame(records))
    summary = talk_summary(table, turns)
    assert (summary.people, summary.spoken, summary.not_spoken) == (4, 3, 1)
    assert (summary.turns, summary.talk_seconds) == (4, 70.0)
    assert (summary.longest_turn_seconds, summary.longest_turn_speaker) == (30.0, "cy")
    assert summary.gini == pytest.approx(180 / 560)


def test_who_follows_whom_skips_silence_and_self():
    records = log(
        (0, TurnStarted("ana")),
        (10, TurnStarted("bo")),
        (20, TurnStarted(None)),
        (25, TurnStarted("ana")),
        (30, TurnStarted("bo")),
        (40, TurnStarted("bo")),
        (45, TurnStarted(None)),
        (50, TurnStarted("bo")),
        (60, TurnStarted("cy")),
    )
    pairs = transitions(turns_from_records(records, now=T0 + 70))
    expected = pd.DataFrame(
        {
            "from_speaker": ["ana", "bo", "bo"],
            "to_speaker": ["bo", "ana", "cy"],
            "count": pd.Series([2, 1, 1], dtype="int64"),
        }
    )
    assert_frame_equal(pairs, expected)


# --- edge cases: nothing said yet, rounding, negative zero ----------------------------


def test_a_gini_on_a_line_is_on_it_and_equal_talk_is_exactly_zero():
    # [0, 1, 1, 1, 1]: 2 * 14 / (5 * 4) - 6 / 5 is 0.19999999999999996 in floats
    assert gini([1.0, 1.0, 1.0, 1.0, 0.0]) == 0.2
    equal = gini([5.0, 5.0, 5.0])
    assert equal == 0.0
    assert math.copysign(1, equal) == 1.0


def test_evenness_of_one_voice_is_zero_not_negative_zero():
    alone = evenness([60.0, 0.0])
    assert alone == 0.0
    assert math.copysign(1, alone) == 1.0


def test_no_talk_yet_gives_no_lorenz_curve_rather_than_the_most_unequal_one():
    for values in ([0.0, 0.0, 0.0], []):
        curve = lorenz_curve(values)
        assert curve.empty
        assert list(curve.columns) == ["people_share", "talk_share"]


def test_no_talk_or_writing_yet_leaves_shares_and_ratios_missing_not_zero():
    records = log(*ROOM)
    table = talk_by_person(
        people_frame(records),
        turns_from_records(records, now=T0),
        contribution_frame(records),
    )
    assert table["talk_share"].isna().all()
    assert table["contribution_share"].isna().all()
    summary = talk_summary(table, turns_from_records(records, now=T0))
    assert (summary.gini, summary.evenness) == (None, None)
