"""The evidence page's download: the same pack ``facilitate export --to evidence``
writes, handed to the browser as files, not as a path on the server.

The HTML is ready at once. The PDF needs headless Chromium for a few seconds, so it
is printed off the kernel's event loop (autosave and typing carry on) and its link
appears when it is done; without Chromium the page says how to get one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets

from facilitate.core.errors import FacilitateError
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore
from facilitate.evidence.pack import build_pack, file_stem, pack_html
from facilitate.ui.download import download_link
from facilitate.ui.widgets import button, message, say, styled

log = logging.getLogger(__name__)


@dataclass
class PackDownload:
    """Named widgets: ``prepare`` (button), ``status``, ``links``."""

    prepare: widgets.Button = field(
        default_factory=lambda: button(
            "Prepare the pack to download", "fc-pack-prepare"
        )
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-pack-status"))
    links: widgets.HTML = field(default_factory=lambda: message("fc-pack-links"))
    root: widgets.VBox = field(default_factory=widgets.VBox)
    store: EventStore | None = None
    session: SessionInfo | None = None
    before: Callable[[], None] = lambda: None
    data_dir: Path | None = None
    html_link: str = ""

    def __post_init__(self) -> None:
        self.root.children = [widgets.HBox([self.prepare]), self.status, self.links]
        styled(self.root, "fc-pack-download")

    def attach(
        self,
        store: EventStore,
        session: SessionInfo,
        before: Callable[[], None],
        data_dir: Path | None = None,
    ) -> None:
        """Which session to pack; ``before`` saves anything still being typed;
        attached files are read from ``data_dir``."""
        self.store, self.session, self.before = store, session, before
        self.data_dir = data_dir

    def prepare_pack(self) -> None:
        """Build the pack now, offer the HTML, then print and offer the PDF."""
        if self.store is None or self.session is None:
            return
        self.before()
        self.prepare.disabled = True
        stem = file_stem(self.session)
        try:
            pack = build_pack(
                self.store.read(self.session.code), self.session, self.data_dir
            )
            html = pack_html(pack)
        except FacilitateError as error:
            self._done(str(error), "error")
            return
        self.html_link = download_link(
            "Download the pack (HTML)",
            f"{stem}.html",
            "text/html;charset=utf-8",
            html.encode("utf-8"),
            "fc-pack-html",
        )
        self.links.value = f"<p>{self.html_link}</p>"
        say(self.status, "Printing the PDF…")
        self._print(pack_html(pack, printing=True), stem)

    def _print(self, html: str, stem: str) -> None:
        from facilitate.core.pdf import pdf_bytes

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._printed(stem, lambda: pdf_bytes(html))
            return
        future = loop.run_in_executor(None, pdf_bytes, html)
        future.add_done_callback(lambda done: self._printed(stem, done.result))

    def _printed(self, stem: str, result: Callable[[], bytes]) -> None:
        try:
            pdf = result()
        except FacilitateError as error:
            self._done(str(error), "error")
            return
        except Exception:
            log.exception("printing the evidence pack failed")
            self._done("The PDF could not be printed; the HTML is ready.", "error")
            return
        pdf_link = download_link(
            "Download the pack (PDF)",
            f"{stem}.pdf",
            "application/pdf",
            pdf,
            "fc-pack-pdf",
        )
        self.links.value = f"<p>{self.html_link} · {pdf_link}</p>"
        self._done("The pack is ready: HTML and PDF.", "success")

    def _done(self, sentence: str, tone: str) -> None:
        say(self.status, sentence, tone)
        self.prepare.disabled = False
