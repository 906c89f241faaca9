"""``facilitate export-team``: a team's aggregates as HTML, PDF and CSV.

The sections come from the team's report (counts and patterns through the
release gate, coarsened before anything is hidden, nothing about one student or
one colleague, and none of the team's notes); this module only lays them out.
The HTML is one self-contained file with no script, printed to PDF by the same
headless Chromium as the session summary; the CSV folder holds one file per
table and, unlike a session's export, no event log: nothing row by row leaves
the team.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from facilitate.core.csv_file import write_table
from facilitate.core.errors import FacilitateError
from facilitate.core.files import private_directory
from facilitate.core.report import ReportPart
from facilitate.core.store.base import EventStore
from facilitate.core.text import escape
from facilitate.export.run import FORMATS, ExportResult, Progress
from facilitate.teams.codes import TeamInfo
from facilitate.teams.content import load_four_questions
from facilitate.teams.report import TeamCover, team_cover, team_parts
from facilitate.teams.state import team_state

STYLE = """
body { margin: 0; color: #1f2328; line-height: 1.5;
       font-family: "Atkinson Hyperlegible", Arial, "DejaVu Sans", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
.fc-cover { border-bottom: 4px solid #0072B2; margin-bottom: 2rem;
            padding-bottom: 1rem; }
.fc-kicker { text-transform: uppercase; letter-spacing: 0.12em; color: #57606a; }
.fc-cover h1 { font-size: 2.2rem; margin: 0.2em 0 0.4em; }
.fc-part h2 { font-size: 1.4rem; border-bottom: 2px solid #d0d7de; margin-top: 1.5rem; }
.fc-note { color: #57606a; }
.fc-caption { font-weight: 700; margin: 1rem 0 0.25rem; }
table.fc-table { border-collapse: collapse; font-size: 0.9rem; margin-bottom: 1rem; }
table.fc-table th, table.fc-table td { border-bottom: 1px solid #d0d7de;
  padding: 0.3em 0.8em 0.3em 0; text-align: left; }
table.fc-table thead th { border-bottom: 2px solid #1f2328; }
@page { size: auto; margin: 15mm 14mm; }
@media print { main { max-width: none; padding: 0; }
  table.fc-table, .fc-table-wrap { break-inside: avoid; } }
"""


def file_stem(team: TeamInfo) -> str:
    return f"team-{team.code}"


def cover_html(cover: TeamCover) -> str:
    meetings = f"{cover.meetings} meeting{'s' if cover.meetings != 1 else ''}"
    span = f", {cover.first} to {cover.last}" if cover.meetings > 1 else ""
    if cover.meetings == 1:
        span = f", {cover.first}"
    concern = (
        f"{cover.of_concern} students of concern at the last meeting."
        if cover.of_concern is not None
        else f"Fewer than {cover.k} students of concern at the last meeting."
    )
    promise = (
        "Team-level counts and patterns only: no student identifiers, no note the "
        "team wrote, and no team member's name next to student outcomes. Evidence "
        "is gathered for discovery, not for judging. Groups smaller than "
        f"{cover.k} are merged with others or not shown."
    )
    return (
        '<section class="fc-cover" id="cover"><p class="fc-kicker">Team summary</p>'
        f"<h1>{escape(cover.title)}</h1><p>{escape(meetings + span)}.</p>"
        f'<p>{escape(concern)}</p><p class="fc-note">{escape(promise)}</p></section>'
    )


def shown(part: ReportPart) -> ReportPart:
    """The part with withheld cells (None) drawn as the gate's dash."""
    tables = {
        name: table.where(table.notna(), float("nan"))
        for name, table in part.tables.items()
    }
    return replace(part, tables=tables)


def team_html(cover: TeamCover, parts: list[ReportPart]) -> str:
    """One self-contained HTML document: the cover, then every section."""
    from facilitate.export.sections import part_html

    body = "".join(part_html(shown(part), with_plotlyjs=False) for part in parts)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(cover.title)}: team summary</title>"
        f"<style>{STYLE}</style></head><body><main>"
        f"{cover_html(cover)}{body}</main></body></html>"
    )


def write_tables(parts: list[ReportPart], folder: Path) -> list[Path]:
    """One CSV per part table, through the product's one safe CSV writer."""
    private_directory(folder)
    return [
        write_table(table, folder / f"{part.key}-{name}.csv")
        for part in parts
        for name, table in part.tables.items()
    ]


def export_team(
    store: EventStore,
    team: TeamInfo,
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    progress: Progress = print,
) -> ExportResult:
    """Write the chosen formats for ``team`` into ``out_dir``."""
    wanted = set(formats)
    out_dir.mkdir(parents=True, exist_ok=True)
    state = team_state(store.read(team.code))
    parts = team_parts(state, load_four_questions())
    result = ExportResult()
    html_path = out_dir / f"{file_stem(team)}.html"
    if "html" in wanted:
        progress("HTML: working…")
        html = team_html(team_cover(state), parts)
        _step(result, "html", progress, lambda: _write(html_path, html))
        result.files.append(html_path)
    if "pdf" in wanted:
        _pdf(result, html_path, progress)
    if "csv" in wanted:
        folder = out_dir / f"{file_stem(team)}-csv"
        _step(
            result,
            "csv",
            progress,
            lambda: f"wrote {len(write_tables(parts, folder))} files in {folder}",
        )
        result.files.append(folder)
    return result


def _write(path: Path, html: str) -> str:
    path.write_text(html, encoding="utf-8")
    return f"wrote {path}"


def _step(
    result: ExportResult, step: str, progress: Progress, work: Callable[[], str]
) -> None:
    started = time.perf_counter()
    said = work()
    result.seconds[step] = time.perf_counter() - started
    progress(f"{step.upper()}: {said} ({result.seconds[step]:.1f} s)")


def _pdf(result: ExportResult, html_path: Path, progress: Progress) -> None:
    from facilitate.core.pdf import print_pdf

    pdf_path = html_path.with_suffix(".pdf")
    progress("PDF: working…")
    try:
        _step(
            result, "pdf", progress, lambda: f"wrote {print_pdf(html_path, pdf_path)}"
        )
    except FacilitateError as error:
        result.problems.append(str(error))
        progress(f"PDF: {error}")
        return
    result.files.append(pdf_path)
