"""The CSV export: every part's released tables and an anonymised event log.

Parts hold what the release gate let through. The event log keeps, per kind, only
the fields its event class declares ``public`` or ``pseudonymous`` (see
``facilitate.core.events``): people become stable pseudonyms (P01, P02, … in
order of first appearance), and names, the facilitator key, free text and
self-assessment answers, all declared ``private``, never appear. A kind whose
fields are all private is left out entirely.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from facilitate.core.agenda import current_agenda
from facilitate.core.events import PRIVATE, PSEUDONYMOUS, Recorded
from facilitate.core.report import ReportPart


def exported_fields() -> dict[str, tuple[str, ...]]:
    """kind -> the fields an export may carry, from each event's declared policy."""
    fields = {}
    for kind, cls in current_agenda().event_kinds.items():
        kept = tuple(f for f in cls.field_names() if cls.policy.get(f) != PRIVATE)
        if kept:
            fields[kind] = kept
    return fields


def people_fields(kind_fields: dict[str, tuple[str, ...]]) -> set[str]:
    """Fields that name a person: exported only as pseudonyms."""
    kinds = current_agenda().event_kinds
    return {
        name
        for kind, names in kind_fields.items()
        for name in names
        if kinds[kind].policy.get(name) == PSEUDONYMOUS
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
    kinds = exported_fields()
    people = people_fields(kinds)
    names = pseudonyms(records)
    columns = list(ENVELOPE)
    for fields in kinds.values():
        columns += [
            COLUMN_NAMES.get(f, f)
            for f in fields
            if f not in people and COLUMN_NAMES.get(f, f) not in columns
        ]
    rows = []
    for record in records:
        if record.kind not in kinds:
            continue
        fields = kinds[record.kind]
        payload = record.event.payload()
        person = next((payload[f] for f in fields if f in people), None)
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
                if f not in people
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
