"""The participation tracker in a real browser, and the remote and display after it.

Taps are real clicks, so their times are the server's real clock. The expected
figures are computed here, by hand, from the tap times the store recorded (not
from our metrics code), and the discussion is closed by a silence tap, so the
remote's table and the display's chart are fixed and must match them.
"""

from __future__ import annotations

import html
import re
import time
from itertools import combinations, pairwise

import pytest

from facilitate.activities.participation.events import TapUndone, TurnStarted
from facilitate.core.events import ParticipantJoined, PhaseChanged, SettingChanged
from tests.browser.people import plot_data, plot_selector, wait_for_text

pytestmark = pytest.mark.browser

BO = "<b>Bo</b>"
#: (who is tapped, seconds to wait before the next tap); "undo" undoes that tap.
PLAN = (
    ("Ana", 1.0),
    (BO, 2.0),
    ("Ana", 0.6),
    (BO, 0.0),
    ("undo", 0.0),
    ("Seat 3", 1.5),
    ("silence", 0.0),
)


def wait_for_events(store, code: str, kinds: list[str], count: int) -> None:
    """Wait until the store holds ``count`` events of ``kinds`` (the tap landed)."""
    deadline = time.monotonic() + 15
    while len(store.read(code, kinds=kinds)) < count:
        assert time.monotonic() < deadline, f"only {store.read(code, kinds=kinds)}"
        time.sleep(0.05)


def speaker(page, name: str):
    return page.locator(".fc-speaker", has_text=name)


def run_the_plan(page, server, code: str) -> None:
    kinds = [TurnStarted.kind, TapUndone.kind]
    for done, (who, gap) in enumerate(PLAN, start=1):
        if who == "undo":
            page.click(".fc-undo")
        elif who == "silence":
            page.click(".fc-silence")
        else:
            speaker(page, who).click()
        wait_for_events(server.store, code, kinds, done)
        time.sleep(gap)


def expected_talk(server, code: str, people: dict[str, str]) -> dict[str, tuple]:
    """Name -> (talk seconds, turns), from the recorded tap times."""
    records = server.store.read(code, kinds=[TurnStarted.kind, TapUndone.kind])
    undone = {r.event.target for r in records if r.kind == TapUndone.kind}
    kept = [r for r in records if r.kind == TurnStarted.kind and r.id not in undone]
    talk = {name: [0.0, 0] for name in people.values()}
    for this, following in pairwise(kept):
        if this.event.speaker is not None:
            talk[people[this.event.speaker]][0] += following.at - this.at
            talk[people[this.event.speaker]][1] += 1
    return {name: (seconds, turns) for name, (seconds, turns) in talk.items()}


def hand_gini(values: list[float]) -> float:
    """Sum of |xi - xj| over all ordered pairs / (2 * n^2 * mean)."""
    pairs = 2 * sum(abs(a - b) for a, b in combinations(values, 2))
    return pairs / (2 * len(values) * sum(values))


def wait_for_shares(page, shares: list[float]) -> None:
    """Wait until the talk table shows these shares (in order, to 0.1 %)."""
    page.wait_for_function(
        "(want) => { const got = [...document.querySelectorAll("
        "'.fc-talk-table td.fc-share')].map(td => parseFloat(td.innerText));"
        " return got.length === want.length &&"
        " got.every((v, i) => Math.abs(v - want[i]) < 0.051); }",
        arg=shares,
        timeout=15_000,
    )


def wait_for_bars(page, bars: list[float]) -> None:
    """Wait until plotly draws these lengths in the talk-share chart."""
    page.wait_for_function(
        "([sel, want]) => { const p = document.querySelector(sel);"
        " return p && p.data && p.data[0].x.length === want.length &&"
        " p.data[0].x.every((v, i) => Math.abs(v - want[i]) < 0.051); }",
        arg=[plot_selector("fc-talk-share-chart"), bars],
        timeout=15_000,
    )


def table_rows(page) -> list[tuple[str, float, int]]:
    rows = page.locator(".fc-talk-table tr.fc-row")
    found = []
    for index in range(rows.count()):
        cells = rows.nth(index).locator("td")
        share = float(cells.nth(1).inner_text().rstrip("%"))
        found.append((cells.nth(0).inner_text(), share, int(cells.nth(2).inner_text())))
    return found


