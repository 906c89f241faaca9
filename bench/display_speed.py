"""How fast the projected display follows the facilitator: a real server, Chromium.

A demo session (two dozen people, every activity answered) is projected on a
display at 1920×1080 while a remote drives it, as a facilitator would:

- open: from loading the display's address to the join code on screen (and
  the remote's to its Next button), each from its warm kernel;
- phase change: from clicking Next (or Back, confirmed) on the remote to the
  new phase's screen being the one shown on the display;
- reveal: from clicking Reveal on the remote to that activity's chart drawn.

Prints each figure and the median and worst against the 1.0 s targets. Run by
hand: ``python bench/display_speed.py [rounds]``.
"""

from __future__ import annotations

import statistics
import sys
import time

from playwright.sync_api import sync_playwright

from _server import running_server, settle
from facilitate.core.events import ResultsRevealed
from facilitate.core.links import display_link, facilitator_link
from facilitate.core.sessions import display_token
from facilitate.core.store import open_store
from facilitate.demo import seed_demo
from facilitate.export.pdf import CHROMIUM_QUIET_FLAGS

TARGET_SECONDS = 1.0
OPEN_TARGET_SECONDS = 3.0
#: The display's and the remote's warm kernels, started with the server.
WARM_KERNELS = 2
#: phase -> (activity revealed there, its Reveal button on the remote); the
#: root causes' board is always shown, so it has no Reveal.
PHASES: dict[str, tuple[str, str] | None] = {
    "welcome": ("checkin", ".fc-reveal-checkin"),
    "self_assessment": ("self_assessment", ".fc-reveal-self-assessment"),
    "alignment": ("alignment", ".fc-reveal-alignment"),
    "root_causes": None,
    "participation": ("participation", ".fc-reveal-participation"),
    "reflection": ("feedback", ".fc-reveal-feedback"),
}
FIRST_PHASE = next(iter(PHASES))


def shown(phase: str) -> str:
    if phase == FIRST_PHASE:  # the join screen, until its results are revealed
        return ".fc-welcome.fc-current .fc-big-code"
    return f".fc-display-panel.fc-current .fc-slot-{phase}.fc-current .fc-screen"


def drawn(phase: str) -> str:
    return (
        f".fc-display-panel.fc-current .fc-slot-{phase}.fc-current "
        ".fc-state-revealed .js-plotly-plot .main-svg"
    )


def timed(action, wait) -> float:
    started = time.perf_counter()
    action()
    wait()
    return time.perf_counter() - started


def summary(name: str, seconds: list[float]) -> str:
    worst = max(seconds)
    verdict = "within" if worst <= TARGET_SECONDS else "OVER"
    return (
        f"{name}: n={len(seconds)} median {statistics.median(seconds):.2f} s, "
        f"max {worst:.2f} s ({verdict} the {TARGET_SECONDS:.1f} s target)"
    )


def main(rounds: int = 2) -> None:
    with running_server(pool=0) as (base, data_dir, server), sync_playwright() as pw:
        settle(server, WARM_KERNELS)
        store = open_store(data_dir)
        session = seed_demo(store)
        for activity, _ in filter(None, PHASES.values()):
            store.append(session.code, ResultsRevealed(activity, False))
        token = display_token(store, session)
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=list(CHROMIUM_QUIET_FLAGS)
        )
        display = browser.new_page(viewport={"width": 1920, "height": 1080})
        display.set_default_timeout(60_000)
        opened = timed(
            lambda: display.goto(display_link(base, session, token)),
            lambda: display.wait_for_selector(".fc-welcome.fc-current .fc-big-code"),
        )
        remote = browser.new_page()
        remote.set_default_timeout(60_000)
        remote_opened = timed(
            lambda: remote.goto(facilitator_link(base, session, "remote")),
            lambda: remote.wait_for_selector(".fc-next-phase"),
        )
        for name, seconds in (("display", opened), ("remote", remote_opened)):
            verdict = "within" if seconds <= OPEN_TARGET_SECONDS else "OVER"
            print(
                f"{name} open: {seconds:.2f} s, first load from its warm kernel "
                f"({verdict} the {OPEN_TARGET_SECONDS:.0f} s target)"
            )
        display.wait_for_timeout(2000)  # let both pages settle before timing

        phase_times: list[float] = []
        reveal_times: list[float] = []
        for _ in range(rounds):
            for index, (phase, reveal) in enumerate(PHASES.items()):
                line = f"  {phase}:"
                if index:
                    phase_times.append(
                        timed(
                            lambda: remote.click(".fc-next-phase"),
                            lambda p=phase: display.wait_for_selector(shown(p)),
                        )
                    )
                    line += f" phase {phase_times[-1]:.2f} s"
                if reveal is not None:
                    button = reveal[1]
                    reveal_times.append(
                        timed(
                            lambda b=button: remote.click(b),
                            lambda p=phase: display.wait_for_selector(drawn(p)),
                        )
                    )
                    remote.click(button)  # hide again before moving on
                    line += f" reveal {reveal_times[-1]:.2f} s"
                print(line)
            for phase in reversed(list(PHASES)[:-1]):
                phase_times.append(
                    timed(
                        lambda: (
                            remote.click(".fc-previous-phase"),
                            remote.click(".fc-confirm-back"),
                        ),
                        lambda p=phase: display.wait_for_selector(shown(p)),
                    )
                )
        browser.close()
        store.close()
    print(summary("phase change -> new display panel drawn", phase_times))
    print(summary("reveal -> chart drawn", reveal_times))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
