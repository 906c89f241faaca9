"""Reading a CSV for the equity audit: every cell as text, every row numbered.

A district's file arrives from a spreadsheet: UTF-8 with or without Excel's
mark, or Windows' own encoding; commas, or semicolons in some locales; notes on
leading ``#`` lines (the sample says it is synthetic there), which are kept and
shown, never parsed; blank lines and rows of empty cells anywhere. Row numbers
are the file's line numbers, as a spreadsheet shows them, so every problem can
name its row. Nothing is interpreted here: the mapping and the counts come next
(``data``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Any

import numpy as np

from facilitate.core.errors import FacilitateError

AGGREGATE_COLUMNS = ("group_column", "group", "outcome", "students", "with_outcome")


class AuditFileError(FacilitateError):
    """The file cannot be audited as it is; the message says where and why."""


@dataclass(frozen=True)
class RawTable:
    """A CSV as read: every cell as text, each data row with its row number."""

    name: str
    columns: tuple[str, ...]
    cells: dict[str, np.ndarray]
    rows: np.ndarray
    notes: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.rows)

    def aggregated(self) -> bool:
        """True when the file holds counts (the aggregated columns are all there)."""
        names = {c.strip().casefold() for c in self.columns}
        return set(AGGREGATE_COLUMNS) <= names


def decode(content: bytes, name: str) -> str:
    """UTF-8 (with or without Excel's mark), else Windows' own encoding."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AuditFileError(
        f"{name}: the file is not readable text. Save it as 'CSV UTF-8' and try again."
    )


def read_table(content: bytes, name: str) -> RawTable:
    """Parse ``content`` as CSV; leading ``#`` lines are notes, blank lines skipped.

    Row numbers are the file's line numbers, as a spreadsheet shows them.
    """
    lines = decode(content, name).splitlines(keepends=True)
    offset, notes = _notes(lines)
    if offset == len(lines):
        raise AuditFileError(f"{name}: the file has no header row and no data.")
    reader = csv.reader(lines[offset:], dialect=_dialect(lines[offset]))
    header = [column.strip() for column in next(reader)]
    _check_header(header, name, offset + 1)
    data, numbers = _data_rows(reader, len(header), name, offset)
    if not data:
        raise AuditFileError(f"{name}: the file has a header but no rows of data.")
    columns = zip(header, zip(*data, strict=True), strict=True)
    cells = {column: np.array(values, dtype=object) for column, values in columns}
    # Rows of empty cells (a spreadsheet's trailing ",,,") count as blank lines.
    kept = ~np.logical_and.reduce([cells[column] == "" for column in header])
    if not kept.any():
        raise AuditFileError(f"{name}: the file has a header but no rows of data.")
    cells = {column: values[kept] for column, values in cells.items()}
    return RawTable(name, tuple(header), cells, np.array(numbers)[kept], tuple(notes))


def _notes(lines: list[str]) -> tuple[int, list[str]]:
    """How many leading lines are notes or blank, and the notes' text."""
    offset, notes = 0, []
    while offset < len(lines) and (
        lines[offset].startswith("#") or not lines[offset].strip()
    ):
        if lines[offset].strip():
            notes.append(lines[offset].lstrip("#").strip())
        offset += 1
    return offset, notes


def _data_rows(
    reader: Any, width: int, name: str, offset: int
) -> tuple[list[list[str]], list[int]]:
    """Every row of ``width`` cells with its line number; blank lines skipped.

    ``reader`` is a ``csv.reader``, whose ``line_num`` counts lines consumed.
    """
    data, numbers = [], []
    for row in reader:
        line = offset + reader.line_num
        if len(row) != width:
            if not any(cell.strip() for cell in row):
                continue
            raise AuditFileError(
                f"{name}, row {line}: {len(row)} cells where the header has "
                f"{width}. Check for a stray comma or a missing cell."
            )
        data.append(row)
        numbers.append(line)
    return data, numbers


def _dialect(header: str) -> type[csv.Dialect]:
    """Commas, unless the header is clearly separated by semicolons or tabs."""
    if "," not in header and ";" in header:

        class Semicolon(csv.excel):
            delimiter = ";"

        return Semicolon
    if "," not in header and "\t" in header:
        return csv.excel_tab
    return csv.excel


def _check_header(header: list[str], name: str, row: int) -> None:
    for number, column in enumerate(header, start=1):
        if not column:
            raise AuditFileError(
                f"{name}, row {row}: column {number} has no name. Give every "
                "column a name in the header row."
            )
    seen: set[str] = set()
    for column in header:
        if column.casefold() in seen:
            raise AuditFileError(
                f"{name}, row {row}, column '{column}': the name is used twice. "
                "Give each column its own name."
            )
        seen.add(column.casefold())
