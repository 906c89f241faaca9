"""``facilitate export CODE --to evidence``: the evidence pack as HTML and PDF.

The pack is built in this process from the log (no notebook to run) and printed
by the same headless Chromium as the summary (``core.pdf``). The evidence page
uses the same functions for its download, so the file a leader downloads and the
file the command writes are the same document.
"""

from __future__ import annotations

from pathlib import Path

from facilitate.core.errors import FacilitateError
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore
from facilitate.evidence.pack import build_pack, file_stem, pack_html
from facilitate.export.run import ExportResult, Progress, timed


def export_evidence(
    store: EventStore,
    session: SessionInfo,
    out_dir: Path,
    progress: Progress = print,
    data_dir: Path | None = None,
) -> ExportResult:
    """Write ``evidence-CODE.html`` and ``evidence-CODE.pdf`` into ``out_dir``;
    attached files are read from ``data_dir`` (the HTML carries them, the PDF
    lists them)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = ExportResult()
    html_path = out_dir / f"{file_stem(session)}.html"
    pack = build_pack(store.read(session.code), session, data_dir)

    def write_html() -> str:
        html_path.write_text(pack_html(pack), encoding="utf-8")
        return f"wrote {html_path}"

    timed(result, "html", progress, write_html)
    result.files.append(html_path)
    pdf_path = html_path.with_suffix(".pdf")

    def write_pdf() -> str:
        from facilitate.core.pdf import pdf_bytes

        pdf_path.write_bytes(pdf_bytes(pack_html(pack, printing=True)))
        return f"wrote {pdf_path}"

    try:
        timed(result, "pdf", progress, write_pdf)
    except FacilitateError as error:
        result.problems.append(str(error))
        progress(f"PDF: {error}")
        return result
    result.files.append(pdf_path)
    return result
