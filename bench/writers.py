"""Many kernels writing at once: W processes each append A answers to one store.

Prints the total, duplicates, lost answers, sustained appends per second over the
whole run, and per-append latency (p50/p99/max), which is what a participant waits
for when pressing a button. The store is a fresh SQLite file unless
``--store ADDRESS`` names another, or ``--postgres`` starts a throwaway durable
PostgreSQL (Debian's, as the store tests do).
Usage: python bench/writers.py [W] [A] [--store ADDRESS | --postgres]
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
from facilitate.core.store import StoreAddress, open_address, parse_store_address


def write(address: StoreAddress, writer: int, answers: int, ready: Any,
          results: Any) -> None:  # fmt: skip
    """One kernel: open the store, wait for the others, append ``answers``."""
    store = open_address(address)
    ready.wait()
    latencies = []
    began = time.time()
    for answer in range(answers):
        start = time.perf_counter()
        store.append("BENCH", CheckinAnswered(f"writer-{writer}", str(answer)))
        latencies.append(time.perf_counter() - start)
    results.put((began, time.time(), latencies))
    store.close()


def run(address: StoreAddress, writers: int, answers: int) -> None:
    open_address(address).close()  # the schema exists before the writers start
    context = multiprocessing.get_context("fork")
    results, ready = context.Queue(), context.Barrier(writers)
    processes = [
        context.Process(target=write, args=(address, w, answers, ready, results))
        for w in range(writers)
    ]
    for process in processes:
        process.start()
    runs = [results.get(timeout=900) for _ in processes]
    for process in processes:
        process.join()
    began, ended = min(r[0] for r in runs), max(r[1] for r in runs)
    latencies = sorted(x for r in runs for x in r[2])
    records = open_address(address).read("BENCH")
    unique = {(r.event.participant, r.event.answer) for r in records}
    p99 = latencies[int(0.99 * (len(latencies) - 1))]
    print(
        f"{address.kind}, {writers} writers x {answers} answers: {len(records)} "
        f"events ({len(records) - len(unique)} duplicated, "
        f"{writers * answers - len(unique)} lost) in {ended - began:.1f}s = "
        f"{len(latencies) / (ended - began):.0f} appends/s sustained; append "
        f"p50={statistics.median(latencies) * 1000:.1f}ms p99={p99 * 1000:.1f}ms "
        f"max={latencies[-1] * 1000:.1f}ms"
    )


def main(argv: list[str]) -> None:
    numbers = [int(a) for a in argv if a.isdigit()]
    writers, answers = (numbers + [200, 50][len(numbers) :])[:2]
    with ExitStack() as stack:
        if "--postgres" in argv:
            from _postgres import running_postgres

            _, url = stack.enter_context(running_postgres(writers * 3 + 50))
            address = parse_store_address(url, Path("."))
        elif "--store" in argv:
            address = parse_store_address(argv[argv.index("--store") + 1], Path("."))
        else:
            folder = Path(tempfile.mkdtemp(prefix="facilitate-writers-"))
            address = parse_store_address("", folder)
        run(address, writers, answers)


if __name__ == "__main__":
    main(sys.argv[1:])
