"""A large event on this machine: 200 people over 2 workers behind HAProxy, PostgreSQL.

Starts a throwaway PostgreSQL (Debian's, durable, ``max_connections`` raised: each
live kernel holds about two connections) and ``facilitate serve --workers 2``, and
prints, with the load average at each step:

- **joins** (``--pool`` = PEOPLE, once the pool is warm and the machine has
  settled): PEOPLE phones open the join link at the same moment through HAProxy,
  each from its own address; the server's time to answer the page, p50/p95/max,
  and how many each worker took. Memory per pooled kernel, connections in use.
- **answer → display**: a fresh serve (no pool) where PEOPLE phones joined and
  stay live (``_phones``: each page follows the session as after a reload, so its
  kernel reads the log on every piece of news), a real projected display in
  Chromium on one worker, and PEOPLE more answers (joins) appended over SECONDS
  from another process as participant kernels write them. p50/p95/max from the
  append to the display's count changing, with NOTIFY, then with the announcing
  trigger off so every page falls back to polling (display 0.25 s; participants'
  pages, which expect news, 10 s).

Sustained appends per second: ``python bench/writers.py 200 50 --postgres``.
Usage: python bench/large_event.py [PEOPLE] [SECONDS] [--joins-only | --latency-only]
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from _display import OBSERVE, count_shown, first_shown, wait_for_count
from _phones import LivePhones, Phone, open_pages
from _postgres import connections, running_postgres
from _server import kernel_pids, pss_mb, rss_mb, running_server, settle
from facilitate.core.events import ParticipantJoined
from facilitate.core.links import display_link
from facilitate.core.pdf import CHROMIUM_QUIET_FLAGS
from facilitate.core.sessions import SessionInfo, create_session, display_token
from facilitate.core.store import EventStore, StoreAddress, open_address
from facilitate.core.store.address import POSTGRESQL

WORKERS = "2"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f}"


def report(label: str, times: list[float]) -> None:
    times = sorted(times)
    if not times:
        print(f"{label}: nothing measured")
        return
    p95 = times[max(round(0.95 * len(times)) - 1, 0)]
    print(
        f"{label}: n={len(times)} p50={statistics.median(times):.3f}s "
        f"p95={p95:.3f}s max={times[-1]:.3f}s ({load()})"
    )


def warm(server, people: int, limit: float = 1200) -> float:
    """Seconds until every pooled page has run: each opens its store connection
    first thing (the bench's own store holds one more)."""
    start = time.monotonic()
    while connections(server) < people + 1 and time.monotonic() - start < limit:
        time.sleep(1)
    time.sleep(5)
    return time.monotonic() - start


def memory_available_mb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 1024
    return 0.0


def opened(url: str) -> EventStore:
    return open_address(StoreAddress(POSTGRESQL, url=url))


def joins(people: int, server, url: str) -> None:
    needed = people * 80 + 2000
    if memory_available_mb() < needed:
        print(f"joins: skipped, {people} pooled kernels need about {needed} MB free")
        return
    extra = ("--workers", WORKERS, "--store", url)
    with running_server(people, extra, ready_seconds=900) as (base, _, process):
        port = int(base.rsplit(":", 1)[1])
        store = opened(url)
        session = create_session(store, "Join benchmark")
        filled = warm(server, people) + settle(process, people)
        pids = kernel_pids(process.pid)
        pss = [pss_mb(pid) for pid in pids]
        rss = [rss_mb(pid) for pid in pids]
        print(
            f"pool of {people} over {WORKERS} workers: warm and settled in "
            f"{filled:.0f}s; {len(pids)} kernels, PSS mean {statistics.mean(pss):.1f} "
            f"MB, RSS mean {statistics.mean(rss):.1f} MB; PostgreSQL connections "
            f"{connections(server)} ({load()})"
        )
        phones = [Phone(index, f"join-{index}") for index in range(people)]
        open_pages(port, session.code, phones, at_once=people)
        report(
            "joins through HAProxy, warm pool", [p.seconds for p in phones if p.kernel]
        )
        print(
            f"  per worker: {dict(sorted(Counter(p.worker for p in phones).items()))}"
        )
        store.close()


def measure(display, store: EventStore, session: SessionInfo, people: int,
            seconds: float, first: int) -> list[float]:  # fmt: skip
    """Seconds from each append to the display's count showing it."""
    before = count_shown(display)
    display.evaluate(OBSERVE)
    offsets = sorted(random.uniform(0, seconds) for _ in range(people))
    start, recorded = time.time(), []
    for index, offset in enumerate(offsets):
        time.sleep(max(0.0, start + offset - time.time()))
        event = ParticipantJoined(f"late-{first + index}", f"Late {first + index}")
        recorded.append(store.append(session.code, event).at)
    time.sleep(3)
    shown_at = first_shown(display.evaluate("() => window.seen"))
    return [
        shown_at[before + i + 1] - at
        for i, at in enumerate(recorded)
        if before + i + 1 in shown_at
    ]


def latency(people: int, seconds: float, server, url: str) -> None:
    from playwright.sync_api import sync_playwright

    extra = ("--workers", WORKERS, "--store", url)
    with running_server(0, extra, ready_seconds=600) as (base, _, process):
        port = int(base.rsplit(":", 1)[1])
        store = opened(url)
        session = create_session(store, "Latency benchmark")
        phones = [Phone(index, f"phone-{index}") for index in range(people)]
        for phone in phones:
            store.append(session.code, ParticipantJoined(phone.token, "Phone"))
        began = time.monotonic()
        open_pages(port, session.code, phones, at_once=8)
        live = LivePhones()
        count = live.connect(port, session.code, [p for p in phones if p.kernel])
        print(
            f"{count}/{people} phones live in {time.monotonic() - began:.0f}s; "
            f"PostgreSQL connections {connections(server)} ({load()})"
        )
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium", args=list(CHROMIUM_QUIET_FLAGS)
            )
            display = browser.new_page(viewport={"width": 1920, "height": 1080})
            display.goto(display_link(base, session, display_token(store, session)))
            wait_for_count(display, people, timeout_ms=300_000)
            settle(process, count + 1)
            notify = measure(display, store, session, people, seconds, 0)
            report(f"answer -> display, NOTIFY, {count} live phones", notify)
            server.sql(
                "ALTER TABLE facilitate.events DISABLE TRIGGER events_announce",
                urlsplit(url).path.lstrip("/"),
            )
            time.sleep(3)
            polled = measure(display, store, session, people, seconds, people)
            report(f"answer -> display, polling, {count} live phones", polled)
            browser.close()
        live.close(phones)
        store.close()


def main(argv: list[str]) -> None:
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up on kill
    numbers = [float(a) for a in argv if not a.startswith("--")]
    people = int(numbers[0]) if numbers else 200
    seconds = numbers[1] if len(numbers) > 1 else 10.0
    print(f"{people} people, {WORKERS} workers, PostgreSQL ({load()})")
    with running_postgres(max_connections=4 * people + 100) as (server, url):
        if "--latency-only" not in argv:
            joins(people, server, url)
        if "--joins-only" not in argv:
            latency(people, seconds, server, url)


if __name__ == "__main__":
    main(sys.argv[1:])
