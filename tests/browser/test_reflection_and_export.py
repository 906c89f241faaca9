"""The leader's reflection and the console's export, as a facilitator uses them."""

from __future__ import annotations

import pytest

from facilitate.activities.feedback.events import FeedbackGiven
from facilitate.core.events import LeaderNoteSaved, ParticipantJoined
from tests.browser.people import wait_for_text

pytestmark = pytest.mark.browser


def test_reflection_counts_words_live_and_keeps_text_over_the_limit(server, new_page):
    session = server.new_session("Reflection in the browser")
    page = new_page()
    page.goto(server.page_url("reflection", session))
    page.wait_for_selector(".fc-note-next_steps textarea")
    words = " ".join(f"step{n}" for n in range(510))
    page.fill(".fc-note-next_steps textarea", words)
    wait_for_text(
        page,
        ".fc-words-total .fc-say",
        "The reflection is 510 words: 10 over the 500-word limit. "
        "Nothing has been cut.",
    )
    page.click(".fc-save-reflection")
    page.wait_for_function(
        "() => document.querySelector('.fc-reflection-status').innerText"
        ".startsWith('Saved')"
    )
    saved = server.store.read(session.code, kinds=[LeaderNoteSaved.kind])
    assert [(r.event.section, r.event.text) for r in saved] == [("next_steps", words)]


def test_console_export_button_writes_the_summary(server, new_page):
    session = server.new_session("Export from the console")
    for index in range(6):
        person = f"p{index}"
        server.store.append(session.code, ParticipantJoined(person, f"N{index}"))
        server.store.append(
            session.code,
            FeedbackGiven(person, {"voice": 4}, helped="<script>alert(1)</script>"),
        )
    console = new_page()
    console.goto(server.console_url(session))
    console.wait_for_selector(".fc-export")
    console.click(".fc-export")
    console.wait_for_function(
        "() => document.querySelector('.fc-export-status').innerText"
        ".startsWith('Summary saved')",
        timeout=120_000,
    )
    html = server.data_dir / "exports" / f"summary-{session.code}.html"
    text = html.read_text()
    assert "<script>alert(1)</script>" not in text
    assert "Export from the console" in text
