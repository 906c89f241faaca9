"""N simultaneous participant joins against a running server, with and without a pool.

Each join comes from its own loopback address, as phones in a room do (the front
door limits page loads per device). Prints p50/p95/max of the server's time to
answer the participant page (the rendered notebook), the pool's fill time, and
the memory of idle participant kernels (the room's, not the lead's warm ones).
Usage: python bench/joins.py [N] [--no-cold | --cold-only]
"""

from __future__ import annotations

import statistics
import sys

from _phones import Phone, open_pages
from _server import kernel_pids, pss_mb, rss_mb, running_server, settle, voila_pid
from facilitate.core.sessions import create_session
from facilitate.core.store import open_store

#: The display's and the remote's warm kernels, in the lead's Voila.
LEAD_WARM_KERNELS = 2


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
            filled = settle(process, pool + LEAD_WARM_KERNELS)
            print(f"pool of {pool}: filled and settled in {filled:.1f}s")
            pids = kernel_pids(voila_pid(process.pid, "/"))
            rss = [rss_mb(pid) for pid in pids]
            pss = [pss_mb(pid) for pid in pids]
            print(
                f"idle participant kernel: RSS mean={statistics.mean(rss):.1f} MB "
                f"max={max(rss):.1f} MB; PSS mean={statistics.mean(pss):.1f} MB "
                f"(n={len(pids)})"
            )
        phones = [Phone(index, f"join-{index}") for index in range(count)]
        open_pages(int(base.rsplit(":", 1)[1]), session.code, phones, at_once=count)
        answered = sorted(phone.seconds for phone in phones if phone.kernel)
        report(f"joins with pool={pool}", answered)


if __name__ == "__main__":
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), "100"))
    if "--cold-only" not in sys.argv:
        run(n, pool=n)
    if "--no-cold" not in sys.argv:
        run(min(n, 20), pool=0)
