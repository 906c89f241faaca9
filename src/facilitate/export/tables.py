"""The CSV export: every part's released tables, and the event log when asked.

Parts hold what the release gate let through, so by default the CSV folder holds
aggregates only. The event-level log (``facilitate.export.event_log``) is added
only when the leader asks for it. Every file goes through ``write_table``, the one
place that makes cells safe to open in a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from facilitate.core.csv_file import write_table
from facilitate.core.files import private_directory
from facilitate.core.report import ReportPart

EVENT_LOG_NAME = "events.csv"


def write_csv(
    parts: Sequence[ReportPart], folder: Path, log: pd.DataFrame | None = None
) -> list[Path]:
    """One CSV per part table, plus ``events.csv`` when ``log`` is given."""
    private_directory(folder)
    written = []
    for part in parts:
        for name, table in part.tables.items():
            written.append(write_table(table, folder / f"{part.key}-{name}.csv"))
    stale = folder / EVENT_LOG_NAME
    if log is not None:
        written.append(write_table(log, stale))
    elif stale.exists():
        stale.unlink()
    return written
