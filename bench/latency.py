"""Time from an answer reaching the log to the projected display showing it.

100 participants join within 10 s (appended from another process, as participant
kernels do); a real display in Chromium, opened with its view-only token, records
when its count of people changes. Prints p50/p95/max of (seen on the display -
recorded in the store). Usage: python bench/latency.py [PEOPLE] [SECONDS]
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from playwright.sync_api import sync_playwright

from _display import NUMBER, OBSERVE, first_shown
from _server import running_server
from facilitate.core.events import ParticipantJoined
from facilitate.core.links import display_link
from facilitate.core.pdf import CHROMIUM_QUIET_FLAGS
from facilitate.core.sessions import create_session, display_token
from facilitate.core.store import open_store

FLAGS = list(CHROMIUM_QUIET_FLAGS)


def main(people: int = 100, seconds: float = 10.0) -> None:
    with running_server(pool=0) as (base, data_dir, _), sync_playwright() as pw:
        store = open_store(data_dir)
        session = create_session(store, "Latency benchmark")
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        display = browser.new_page(viewport={"width": 1920, "height": 1080})
        display.goto(display_link(base, session, display_token(store, session)))
        display.wait_for_selector(NUMBER, timeout=120_000)
        time.sleep(2)
        display.evaluate(OBSERVE)
        offsets = sorted(random.uniform(0, seconds) for _ in range(people))
        start, recorded = time.time(), []
        for index, offset in enumerate(offsets):
            time.sleep(max(0.0, start + offset - time.time()))
            event = ParticipantJoined(f"bench-{index}", f"Person {index}")
            recorded.append(store.append(session.code, event).at)
        time.sleep(3)
        shown_at = first_shown(display.evaluate("() => window.seen"))
        browser.close()
    delays = sorted(
        shown_at[i + 1] - t for i, t in enumerate(recorded) if i + 1 in shown_at
    )
    p95 = delays[max(round(0.95 * len(delays)) - 1, 0)]
    print(
        f"answer -> display: n={len(delays)}/{people} over {seconds:.0f}s "
        f"p50={statistics.median(delays):.3f}s p95={p95:.3f}s max={delays[-1]:.3f}s"
    )


if __name__ == "__main__":
    args = [float(a) for a in sys.argv[1:]]
    main(int(args[0]) if args else 100, args[1] if len(args) > 1 else 10.0)
