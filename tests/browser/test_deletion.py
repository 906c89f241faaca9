"""Deleting a session while a participant's page is open and still answering.

The facilitator runs ``facilitate session delete`` while the page keeps appending
answers. Afterwards nothing of the session is left, in the database file or its
journal, later writes are refused, and the open page says the session has ended.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.core.events import PhaseChanged
from facilitate.core.store import DATABASE_NAME
from tests.browser.people import join

pytestmark = pytest.mark.browser
NAME = "Della Quistorff"
ITEMS = [
    item.key for item in load_self_assessment().variant("educators").domains[0].items
]


def stored_bytes(server) -> bytes:
    found = b""
    for suffix in ("", "-wal"):
        path = server.data_dir / f"{DATABASE_NAME}{suffix}"
        found += path.read_bytes() if path.exists() else b""
    return found


def test_delete_while_a_page_is_open_and_appending(server, new_page):
    session = server.new_session("Deleted mid-way")
    page = new_page()
    join(page, server.participant_url(session.code), NAME)
    token = page.evaluate("() => localStorage.getItem('facilitate.participant-token')")
    server.store.append(session.code, PhaseChanged("self_assessment"))
    page.locator(".fc-zone-start input[type=radio]").nth(1).check()
    page.click(".fc-sa-next")
    page.wait_for_selector(f".fc-sa-item-{ITEMS[0]}")
    assert NAME.encode() in stored_bytes(server)

    command = [sys.executable, "-m", "facilitate", "--data-dir", str(server.data_dir)]
    deleting = subprocess.Popen(
        [*command, "session", "delete", session.code, "--yes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    clicks = 0
    while page.locator(".fc-ended").count() == 0 and clicks < 400:
        item = ITEMS[clicks % len(ITEMS)]
        radio = page.locator(f".fc-sa-item-{item} input[type=radio]").nth(clicks % 4)
        try:
            radio.check(timeout=2_000)  # each change appends an answer
        except Exception:  # the page swapped to "ended" under the click
            break
        clicks += 1
    out, _ = deleting.communicate(timeout=120)
    assert clicks, "the page was answering while the deletion ran"
    assert deleting.returncode == 0, out
    assert "Deleted 'Deleted mid-way'" in out
    page.wait_for_selector(".fc-ended")
    assert "This session has ended" in page.inner_text(".fc-status")

    assert server.store.read(session.code) == []
    left = stored_bytes(server)
    for trace in (NAME, token, session.key, session.title):
        assert trace.encode() not in left, trace
    wal = server.data_dir / f"{DATABASE_NAME}-wal"
    assert not wal.exists() or session.code.encode() not in wal.read_bytes()
