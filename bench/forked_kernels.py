"""Participant kernels forked from the room's template, beside today's launch.

For each launch (``fork``, then ``start``: a fresh Python per kernel, as Jupyter
does; chosen with ``FACILITATE_KERNEL_LAUNCH``), a real ``facilitate serve
--pool POOL`` is started and measured in the same run:

- **warm-up**: seconds from start until POOL participant kernels have run their
  notebook (each holds the session log open), and until the server is quiet
  again (Voila has finished rendering their pages);
- **phase -> display while warming**: meanwhile the projected display, in
  Chromium, follows a facilitator stepping through the phases every
  ``PHASE_GAP_SECONDS`` (seconds from the phase's event to its screen, worst);
- **memory**: PSS of each idle participant kernel (``/proc/PID/smaps_rollup``:
  shared pages split among the processes sharing them), its private part, and
  the template's own PSS;
- **joins**: POOL phones open the join link at the same moment (p95 of the
  server's answer, and how many connections a full listen queue dropped
  meanwhile), then go live and follow the session;
- **refill**: seconds until the pool is warm again after the joins;
- **answer -> display**: with those phones live, answers appended from this
  process (as a kernel writes them) until the projected display, in Chromium
  and open since before the joins, counts them (p95): once as the refill's
  last kernels run their notebook, and again once the server is quiet.

Usage: ``python bench/forked_kernels.py [POOL] [--fork-only]``. The machine's
cores may be shared, so timings are noisy; memory figures are not.
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from _display import NUMBER, OBSERVE, first_shown, wait_for_count
from _phones import LivePhones, Phone, open_pages
from _server import (
    _descendants,
    _processes,
    has_run_notebook,
    kernel_pids,
    listen_overflows,
    pss_mb,
    running_server,
    settle,
    voila_pid,
)
from display_speed import PHASES, shown
from facilitate.core.events import ParticipantJoined, PhaseChanged
from facilitate.core.links import display_link
from facilitate.core.pdf import CHROMIUM_QUIET_FLAGS
from facilitate.core.sessions import create_session, display_token
from facilitate.core.store import open_store
from facilitate.ui.room_memory import KERNEL_LAUNCH_VARIABLE

ANSWERS = 40
ANSWER_GAP_SECONDS = 0.25
WARM_LIMIT_SECONDS = 900
PHASE_GAP_SECONDS = 2.0


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(round(0.95 * len(ordered)) - 1, 0)]


def private_mb(pid: int) -> float:
    """Pages only this process holds (what it adds to the machine's memory)."""
    rows = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
    found = {k: int(v.split()[0]) for k, v in (row.split(":") for row in rows)}
    return (found["Private_Clean"] + found["Private_Dirty"]) / 1024


def template_pids(room: int) -> list[int]:
    table = _processes()
    return [
        pid
        for pid in _descendants(table, room)
        if b"kernel_template" in table[pid][1] and table[pid][0] == room
    ]


def wait_warm(server_pid: int, pool: int, started: float) -> float:
    """Seconds from ``started`` until ``pool`` room kernels have run their notebook."""
    while time.monotonic() - started < WARM_LIMIT_SECONDS:
        room = voila_pid(server_pid, "/")
        if room and sum(map(has_run_notebook, kernel_pids(room))) >= pool:
            break
        time.sleep(0.25)
    return time.monotonic() - started


class PhaseSteps(threading.Thread):
    """A facilitator stepping the display through the phases until ``done``."""

    def __init__(self, base: str, data_dir: Path) -> None:
        super().__init__(daemon=True)
        self.base, self.data_dir = base, data_dir
        self.done = threading.Event()
        self.seconds: list[float] = []

    def run(self) -> None:
        store = open_store(self.data_dir)
        session = create_session(store, "Phase changes while the pool warms")
        phases = list(PHASES)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium", args=list(CHROMIUM_QUIET_FLAGS)
            )
            display = browser.new_page(viewport={"width": 1920, "height": 1080})
            display.set_default_timeout(120_000)
            token = display_token(store, session)
            display.goto(display_link(self.base, session, token))
            display.wait_for_selector(shown(phases[0]))
            step = 0
            while not self.done.wait(PHASE_GAP_SECONDS):
                step += 1
                phase = phases[step % len(phases)]
                began = time.perf_counter()
                store.append(session.code, PhaseChanged(phase))
                display.wait_for_selector(shown(phase))
                self.seconds.append(time.perf_counter() - began)
            browser.close()
        store.close()


