"""The remote's "Export summary" button, ending in downloads in the browser.

The export runs ``facilitate export`` in a separate process, so the remote's
polling loop never waits for nbconvert or Chromium. Its progress goes to the
server's terminal; a small asyncio task checks twice a second whether it has
finished and then offers the files as downloads (the summary, its PDF, and the
tables as one zip): the facilitator gets the files, not a path on the server.
"""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.sessions import SessionInfo
from facilitate.ui.file_download import FileDownload
from facilitate.ui.widgets import button, message, say, styled

CHECK_SECONDS = 0.5
EXPORT_TIMEOUT_SECONDS = 300


def export_folder(config: Config) -> Path:
    """Where exports are written: beside the store, one folder for all sessions."""
    return config.data_dir / "exports"


def export_command(session: SessionInfo, config: Config) -> list[str]:
    return [
        sys.executable,
        "-m",
        "facilitate",
        "--data-dir",
        str(config.data_dir),
        "export",
        session.code,
        "--to",
        "all",
        "--out",
        str(export_folder(config)),
    ]


@dataclass
class ExportControl:
    """Button, status line and download links (``html``, ``pdf``, ``tables``);
    ``check()`` reports when the export is done."""

    button: widgets.Button = field(
        default_factory=lambda: button("Export summary", "fc-export", style="")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-export-status"))
    root: widgets.VBox = field(default_factory=widgets.VBox)
    html: FileDownload = field(default_factory=FileDownload)
    pdf: FileDownload = field(default_factory=FileDownload)
    tables: FileDownload = field(default_factory=FileDownload)
    downloads: widgets.VBox = field(default_factory=widgets.VBox)
    session: SessionInfo | None = None
    config: Config | None = None
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    started_at: float = 0.0
    watcher: asyncio.Task[None] | None = None

    def __post_init__(self) -> None:
        self.root.children = [self.button, self.status, self.downloads]
        styled(self.root, "fc-export-panel")
        styled(self.downloads, "fc-downloads")
        self.button.on_click(lambda _: self.start())

    def attach(self, session: SessionInfo) -> None:
        self.session = session

    def start(self) -> None:
        """Start the export in its own process unless one is already running."""
        if self.session is None or self.process is not None:
            return
        self.config = self.config or Config.from_environ()
        self.process = subprocess.Popen(
            export_command(self.session, self.config), stdin=subprocess.DEVNULL
        )
        self.started = time.monotonic()
        self.started_at = time.time()
        self.button.disabled = True
        self.downloads.children = []
        say(self.status, "Exporting the summary… progress is shown in the terminal.")
        self._watch()

    def _watch(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # plain tests call check() themselves

        async def wait() -> None:
            while not self.check():
                await asyncio.sleep(CHECK_SECONDS)

        self.watcher = loop.create_task(wait())

    def check(self) -> bool:
        """True once the export has ended (and the status says how)."""
        if self.process is None:
            return True
        code = self.process.poll()
        if code is None and time.monotonic() - self.started < EXPORT_TIMEOUT_SECONDS:
            return False
        if code is None:
            self.process.kill()
        self.process = None
        self.button.disabled = False
        self._report(code)
        return True

    def _report(self, code: int | None) -> None:
        assert self.session is not None
        assert self.config is not None
        folder = export_folder(self.config)
        stem = f"summary-{self.session.code}"
        html = folder / f"{stem}.html"
        if code != 0 or not self._fresh(html):
            say(
                self.status,
                "The export did not finish; the terminal says why. Try again, or run "
                f"`facilitate export {self.session.code}`.",
                "error",
            )
            return
        self.html.offer(
            "Download the summary (HTML)", html.name, "text/html", html.read_bytes()
        )
        offered: list[widgets.Widget] = [self.html]
        pdf = folder / f"{stem}.pdf"
        if self._fresh(pdf):
            self.pdf.offer(
                "Download the summary (PDF)", pdf.name, "application/pdf",
                pdf.read_bytes(),
            )  # fmt: skip
            offered.append(self.pdf)
        tables = folder / f"{stem}-csv"
        if tables.is_dir():
            self.tables.offer(
                "Download the tables (CSV, zipped)", f"{stem}-csv.zip",
                "application/zip", zipped(tables),
            )  # fmt: skip
            offered.append(self.tables)
        self.downloads.children = offered
        extra = "" if self._fresh(pdf) else " No PDF: the terminal says how to get one."
        say(self.status, f"The summary is ready to download.{extra}", "success")

    def _fresh(self, path: Path) -> bool:
        """Written by this export, not left over from an earlier one."""
        return path.exists() and path.stat().st_mtime >= self.started_at - 1


def zipped(folder: Path) -> bytes:
    """Every file in ``folder`` in one zip, named relative to the folder."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder.name}/{path.relative_to(folder)}")
    return buffer.getvalue()
