"""A room sending feedback at the end: unlinked forms while pages poll and answer.

R reader processes poll the log four times a second (open pages); W processes
each send one feedback form (marker now, form held apart, released k at a time,
journal emptied after each) and then append A ordinary answers. Prints how long a
person waits for the form, and how long ordinary answers wait meanwhile, since
emptying the journal briefly holds other writers back. Also prints how long a
deletion takes with the pages still reading.
Usage: python bench/unlinked.py [R] [W] [A] [k]
"""

from __future__ import annotations

import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
from facilitate.core.store import SQLiteStore

CODE = "BENCH2"


def poll(path: str, stop: Any) -> None:
    store = SQLiteStore(Path(path))
    last = 0
    while not stop.is_set():
        new = store.read(CODE, after=last)
        last = new[-1].id if new else last
        store.is_deleted(CODE)
        time.sleep(0.25)
    store.close()


def send(args: tuple[str, int, int, int, Any]) -> None:
    path, writer, answers, k, results = args
    store = SQLiteStore(Path(path))
    began = time.perf_counter()
    form = FeedbackContent({"voice": 4}, f"form {writer}")
    store.append_unlinked(CODE, FeedbackSent(f"w{writer}"), form, k)
    unlinked = time.perf_counter() - began
    plain = []
    for answer in range(answers):
        began = time.perf_counter()
        store.append(CODE, CheckinAnswered(f"w{writer}", str(answer)))
        plain.append(time.perf_counter() - began)
    store.close()
    results.put((unlinked, plain))


def summary(name: str, values: list[float]) -> str:
    values = sorted(values)
    p99 = values[int(0.99 * (len(values) - 1))]
    return (
        f"{name} p50={statistics.median(values) * 1000:.0f}ms "
        f"p99={p99 * 1000:.0f}ms max={values[-1] * 1000:.0f}ms"
    )


def main(readers: int = 60, writers: int = 60, answers: int = 10, k: int = 5) -> None:
    path = Path(tempfile.mkdtemp(prefix="facilitate-unlinked-")) / "events.sqlite3"
    SQLiteStore(path).close()
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    pollers = [
        context.Process(target=poll, args=(str(path), stop)) for _ in range(readers)
    ]
    for process in pollers:
        process.start()
    time.sleep(1)
    results = context.Queue()
    senders = [
        context.Process(target=send, args=((str(path), w, answers, k, results),))
        for w in range(writers)
    ]
    for process in senders:
        process.start()
    done = [results.get(timeout=600) for _ in senders]
    for process in senders:
        process.join()
    store = SQLiteStore(path)
    forms = len(store.read(CODE, kinds=["feedback_content"]))
    began = time.perf_counter()
    removed = store.delete_session(CODE)
    deleted = time.perf_counter() - began
    stop.set()
    for process in pollers:
        process.join()
    print(
        f"{readers} polling pages, {writers} forms (k={k}) + {writers * answers} "
        f"answers: {forms} forms released, {writers - forms} held; "
        + summary("form", [u for u, _ in done])
        + "; "
        + summary("answer", [p for _, plain in done for p in plain])
        + f"; delete {removed} events with pages reading: {deleted:.2f}s"
    )


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:]])
