"""Printing HTML to PDF with Debian's headless Chromium.

nbconvert's own ``webpdf`` cannot be pointed at Debian's Chromium, while
``chromium --headless --print-to-pdf`` on our HTML works offline and lets plotly
draw every chart first (the virtual time budget). When Chromium is missing the
exporter says how to install it and carries on with HTML and CSV.

It sits in the core because the export writes PDFs and the evidence page prints
its pack for a download, and neither may import the other.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from facilitate.core.errors import FacilitateError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
VIRTUAL_TIME_MS = 8000
PRINT_TIMEOUT_SECONDS = 120
#: About the printable width of A4 and Letter at 96 dpi, so charts fit the page.
WINDOW_SIZE = "760,1080"

#: Headless Chromium that stays quiet on a closed network: no background
#: connections, updates or sync, which a room without internet would refuse.
CHROMIUM_QUIET_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class ChromiumMissing(FacilitateError):
    def __init__(self) -> None:
        super().__init__(
            "The PDF was not made because Chromium is not installed. Install it with "
            "`sudo apt-get install chromium` and export again; the HTML and CSV files "
            "were still written."
        )


class PrintFailed(FacilitateError):
    pass


def find_chromium() -> str | None:
    """The first Chromium on PATH, or None."""
    return next((p for name in CHROMIUM_NAMES if (p := shutil.which(name))), None)


def print_pdf(html_path: Path, pdf_path: Path, chromium: str | None = None) -> Path:
    """Print ``html_path`` to ``pdf_path``; raise a one-sentence error on failure."""
    browser = chromium or find_chromium()
    if browser is None:
        raise ChromiumMissing()
    with tempfile.TemporaryDirectory(prefix="facilitate-chromium-") as profile:
        command = [
            browser,
            *CHROMIUM_QUIET_FLAGS,
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--window-size={WINDOW_SIZE}",
            f"--virtual-time-budget={VIRTUAL_TIME_MS}",
            f"--print-to-pdf={pdf_path}",
            html_path.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=PRINT_TIMEOUT_SECONDS
            )
        except subprocess.TimeoutExpired:
            raise PrintFailed(
                f"Chromium took over {PRINT_TIMEOUT_SECONDS} s to print the PDF. "
                "Open the HTML file and print it from a browser instead."
            ) from None
    if done.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise PrintFailed(
            f"Chromium could not print the PDF ({last[:200]}). "
            "Open the HTML file and print it from a browser instead."
        )
    return pdf_path


def pdf_bytes(html: str) -> bytes:
    """``html`` printed to PDF; raises a one-sentence error without Chromium."""
    with tempfile.TemporaryDirectory(prefix="facilitate-pdf-") as folder:
        html_path = Path(folder) / "page.html"
        html_path.write_text(html, encoding="utf-8")
        return print_pdf(html_path, Path(folder) / "page.pdf").read_bytes()
