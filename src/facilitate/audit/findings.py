"""Audit rows a leader may share with the room, said in plain words.

A finding is one released row of the audit with a risk ratio: every figure in
it has passed suppression, and the sentence is built here from those figures
only, so what reaches the room is a released aggregate and never a student. The
leader may reword who the group is and what the outcome is ("Students receiving
special-education services", "to be suspended"); the numbers are never typed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from facilitate.audit.data import (
    FALSE_WORDS,
    NOT_RECORDED,
    TRUE_WORDS,
)
from facilitate.audit.groups import OTHER_OR_NOT_RECORDED
from facilitate.audit.stats import Audit, is_blank
from facilitate.core.text import clean_text

WORDS_LIMIT = 120


def words(name: str) -> str:
    """A column name as words: ``special_education`` -> ``special education``."""
    return " ".join(name.replace("_", " ").replace("-", " ").split())


def default_group_words(column: str, group: str) -> str:
    """Who the group is, from the column and its value; the leader may reword it."""
    value = group.strip().casefold()
    if value in TRUE_WORDS:
        return f"Students marked {words(column)}"
    if value in FALSE_WORDS:
        return f"Students not marked {words(column)}"
    if group == NOT_RECORDED:
        return f"Students whose {words(column)} is not recorded"
    if group == OTHER_OR_NOT_RECORDED:
        return (
            f"Students in smaller {words(column)} groups, or whose "
            f"{words(column)} is not recorded"
        )
    return f"{group} students"


def default_outcome_words(outcome: str) -> str:
    return f"to be {words(outcome)}"


def times(ratio: float) -> str:
    """ "3.1 times", or two decimals where one would round to 1.0."""
    shown = f"{ratio:.1f}"
    return f"{ratio:.2f} times" if shown == "1.0" else f"{shown} times"


@dataclass(frozen=True)
class Finding:
    """One released audit row with a ratio; ``key`` names it in shared events."""

    outcome: str
    group_column: str
    group: str
    students: int
    rate: float
    risk_ratio: float
    ci_low: float
    ci_high: float
    flag: str

    @property
    def key(self) -> str:
        return f"{self.outcome}|{self.group_column}|{self.group}"

    def statement(self, group_words: str = "", outcome_words: str = "") -> str:
        """ "Students … are 3.1 times as likely to be suspended (n = 240)"."""
        who = clean_text(group_words, what="the group's description", limit=WORDS_LIMIT)
        what = clean_text(
            outcome_words, what="the outcome's description", limit=WORDS_LIMIT
        )
        who = who or default_group_words(self.group_column, self.group)
        what = what or default_outcome_words(self.outcome)
        return (
            f"{who} are {times(self.risk_ratio)} as likely {what} "
            f"(n = {self.students:,})"
        )

    def detail(self) -> str:
        """The rates behind the ratio and its interval, in one or two sentences."""
        others = self.rate / self.risk_ratio if self.risk_ratio > 0 else math.nan
        said = (
            f"{_percent(self.rate)} of them, compared with {_percent(others)} of "
            "all other students."
        )
        if math.isnan(self.ci_low):
            return said
        said += f" 95% interval: {self.ci_low:.2f} to {self.ci_high:.2f} times."
        if not self.flag:
            said += " The interval includes 1, so this may be chance."
        return said


def _percent(value: float) -> str:
    if math.isnan(value):
        return "an unknown share"
    return f"{value:.0%}" if value >= 0.095 else f"{value:.1%}"


def findings_of(audit: Audit) -> list[Finding]:
    """Every released row with a ratio: clear differences first, largest first."""
    table = audit.table
    usable = table.loc[~table["suppressed"] & table["risk_ratio"].notna()].copy()
    usable["_distance"] = (usable["risk_ratio"].astype(float)).map(
        lambda r: abs(math.log(r)) if r > 0 else math.inf
    )
    usable["_unclear"] = usable["flag"] == ""
    ordered = usable.sort_values(["_unclear", "_distance"], ascending=[True, False])
    return [
        _finding({str(k): v for k, v in row.items()})
        for row in ordered.to_dict("records")
    ]


def headline_findings(audit: Audit) -> list[Finding]:
    """Clear differences, without the mirror image of a yes/no column's "yes".

    In a column of two groups, "not in special education: 0.26 times as likely"
    only restates "in special education: 3.9 times", so the "no" side is left
    out when its "yes" side is flagged too.
    """
    flagged = [f for f in findings_of(audit) if f.flag]
    said_yes = {
        (f.outcome, f.group_column)
        for f in flagged
        if f.group.strip().casefold() in TRUE_WORDS
    }
    return [
        f
        for f in flagged
        if not (
            f.group.strip().casefold() in FALSE_WORDS
            and (f.outcome, f.group_column) in said_yes
        )
    ]


def _finding(row: dict[str, object]) -> Finding:
    def number(name: str) -> float:
        value = row[name]
        return math.nan if is_blank(value) else float(str(value))

    return Finding(
        outcome=str(row["outcome"]),
        group_column=str(row["group_column"]),
        group=str(row["group"]),
        students=int(str(row["students"])),
        rate=number("rate"),
        risk_ratio=number("risk_ratio"),
        ci_low=number("ci_low"),
        ci_high=number("ci_high"),
        flag=str(row["flag"]),
    )
