"""The equity audit's figures: rates, shares and risk ratios, then suppression.

For each outcome and each group of each group column:

- ``rate``: students with the outcome ÷ students in the group;
- ``share_of_students`` and ``share_of_outcome``: the group's part of all students
  and of all students with the outcome (composition against outcome);
- ``risk_ratio``: the group's rate ÷ the rate of every student *not* in the group,
  the comparison used for disproportionality under IDEA (34 CFR 300.647);
- ``ci_low``/``ci_high``: its 95% interval by the log method (Katz et al., 1978):
  exp(ln RR ± 1.96·√(1/a − 1/n₁ + 1/c − 1/n₂)), with a and n₁ the group's students
  with the outcome and in all, c and n₂ everyone else's;
- ``flag``: ``higher`` or ``lower`` when the interval lies wholly above or below 1.

A ratio with nothing to compare against (a group that is everyone, or nobody else
with the outcome) is left empty; so is an interval when a count is zero, since
its logarithm has no value.

Suppression follows public education-data practice (minimum n-size for groups,
minimum cell size for counts, complementary suppression), after one step that
keeps large groups readable:

0. **Merge first.** The groups of one column with fewer than ``min_n`` students
   are merged into one "other or not recorded" group (``groups``), so a group of
   975 is never withheld because its neighbours hold 9 and 6.
1. **Groups.** A group still under ``min_n`` (a merged group too small even
   together) is withheld whole. The groups of one column split all students,
   whose total can be worked out from any other column, so the release gate's
   complementary rule applies: while the withheld groups hold fewer than
   ``min_n`` students, the next smallest is withheld too.
2. **Cells.** A group's outcome count is withheld when it is under ``min_n`` or
   within ``min_n`` of the group's size (few students *without* the outcome),
   with every figure built from it (rate, share of the outcome, ratio, interval).
   Withheld counts, and withheld "without" counts, must each add up to at least
   ``min_n``: while they do not, the smallest shown cell is withheld too. The
   merged group's own cell does not ask for this: it is one count over at least
   ``min_n`` students of several categories, none of them named by it, and
   withholding a large group's rate to hide it is the loss merging exists to
   avoid.

Withheld figures are empty (None / NaN), never 0, and ``suppressed`` marks them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from facilitate.audit.data import AuditCounts
from facilitate.audit.groups import merge_small_groups
from facilitate.core.config import SMALLEST_ALLOWED_GROUP_SIZE
from facilitate.core.errors import InvalidInput
from facilitate.core.release import release_partition

DEFAULT_MIN_N = 10
Z_95 = 1.959963984540054
AUDIT_COLUMNS = [
    "outcome",
    "group_column",
    "group",
    "students",
    "with_outcome",
    "rate",
    "share_of_students",
    "share_of_outcome",
    "risk_ratio",
    "ci_low",
    "ci_high",
    "suppressed",
]
HIGHER = "higher"
LOWER = "lower"
OUTCOME_FIGURES = [
    "with_outcome",
    "rate",
    "share_of_outcome",
    "risk_ratio",
    "ci_low",
    "ci_high",
]
_PARTITION = ["outcome", "group_column"]


@dataclass(frozen=True)
class Audit:
    """The released audit: ``table`` has ``AUDIT_COLUMNS``, ``flag`` and
    ``members`` (the groups of the district's file each row holds)."""

    source: str
    table: pd.DataFrame
    min_n: int
    group_columns: tuple[str, ...]
    outcomes: tuple[str, ...]
    students: int | None = None
    notes: tuple[str, ...] = ()

    @property
    def flagged(self) -> pd.DataFrame:
        """Rows whose interval lies wholly above or below 1, largest ratio first."""
        rows = self.table.loc[self.table["flag"] != ""].copy()
        distance = np.abs(np.log(rows["risk_ratio"].astype(float)))
        return (
            rows.assign(_d=distance)
            .sort_values("_d", ascending=False)
            .drop(columns="_d")
        )

    def csv_frame(self) -> pd.DataFrame:
        """Exactly the columns of ``audit.csv``."""
        return self.table[AUDIT_COLUMNS]


def checked_min_n(raw: object) -> int:
    """The minimum n-size, refused below the product's privacy floor."""
    try:
        min_n = int(str(raw))
    except ValueError:
        raise InvalidInput(
            f"'{raw}' is not a whole number. Give the minimum n-size as a number "
            f"such as {DEFAULT_MIN_N}."
        ) from None
    if min_n < SMALLEST_ALLOWED_GROUP_SIZE:
        raise InvalidInput(
            f"A minimum n-size of {min_n} could identify students. Use "
            f"{SMALLEST_ALLOWED_GROUP_SIZE} or more ({DEFAULT_MIN_N} is common)."
        )
    return min_n


# --- figures before suppression -----------------------------------------------------


def risk_figures(counts: pd.DataFrame) -> pd.DataFrame:
    """Rates, shares, risk ratios, intervals and flags, with nothing withheld.

    ``counts`` has ``outcome, group_column, group, students, with_outcome``; the
    result adds ``rate, share_of_students, share_of_outcome, risk_ratio, ci_low,
    ci_high, flag``. Undefined figures are NaN. The input is not changed.
    """
    out = counts.copy().reset_index(drop=True)
    n1 = out["students"].to_numpy(dtype=float)
    a = out["with_outcome"].to_numpy(dtype=float)
    totals = out.groupby(_PARTITION, sort=False)[["students", "with_outcome"]]
    everyone = totals.transform("sum")
    n_all = everyone["students"].to_numpy(dtype=float)
    a_all = everyone["with_outcome"].to_numpy(dtype=float)
    n2, c = n_all - n1, a_all - a
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n1 > 0, a / n1, np.nan)
        others = np.where(n2 > 0, c / n2, np.nan)
        ratio = np.where(others > 0, rate / others, np.nan)
        spread = np.where(
            (a > 0) & (c > 0) & (n2 > 0),
            Z_95 * np.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2),
            np.nan,
        )
        out["rate"] = rate
        out["share_of_students"] = np.where(n_all > 0, n1 / n_all, np.nan)
        out["share_of_outcome"] = np.where(a_all > 0, a / a_all, np.nan)
        out["risk_ratio"] = ratio
        out["ci_low"] = np.exp(np.log(ratio) - spread)
        out["ci_high"] = np.exp(np.log(ratio) + spread)
    out["flag"] = np.select(
        [out["ci_low"] > 1, out["ci_high"] < 1], [HIGHER, LOWER], default=""
    )
    return out


