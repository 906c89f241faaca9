"""The projected display, as the back of the room sees it, in Chromium.

One display is opened on an empty session and walked through every activity's
states while the room fills in through the store, as phones would: the welcome
(join) screen, each activity waiting, then revealed. At each state the screen is
photographed at 1920×1080 and at 1280×720 (the files go to the folder the test
prints) and measured: nothing leaves the viewport, no two lines of text overlap,
body text is at least 28 px and key numbers 64 px at 1080p (in proportion at
720p), chart text 20 px, the join code 160 px high and the QR code 40% of the
height. The page holds no
button, input, select, textarea or link, and no facilitator key.
"""

from __future__ import annotations

import random

import pytest

from facilitate.activities.root_cause.content import CATEGORIES
from facilitate.activities.root_cause.events import CauseAdded
from facilitate.core.agenda import current_agenda
from facilitate.core.events import (
    ParticipantJoined,
    PhaseChanged,
    ResultsRevealed,
    SettingChanged,
)
from facilitate.demo import DEMO_PEOPLE
from tests.browser.screens import (
    DISPLAY_SIZES,
    artifacts,
    current,
    open_display,
    photograph,
)

pytestmark = pytest.mark.browser

SIZES = DISPLAY_SIZES
#: phase -> (the activity revealed there, extra views photographed once revealed)
WALK = {
    "welcome": ("checkin", ()),
    "self_assessment": ("self_assessment", ("zones",)),
    "alignment": ("alignment", ("spectrum", "words")),
    "participation": ("participation", ("follow", "lorenz", "equity", "timeline")),
    "reflection": ("feedback", ()),
}
#: Phases the room's answers show without a reveal -> what shows once they have.
SHOWN_AS_ANSWERED = {"root_causes": ".fc-rc-map"}
#: The chart each extra view draws (or it says in words why not).
VIEW_CHART = {
    "zones": "fc-sa-zone-chart",
    "spectrum": "fc-spectrum-strip",
    "words": "fc-vision-words",
    "follow": "fc-follow-chart",
    "lorenz": "fc-lorenz-chart",
    "equity": "fc-equity-chart",
    "timeline": "fc-turn-timeline",
}
CONTROLS = "button, input, select, textarea, a"
LONG_CAUSE = (
    "Nobody owns the follow-up after an incident, so the same students meet the "
    "same consequence again and again without anyone asking what happened first"
)


def seed_room(store, session) -> None:
    """Two dozen people answer everything, as the demo session does; every
    result starts hidden."""
    people = []
    for index, (name, role) in enumerate(DEMO_PEOPLE):
        store.append(session.code, ParticipantJoined(f"demo-{index:02d}", name, role))
        people.append(f"demo-{index:02d}")
    rng = random.Random(7)
    for spec, seed in current_agenda().loaded("demo"):
        seed(store, session, people, rng)
        store.append(session.code, ResultsRevealed(spec.key, False))


def crowd_the_board(store, code: str) -> None:
    """Six long causes more in every column, the first asked "why?" twice: more
    than the screen holds at the type the room can read."""
    for category in CATEGORIES:
        for index in range(6):
            text = f"{category.label}: {LONG_CAUSE} ({index + 1})"
            added = store.append(code, CauseAdded("demo-00", category.key, text))
            for _ in range(2 if index == 0 else 0):
                added = store.append(
                    code, CauseAdded("demo-01", category.key, LONG_CAUSE, added.id)
                )


def test_every_display_state_fits_the_screen_and_holds_no_control(server, new_page):
    session = server.new_session("Staff PD: grading and motivation", k=5)
    code = session.code
    page = new_page()
    open_display(page, server, session)
    print(f"\nDisplay screenshots: {artifacts()}")
    problems: dict[str, list[str]] = {}
    photograph(page, "welcome", problems)

    # Nothing is revealed yet, but the chart library is already on its way, so
    # the first reveal draws at once.
    page.wait_for_function("() => !!window.Plotly")

    for phase in (*WALK, *SHOWN_AS_ANSWERED):
        server.store.append(code, PhaseChanged(phase))
        if phase != "welcome":
            page.wait_for_selector(current(phase, "waiting"))
            photograph(page, f"{phase}-waiting", problems)

    seed_room(server.store, session)
    for phase, shown in SHOWN_AS_ANSWERED.items():
        server.store.append(code, PhaseChanged(phase))
        page.wait_for_selector(f"{current(phase, 'revealed')} {shown}")
        photograph(page, f"{phase}-answered", problems)
    crowd_the_board(server.store, code)
    page.wait_for_function(
        "(sel) => document.querySelectorAll(sel).length === 4",
        arg=f"{current('root_causes', 'revealed')} .fc-rc-more",
    )
    photograph(page, "root_causes-crowded", problems)
    for phase, (activity, views) in WALK.items():
        server.store.append(code, PhaseChanged(phase))
        server.store.append(code, ResultsRevealed(activity, True))
        page.wait_for_selector(f"{current(phase, 'revealed')} .main-svg")
        photograph(page, f"{phase}-revealed", problems)
        for view in views:
            server.store.append(code, SettingChanged(f"{activity}.view", view))
            page.wait_for_selector(
                f"{current(phase, 'revealed')} .{VIEW_CHART[view]} .main-svg, "
                f"{current(phase, 'not-enough')}"
            )
            photograph(page, f"{phase}-{view}", problems, sizes=SIZES[:1])
        server.store.append(code, ResultsRevealed(activity, False))
        if phase != "welcome":
            page.wait_for_selector(current(phase, "hidden-again"))
    photograph(page, "reflection-hidden-again", problems, sizes=SIZES[:1])

    assert problems == {}
    assert page.locator(f".fc-display :is({CONTROLS})").count() == 0
    assert page.locator(CONTROLS).count() == 0, "nothing on the page to press"
    html = page.content()
    assert session.key not in page.url
    assert session.key not in html
