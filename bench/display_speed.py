"""How fast the projected display follows the facilitator: a real server, Chromium.

A demo session (two dozen people, every activity answered) is projected on a
display at 1920×1080 while a remote drives it, as a facilitator would:

- open: from loading the display's address to the join code on screen;
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

from _server import running_server
from facilitate.core.events import ResultsRevealed
from facilitate.core.sessions import display_token
from facilitate.core.store import open_store
from facilitate.demo import seed_demo
from facilitate.export.pdf import CHROMIUM_QUIET_FLAGS

TARGET_SECONDS = 1.0
#: phase -> (activity revealed there, its Reveal button on the remote)
PHASES = {
    "welcome": ("checkin", ".fc-reveal-checkin"),
    "self_assessment": ("self_assessment", ".fc-reveal-self-assessment"),
    "alignment": ("alignment", ".fc-reveal-alignment"),
    "participation": ("participation", ".fc-reveal-participation"),
    "reflection": ("feedback", ".fc-reveal-feedback"),
}


def shown(phase: str) -> str:
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
    with running_server(pool=0) as (base, data_dir, _), sync_playwright() as pw:
        store = open_store(data_dir)
        session = seed_demo(store)
        for activity, _ in PHASES.values():
            store.append(session.code, ResultsRevealed(activity, False))
        token = display_token(store, session)
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=list(CHROMIUM_QUIET_FLAGS)
        )
        display = browser.new_page(viewport={"width": 1920, "height": 1080})
        display.set_default_timeout(60_000)
        opened = timed(
            lambda: display.goto(
                f"{base}/lead/voila/render/display.ipynb?code={session.code}&view={token}"
            ),
            lambda: display.wait_for_selector(".fc-welcome.fc-current .fc-big-code"),
        )
        print(f"display open: {opened:.2f} s (first load, kernel started on request)")
        remote = browser.new_page()
        remote.set_default_timeout(60_000)
        remote.goto(
            f"{base}/lead/voila/render/remote.ipynb?code={session.code}&key={session.key}"
        )
        remote.wait_for_selector(".fc-next-phase")
        display.wait_for_timeout(2000)  # let both pages settle before timing

        phase_times: list[float] = []
        reveal_times: list[float] = []
        for _ in range(rounds):
            for index, (phase, (_, button)) in enumerate(PHASES.items()):
                if index:
                    phase_times.append(
                        timed(
                            lambda: remote.click(".fc-next-phase"),
                            lambda p=phase: display.wait_for_selector(shown(p)),
                        )
                    )
                reveal_times.append(
                    timed(
                        lambda b=button: remote.click(b),
                        lambda p=phase: display.wait_for_selector(drawn(p)),
                    )
                )
                remote.click(button)  # hide again before moving on
                print(
                    f"  {phase}: phase {phase_times[-1] if index else 0:.2f} s, "
                    f"reveal {reveal_times[-1]:.2f} s"
                )
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
