"""The audit's figures and suppression against values worked out by hand.

Risk ratio = (a / n1) / (c / n2); its 95% interval by the log method is
exp(ln RR ± 1.96 · sqrt(1/a − 1/n1 + 1/c − 1/n2)). For a = 30 of n1 = 100 against
c = 20 of n2 = 200: RR = 0.3 / 0.1 = 3; sqrt(1/30 − 1/100 + 1/20 − 1/200) =
sqrt(0.068333) = 0.261406; 1.96 × 0.261406 = 0.512346; exp(1.098612 ∓ 0.512346)
= 1.797 and 5.008.
"""

from __future__ import annotations

import csv
import io
import math

import pandas as pd
import pytest

from facilitate.audit.data import AuditCounts
from facilitate.audit.files import audit_csv
from facilitate.audit.stats import (
    AUDIT_COLUMNS,
    checked_min_n,
    risk_figures,
    run_audit,
    suppress,
    withheld_rows,
)
from facilitate.core.errors import InvalidInput


def counts(*rows: tuple[str, int, int], outcome: str = "suspended") -> pd.DataFrame:
    """One partition (column ``race``): (group, students, with outcome) per row."""
    return pd.DataFrame(
        [(outcome, "race", group, n, a) for group, n, a in rows],
        columns=["outcome", "group_column", "group", "students", "with_outcome"],
    )


def audit_of(frame: pd.DataFrame, min_n: int = 10):
    outcomes = tuple(dict.fromkeys(frame["outcome"]))
    return run_audit(AuditCounts("test.csv", frame, ("race",), outcomes), min_n)


def test_risk_ratio_interval_and_shares_match_the_hand_computation():
    figures = risk_figures(counts(("A", 100, 30), ("B", 200, 20)))
    a, b = figures.iloc[0], figures.iloc[1]
    assert a["rate"] == pytest.approx(0.3)
    assert a["share_of_students"] == pytest.approx(100 / 300)
    assert a["share_of_outcome"] == pytest.approx(30 / 50)
    assert a["risk_ratio"] == pytest.approx(3.0)
    assert a["ci_low"] == pytest.approx(1.797, abs=5e-4)
    assert a["ci_high"] == pytest.approx(5.008, abs=5e-4)
    assert a["flag"] == "higher"
    # B against everyone else (A): the reciprocal ratio and interval.
    assert b["risk_ratio"] == pytest.approx(1 / 3)
    assert b["ci_low"] == pytest.approx(0.1997, abs=5e-5)
    assert b["ci_high"] == pytest.approx(0.5564, abs=5e-5)
    assert b["flag"] == "lower"


def test_an_interval_that_includes_one_is_not_flagged():
    # 12/100 against 10/100: RR 1.2; sqrt(1/12 − 1/100 + 1/10 − 1/100) = 0.404
    # so the interval is exp(0.1823 ± 0.7921) = 0.543 to 2.650: no clear difference.
    figures = risk_figures(counts(("A", 100, 12), ("B", 100, 10)))
    assert figures.loc[0, "risk_ratio"] == pytest.approx(1.2)
    assert figures.loc[0, "ci_low"] == pytest.approx(0.543, abs=1e-3)
    assert figures.loc[0, "ci_high"] == pytest.approx(2.650, abs=1e-3)
    assert figures.loc[0, "flag"] == ""


def test_a_group_with_no_outcomes_has_ratio_zero_and_no_interval():
    figures = risk_figures(counts(("A", 50, 0), ("B", 150, 15)))
    assert figures.loc[0, "rate"] == 0
    assert figures.loc[0, "risk_ratio"] == 0
    assert math.isnan(figures.loc[0, "ci_low"])
    assert math.isnan(figures.loc[0, "ci_high"])
    assert figures.loc[0, "flag"] == ""
    # B is the only group with the outcome: nobody else to compare against.
    assert math.isnan(figures.loc[1, "risk_ratio"])
    # And a count of 0 is under the n-size, so the audit withholds it (empty, not 0).
    released = audit_of(counts(("A", 50, 0), ("B", 150, 15))).table
    assert released.loc[0, "with_outcome"] is pd.NA
    assert math.isnan(released.loc[0, "risk_ratio"])
    assert bool(released.loc[0, "suppressed"])


def test_a_group_that_is_everyone_has_no_ratio_but_its_rate_is_shown():
    released = audit_of(counts(("All", 80, 20))).table.iloc[0]
    assert released["students"] == 80
    assert released["with_outcome"] == 20
    assert released["rate"] == pytest.approx(0.25)
    assert released["share_of_students"] == 1.0
    assert released["share_of_outcome"] == 1.0
    assert math.isnan(released["risk_ratio"])
    assert math.isnan(released["ci_low"])
    assert not released["suppressed"]


def test_exactly_min_n_is_shown_and_one_under_is_withheld():
    shown = audit_of(counts(("A", 20, 10), ("B", 100, 50))).table
    assert shown["with_outcome"].tolist() == [10, 50]
    assert not shown["suppressed"].any()
    # Exactly 10 students is a group shown; 9 is not (and is not worked out).
    sizes = {0: 10, 1: 100, 2: 200}
    assert withheld_rows(sizes, {0: 5, 1: 50, 2: 100}, 10)[0] == set()
    # 10 with the outcome and 10 without are shown; 9 without are not.
    hidden = audit_of(counts(("A", 19, 10), ("B", 100, 50))).table
    assert hidden["with_outcome"].isna().tolist() == [True, True]


