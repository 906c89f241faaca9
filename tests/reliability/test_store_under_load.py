"""No lost answers: 200 writer processes (as many kernels would be) share one store."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.store import SQLiteStore

WRITERS = 200
ANSWERS_EACH = 50


def write_answers(args: tuple[str, int]) -> int:
    path, writer = args
    store = SQLiteStore(Path(path))
    for answer in range(ANSWERS_EACH):
        store.append("LOADED", CheckinAnswered(f"writer-{writer}", str(answer)))
    store.close()
    return writer


def test_200_processes_append_10000_events_exactly(tmp_path):
    path = tmp_path / "events.sqlite3"
    SQLiteStore(path).close()
    context = multiprocessing.get_context("fork")
    processes = [
        context.Process(target=write_answers, args=((str(path), writer),))
        for writer in range(WRITERS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=240)
    assert [p.exitcode for p in processes] == [0] * WRITERS

    records = SQLiteStore(path).read("LOADED")
    pairs = {(r.event.participant, r.event.answer) for r in records}
    assert len(records) == WRITERS * ANSWERS_EACH
    assert len(pairs) == WRITERS * ANSWERS_EACH
    assert len({r.id for r in records}) == len(records)
