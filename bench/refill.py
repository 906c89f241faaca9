"""Does the room keep its speed while the participant pool refills after a mass join?

A real ``facilitate serve --pool PEOPLE`` is warm and settled. A demo session is
projected (the display in Chromium at 1920×1080), driven from the remote (also in
Chromium), and a few people sit on the join form in Chromium. Then PEOPLE phones
open the join link at the same moment, each from its own address, and fetch the
page's scripts and styles as their browsers would (the list is taken from one
real page load). That drains the pool: Voila starts PEOPLE kernels to refill it,
while the phones' pages go live and follow the session (``_phones``). Before the
joins (a quiet spell, for comparison) and while the refill goes on:

- **phase → display**: Next (or Back, confirmed) on the remote, until the new
  phase's screen is the one on the display;
- **answer → display**: an answer appended to the log from this process, as a
  participant's kernel writes it, until the display's count of people shows it;
- **join → display**: a person in Chromium presses "Join the session" (name,
  role and the check-in answer), until the display's count includes them: this
  one goes through the participant's own kernel, which the refill competes with.
  Joins are not waited for (the rounds go on); the display's own observer says
  when each was counted.

Phase and answer samples are printed as they are taken, with the seconds since
the joins began, the room's kernel count and the load average; then median, p95
and max against the 1.0 s target for the quiet spell, for the seconds in which
the phones' pages load and go live, and for the rest of the refill (the join
samples of both go with the last). The
refill is over once the pool is full again, the phones are live, and the room's
Voila with its kernels uses under half a core.
Needs about 14 GB of free memory for 100 people. Run by hand:
``python bench/refill.py [PEOPLE] [--no-scripts]``; ``--no-scripts`` leaves out
the phones' script downloads, to see the refill alone.
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, sync_playwright

from _display import OBSERVE, first_shown, wait_for_count
from _phones import LivePhones, Phone, open_pages
from _server import kernel_pids, running_server, settle, tree_cpu, voila_pid
from display_speed import shown
from facilitate.core.agenda import current_agenda
from facilitate.core.events import ParticipantJoined, ResultsRevealed
from facilitate.core.links import display_link, facilitator_link, participant_link
from facilitate.core.pdf import CHROMIUM_QUIET_FLAGS
from facilitate.core.sessions import SessionInfo, display_token
from facilitate.core.store import EventStore, open_store
from facilitate.demo import seed_demo
from page_weight import Wire, listen

TARGET_SECONDS = 1.0
QUIET_ROUNDS = 4
#: People waiting on the join form in Chromium: QUIET_JOINS join in the quiet
#: spell, the others during the refill.
JOINERS = 8
QUIET_JOINS = 2
#: The display's and the remote's warm kernels (the lead keeps one of each).
LEAD_KERNELS = 4
LONGEST_REFILL_SECONDS = 300
WAIT_MS = 120_000
MB_PER_KERNEL = 70


def load() -> str:
    return "load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


def memory_available_mb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Samples:
    """Seconds per kind of measurement, for one spell (quiet, or refill)."""

    name: str
    seconds: dict[str, list[float]] = field(default_factory=dict)

    def add(self, kind: str, value: float) -> None:
        self.seconds.setdefault(kind, []).append(value)

    def report(self) -> None:
        for kind, values in self.seconds.items():
            ordered = sorted(values)
            p95 = ordered[max(round(0.95 * len(ordered)) - 1, 0)]
            verdict = "within" if ordered[-1] <= TARGET_SECONDS else "OVER"
            print(
                f"{self.name}, {kind}: n={len(ordered)} median "
                f"{statistics.median(ordered):.2f} s, p95 {p95:.2f} s, max "
                f"{ordered[-1]:.2f} s ({verdict} the {TARGET_SECONDS:.1f} s target)"
            )


@dataclass
class Room:
    """The facilitator's two pages and the people waiting to join.

    A join is not waited for: the person presses Join and the rounds go on, so
    a slow join does not stop the phase and answer samples. Every join and
    answer is one more person in the log, and the display applies the log in
    order, so an entry is on the display once the count shown reaches its
    place among the joins (its rank); the display's own observer says when.
    """

    display: Any
    remote: Any
    joiners: list[Any]
    store: EventStore
    session: SessionInfo
    phases: list[str] = field(
        default_factory=lambda: [p.key for p in current_agenda().phases]
    )
    at: int = 0
    forward: bool = True
    answers: int = 0
    #: Seconds from the last press of Next or Back to the remote's write of it.
    appended: float = 0.0
    #: (name, wall-clock time the person pressed Join)
    pressed: list[tuple[str, float]] = field(default_factory=list)

    def timed(self, action: Any, wait: Any) -> float:
        started = time.perf_counter()
        action()
        try:
            wait()
        except Exception as error:  # a bench notes a timeout, and goes on
            print(f"  gave up waiting: {error.__class__.__name__}")
        return time.perf_counter() - started

    def step(self) -> float:
        """Next (Back at the end of the agenda) on the remote, to the display."""
        if not 0 <= self.at + (1 if self.forward else -1) < len(self.phases):
            self.forward = not self.forward
        title = current_agenda().phase(self.phases[self.at]).title
        self.remote.wait_for_function(  # the remote has caught up: click now
            "(want) => document.querySelector('.fc-step-current')?.innerText"
            ".trim() === want",
            arg=title,
            timeout=WAIT_MS,
        )
        self.at += 1 if self.forward else -1
        phase = self.phases[self.at]

        def press() -> None:
            if self.forward:
                self.remote.click(".fc-next-phase")
            else:
                self.remote.click(".fc-previous-phase")
                self.remote.click(".fc-confirm-back")

        pressed, before = time.time(), self.last_phase_id()
        seconds = self.timed(
            press, lambda: self.display.wait_for_selector(shown(phase))
        )
        changes = self.store.read(
            self.session.code, after=before, kinds=["phase_changed"]
        )
        if changes:  # where the time went: the remote's write, or after it
            self.appended = changes[0].at - pressed
        return seconds

    def last_phase_id(self) -> int:
        changes = self.store.read(self.session.code, kinds=["phase_changed"])
        return changes[-1].id if changes else 0

    def rank(self, name: str) -> int:
        """The place among the joins of the latest person called ``name`` (0 if
        not in the log yet)."""
        joins = self.store.read(self.session.code, kinds=[ParticipantJoined.kind])
        places = [
            place
            for place, record in enumerate(joins, start=1)
            if getattr(record.event, "name", None) == name
        ]
        return places[-1] if places else 0

    def answer(self) -> float:
        """An answer in the log, as a participant's kernel writes it."""
        self.answers += 1
        name = f"Late arrival {self.answers}"
        event = ParticipantJoined(f"answer-{self.answers}", name)
        return self.timed(
            lambda: self.store.append(self.session.code, event),
            lambda: wait_for_count(self.display, self.rank(name), WAIT_MS),
        )

    def press_join(self) -> None:
        """One waiting person presses Join (not waited for: see the class)."""
        page = self.joiners.pop(0)
        self.pressed.append((page.input_value(".fc-name input"), time.time()))
        page.click(".fc-submit")

    def joined(self, samples: Samples) -> None:
        """Seconds from each press of Join to the display counting that person
        (waiting up to ``WAIT_MS`` for the last ones)."""
        deadline = time.monotonic() + WAIT_MS / 1000
        for name, _ in self.pressed:
            while not self.rank(name) and time.monotonic() < deadline:
                time.sleep(0.5)
            if self.rank(name):
                left = max(deadline - time.monotonic(), 1) * 1000
                self.timed(lambda: None, lambda n=name, t=left: wait_for_count(
                    self.display, self.rank(n), t))  # fmt: skip
        shown_at = first_shown(self.display.evaluate("() => window.seen"))
        for name, pressed in self.pressed:
            place = self.rank(name)
            if place and place in shown_at:
                samples.add("join -> display", shown_at[place] - pressed)
            else:
                print(f"  {name} was not on the display by the end")
        self.pressed = []

    def measure(
        self, samples: Samples, began: float, kernels: Any, joins: bool
    ) -> None:
        """One round: a phase change, an answer and (if ``joins``) a press of
        Join by someone waiting."""
        if joins and self.joiners:
            self.press_join()
            print(f"  {time.monotonic() - began:6.1f} s  someone presses Join")
        for kind, take in (
            ("phase -> display", self.step),
            ("answer -> display", self.answer),
        ):
            seconds = take()
            samples.add(kind, seconds)
            wrote = (
                f", written {self.appended:.2f} s" if kind.startswith("phase") else ""
            )
            print(
                f"  {time.monotonic() - began:6.1f} s  {kind:18} {seconds:5.2f} s  "
                f"({kernels()} room kernels, {load()}{wrote})"
            )


