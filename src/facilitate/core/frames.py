"""From recorded events to pandas frames: the first step of every metric.

One frame per event kind, with the envelope (``id``, ``at``) and the event's own
fields as columns. Console and export code only; participant kernels never import it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pandas as pd

from facilitate.core.agenda import event_kinds
from facilitate.core.events import Recorded


def kind_frame(records: Iterable[Recorded], kind: str) -> pd.DataFrame:
    """Events of one kind as rows: columns ``id``, ``at`` and the event's fields."""
    fields = [f.name for f in dataclasses.fields(event_kinds()[kind])]
    rows = [
        {"id": r.id, "at": r.at, **r.event.payload()} for r in records if r.kind == kind
    ]
    return pd.DataFrame(rows, columns=["id", "at", *fields])


def latest_per(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Keep the last event for each ``keys`` combination: changed answers win."""
    if frame.empty:
        return frame
    return frame.sort_values("id").drop_duplicates(keys, keep="last")