def test_one_hidden_cell_in_a_partition_takes_the_next_smallest_with_it():
    table = audit_of(counts(("A", 100, 30), ("B", 200, 40), ("C", 50, 4))).table
    # C's 4 is under 10. Hidden alone it equals the total (74) minus the shown
    # 70, so the smallest shown count (A's 30) is withheld too: 34 >= 10.
    assert table["with_outcome"].isna().tolist() == [True, False, True]
    assert table["suppressed"].tolist() == [True, False, True]
    assert table["students"].tolist() == [100, 200, 50]
    for column in ("rate", "share_of_outcome", "risk_ratio", "ci_low", "ci_high"):
        assert table[column].isna().tolist() == [True, False, True], column


def test_a_small_group_merges_with_the_next_smallest_rather_than_hiding_it():
    rows = (("A", 300, 60), ("D", 200, 30), ("B", 12, 0), ("C", 6, 1))
    table = audit_of(counts(*rows)).table
    # C's 6 students are under 10; merged alone they still are, so B (the
    # smallest group of 10 or more) joins them: 18 students, shown.
    assert table["group"].tolist() == ["A", "D", "(other or not recorded)"]
    assert table["members"].tolist()[2] == ("B", "C")
    assert table["students"].tolist() == [300, 200, 18]
    # Their 1 suspension is withheld; A's and D's rates are not withheld for it.
    assert table["with_outcome"].isna().tolist() == [False, False, True]
    assert table["suppressed"].tolist() == [False, False, True]


def test_a_whole_column_under_min_n_is_withheld():
    table = audit_of(counts(("A", 5, 1), ("B", 3, 1))).table
    assert table["students"].isna().tolist() == [True]
    assert table["suppressed"].tolist() == [True]


def test_few_students_without_the_outcome_hide_the_cell_too():
    whole, cells = withheld_rows({0: 40, 1: 60}, {0: 35, 1: 30}, 10)
    # Group 0 has only 5 without the outcome; group 1 must go with it.
    assert whole == set()
    assert cells == {0, 1}


def test_audit_csv_has_exactly_the_columns_and_empty_withheld_cells():
    audit = audit_of(counts(("A", 100, 30), ("B", 200, 40), ("C", 50, 4)))
    lines = list(csv.reader(io.StringIO(audit_csv(audit))))
    assert lines[0] == AUDIT_COLUMNS
    assert ",".join(lines[1]) == "suspended,race,A,100,,,0.2857,,,,,True"
    assert ",".join(lines[3]) == "suspended,race,C,50,,,0.1429,,,,,True"
    assert "0" not in lines[1][4:6] + lines[3][4:6]


def test_audit_csv_keeps_a_formula_named_group_as_text():
    audit = audit_of(counts(("=HYPERLINK(1)", 100, 30), ("B", 200, 40)))
    assert '"\'=HYPERLINK(1)"' in audit_csv(audit)


def test_suppression_leaves_its_input_alone():
    figures = risk_figures(counts(("A", 100, 30), ("B", 200, 40), ("C", 50, 4)))
    before = figures.copy()
    suppress(figures, 10)
    pd.testing.assert_frame_equal(figures, before)


def test_min_n_below_the_floor_is_refused():
    assert checked_min_n("12") == 12
    with pytest.raises(InvalidInput) as raised:
        checked_min_n(2)
    assert str(raised.value) == (
        "A minimum n-size of 2 could identify students. Use 3 or more (10 is common)."
    )
    with pytest.raises(InvalidInput, match="'ten' is not a whole number"):
        checked_min_n("ten")


# --- merge before withholding ---------------------------------------------------------


def gender(*rows: tuple[str, int, int]) -> pd.DataFrame:
    frame = counts(*rows)
    frame["group_column"] = "gender"
    return frame


def test_975_girls_are_shown_beside_9_nonbinary_and_6_not_recorded():
    # The worked example: 30 of 975 girls and 61 of 980 boys suspended, 2 of the
    # 9 nonbinary students and 0 of the 6 whose gender is not recorded.
    frame = gender(
        ("Girl", 975, 30),
        ("Boy", 980, 61),
        ("Nonbinary", 9, 2),
        ("(not recorded)", 6, 0),
    )
    outcomes = ("suspended",)
    table = run_audit(AuditCounts("test.csv", frame, ("gender",), outcomes)).table
    rows = {row["group"]: row for row in table.to_dict("records")}
    assert list(rows) == ["Girl", "Boy", "(other or not recorded)"]
    assert rows["Girl"]["rate"] == pytest.approx(round(30 / 975, 4))
    assert rows["Boy"]["rate"] == pytest.approx(round(61 / 980, 4))
    assert not rows["Girl"]["suppressed"]
    assert not rows["Boy"]["suppressed"]
    other = rows["(other or not recorded)"]
    assert other["students"] == 15
    assert other["members"] == ("Nonbinary", "(not recorded)")
    # Two suspensions among 15 is under the n-size: withheld, never shown.
    assert pd.isna(other["with_outcome"])
    assert math.isnan(other["rate"])
    assert other["suppressed"]


def test_a_merged_group_still_under_min_n_takes_in_the_smallest_large_group():
    frame = gender(("Girl", 975, 30), ("Boy", 980, 61), ("Nonbinary", 4, 1))
    table = audit_of(frame).table
    # 4 students alone would be 1959 - 1955: the girls join them, shown merged.
    assert table["group"].tolist() == ["Boy", "(other or not recorded)"]
    assert table["students"].tolist() == [980, 979]
    assert table["with_outcome"].tolist() == [61, 31]
    assert not table["suppressed"].any()


def test_groups_of_min_n_or_more_keep_their_names():
    table = audit_of(counts(("A", 300, 60), ("B", 200, 30), ("C", 10, 2))).table
    assert table["group"].tolist() == ["A", "B", "C"]
    assert table["members"].tolist() == [("A",), ("B",), ("C",)]
