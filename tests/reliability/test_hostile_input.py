"""Hostile text in names and answers: escaped where shown, refused when too long."""

from __future__ import annotations

import pytest

from facilitate.core.events import ParticipantJoined
from tests.browser.people import join, wait_for_text

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "\u202eevil\u202c مرحبا",
    "🌱🙂👩🏽‍🏫",
    "Supercalifragilistic" * 2,
]


def test_hostile_names_never_run_and_come_back_escaped(server, new_page):
    session = server.new_session("Hostile names")
    display = new_page()
    display.goto(server.display_url(session))
    display.wait_for_selector(".fc-count-number")
    for index, payload in enumerate(PAYLOADS):
        page = new_page()
        join(page, server.participant_url(session.code), payload[:40])
        shown = page.inner_text(".fc-status")
        assert shown == f"You are in as {payload[:40].strip()}."
        assert page.locator("img[src=x]").count() == 0
        wait_for_text(display, ".fc-count-number", str(index + 1))
    html = display.content()
    assert "<script>alert" not in html
    assert "onerror=alert" not in html.replace("&lt;", "")
    names = [
        r.event.name
        for r in server.store.read(session.code, kinds=[ParticipantJoined.kind])
    ]
    assert names == [p[:40].strip() for p in PAYLOADS]


def test_too_long_and_empty_names_are_refused_with_a_sentence(server, new_page):
    session = server.new_session("Limits")
    page = new_page()
    page.goto(server.participant_url(session.code))
    page.wait_for_selector(".fc-name input")
    page.locator(".fc-checkin input[type=radio]").first.check()
    page.fill(".fc-name input", "x" * 100_000)
    page.click(".fc-submit")
    wait_for_text(
        page,
        ".fc-status .fc-say",
        "A display name is 100,000 characters; the limit is 40. Please shorten it.",
    )
    page.fill(".fc-name input", "   ")
    page.click(".fc-submit")
    wait_for_text(page, ".fc-status .fc-say", "Please enter a display name.")
    assert server.store.read(session.code, kinds=[ParticipantJoined.kind]) == []
