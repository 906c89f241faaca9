"""No lost answers: many writer processes (as many kernels would be) share one store.

Runs on SQLite and on PostgreSQL, each writer process with its own connection (and
pool), as each kernel would have. PostgreSQL runs 50 writers rather than 200 to
keep the suite quick: there a process's first append costs two connections
(about 45 ms), which 200 processes on two cores turn into half a minute of set-up
and no more contention on the log. ``bench/writers.py`` measures 200.
"""

from __future__ import annotations

import multiprocessing

from facilitate.activities.checkin.events import CheckinAnswered
from tests.store_backends import Backend

WRITERS = {"sqlite": 200, "postgresql": 50}
ANSWERS_EACH = 50


def write_answers(args: tuple[Backend, int]) -> int:
    backend, writer = args
    store = backend.open()
    for answer in range(ANSWERS_EACH):
        store.append("LOADED", CheckinAnswered(f"writer-{writer}", str(answer)))
    store.close()
    return writer


def test_writer_processes_append_every_event_exactly_once(backend: Backend):
    backend.open().close()
    writers = WRITERS[backend.name]
    context = multiprocessing.get_context("fork")
    processes = [
        context.Process(target=write_answers, args=((backend, writer),))
        for writer in range(writers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=240)
    assert [p.exitcode for p in processes] == [0] * writers

    reader = backend.open()
    records = reader.read("LOADED")
    reader.close()
    pairs = {(r.event.participant, r.event.answer) for r in records}
    assert len(records) == writers * ANSWERS_EACH
    assert len(pairs) == writers * ANSWERS_EACH
    assert len({r.id for r in records}) == len(records)
    assert [r.id for r in records] == sorted(r.id for r in records)
