"""A room sending feedback at the end: unlinked forms while pages poll and answer.

R reader processes poll the log four times a second (open pages); W processes
each send one feedback form (marker now, form held apart, released k at a time,
journal emptied after each) and then append A ordinary answers. Prints how long a
person waits for the form, and how long ordinary answers wait meanwhile, since
emptying the journal briefly holds other writers back. Also prints how long a
deletion takes with the pages still reading. The store is a fresh SQLite file,
or with ``--postgres`` a throwaway durable PostgreSQL (Debian's, as the store
tests start it), where a deletion also vacuums the tables.
Usage: python bench/unlinked.py [R] [W] [A] [k] [--postgres]
"""

from __future__ import annotations

import multiprocessing
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
from facilitate.core.store import StoreAddress, open_address, parse_store_address

CODE = "BENCH2"


def poll(address: StoreAddress, stop: Any) -> None:
    store = open_address(address)
    last = 0
    while not stop.is_set():
        new = store.read(CODE, after=last)
        last = new[-1].id if new else last
        store.is_deleted(CODE)
        time.sleep(0.25)
    store.close()


def send(args: tuple[str, int, int, int, Any]) -> None:
    address, writer, answers, k, results = args
    store = open_address(address)
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


def run(
    address: StoreAddress, readers: int, writers: int, answers: int, k: int
) -> None:
    open_address(address).close()  # the schema exists before the pages start
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    pollers = [
        context.Process(target=poll, args=(address, stop)) for _ in range(readers)
    ]
    for process in pollers:
        process.start()
    time.sleep(1)
    results = context.Queue()
    senders = [
        context.Process(target=send, args=((address, w, answers, k, results),))
        for w in range(writers)
    ]
    for process in senders:
        process.start()
    done = [results.get(timeout=600) for _ in senders]
    for process in senders:
        process.join()
    store = open_address(address)
    forms = len(store.read(CODE, kinds=["feedback_content"]))
    began = time.perf_counter()
    removed = store.delete_session(CODE)
    deleted = time.perf_counter() - began
    stop.set()
    for process in pollers:
        process.join()
    print(
        f"{address.kind}, {readers} polling pages, {writers} forms (k={k}) + "
        f"{writers * answers} answers: {forms} forms released, {writers - forms} held; "
        + summary("form", [u for u, _ in done])
        + "; "
        + summary("answer", [p for _, plain in done for p in plain])
        + f"; delete {removed} events with pages reading: {deleted:.2f}s"
    )


def main(argv: list[str]) -> None:
    numbers = [int(a) for a in argv if a.isdigit()]
    readers, writers, answers, k = (numbers + [60, 60, 10, 5][len(numbers) :])[:4]
    with ExitStack() as stack:
        if "--postgres" in argv:
            from _postgres import running_postgres

            connections = (readers + writers) * 3 + 50
            _, url = stack.enter_context(running_postgres(connections))
            address = parse_store_address(url, Path("."))
        else:
            folder = Path(tempfile.mkdtemp(prefix="facilitate-unlinked-"))
            address = parse_store_address("", folder)
        run(address, readers, writers, answers, k)


if __name__ == "__main__":
    main(sys.argv[1:])