def open_display(browser: Any, base: str, store: object, session: object) -> Any:
    """The projected display, opened once before the room joins, as in a room:
    a display opened just before the answers is still building its first
    screen, and shows them late for that reason alone."""
    display = browser.new_page(viewport={"width": 1920, "height": 1080})
    display.goto(display_link(base, session, display_token(store, session)))  # type: ignore[arg-type]
    display.wait_for_selector(NUMBER, timeout=120_000)
    return display


def answers_to_display(
    display: Any, store: object, session: object, round_: str
) -> list[float]:
    """Seconds from each answer's write to the display counting it."""
    before = int(display.text_content(NUMBER) or 0)
    display.evaluate(OBSERVE)
    recorded = []
    for index in range(ANSWERS):
        who = f"answer-{round_}-{index}"  # a new person each time: counted
        event = ParticipantJoined(who, f"Answer {index}")
        recorded.append(store.append(session.code, event).at)  # type: ignore[attr-defined]
        time.sleep(ANSWER_GAP_SECONDS)
    wait_for_count(display, before + ANSWERS)
    shown = first_shown(display.evaluate("() => window.seen"))
    return [shown[before + i + 1] - at for i, at in enumerate(recorded)]


def run(launch: str, pool: int) -> dict[str, float]:
    os.environ[KERNEL_LAUNCH_VARIABLE] = launch
    started = time.monotonic()
    with running_server(pool, ready_seconds=600) as (base, data_dir, server):
        steps = PhaseSteps(base, data_dir)
        steps.start()
        warm = wait_warm(server.pid, pool, started)
        steps.done.set()
        steps.join()
        quiet = warm + settle(server, pool)
        room = voila_pid(server.pid, "/")
        kernels = kernel_pids(room)
        pss = [pss_mb(pid) for pid in kernels]
        private = [private_mb(pid) for pid in kernels]
        template = sum(pss_mb(pid) for pid in template_pids(room))
        print(
            f"{launch}: {pool} warm in {warm:.1f} s; PSS per kernel "
            f"{statistics.mean(pss):.1f} MB (template {template:.1f} MB)",
            flush=True,
        )
        store = open_store(data_dir)
        session = create_session(store, "Forked kernels benchmark")
        pw = sync_playwright().start()
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=list(CHROMIUM_QUIET_FLAGS)
        )
        display = open_display(browser, base, store, session)
        settle(server, pool)
        phones = [Phone(i, f"phone-{i}") for i in range(pool)]
        port = int(base.rsplit(":", 1)[1])
        dropped = listen_overflows()
        open_pages(port, session.code, phones, at_once=pool)
        dropped = listen_overflows() - dropped
        joined = [p.seconds for p in phones if p.kernel]
        print(
            f"{launch}: {len(joined)} joins, p95 {p95(joined):.2f} s "
            f"({dropped} connections dropped by a full listen queue)",
            flush=True,
        )
        for phone in phones:
            store.append(session.code, ParticipantJoined(phone.token, "Phone"))
        live = LivePhones()
        count = live.connect(port, session.code, [p for p in phones if p.kernel])
        refilled = wait_warm(server.pid, 2 * pool, time.monotonic())
        delays = answers_to_display(display, store, session, "refill")
        settle(server, 2 * pool)
        settled_delays = answers_to_display(display, store, session, "quiet")
        browser.close()
        pw.stop()
        live.close(phones)
        store.close()
    figures = {
        "warm-up s": warm,
        "warm-up until quiet s": quiet,
        "phase -> display worst s": max(steps.seconds, default=float("nan")),
        "PSS per kernel MB": statistics.mean(pss),
        "private per kernel MB": statistics.mean(private),
        "template PSS MB": template,
        "join p95 s": p95(joined),
        "refill after joins s": refilled,
        "answer -> display p95 s": p95(delays),
        "... once quiet p95 s": p95(settled_delays),
    }
    print(
        f"{launch}: {len(kernels)} kernels, {len(joined)}/{pool} joins, {count} live; "
        + "; ".join(f"{k} {v:.2f}" for k, v in figures.items()),
        flush=True,
    )
    return figures


def main(pool: int, launches: tuple[str, ...]) -> None:
    results = {launch: run(launch, pool) for launch in launches}
    print(f"\npool of {pool}: " + " | ".join(f"{name:>10}" for name in results))
    for key in next(iter(results.values())):
        row = " | ".join(f"{results[name][key]:10.2f}" for name in results)
        print(f"{key:>26}: {row}")


if __name__ == "__main__":
    size = int(next((a for a in sys.argv[1:] if a.isdigit()), "50"))
    main(size, ("fork",) if "--fork-only" in sys.argv else ("fork", "start"))
