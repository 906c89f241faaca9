"""How fast the projected display follows the facilitator: a real server, Chromium.

A demo session (two dozen people, every activity answered) is projected on a
display at 1920×1080 while a remote drives it, as a facilitator would:

- open: from loading the display's address to the first frame with the join
  code on screen (and
  the remote's, on a device of its own once the display has settled, to its
  Next button), each from its warm kernel;
- phase change: from clicking Next (or Back, confirmed) on the remote to the
  new phase's screen being the one shown on the display;
- reveal: from clicking Reveal on the remote to that activity's chart drawn.

Prints each figure and the median and worst against the 1.0 s targets. Run by
hand: ``python bench/display_speed.py [rounds]``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

from playwright.sync_api import sync_playwright

from _server import running_server, settle
from facilitate.core.events import ResultsRevealed
from facilitate.core.links import display_link, facilitator_link
from facilitate.core.pdf import CHROMIUM_QUIET_FLAGS
from facilitate.core.sessions import display_token
from facilitate.core.store import open_store
from facilitate.demo import seed_demo

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


#: Set before a page loads: the time (ms since navigation began) of the first
#: frame in which ``window.fcWatch`` matches an element with a box. The page
#: paints that frame; Playwright's own polling can see it a second later when
#: the page's main thread is busy right after (the display builds its other
#: panels and fetches plotly.js as soon as it is idle).
FIRST_FRAME = """
(() => {
  const tick = () => {
    const found = window.fcWatch && document.querySelector(window.fcWatch);
    if (found && found.getBoundingClientRect().width > 0) {
      window.fcFirstFrame = performance.now();
    } else {
      requestAnimationFrame(tick);
    }
  };
  requestAnimationFrame(tick);
})();
"""


def open_page(page: Any, url: str, selector: str) -> tuple[float, float]:
    """Seconds to the first frame showing ``selector``, and until Playwright saw it."""
    page.add_init_script(f"window.fcWatch = {json.dumps(selector)};" + FIRST_FRAME)
    seen = timed(lambda: page.goto(url), lambda: page.wait_for_selector(selector))
    return page.evaluate("() => window.fcFirstFrame") / 1000, seen


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
        opened = open_page(
            display,
            display_link(base, session, token),
            ".fc-welcome.fc-current .fc-big-code",
        )
        display.wait_for_timeout(2000)  # the projector settles, as it would
        # The remote is the facilitator's own device: its own browser profile,
        # not a tab sharing the projector's renderer while that one draws.
        remote = browser.new_context().new_page()
        remote.set_default_timeout(60_000)
        remote_opened = open_page(
            remote, facilitator_link(base, session, "remote"), ".fc-next-phase"
        )
        for name, (drawn_at, seen) in (("display", opened), ("remote", remote_opened)):
            verdict = "within" if drawn_at <= OPEN_TARGET_SECONDS else "OVER"
            print(
                f"{name} open: drawn {drawn_at:.2f} s after navigation began, seen "
                f"by the test {seen:.2f} s after it asked; first load from its warm "
                f"kernel ({verdict} the {OPEN_TARGET_SECONDS:.0f} s target)"
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
