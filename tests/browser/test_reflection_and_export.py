"""The console's export, as a facilitator uses it (the evidence pack: test_evidence)."""

from __future__ import annotations

import pytest

from facilitate.activities.feedback.events import FeedbackGiven
from facilitate.core.events import ParticipantJoined

pytestmark = pytest.mark.browser


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