def wait_at_form(browser: Browser, url: str, index: int, wire: Wire | None) -> Any:
    """A person with the join form filled in, not yet sent."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    if wire is not None:
        listen(page, wire)
    page.goto(url)
    page.fill(".fc-name input", f"Waiting {index}")
    page.select_option(".fc-role select", index=1)
    page.locator(".fc-checkin input[type=radio]").nth(0).check()
    return page


def asset_paths(wire: Wire, base: str) -> tuple[str, ...]:
    """What the browser fetched after the page itself, as paths on our server."""
    paths = []
    for resource in wire.resources.values():
        parts = urlsplit(resource.url)
        if resource.url.startswith(base) and resource.kind in ("Script", "Stylesheet"):
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return tuple(paths)


def mass_join(
    port: int, code: str, phones: list[Phone], assets: tuple[str, ...]
) -> LivePhones:
    """Every phone opens the page at once, fetches its scripts, then goes live."""
    open_pages(port, code, phones, at_once=len(phones), assets=assets)
    opened = [p for p in phones if p.kernel]
    pages = sorted(p.seconds for p in opened)
    fetched = sorted(p.asset_seconds for p in opened)
    if pages:
        print(
            f"  {len(opened)} pages answered: median {statistics.median(pages):.2f} s, "
            f"max {pages[-1]:.2f} s"
        )
    if assets and fetched:
        print(
            f"  their scripts fetched: median {statistics.median(fetched):.2f} s, "
            f"max {fetched[-1]:.2f} s "
            f"({sum(p.asset_bytes for p in opened) / 1e6:.0f} MB in all)"
        )
    live = LivePhones()
    count = live.connect(port, code, opened)
    print(f"  {count} phones live")
    return live


def main(people: int = 100, scripts: bool = True) -> None:
    kernels_needed = 2 * people + JOINERS + LEAD_KERNELS
    needed = kernels_needed * MB_PER_KERNEL + 2000
    if memory_available_mb() < needed:
        print(f"skipped: {kernels_needed} kernels need about {needed} MB free")
        return
    with running_server(people, ready_seconds=600) as (base, data_dir, server):
        port = int(base.rsplit(":", 1)[1])
        filled = settle(server, people + LEAD_KERNELS // 2)
        print(f"pool of {people} warm and settled in {filled:.0f} s ({load()})")
        store = open_store(data_dir)
        session = seed_demo(store)
        for activity in current_agenda().activities:  # the join screen shows
            store.append(session.code, ResultsRevealed(activity.key, False))
        phones = [Phone(index, f"phone-{index}") for index in range(people)]
        for phone in phones:
            store.append(session.code, ParticipantJoined(phone.token, "Phone"))
        room = voila_pid(server.pid, "/")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium", args=list(CHROMIUM_QUIET_FLAGS)
            )
            projector = browser.new_page(viewport={"width": 1920, "height": 1080})
            projector.set_default_timeout(WAIT_MS)
            token = display_token(store, session)
            projector.goto(display_link(base, session, token))
            remote = browser.new_page()
            remote.set_default_timeout(WAIT_MS)
            remote.goto(facilitator_link(base, session, "remote"))
            remote.wait_for_selector(".fc-next-phase")
            wire = Wire()
            link = participant_link(base, session)
            joiners = [
                wait_at_form(browser, link, i, wire if i == 0 else None)
                for i in range(JOINERS)
            ]
            assets = asset_paths(wire, base) if scripts else ()
            print(f"each phone fetches {len(assets)} scripts and styles")
            count = len(store.read(session.code, kinds=[ParticipantJoined.kind]))
            wait_for_count(projector, count)
            projector.evaluate(OBSERVE)
            settled = settle(server, people + JOINERS + LEAD_KERNELS)
            print(f"pages open, machine settled in {settled:.0f} s ({load()})")
            measured = Room(projector, remote, joiners, store, session)

            def kernels() -> int:
                return len(kernel_pids(room))

            quiet = Samples("quiet")
            began = time.monotonic()
            print("quiet spell:")
            for index in range(QUIET_ROUNDS):
                measured.measure(quiet, began, kernels, joins=index < QUIET_JOINS)
            measured.joined(quiet)
            loading = Samples(f"while {people} pages load and go live")
            refill = Samples(f"refill after {people} joins, phones live")
            live: list[LivePhones] = []
            joining = threading.Thread(
                target=lambda: live.append(
                    mass_join(port, session.code, phones, assets)
                )
            )
            print(f"{people} phones join at once ({load()}):")
            began = time.monotonic()
            joining.start()
            full_at = refill_measured(measured, (loading, refill), began, kernels,
                                      joining, room,
                                      people + people + JOINERS)  # fmt: skip
            refilled = (
                f"pool full again {full_at:.0f} s after the joins"
                if full_at
                else f"pool not full again ({kernels()} room kernels)"
            )
            print(
                f"{refilled}; refill over {time.monotonic() - began:.0f} s after "
                f"the joins ({load()})"
            )
            measured.joined(refill)
            joining.join()
            browser.close()
        for phones_live in live:
            phones_live.close(phones)
        store.close()
    for spell in (quiet, loading, refill):
        spell.report()


def refill_measured(
    room: Room,
    spells: tuple[Samples, Samples],
    began: float,
    kernels: Any,
    joining: threading.Thread,
    room_pid: int,
    full: int,
) -> float:
    """Measure rounds until the refill is over, into the first spell while the
    phones' pages load and go live, then the second; returns when the pool was
    full."""
    full_at, rounds = 0.0, 0
    cpu, checked = tree_cpu(room_pid), time.monotonic()
    while time.monotonic() - began < LONGEST_REFILL_SECONDS:
        samples = spells[0] if joining.is_alive() else spells[1]
        room.measure(samples, began, kernels, joins=rounds % 2 == 0)
        rounds += 1
        now, spent = time.monotonic(), tree_cpu(room_pid)
        cores = (spent - cpu) / (now - checked)
        cpu, checked = spent, now
        if not full_at and kernels() >= full:
            full_at = now - began
        if full_at and not joining.is_alive() and cores < 0.5:
            break
    return full_at


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    main(numbers[0] if numbers else 100, scripts="--no-scripts" not in sys.argv)
