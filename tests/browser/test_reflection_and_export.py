"""The remote's export, as a facilitator uses it (the evidence pack: test_evidence)."""

from __future__ import annotations

import pytest

from facilitate.activities.feedback.events import FeedbackGiven
from facilitate.core.events import ParticipantJoined

pytestmark = pytest.mark.browser


def test_remote_export_ends_in_a_download(server, new_page, tmp_path):
    session = server.new_session("Export from the remote")
    for index in range(6):
        person = f"p{index}"
        server.store.append(session.code, ParticipantJoined(person, f"N{index}"))
        server.store.append(
            session.code,
            FeedbackGiven(person, {"voice": 4}, helped="<script>alert(1)</script>"),
        )
    remote = new_page()
    remote.goto(server.remote_url(session))
    remote.wait_for_selector(".fc-export")
    remote.click(".fc-export")
    link = remote.locator(".fc-download-link[href]", has_text="HTML")
    link.wait_for(timeout=120_000)
    assert str(server.data_dir) not in remote.inner_text(".fc-export-panel")
    with remote.expect_download() as download:
        link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == f"summary-{session.code}.html"
    text = saved.read_text()
    assert "<script>alert(1)</script>" not in text
    assert "Export from the remote" in text
