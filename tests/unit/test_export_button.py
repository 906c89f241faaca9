"""The console's Export summary button runs a real export in its own process."""

from __future__ import annotations

import time

from facilitate.core.config import Config
from facilitate.core.store import open_store
from facilitate.demo import seed_demo
from facilitate.ui.console_page import ConsolePage


def shows(widget, target) -> bool:
    """Whether ``target`` is somewhere inside ``widget``'s children."""
    if widget is target:
        return True
    return any(shows(child, target) for child in getattr(widget, "children", ()))


def test_export_button_runs_in_background_and_shows_the_path(tmp_path, monkeypatch):
    monkeypatch.delenv("QUERY_STRING", raising=False)
    store = open_store(tmp_path)
    session = seed_demo(store)
    console = ConsolePage(store=store)
    console.start()
    console.open(session.code, session.key)
    console.export.config = Config(data_dir=tmp_path)
    assert shows(console.root, console.export.button)

    started = time.monotonic()
    console.export.button.click()
    assert time.monotonic() - started < 2, "the click must not wait for the export"
    assert console.export.button.disabled
    assert "Exporting the summary" in console.export.status.value
    console.export.button.click()  # a second click while running changes nothing
    while not console.export.check():
        assert time.monotonic() - started < 120
        time.sleep(0.5)
    html = tmp_path / "exports" / f"summary-{session.code}.html"
    assert console.export.status.value == (
        f'<p class="fc-say fc-say-success">Summary saved: {html} '
        "(with the PDF and CSV files beside it).</p>"
    )
    assert not console.export.button.disabled
    csv = tmp_path / "exports" / f"summary-{session.code}-csv"
    assert list(csv.glob("*.csv")), "the aggregate tables"
    assert not (csv / "events.csv").exists(), "the event log is only on request"
    store.close()
