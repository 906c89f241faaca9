"""``audit.html`` and ``audit.csv``: the released audit as files a leader keeps.

The HTML page is self-contained (plotly.js inlined once, no other request), so it
opens offline and can be mailed to a team. It says where the figures come from,
the file's own notes (a sample says it is synthetic), the clear differences in
plain sentences, the suppression rules in force, both charts and the full
table. Everything read from the file is escaped. Withheld figures are written
as empty cells in the CSV and as "withheld" in the page, never as 0.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.io as pio

from facilitate.audit.charts import (
    composition_figure,
    risk_ratio_figure,
    withheld_note,
)
from facilitate.audit.findings import headline_findings, words
from facilitate.audit.stats import Audit, is_blank
from facilitate.core.csv_file import csv_text
from facilitate.core.text import escape

CSV_NAME = "audit.csv"
HTML_NAME = "audit.html"
_STYLE = """
body { font-family: "Atkinson Hyperlegible", Arial, sans-serif; margin: 2em auto;
       max-width: 80em; padding: 0 1em; color: #1a1a1a; line-height: 1.45; }
.fc-audit-note { background: #fff4d6; border-left: 6px solid #E69F00;
                 padding: .6em 1em; }
.fc-audit-findings li { margin-bottom: .6em; }
.fc-audit-detail { color: #444; }
.fc-table-wrap { overflow-x: auto; }
table.fc-table { border-collapse: collapse; font-size: .85em; }
table.fc-table th, table.fc-table td { border-bottom: 1px solid #ddd;
                                       padding: .25em .6em; text-align: right; }
table.fc-table td:nth-child(-n+3), table.fc-table th:nth-child(-n+3) {
    text-align: left; }
"""


def about_html(audit: Audit) -> str:
    """Where the figures come from and the file's own notes."""
    students = f"{audit.students:,} students · " if audit.students else ""
    facts = (
        f"{students}{len(audit.group_columns)} group columns · "
        f"{len(audit.outcomes)} outcomes · minimum n-size {audit.min_n}"
    )
    notes = "".join(
        f'<p class="fc-audit-note">{escape(note)}</p>' for note in audit.notes
    )
    return f"<p>From <b>{escape(audit.source)}</b>: {escape(facts)}.</p>{notes}"


def findings_html(audit: Audit) -> str:
    """The clear differences, each a sentence and its figures."""
    found = headline_findings(audit)
    if not found:
        return (
            "<p>No group's interval lies wholly above or below 1: no clear "
            "difference at this n-size.</p>"
        )
    items = "".join(
        f"<li><b>{escape(f.statement())}</b><br>"
        f'<span class="fc-audit-detail">{escape(f.detail())}</span></li>'
        for f in found
    )
    return f'<ol class="fc-audit-findings">{items}</ol>'


def rules_html(audit: Audit) -> str:
    n = audit.min_n
    return (
        "<h2>How to read this</h2><p>A risk ratio compares a group's rate with "
        "the rate of every other student: 2 means twice as likely, 0.5 half as "
        "likely. Its 95% interval is computed by the log method; a difference is "
        "called clear when the whole interval lies above or below 1.</p>"
        f"<p>To protect students, groups of fewer than {n} students are first "
        "merged into one group, '(other or not recorded)'; a group still under "
        f"{n} is withheld. Counts under {n} or within {n} of the group's size are "
        "withheld too, with every figure built from them. Where one withheld "
        "figure could be worked out from the others and the totals, another is "
        "withheld too (complementary suppression), except for the merged group's "
        "own count, so a large group is never withheld for a small one. Withheld "
        "figures are marked, never shown as 0.</p>"
    )


_PERCENT = ("rate", "share_of_students", "share_of_outcome")
_RATIO = ("risk_ratio", "ci_low", "ci_high")


def _cell(column: str, value: object, suppressed: bool) -> str:
    """One figure as the page shows it: withheld, undefined (–) or formatted."""
    if is_blank(value):
        return "withheld" if suppressed else "–"
    if column in _PERCENT:
        return f"{100 * float(str(value)):.1f}%"
    if column in _RATIO:
        return f"{float(str(value)):.2f}"
    if column in ("students", "with_outcome"):
        return f"{int(str(value)):,}"
    if column == "suppressed":
        return "yes" if value else ""
    return str(value)


def merged_note(audit: Audit) -> str:
    """Which of the file's groups each merged row holds, one sentence per column."""
    merged = audit.table.loc[audit.table["members"].map(len) > 1]
    said = dict.fromkeys(
        f"In {words(column)}, '{group}' holds {', '.join(members)}."
        for column, group, members in zip(
            merged["group_column"], merged["group"], merged["members"], strict=True
        )
    )
    return " ".join(said)


def table_html(audit: Audit) -> str:
    """The full table, with "withheld" where suppression emptied a figure."""
    frame = audit.csv_frame()
    rows = [
        {
            words(column): _cell(column, row[column], bool(row["suppressed"]))
            for column in frame.columns
        }
        for row in frame.to_dict("records")
    ]
    body = pd.DataFrame(rows).to_html(
        index=False, escape=True, border=0, classes="fc-table"
    )
    merged = merged_note(audit)
    note = f'<p class="fc-audit-merged">{escape(merged)}</p>' if merged else ""
    return (
        f'<h2>Every group and outcome</h2>{note}<div class="fc-table-wrap">{body}</div>'
    )


def audit_html(audit: Audit) -> str:
    """The whole page as one string."""
    charts = "".join(
        f'<div class="fc-figure">'
        f"{pio.to_html(f, full_html=False, include_plotlyjs=n == 0)}</div>"
        for n, f in enumerate((risk_ratio_figure(audit), composition_figure(audit)))
    )
    note = withheld_note(audit)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Equity audit: {escape(audit.source)}</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>Equity audit</h1>{about_html(audit)}"
        f"<h2>Clear differences</h2>{findings_html(audit)}"
        f"{rules_html(audit)}{charts}"
        f"<p>{escape(note)}</p>{table_html(audit)}</body></html>"
    )


def audit_csv(audit: Audit) -> str:
    """``audit.csv``'s text: exactly ``AUDIT_COLUMNS``, withheld cells empty.

    Written like every CSV the product makes: a group or outcome named like a
    formula in the district's file reaches the spreadsheet as text.
    """
    return csv_text(audit.csv_frame())


def write_audit_files(audit: Audit, out_dir: Path) -> list[Path]:
    """Write ``audit.csv`` and ``audit.html`` into ``out_dir`` (created if needed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in ((CSV_NAME, audit_csv(audit)), (HTML_NAME, audit_html(audit))):
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
