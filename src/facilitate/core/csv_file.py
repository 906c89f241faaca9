"""Every CSV the product writes goes through ``write_table``: safe in a spreadsheet.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab, a
carriage return or a line feed as a formula, so a practice label typed as
``=HYPERLINK(...)`` would become a live link in the leader's Excel. Following
OWASP's CSV-injection guidance, every text cell (headers included) that begins
with one of them, after any leading spaces, gets a leading apostrophe, which
spreadsheets read as "this is text"; and every cell is quoted, with quotes inside
doubled, so no comma, semicolon or quote in a cell can start a new cell that
begins with one. Numbers the product computed stay numbers, so a negative gap
still adds up: a number is not a formula.

The files are private to their owner (0600), like everything in the data
directory.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pandas as pd

from facilitate.core.files import FILE_MODE, restrict

#: What makes a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
TEXT_MARK = "'"


def neutralise(value: object) -> object:
    """``value`` as a spreadsheet will show it and never run it."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return TEXT_MARK + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell and header neutralised."""
    cells = [[neutralise(value) for value in row] for row in frame.itertuples(False)]
    columns = [str(neutralise(str(column))) for column in frame.columns]
    return pd.DataFrame(cells, columns=columns, dtype=object)


def csv_text(frame: pd.DataFrame) -> str:
    """``frame`` as quoted, neutralised CSV text, for a download built in memory."""
    text: str = safe_frame(frame).to_csv(
        index=False, quoting=csv.QUOTE_ALL, lineterminator="\n"
    )
    return text


def write_table(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` as a quoted, neutralised CSV that only its owner can read."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
        handle.write(csv_text(frame))
    restrict(path)
    return path
