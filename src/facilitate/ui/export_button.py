"""The console's "Export summary" button.

The export runs ``facilitate export`` in a separate process, so the console's
polling loop (and the room's live charts) never wait for nbconvert or Chromium.
Its progress goes to the server's terminal; a small asyncio task checks twice a
second whether it has finished and then shows where the files are.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.sessions import SessionInfo
from facilitate.ui.widgets import button, message, say, styled

CHECK_SECONDS = 0.5
EXPORT_TIMEOUT_SECONDS = 300


def export_folder(config: Config) -> Path:
    """Where console exports go: beside the store, one folder for all sessions."""
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
    """Button and status line; ``check()`` reports when the export is done."""

    button: widgets.Button = field(
        default_factory=lambda: button("Export summary", "fc-export", style="")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-export-status"))
    root: widgets.VBox = field(default_factory=widgets.VBox)
    session: SessionInfo | None = None
    config: Config | None = None
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    started_at: float = 0.0
    watcher: asyncio.Task[None] | None = None

    def __post_init__(self) -> None:
        self.root.children = [self.button, self.status]
        styled(self.root, "fc-export-panel")
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
        pdf = folder / f"{stem}.pdf"
        extra = (
            "" if self._fresh(pdf) else " No PDF: see the terminal for how to get one."
        )
        say(
            self.status,
            f"Summary saved: {html} (with the PDF and CSV files beside it).{extra}",
            "success",
        )

    def _fresh(self, path: Path) -> bool:
        """Written by this export, not left over from an earlier one."""
        return path.exists() and path.stat().st_mtime >= self.started_at - 1
