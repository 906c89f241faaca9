"""One export, start to finish: HTML, then PDF from that HTML, then CSV.

Each step reports on the terminal with its time, because the workbook runs in its
own kernel and a leader waiting at the end of a session deserves to see progress.
A missing Chromium costs only the PDF: the other files still come out. The CSV
folder holds aggregates unless ``event_log`` asks for the event-level log too.
Every file written is private to its owner (0600).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from facilitate.core.cover import cover_facts
from facilitate.core.errors import FacilitateError, InvalidInput
from facilitate.core.files import DIRECTORY_MODE, restrict
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore

FORMATS = ("html", "pdf", "csv")
Progress = Callable[[str], None]


@dataclass
class ExportResult:
    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def chosen_formats(choice: str) -> tuple[str, ...]:
    """``html``, ``pdf``, ``csv`` or ``all``; PDF needs the HTML it is printed from."""
    if choice == "all":
        return FORMATS
    if choice not in FORMATS:
        raise InvalidInput(
            f"'{choice}' is not an export format. Use html, pdf, csv or all."
        )
    return ("html", "pdf") if choice == "pdf" else (choice,)


def file_stem(session: SessionInfo) -> str:
    return f"summary-{session.code}"


def export_session(
    store: EventStore,
    session: SessionInfo,
    data_dir: Path,
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    progress: Progress = print,
    event_log: bool = False,
) -> ExportResult:
    """Write the chosen formats for ``session`` into ``out_dir``."""
    wanted = set(formats)
    out_dir.mkdir(mode=DIRECTORY_MODE, parents=True, exist_ok=True)
    result = ExportResult()
    html_path = out_dir / f"{file_stem(session)}.html"
    if "html" in wanted:
        timed(
            result, "html", progress, lambda: _html(store, session, data_dir, html_path)
        )
        result.files.append(html_path)
    if "pdf" in wanted:
        _pdf(result, html_path, progress)
    if "csv" in wanted:
        folder = out_dir / f"{file_stem(session)}-csv"
        timed(result, "csv", progress, lambda: _csv(store, session, folder, event_log))
        result.files.append(folder)
    for path in result.files:
        restrict(path)
    return result


def timed(
    result: ExportResult, step: str, progress: Progress, work: Callable[[], str]
) -> None:
    progress(f"{step.upper()}: working…")
    started = time.perf_counter()
    said = work()
    result.seconds[step] = time.perf_counter() - started
    progress(f"{step.upper()}: {said} ({result.seconds[step]:.1f} s)")


def _html(store: EventStore, session: SessionInfo, data_dir: Path, path: Path) -> str:
    from facilitate.export.notebook import notebook_html, run_summary

    notebook = run_summary(session, data_dir)
    cover = cover_facts(store.read(session.code), session)
    path.write_text(notebook_html(notebook, cover), encoding="utf-8")
    return f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)"


def _pdf(result: ExportResult, html_path: Path, progress: Progress) -> None:
    from facilitate.core.pdf import print_pdf

    pdf_path = html_path.with_suffix(".pdf")
    try:
        timed(
            result, "pdf", progress, lambda: f"wrote {print_pdf(html_path, pdf_path)}"
        )
    except FacilitateError as error:
        result.problems.append(str(error))
        progress(f"PDF: {error}")
        return
    result.files.append(pdf_path)


def _csv(store: EventStore, session: SessionInfo, folder: Path, with_log: bool) -> str:
    from facilitate.core.group_size import release_k
    from facilitate.core.roster import roster_of
    from facilitate.export.event_log import event_log
    from facilitate.export.summary import build_parts_safely
    from facilitate.export.tables import write_csv

    records = store.read(session.code)
    log = None
    if with_log:
        log = event_log(records, release_k(roster_of(records), session))
    written = write_csv(build_parts_safely(records, session), folder, log)
    kept = "with the event log" if with_log else "aggregates only"
    return f"wrote {len(written)} files in {folder} ({kept})"
