"""A district's file as counts: the column mapping, then every cell checked.

Two shapes are accepted. A **student-level** file has one row per student, some
group columns (race, gender, language, disability, income, ...) and some outcome
columns holding 1/0 or yes/no. An **aggregated** file already holds counts, in
the columns ``group_column, group, outcome, students, with_outcome``.

Columns are found by their names, never their position. For a student-level file
``guess_mapping`` proposes a role for each column (group, outcome or ignore) and
the leader may change it; identifiers are ignored, so a student's ID never
becomes a "group". Every problem is one sentence naming the file, the row and
the column, and nothing is half-loaded: the counts are built only once every cell
has passed. Reading the CSV itself is ``table``'s job.

The result is always the same small frame of counts per outcome and group, so the
statistics never see a student's row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from facilitate.audit.table import (
    AGGREGATE_COLUMNS,
    AuditFileError,
    RawTable,
    read_table,
)

GROUP = "group"
OUTCOME = "outcome"
IGNORE = "ignore"
ROLES = (GROUP, OUTCOME, IGNORE)
COUNT_COLUMNS = ["outcome", "group_column", "group", "students", "with_outcome"]
NOT_RECORDED = "(not recorded)"
#: A column with more different values than this is an identifier, not a group.
MOST_GROUPS = 50
#: A column this much yes/no is taken for an outcome (its odd cells then error).
MOSTLY = 0.9
TRUE_WORDS = frozenset({"1", "1.0", "yes", "y", "true", "t"})
FALSE_WORDS = frozenset({"0", "0.0", "no", "n", "false", "f"})
_IDENTIFIER = re.compile(
    r"(^|[_\s-])(id|ids|sasid|ssid|lasid|number|no)$|^id[_\s-]|student[_\s-]?id"
    r"|(^|[_\s-])(first|last|full|given|family)?[_\s-]?name$|birth|dob|address"
    r"|e-?mail|phone",
    re.IGNORECASE,
)
_GROUP_HINT = re.compile(
    r"race|ethnic|gender|sex|english|learner|(^|_)el(l)?($|_)|language|disab"
    r"|special|sped|iep|504|income|frl|lunch|econ|poverty|homeless|foster|migrant"
    r"|grade|school|campus",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ColumnGuess:
    """A proposed role for one column, and why (shown in the mapping step)."""

    name: str
    role: str
    reason: str


@dataclass(frozen=True)
class AuditCounts:
    """Students and students with each outcome, per outcome and group.

    ``counts`` has the columns ``COUNT_COLUMNS``; ``students`` is the number of
    rows of a student-level file (None for an aggregated one).
    """

    source: str
    counts: pd.DataFrame
    group_columns: tuple[str, ...]
    outcomes: tuple[str, ...]
    students: int | None = None
    notes: tuple[str, ...] = ()


# --- the mapping step ---------------------------------------------------------------


def yes_no(values: np.ndarray) -> np.ndarray:
    """1 / 0 for each cell, -1 where the cell is neither (case and spaces ignored)."""
    inverse, unique = pd.factorize(values, sort=False)
    words = [str(value).strip().casefold() for value in unique]
    coded = np.array(
        [1 if w in TRUE_WORDS else 0 if w in FALSE_WORDS else -1 for w in words],
        dtype=np.int8,
    )
    return coded[inverse]


def guess_mapping(table: RawTable) -> list[ColumnGuess]:
    """A role for each column: identifiers ignored; columns of (nearly all) yes/no
    values are outcomes, unless their name says they describe students
    (english_learner, low_income, ...); the rest are groups.

    "Nearly all" lets a stray typo surface as a clear error naming its row,
    rather than turning an outcome into a column of three groups.
    """
    guesses = []
    for column in table.columns:
        values = table.cells[column]
        distinct = len(pd.unique(values))
        yes_no_share = float((yes_no(values) >= 0).mean())
        if _IDENTIFIER.search(column):
            guesses.append(ColumnGuess(column, IGNORE, "looks like an identifier"))
        elif yes_no_share >= MOSTLY and not _GROUP_HINT.search(column):
            reason = "holds yes/no values" if yes_no_share == 1 else "mostly yes/no"
            guesses.append(ColumnGuess(column, OUTCOME, reason))
        elif distinct > MOST_GROUPS:
            reason = f"{distinct:,} different values: too many to be groups"
            guesses.append(ColumnGuess(column, IGNORE, reason))
        else:
            guesses.append(ColumnGuess(column, GROUP, f"{distinct} groups"))
    return guesses


def mapping_of(guesses: Sequence[ColumnGuess]) -> dict[str, str]:
    return {guess.name: guess.role for guess in guesses}


def chosen_roles(
    guessed: dict[str, str], groups: Sequence[str], outcomes: Sequence[str]
) -> dict[str, str]:
    """``guessed``, except that named group (or outcome) columns replace the guess.

    Naming the groups makes every other guessed group ignored; the same for
    outcomes. A name that is not a column is refused with the columns listed.
    """
    roles = dict(guessed)
    for wanted, role in ((groups, GROUP), (outcomes, OUTCOME)):
        if not wanted:
            continue
        missing = [name for name in wanted if name not in roles]
        if missing:
            raise AuditFileError(
                f"There is no column '{missing[0]}'. The columns are: "
                f"{', '.join(roles)}."
            )
        for name in roles:
            roles[name] = IGNORE if roles[name] == role else roles[name]
        for name in wanted:
            roles[name] = role
    return roles


# --- counting -------------------------------------------------------------------


def student_counts(table: RawTable, mapping: dict[str, str]) -> AuditCounts:
    """Count students per group and outcome, after every cell has been checked."""
    groups = [c for c in table.columns if mapping.get(c) == GROUP]
    outcomes = [c for c in table.columns if mapping.get(c) == OUTCOME]
    unknown = sorted(set(mapping) - set(table.columns))
    if unknown:
        raise AuditFileError(f"{table.name}: there is no column '{unknown[0]}'.")
    if not groups or not outcomes:
        missing = "group column" if not groups else "outcome column"
        raise AuditFileError(
            f"{table.name}: choose at least one {missing} (an outcome holds 1/0 "
            "or yes/no; a group column says which group each student is in)."
        )
    grouped = {column: group_codes(table, column) for column in groups}
    coded = {column: _outcome_cells(table, column) for column in outcomes}
    frames = [_group_counts(c, grouped[c], coded) for c in groups]
    counts = pd.concat(frames, ignore_index=True)
    order = {o: n for n, o in enumerate(outcomes)}
    counts = counts.sort_values(
        "outcome", key=lambda s: s.map(order), kind="stable"
    ).reset_index(drop=True)
    return AuditCounts(
        table.name,
        counts[COUNT_COLUMNS],
        tuple(groups),
        tuple(outcomes),
        table.size,
        table.notes,
    )


def _outcome_cells(table: RawTable, column: str) -> np.ndarray:
    coded = yes_no(table.cells[column])
    bad = np.flatnonzero(coded < 0)
    if not len(bad):
        return coded
    first = int(bad[0])
    where = f"{table.name}, row {int(table.rows[first])}, column '{column}'"
    if not str(table.cells[column][first]).strip():
        raise AuditFileError(
            f"{where}: the cell is empty. An outcome needs 1/0 or yes/no for every "
            "student."
        )
    # The value itself is not repeated: it is a student's data.
    raise AuditFileError(
        f"{where}: the cell holds something other than 1/0 or yes/no. Fix the "
        "cell, or map the column as a group or to ignore."
    )


def group_codes(table: RawTable, column: str) -> tuple[np.ndarray, list[str]]:
    """Each student's group number and the groups' labels.

    Case and outer spaces are ignored ("Yes" and "yes " are one group, spelled as
    first seen) and a blank cell is ``NOT_RECORDED``. More than ``MOST_GROUPS``
    groups means the column is an identifier, and is refused.
    """
    raw, uniques = pd.factorize(table.cells[column], sort=False)
    labels: list[str] = []
    number: dict[str, int] = {}
    remap = np.empty(len(uniques), dtype=np.int64)
    for n, value in enumerate(uniques):
        text = str(value).strip() or NOT_RECORDED
        remap[n] = number.setdefault(text.casefold(), len(labels))
        if remap[n] == len(labels):
            labels.append(text)
    if len(labels) > MOST_GROUPS:
        raise AuditFileError(
            f"{table.name}, column '{column}': {len(labels):,} different values, "
            f"more than {MOST_GROUPS} groups. It looks like an identifier: map it "
            "to ignore."
        )
    return remap[raw], labels


def _group_counts(
    column: str, grouped: tuple[np.ndarray, list[str]], coded: dict[str, np.ndarray]
) -> pd.DataFrame:
    codes, groups = grouped
    students = np.bincount(codes, minlength=len(groups))
    order = sorted(
        range(len(groups)),
        key=lambda n: (groups[n] == NOT_RECORDED, groups[n].casefold()),
    )
    frames = []
    for outcome, flags in coded.items():
        with_outcome = np.bincount(codes, weights=flags, minlength=len(groups))
        frames.append(
            pd.DataFrame(
                {
                    "outcome": outcome,
                    "group_column": column,
                    "group": [groups[n] for n in order],
                    "students": students[order].astype("int64"),
                    "with_outcome": with_outcome[order].astype("int64"),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def aggregated_counts(table: RawTable) -> AuditCounts:
    """Counts from an aggregated file, each row checked before any is used."""
    named = {c.strip().casefold(): c for c in table.columns}
    text = {key: table.cells[named[key]] for key in AGGREGATE_COLUMNS}
    rows = []
    seen: set[tuple[str, str, str]] = set()
    for index, line in enumerate(table.rows):
        row = {key: str(text[key][index]).strip() for key in AGGREGATE_COLUMNS}
        where = f"{table.name}, row {int(line)}"
        for key in ("group_column", "group", "outcome"):
            if not row[key]:
                raise AuditFileError(f"{where}, column '{key}': the cell is empty.")
        students = _whole(row["students"], f"{where}, column 'students'")
        with_outcome = _whole(row["with_outcome"], f"{where}, column 'with_outcome'")
        if with_outcome > students:
            raise AuditFileError(
                f"{where}, column 'with_outcome': {with_outcome} is more than the "
                f"{students} students of the group."
            )
        cell = (row["outcome"], row["group_column"], row["group"])
        if cell in seen:
            raise AuditFileError(
                f"{where}: '{cell[2]}' of '{cell[1]}' appears twice for the outcome "
                f"'{cell[0]}'. Keep one row per outcome and group."
            )
        seen.add(cell)
        rows.append((*cell, students, with_outcome))
    counts = pd.DataFrame(rows, columns=COUNT_COLUMNS).astype(
        {"students": "int64", "with_outcome": "int64"}
    )
    return AuditCounts(
        table.name,
        counts,
        tuple(dict.fromkeys(counts["group_column"])),
        tuple(dict.fromkeys(counts["outcome"])),
        None,
        table.notes,
    )


def _whole(raw: str, where: str) -> int:
    try:
        number = float(raw.replace(",", "")) if raw else float("nan")
    except ValueError:
        number = float("nan")
    if not number >= 0 or number != int(number):
        shown = f"'{raw}'" if raw else "the cell is empty:"
        raise AuditFileError(f"{where}: {shown} is not a whole number of students.")
    return int(number)


def load_counts(
    content: bytes, name: str, mapping: dict[str, str] | None = None
) -> AuditCounts:
    """Read a file of either shape; a student-level one uses ``mapping`` or a guess."""
    table = read_table(content, name)
    if table.aggregated():
        return aggregated_counts(table)
    return student_counts(table, mapping or mapping_of(guess_mapping(table)))