def test_tracker_taps_become_talk_shares_on_the_remote_and_the_display(
    server, new_page
):
    session = server.new_session("Talk time", k=3)
    code = session.code
    server.store.append(code, ParticipantJoined("b-ana", "Ana", "teacher"))
    server.store.append(code, ParticipantJoined("b-bo", BO, "teacher"))
    server.store.append(code, PhaseChanged("participation"))

    tracker = new_page()
    tracker.goto(server.page_url("tracker", session))
    speaker(tracker, "Ana").wait_for()
    assert speaker(tracker, BO).inner_text().strip() == BO
    server.store.append(code, ParticipantJoined("b-dee", "Dee", "teacher"))
    speaker(tracker, "Dee").wait_for(timeout=15_000)
    tracker.fill(".fc-seat-label input", "Seat 3")
    tracker.click(".fc-add-speaker")
    speaker(tracker, "Seat 3").wait_for(timeout=15_000)
    seat = server.store.read(code)[-1].event.speaker

    remote = new_page()
    remote.goto(server.remote_url(session))
    remote.wait_for_selector(".fc-talk-table")
    display = new_page()
    display.goto(server.display_url(session))
    display.wait_for_selector(".fc-slot-participation.fc-current .fc-state-waiting")

    run_the_plan(tracker, server, code)
    wait_for_text(tracker, ".fc-now-speaking .fc-say", "Silence.")
    people = {"b-ana": "Ana", "b-bo": BO, "b-dee": "Dee", seat: "Seat 3"}
    talk = expected_talk(server, code, people)
    assert [talk[name][1] for name in ("Ana", BO, "Seat 3")] == [2, 1, 1]
    assert talk["Ana"][0] >= 1.6
    assert talk[BO][0] >= 2.0
    assert talk["Seat 3"][0] >= 1.5
    assert talk["Dee"] == (0.0, 0)
    total = sum(seconds for seconds, _ in talk.values())
    ranked = sorted(talk.items(), key=lambda item: (-item[1][0], -item[1][1]))

    wait_for_shares(remote, [100 * seconds / total for _, (seconds, _) in ranked])
    rows = table_rows(remote)
    assert [who for who, _, _ in rows] == [name for name, _ in ranked]
    for (_, share, turns), (_, (seconds, want_turns)) in zip(rows, ranked, strict=True):
        assert share == pytest.approx(100 * seconds / total, abs=0.051)
        assert turns == want_turns
    gini_text = remote.inner_text(".fc-gini")
    shown_gini = float(re.search(r"Gini (\d\.\d\d)", gini_text).group(1))
    want = hand_gini([seconds for seconds, _ in talk.values()])
    assert shown_gini == pytest.approx(want, abs=0.0051)

    assert display.locator(plot_selector("fc-talk-share-chart")).count() == 0
    remote.click(".fc-reveal-participation")
    want_bars = [round(100 * seconds / total, 1) for _, (seconds, _) in ranked]
    wait_for_bars(display, want_bars)
    drawn = plot_data(display, "fc-talk-share-chart")[0]
    assert drawn["y"] == [f"Person {i}" for i in range(1, 5)]
    late = new_page()
    late.goto(server.display_url(session))
    late.wait_for_selector(plot_selector("fc-talk-share-chart"))
    assert plot_data(late, "fc-talk-share-chart")[0]["x"] == pytest.approx(
        want_bars, abs=0.051
    )

    remote.click(".fc-show-names")
    display.wait_for_function(
        "([sel, want]) => { const p = document.querySelector(sel);"
        " return p && p.data && p.data[0].y[0] === want; }",
        # escaped for plotly, which reads a subset of HTML in its labels
        arg=[plot_selector("fc-talk-share-chart"), html.escape(ranked[0][0])],
        timeout=15_000,
    )
    setting = server.store.read(code, kinds=[SettingChanged.kind])
    assert [(r.event.name, r.event.value) for r in setting] == [("show_names", True)]
    assert len(server.store.read(code, kinds=[TurnStarted.kind])) == 6
    assert len(server.store.read(code, kinds=[TapUndone.kind])) == 1
    assert "tracker_page(" not in tracker.content()


def test_tracker_refuses_without_the_key(server, new_page):
    session = server.new_session("Locked tracker")
    server.store.append(session.code, ParticipantJoined("b-eve", "Eve", "teacher"))
    page = new_page()
    page.goto(server.page_url("tracker", session, key="wrong-key"))
    page.wait_for_selector(".fc-refused")
    assert "needs the facilitator's key" in page.inner_text(".fc-refused")
    assert page.locator(".fc-speaker").count() == 0
    assert "Eve" not in page.inner_text("body")
