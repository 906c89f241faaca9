"""The release gate's rules, each tried the way someone would try to break it."""

from __future__ import annotations

import pandas as pd
import pytest

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.checkin.metrics import released_checkins
from facilitate.core.events import ResultsRevealed, SettingChanged
from facilitate.core.release import batched_release, release_frame, release_partition
from facilitate.core.release_words import progress_in_steps


@pytest.mark.parametrize(
    ("counts", "k", "shown"),
    [
        # every cell at least k, nothing withheld
        ({"a": 5, "b": 6}, 5, {"a": 5, "b": 6}),
        # one small cell would be the total minus the rest: the next smallest goes
        ({"a": 9, "b": 1}, 5, {"a": None, "b": None}),
        ({"a": 9, "b": 7, "c": 2}, 5, {"a": 9, "b": None, "c": None}),
        # zeros are cells too: "nobody chose c" must not be read off the total
        ({"a": 12, "b": 8, "c": 0}, 5, {"a": 12, "b": None, "c": None}),
        # withheld cells already hold k people: nothing more to hide
        ({"a": 12, "b": 3, "c": 2}, 5, {"a": 12, "b": None, "c": None}),
        (
            {"a": 10, "b": 4, "c": 4, "d": 0},
            5,
            {"a": 10, "b": None, "c": None, "d": None},
        ),
        # ties withhold the later cell first, so the result never flickers
        ({"a": 5, "b": 5, "c": 0}, 5, {"a": 5, "b": None, "c": None}),
        # everyone in one cell: showing it says what each person chose
        ({"a": 30, "b": 0}, 5, {"a": None, "b": None}),
        # the floor: k below 3 is raised to 3
        ({"a": 2, "b": 2, "c": 3}, 1, {"a": None, "b": None, "c": 3}),
    ],
)
def test_partition_cells(counts, k, shown):
    assert release_partition(counts, k) == shown


def test_no_single_withheld_cell_can_be_worked_out_from_the_total():
    """Exhaustively: for every small partition, the withheld cells hold 0 people
    only when nothing is withheld, and otherwise at least k."""
    import itertools

    k = 3
    for cells in itertools.product(range(0, 8), repeat=3):
        counts = dict(zip("abc", cells, strict=True))
        released = release_partition(counts, k)
        withheld = [n for key, n in counts.items() if released[key] is None]
        assert not withheld or sum(withheld) >= k or len(withheld) == len(counts)
        assert all(n is None or n >= k for n in released.values())


def test_release_frame_works_per_partition():
    frame = pd.DataFrame(
        {
            "group": ["x", "x", "y", "y"],
            "count": [6, 6, 9, 1],
            "share": [0.5, 0.5, 0.9, 0.1],
        }
    )
    out = release_frame(frame, "count", 5, by=["group"], dependent=["share"])
    assert out["count"].tolist() == [6, 6, None, None]
    assert out["share"].tolist() == [0.5, 0.5, None, None]
    assert out["hidden"].tolist() == [False, False, True, True]
    assert out["withheld"].tolist() == [0, 0, 10, 10]
    assert frame["count"].tolist() == [6, 6, 9, 1], "the input is not changed"


@pytest.mark.parametrize(
    ("count", "k", "said"),
    [
        (0, 5, "Fewer than 5 have finished."),
        (4, 5, "Fewer than 5 have finished."),
        (5, 5, "At least 5 have finished."),
        (14, 5, "At least 10 have finished."),
        (14, 2, "At least 12 have finished."),
    ],
)
def test_progress_is_said_in_steps_of_k(count, k, said):
    assert progress_in_steps(count, k) == said


def test_batches_open_at_reveal_and_move_by_k(store, session):
    code = session.code

    def submit(who):
        store.append(code, CheckinAnswered(who, "curious"))

    def answered(record):
        event = record.event
        return event.participant if isinstance(event, CheckinAnswered) else None

    for who in "abcdef":
        submit(who)
    assert batched_release(store.read(code), answered, "x").latest is None
    store.append(code, ResultsRevealed("x", True))
    state = batched_release(store.read(code), answered, "x")
    assert state.latest.people == frozenset("abcdef"), "frozen at the reveal"
    for who in "ghij":
        submit(who)
    assert batched_release(store.read(code), answered, "x").latest == state.latest
    submit("k")
    moved = batched_release(store.read(code), answered, "x").latest
    assert moved.batch == 2
    assert moved.people == frozenset("abcdefghijk")
    store.append(code, ResultsRevealed("x", False))
    store.append(code, ResultsRevealed("x", True))
    again = batched_release(store.read(code), answered, "x").latest
    assert again == moved, "hiding and showing again releases nothing new"


def test_raising_k_waits_for_a_bigger_batch(store, session):
    code = session.code
    store.append(code, SettingChanged("min_group_size", 8))
    for who in "abcdefg":
        store.append(code, CheckinAnswered(who, "curious"))
    state, released = released_checkins(store.read(code), load_checkin())
    assert state.k == 8
    assert released is None
    assert state.progress() == "Fewer than 8 have finished."


def test_a_changed_check_in_waits_for_the_next_batch(store, session):
    code = session.code
    question = load_checkin()
    first, second = question.choices[0].key, question.choices[1].key
    for index in range(10):
        answer = first if index < 5 else second
        store.append(code, CheckinAnswered(f"p{index}", answer))
    store.append(code, ResultsRevealed("checkin", True))
    _, before = released_checkins(store.read(code), question)
    store.append(code, CheckinAnswered("p0", second))
    _, after = released_checkins(store.read(code), question)
    pd.testing.assert_frame_equal(before, after)
