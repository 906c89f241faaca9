"""Many kernels writing at once: W processes each append A answers to one store.

Prints the total, duplicates, and per-append latency (p50/p99/max), which is what a
participant waits for when pressing a button. Usage: python bench/writers.py [W] [A]
"""

from __future__ import annotations

import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.store import SQLiteStore


def write(args: tuple[str, int, int, multiprocessing.Queue]) -> None:
    path, writer, answers, results = args
    store = SQLiteStore(Path(path))
    latencies = []
    for answer in range(answers):
        start = time.perf_counter()
        store.append("BENCH", CheckinAnswered(f"writer-{writer}", str(answer)))
        latencies.append(time.perf_counter() - start)
    store.close()
    results.put(latencies)


def main(writers: int = 200, answers: int = 50) -> None:
    path = Path(tempfile.mkdtemp(prefix="facilitate-writers-")) / "events.sqlite3"
    SQLiteStore(path).close()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    processes = [
        context.Process(target=write, args=((str(path), w, answers, results),))
        for w in range(writers)
    ]
    began = time.perf_counter()
    for process in processes:
        process.start()
    latencies = sorted(x for _ in processes for x in results.get(timeout=600))
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - began
    records = SQLiteStore(path).read("BENCH")
    unique = {(r.event.participant, r.event.answer) for r in records}
    p99 = latencies[int(0.99 * (len(latencies) - 1))]
    print(
        f"{writers} writers x {answers} answers: {len(records)} events "
        f"({len(records) - len(unique)} duplicated, "
        f"{writers * answers - len(unique)} lost) in {elapsed:.1f}s; append "
        f"p50={statistics.median(latencies) * 1000:.1f}ms p99={p99 * 1000:.1f}ms "
        f"max={latencies[-1] * 1000:.1f}ms"
    )


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[1:]]
    main(*numbers)