# --- suppression ----------------------------------------------------------------


def withheld_rows(
    students: dict[int, int],
    with_outcome: dict[int, int],
    min_n: int,
    merged: frozenset[int] = frozenset(),
) -> tuple[set[int], set[int]]:
    """(groups withheld whole, rows whose outcome figures are withheld).

    One partition (the groups of one column, for one outcome), keyed by row;
    ``merged`` names the merged "other or not recorded" row, whose withheld cell
    asks for no complement once the group holds ``min_n`` students.
    """
    released = release_partition(students, min_n)
    whole = {row for row, n in released.items() if n is None}
    without = {row: students[row] - with_outcome[row] for row in students}
    cells = whole | {
        row for row in students if with_outcome[row] < min_n or without[row] < min_n
    }
    order = list(students)
    exempt = {row for row in merged if row not in whole}
    while cells - exempt and len(cells) < len(order):
        low_with = sum(with_outcome[row] for row in cells) < min_n
        low_without = sum(without[row] for row in cells) < min_n
        if not (low_with or low_without):
            break
        smallest = without if low_without and not low_with else with_outcome
        shown = [row for row in order if row not in cells]
        cells.add(min(shown, key=lambda row: (smallest[row], -order.index(row))))
    return whole, cells


def suppress(figures: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """``figures`` with every unsafe figure emptied and ``suppressed`` marked.

    ``figures`` needs a default (0..n-1) index, as ``risk_figures`` returns; a
    ``merged`` column (``groups.merge_small_groups``) marks merged rows.
    """
    out = figures.copy()
    if "merged" not in out:
        out["merged"] = False
    whole: set[int] = set()
    cells: set[int] = set()
    for rows in out.groupby(_PARTITION, sort=False).indices.values():
        students = dict(enumerate(out["students"].to_numpy()[rows].tolist()))
        outcome = dict(enumerate(out["with_outcome"].to_numpy()[rows].tolist()))
        merged = frozenset(
            n for n, row in enumerate(rows) if bool(out["merged"].iloc[row])
        )
        hidden_groups, hidden_cells = withheld_rows(students, outcome, min_n, merged)
        whole |= {int(rows[n]) for n in hidden_groups}
        cells |= {int(rows[n]) for n in hidden_cells}
    counts = ["students", "with_outcome"]
    out[counts] = out[counts].astype("Int64")
    cell_rows = out.index.isin(sorted(cells))
    group_rows = out.index.isin(sorted(whole))
    for column in OUTCOME_FIGURES:
        out.loc[cell_rows, column] = pd.NA if column == "with_outcome" else np.nan
    out.loc[group_rows, "students"] = pd.NA
    out.loc[group_rows, "share_of_students"] = np.nan
    out.loc[cell_rows, "flag"] = ""
    out["suppressed"] = cell_rows | group_rows
    return out


def rounded(table: pd.DataFrame) -> pd.DataFrame:
    """Rates and shares to 4 decimals, ratios and intervals to 3."""
    return table.round(
        {
            "rate": 4,
            "share_of_students": 4,
            "share_of_outcome": 4,
            "risk_ratio": 3,
            "ci_low": 3,
            "ci_high": 3,
        }
    )


def run_audit(counts: AuditCounts, min_n: int = DEFAULT_MIN_N) -> Audit:
    """The whole audit of ``counts``: figures, then suppression at ``min_n``."""
    min_n = checked_min_n(min_n)
    merged = merge_small_groups(counts.counts, min_n)
    table = rounded(suppress(risk_figures(merged), min_n))
    return Audit(
        counts.source,
        table[[*AUDIT_COLUMNS, "flag", "members"]].reset_index(drop=True),
        min_n,
        counts.group_columns,
        counts.outcomes,
        counts.students,
        counts.notes,
    )


def is_blank(value: object) -> bool:
    """True for a withheld or undefined figure (None, NA or NaN)."""
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)
