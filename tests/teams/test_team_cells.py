"""One export row through the gate: merged before hidden, never worked out."""

from __future__ import annotations

from facilitate.teams.cells import coarsened, row_groups, together


def test_small_cells_merge_into_one_named_group_and_big_ones_stay():
    counts = {"Improving": 8, "Not responding": 9, "Not known": 2, "Not supported": 3}
    row = coarsened(counts, 5)
    assert row.cells == {
        "Improving": 8,
        "Not responding": 9,
        "Not known": None,
        "Not supported": None,
    }
    assert row.total == 22
    assert row.merged == ((("Not known", "Not supported"), 5),)
    assert row.merged_text(counts) == "Not supported or not known: 5"
    assert row.covered({"Improving", "Not responding"})
    assert row.covered({"Not known", "Not supported"})
    assert not row.covered({"Improving", "Not known"})


def test_a_merged_group_under_k_takes_the_smallest_shown_cell_in():
    counts = {"A": 10, "B": 6, "C": 1, "D": 0}
    row = coarsened(counts, 5)
    assert row.cells == {"A": 10, "B": None, "C": None, "D": None}
    assert row.merged_text(counts) == "B, c or d: 7"


def test_a_cell_that_may_not_stand_alone_joins_the_merged_group_with_another():
    counts = {"A": 7, "B": 5, "C": 5, "D": 5}
    assert coarsened(counts, 5).cells == counts
    row = coarsened(counts, 5, not_alone={"D"})
    assert row.cells == {"A": 7, "B": 5, "C": None, "D": None}
    assert row.merged == ((("C", "D"), 10),), "a group of one would be D itself"
    small = coarsened({"A": 7, "B": 6, "C": 2}, 5, not_alone={"B"})
    assert small.cells == {"A": 7, "B": None, "C": None}
    assert small.merged == ((("B", "C"), 8),)


def test_a_row_under_k_shows_nothing_and_a_row_of_one_answer_only_its_total():
    assert coarsened({"A": 2, "B": 1}, 5).total is None
    assert coarsened({"A": 2, "B": 1}, 5).cells == {"A": None, "B": None}
    only = coarsened({"A": 7, "B": 0}, 5)
    assert (only.total, only.cells, only.merged) == (7, {"A": None, "B": None}, ())


def test_rows_under_k_are_read_together():
    totals = {"Reading": 19, "Writing": 2, "Mathematics": 11, "Behaviour": 4}
    assert row_groups(totals, 5) == [
        ("Reading",),
        ("Mathematics",),
        ("Writing", "Behaviour"),
    ]
    assert row_groups({"Writing": 2, "Behaviour": 1}, 5) == [
        ("Writing",),
        ("Behaviour",),
    ]
    assert together(["Writing", "Attendance", "Behaviour"]) == (
        "Writing, attendance and behaviour, together"
    )
