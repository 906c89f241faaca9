"""The CSV export: every part's aggregate tables and an anonymised event log.

Parts hold aggregates only, already k-suppressed. The event log keeps, per kind,
only fields on an allow-list: people become stable pseudonyms (P01, P02, … in order
of first appearance), and names, the facilitator key, free text, private kinds and
self-assessment answers never appear. A kind added later is left out until someone
decides which of its fields are safe, rather than leaking by default.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from facilitate.events import PRIVATE_KINDS, Recorded
from facilitate.report_parts import ReportPart

#: kind -> the fields exported; ``participant`` and ``speaker`` become pseudonyms.
EXPORTED_FIELDS: dict[str, tuple[str, ...]] = {
    "session_created": ("min_group_size",),
    "phase_changed": ("phase",),
    "results_revealed": ("activity", "revealed"),
    "setting_changed": ("name", "value"),
    "participant_joined": ("participant",),
    "checkin_answered": ("participant", "answer"),
    "self_assessment_submitted": ("participant",),
    "practice_added": ("practice", "label"),
    "practice_rated": (
        "participant",
        "practice",
        "spectrum",
        "now",
        "vision",
        "skipped",
    ),
    "speaker_added": ("speaker",),
    "turn_started": ("speaker",),
    "tap_undone": ("target",),
    "feedback_given": ("participant", "ratings"),
    "leader_note_saved": ("section",),
    "rubric_checked": ("criterion", "level"),
}
PEOPLE_FIELDS = ("participant", "speaker")
#: Field names that would read as something else in a spreadsheet.
COLUMN_NAMES = {"name": "setting"}
ENVELOPE = ["id", "time", "kind", "person"]


def pseudonyms(records: Sequence[Recorded]) -> dict[str, str]:
    """Stable pseudonyms in order of first appearance: the log is append-only."""
    names: dict[str, str] = {}
    for record in records:
        payload = record.event.payload()
        for name in PEOPLE_FIELDS:
            who = payload.get(name)
            if isinstance(who, str) and who and who not in names:
                names[who] = f"P{len(names) + 1:02d}"
    return names


def _cell(value: Any) -> Any:
    return (
        json.dumps(value, sort_keys=True) if isinstance(value, dict | list) else value
    )


def event_log(records: Sequence[Recorded]) -> pd.DataFrame:
    """Columns ``id``, ``time`` (UTC ISO), ``kind``, ``person``, then allowed fields."""
    names = pseudonyms(records)
    columns = list(ENVELOPE)
    for fields in EXPORTED_FIELDS.values():
        columns += [
            COLUMN_NAMES.get(f, f)
            for f in fields
            if f not in PEOPLE_FIELDS and COLUMN_NAMES.get(f, f) not in columns
        ]
    rows = []
    for record in records:
        if record.kind not in EXPORTED_FIELDS or record.kind in PRIVATE_KINDS:
            continue
        fields = EXPORTED_FIELDS[record.kind]
        payload = record.event.payload()
        person = next((payload[f] for f in PEOPLE_FIELDS if f in fields), None)
        row = {
            "id": record.id,
            "time": dt.datetime.fromtimestamp(record.at, dt.timezone.utc).isoformat(
                timespec="seconds"
            ),
            "kind": record.kind,
            "person": names.get(person, "") if isinstance(person, str) else "",
        }
        row.update(
            {
                COLUMN_NAMES.get(f, f): _cell(payload[f])
                for f in fields
                if f not in PEOPLE_FIELDS
            }
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=columns, dtype=object)


def write_csv(
    records: Sequence[Recorded], parts: Sequence[ReportPart], folder: Path
) -> list[Path]:
    """One CSV per part table plus ``events.csv``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for part in parts:
        for name, table in part.tables.items():
            path = folder / f"{part.key}-{name}.csv"
            table.to_csv(path, index=False)
            written.append(path)
    log_path = folder / "events.csv"
    event_log(records).to_csv(log_path, index=False)
    written.append(log_path)
    return written
