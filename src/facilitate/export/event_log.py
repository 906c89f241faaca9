"""The event-level CSV, written only when a leader asks for it (``--event-log``).

What each kind may carry comes from its declared policy (``facilitate.core.events``):
``public`` fields as they are, ``pseudonymous`` ones only as a pseudonym,
``private`` ones never; a kind with nothing left is left out. On top of that,
nothing in the file may tie one kind's rows to another kind's person, so that a
tracker's turns, which whoever ran the tracker can put names to, lead to nobody's
answers, and nobody's answers lead back to the order people joined in:

- **Pseudonyms per kind**, numbered in a fresh random order at each export: one
  person is ``turn_started-07`` and ``practice_rated-03``, and neither number says
  when they joined or spoke first.
- **Whole minutes, in groups of k**: times are cut to the minute, and each row
  about a person carries the time of the group of at least k people of its kind
  it falls in, so a late arrival's check-in cannot be matched to their join by
  its minute.
- **No order**: no sequence numbers, and rows are sorted by time, kind and
  pseudonym, so neighbouring rows never say who acted right after whom.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from facilitate.core.agenda import current_agenda
from facilitate.core.events import PRIVATE, PSEUDONYMOUS, Recorded
from facilitate.core.group_size import floored

#: Field names that would read as something else in a spreadsheet.
COLUMN_NAMES = {"name": "setting"}
ENVELOPE = ["time", "kind", "person"]
MINUTE = 60.0


def exported_fields() -> dict[str, tuple[str, ...]]:
    """kind -> the fields an export may carry, from each event's declared policy."""
    fields = {}
    for kind, cls in current_agenda().event_kinds.items():
        kept = tuple(f for f in cls.field_names() if cls.policy.get(f) != PRIVATE)
        if kept:
            fields[kind] = kept
    return fields


def person_fields() -> dict[str, str]:
    """kind -> the exported field that names a person (pseudonymous), if any."""
    kinds = current_agenda().event_kinds
    found = {}
    for kind, fields in exported_fields().items():
        named = [f for f in fields if kinds[kind].policy.get(f) == PSEUDONYMOUS]
        if named:
            found[kind] = named[0]
    return found


@dataclass(frozen=True)
class Row:
    """One exported event before its time is written: what sorting needs."""

    id: int
    at: float
    kind: str
    who: str | None
    fields: dict[str, Any]
    #: The kind names people (even if this row, a silence say, names nobody).
    personal: bool = False


def exported_rows(records: Sequence[Recorded]) -> list[Row]:
    kinds = exported_fields()
    people = person_fields()
    rows = []
    for record in records:
        if record.kind not in kinds:
            continue
        payload = record.event.payload()
        named = people.get(record.kind)
        who = payload.get(named) if named else None
        fields = {
            COLUMN_NAMES.get(f, f): _cell(payload[f])
            for f in kinds[record.kind]
            if f != named
        }
        rows.append(
            Row(record.id, record.at, record.kind, _person(who), fields, bool(named))
        )
    return rows


def _person(who: object) -> str | None:
    return who if isinstance(who, str) and who else None


def _cell(value: Any) -> Any:
    return (
        json.dumps(value, sort_keys=True) if isinstance(value, dict | list) else value
    )


def kind_pseudonyms(
    rows: Sequence[Row], rng: random.Random
) -> dict[tuple[str, str], str]:
    """(kind, person) -> ``kind-NN``, numbered per kind in a random order."""
    seen: dict[str, dict[str, None]] = {}
    for row in rows:
        if row.who is not None:
            seen.setdefault(row.kind, {})[row.who] = None
    names = {}
    for kind, people in seen.items():
        order = list(people)
        rng.shuffle(order)
        width = max(2, len(str(len(order))))
        for number, who in enumerate(order, start=1):
            names[(kind, who)] = f"{kind}-{number:0{width}d}"
    return names


def grouped_minutes(rows: Sequence[Row], k: int) -> dict[int, float]:
    """Row id -> the minute it is shown at: its own, or its group's of k people.

    Rows of a kind that names people are taken minute by minute into groups
    holding at least k people; each group is shown at its last minute, and a last
    group of fewer than k joins the one before. Other kinds keep their minute.
    """
    k = floored(k)
    shown = {row.id: row.at // MINUTE * MINUTE for row in rows}
    by_kind: dict[str, list[Row]] = {}
    for row in rows:
        if row.personal:
            by_kind.setdefault(row.kind, []).append(row)
    for kind_rows in by_kind.values():
        groups: list[list[Row]] = [[]]
        for row in sorted(kind_rows, key=lambda r: (r.at, r.id)):
            group = groups[-1]
            full = _people(group) >= k
            if full and shown[row.id] != shown[group[-1].id]:
                groups.append([])
            groups[-1].append(row)
        if len(groups) > 1 and _people(groups[-1]) < k:
            groups[-2].extend(groups.pop())
        for group in groups:
            last = max(shown[r.id] for r in group)
            shown.update({r.id: last for r in group})
    return shown


def _people(rows: Sequence[Row]) -> int:
    return len({row.who for row in rows if row.who is not None})


def event_log(
    records: Sequence[Recorded], k: int, rng: random.Random | None = None
) -> pd.DataFrame:
    """Columns ``time`` (UTC minute), ``kind``, ``person``, then allowed fields."""
    rows = exported_rows(records)
    names = kind_pseudonyms(rows, rng or random.SystemRandom())
    minutes = grouped_minutes(rows, k)
    columns = list(ENVELOPE)
    for row in rows:
        columns += [name for name in row.fields if name not in columns]
    table = [
        {
            "time": _minute(minutes[row.id]),
            "kind": row.kind,
            "person": names.get((row.kind, row.who), "") if row.who else "",
            **row.fields,
        }
        for row in rows
    ]
    table.sort(key=lambda r: (r["time"], r["kind"], r["person"]))
    return pd.DataFrame(table, columns=columns, dtype=object)


def _minute(at: float) -> str:
    return dt.datetime.fromtimestamp(at, dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
