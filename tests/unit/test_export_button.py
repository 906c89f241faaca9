"""The remote's Export summary button runs a real export in its own process and
ends in downloads, never a path on the server."""

from __future__ import annotations

import io
import time
import zipfile

from facilitate.core.config import Config
from facilitate.core.store import open_store
from facilitate.demo import seed_demo
from facilitate.ui.remote_page import RemotePage


def shows(widget, target) -> bool:
    """Whether ``target`` is somewhere inside ``widget``'s children."""
    if widget is target:
        return True
    return any(shows(child, target) for child in getattr(widget, "children", ()))


def test_export_button_runs_in_background_and_offers_downloads(tmp_path, monkeypatch):
    monkeypatch.delenv("QUERY_STRING", raising=False)
    store = open_store(tmp_path)
    session = seed_demo(store)
    console = RemotePage(store=store)
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
    status = console.export.status.value
    assert "The summary is ready to download." in status
    assert str(tmp_path) not in status, "no server path is shown"
    assert console.export.html.filename == html.name
    assert console.export.html.data == html.read_bytes()
    assert console.export.tables.filename == f"summary-{session.code}-csv.zip"
    with zipfile.ZipFile(io.BytesIO(console.export.tables.data)) as archive:
        names = archive.namelist()
        assert f"summary-{session.code}-csv/events.csv" not in names
        assert f"summary-{session.code}-csv/checkin-checkin_counts.csv" in names
    assert console.export.html in console.export.downloads.children
    assert not console.export.button.disabled
    csv = tmp_path / "exports" / f"summary-{session.code}-csv"
    assert list(csv.glob("*.csv")), "the aggregate tables"
    assert not (csv / "events.csv").exists(), "the event log is only on request"
    store.close()
