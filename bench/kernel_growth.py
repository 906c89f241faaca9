"""How much memory a participant's kernel holds as the session goes on.

The room's pool stops starting kernels once the machine's memory would fall
below its reserve, counting ``kernel_mb`` for each further person
(``ui.room_memory``). A person's kernel is smallest when it waits in the pool;
it grows as its page builds each activity. This bench starts a real server,
lets PEOPLE phones join in Chromium (name, role, check-in), then moves the
session through every phase, waiting for each phone to show it, and prints the
mean PSS and private memory of their kernels after the join and after each
phase, beside what the room counts for each person (``kernel_mb``).
Run it with ``FACILITATE_KERNEL_LAUNCH=start`` for kernels launched on
their own.

Usage: ``python bench/kernel_growth.py [PEOPLE]``. Memory figures are steady
from run to run.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from _server import kernel_pids, pss_mb, running_server, settle, voila_pid
from facilitate.core.agenda import current_agenda
from facilitate.core.events import PhaseChanged
from facilitate.core.links import participant_link
from facilitate.core.pdf import CHROMIUM_QUIET_FLAGS
from facilitate.core.sessions import create_session
from facilitate.core.store import open_store
from facilitate.ui.room_memory import kernel_mb, kernels_forked
from forked_kernels import private_mb

KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


def join(page: Any, url: str, name: str) -> None:
    """What a participant does: open the link, give a name, role and check-in."""
    page.goto(url)
    page.wait_for_selector(".fc-name input", timeout=120_000)
    page.fill(".fc-name input", name)
    page.select_option(".fc-role select", label="Teacher")
    page.locator(".fc-checkin input[type=radio]").nth(1).check()
    page.click(".fc-submit")
    page.wait_for_selector(".fc-phase h2", timeout=60_000)


def kernel_of(page: Any, room: int) -> int:
    """The process of the kernel behind ``page``."""
    found = KERNEL_ID.search(page.content())
    assert found, "the page names its kernel"
    for pid in kernel_pids(room):
        if found.group(1).encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
            return pid
    raise SystemExit(f"no process for kernel {found.group(1)}")


def measured(pids: list[int]) -> tuple[float, float]:
    return (
        statistics.mean(pss_mb(pid) for pid in pids),
        statistics.mean(private_mb(pid) for pid in pids),
    )


def main(people: int) -> None:
    agenda = current_agenda()
    rows: list[tuple[str, float, float]] = []
    pool = people + 1
    with running_server(pool) as (base, data_dir, server), sync_playwright() as pw:
        settle(server, people + 1)
        store = open_store(data_dir)
        session = create_session(store, "Kernel growth")
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=list(CHROMIUM_QUIET_FLAGS)
        )
        phones = [browser.new_page() for _ in range(people)]
        for index, phone in enumerate(phones):
            join(phone, participant_link(base, session), f"Person {index}")
        room = voila_pid(server.pid, "/")
        pids = [kernel_of(phone, room) for phone in phones]
        settle(server, 2 * people + 1)
        rows.append(("joined", *measured(pids)))
        for phase in agenda.phases[1:]:
            store.append(session.code, PhaseChanged(phase.key))
            for phone in phones:
                phone.wait_for_function(
                    "want => document.querySelector('.fc-phase h2')"
                    "?.innerText.trim() === want",
                    arg=phase.title,
                    timeout=60_000,
                )
            settle(server, 2 * people + 1)
            rows.append((phase.title, *measured(pids)))
        browser.close()
        store.close()
    counted = kernel_mb(kernels_forked())
    print(f"\n{people} joined kernels, mean (counted per person: {counted} MB):")
    print(f"{'after':>28}  {'PSS MB':>7}  {'private MB':>10}")
    for label, pss, private in rows:
        print(f"{label:>28}  {pss:7.1f}  {private:10.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
