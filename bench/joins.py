"""N simultaneous participant joins against a running server, with and without a pool.

Prints p50/p95/max of the server's time to answer the participant page (the
rendered notebook), the pool's fill time, and the resident memory of idle
participant kernels. Usage: python bench/joins.py [N] [--no-cold | --cold-only]
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
import urllib.request

from _server import kernel_pids, pss_mb, rss_mb, running_server, wait_for_pool
from facilitate.core.sessions import create_session
from facilitate.core.store import open_store


def fetch_all(url: str, count: int) -> list[float]:
    """Fire ``count`` GETs at once; return each one's seconds to a full answer."""
    times: list[float] = [0.0] * count
    barrier = threading.Barrier(count)

    def one(index: int) -> None:
        barrier.wait()
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=600) as response:
            response.read()
        times[index] = time.perf_counter() - start

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(times)


def report(label: str, times: list[float]) -> None:
    p95 = times[max(round(0.95 * len(times)) - 1, 0)]
    print(
        f"{label}: n={len(times)} p50={statistics.median(times):.3f}s "
        f"p95={p95:.3f}s max={times[-1]:.3f}s"
    )


def run(count: int, pool: int) -> None:
    with running_server(pool) as (base, data_dir, process):
        session = create_session(open_store(data_dir), "Join benchmark")
        if pool:
            filled = wait_for_pool(process, pool)
            print(f"pool of {pool}: filled and settled in {filled:.1f}s")
            pids = kernel_pids(process.pid)
            rss = [rss_mb(pid) for pid in pids]
            pss = [pss_mb(pid) for pid in pids]
            print(
                f"idle participant kernel: RSS mean={statistics.mean(rss):.1f} MB "
                f"max={max(rss):.1f} MB; PSS mean={statistics.mean(pss):.1f} MB "
                f"(n={len(pids)})"
            )
        url = f"{base}/voila/render/participant.ipynb?code={session.code}"
        report(f"joins with pool={pool}", fetch_all(url, count))


if __name__ == "__main__":
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), "100"))
    if "--cold-only" not in sys.argv:
        run(n, pool=n)
    if "--no-cold" not in sys.argv:
        run(min(n, 20), pool=0)
