"""The walking skeleton end to end: people join in a browser; the facilitator's
remote moves the room and the projected display follows."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.events import ParticipantJoined
from tests.browser.people import join, plot_data, plot_selector, wait_for_text

pytestmark = pytest.mark.browser

NOTEBOOK_SOURCE_MARKERS = (
    "participant_page(",
    "display_page(",
    "remote_page(",
    "from facilitate",
)
CHECKIN = ".fc-slot-welcome .fc-checkin-screen"
#: Gzip's header byte 8 (XFL) for the fastest compression, level 1.
GZIP_FASTEST = 4


def test_three_join_one_reloads_all_answer_and_the_display_follows(server, new_page):
    session = server.new_session("Live room", k=3)
    display = new_page()
    display.goto(server.display_url(session))
    remote = new_page()
    remote.goto(server.remote_url(session))
    wait_for_text(display, ".fc-count-number", "0", timeout_ms=60_000)
    remote.click(".fc-reveal-checkin")
    wait_for_text(
        display,
        f"{CHECKIN} .fc-state-headline",
        "Shown once at least 3 people have checked in (smaller groups stay private).",
    )

    people = [new_page() for _ in range(3)]
    for page, name in zip(people, ["Ana", "Bo", "Cy"], strict=True):
        join(page, server.participant_url(session.code), name, choice=0)
    # the welcome (with its count) gave way to the results: the remote counts
    wait_for_text(remote, ".fc-count", "3")

    people[1].reload()
    people[1].wait_for_selector(".fc-phase h2")
    assert "You are in as Bo." in people[1].inner_text(".fc-status")
    assert people[1].locator(".fc-name input").count() == 0

    # Three alike are one group with the other feelings (showing them alone
    # would say what each chose); three more choosing otherwise split the room.
    question = load_checkin()
    for index in range(3):
        server.store.append(session.code, ParticipantJoined(f"p{index}", "Phone"))
        server.store.append(
            session.code, CheckinAnswered(f"p{index}", question.choices[1].key)
        )
    display.wait_for_function(
        "(sel) => { const p = document.querySelector(sel);"
        " return p && p.data[0].x.join() === '3,3'; }",
        arg=plot_selector("fc-checkin-chart"),
        timeout=15_000,
    )
    bars = plot_data(display, "fc-checkin-chart")[0]
    assert bars["y"] == [
        question.choices[0].label,
        f"{question.choices[1].label} or another feeling",
    ]
    wait_for_text(remote, ".fc-count", "6")  # the remote reads the log on its own turn
    joined = server.store.read(session.code, kinds=[ParticipantJoined.kind])
    assert sorted(r.event.name for r in joined)[:3] == ["Ana", "Bo", "Cy"]
    assert len(server.store.read(session.code, kinds=[CheckinAnswered.kind])) == 6

    remote.click(".fc-next-phase")
    for page in people:
        wait_for_text(page, ".fc-phase h2", "Self-assessment")
    display.wait_for_selector(".fc-slot-self_assessment.fc-current")
    for page in [display, remote, *people]:
        html = page.content()
        assert not any(marker in html for marker in NOTEBOOK_SOURCE_MARKERS)


def test_wrong_code_gets_one_sentence(server, new_page):
    page = new_page()
    page.goto(server.participant_url("ZZZZZZ"))
    page.wait_for_selector(".fc-code-input input")
    wait_for_text(
        page,
        ".fc-status .fc-say",
        "'ZZZZZZ' is not a session code we know. "
        "Check the code on the projected screen and try again.",
    )
    assert "Traceback" not in page.content()


def test_typing_the_code_joins(server, new_page):
    session = server.new_session("Typed code")
    page = new_page()
    page.goto(f"{server.base}/voila/render/participant.ipynb")
    page.wait_for_selector(".fc-code-input input")
    page.fill(".fc-code-input input", session.code.lower())
    page.click(".fc-join")
    page.wait_for_selector(".fc-name input")


@pytest.mark.parametrize("view", ["", "wrong-token"])
def test_display_refuses_without_the_view_token(server, new_page, view):
    session = server.new_session("Locked")
    page = new_page()
    response = page.goto(server.display_url(session, view=view))
    assert response is not None
    assert response.status == 403  # refused at the door, before any kernel
    page.wait_for_selector(".fc-refused")
    assert "This display link is not valid any more." in page.inner_text(".fc-refused")
    assert page.locator(".fc-count-number").count() == 0
    assert "Locked" not in page.inner_text("body")


def test_notebook_source_never_served(server):
    session = server.new_session("Sources")
    for url in (
        server.participant_url(session.code),
        server.display_url(session),
        server.remote_url(session),
    ):
        with urllib.request.urlopen(url) as response:
            html = response.read().decode()
        assert not any(marker in html for marker in NOTEBOOK_SOURCE_MARKERS)
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{server.base}/voila/files/participant.ipynb")


def test_pages_come_gzipped_quickly(server):
    """Browsers take gzip; the front door compresses pages at level 1 (a 42 KB
    join page: 13.9 KB in 0.1 ms, against 12.0 KB in 0.7 ms at tornado's
    default), since a hall asks for 250 at once. Gzip's header marks level 1
    as "fastest" (XFL 4)."""
    session = server.new_session("Gzip")
    request = urllib.request.Request(
        server.participant_url(session.code), headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        body = response.read()
    assert body[8] == GZIP_FASTEST
    assert b"fc-" in gzip.decompress(body)
