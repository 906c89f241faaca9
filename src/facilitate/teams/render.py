"""HTML for the team page's views: board, flags, timeline and equity lens.

Everything a member typed (labels, what a support is, owners, evidence) passes
through ``escape``. Owners appear here, on the team's own page, and nowhere that
leaves the team. Each table carries ``fc-*`` classes for styling and tests.
"""

from __future__ import annotations

import datetime as dt

from facilitate.core.text import escape
from facilitate.teams.board import Board, Cell, Moment
from facilitate.teams.content import FourQuestions
from facilitate.teams.equity import NOT_RECORDED_LABEL, EquityLens
from facilitate.teams.events import END_REASONS, RESPONSE_LABELS
from facilitate.teams.flags import FLAG_KINDS, FLAG_TITLES, Flag
from facilitate.teams.state import Check, Support, TeamState

REASONS = {**dict(END_REASONS), "resolved": "Concern resolved"}
STYLE = """<style>
.fc-team table { border-collapse: collapse; font-size: 14px; line-height: 1.35; }
.fc-team th, .fc-team td { border: 1px solid #d0d7de; padding: 4px 6px;
  vertical-align: top; text-align: left; }
.fc-board-table td { min-width: 9em; max-width: 16em; }
.fc-team thead th { background: #eef2f5; }
.fc-board-table td.fc-none { background: #f6f8fa; }
.fc-support { margin: 0 0 4px; }
.fc-support .fc-muted { font-size: 12px; }
.fc-planned { color: #57606a; font-style: italic; }
.fc-response { display: inline-block; border-radius: 4px; padding: 0 6px;
  margin: 2px 2px 0 0; background: #eef2f5; font-size: 12px; }
.fc-response-improving { background: #d7f0e1; }
.fc-response-declining { background: #fbe1dc; }
.fc-badge { display: inline-block; border-radius: 4px; padding: 0 6px;
  margin: 2px 2px 0 0; background: #fff3cd; font-size: 12px; }
.fc-due { background: #e8eefc; }
.fc-causes, .fc-targets { font-size: 12px; font-weight: normal; color: #57606a; }
.fc-flag-list li { margin: 2px 0; }
.fc-muted { color: #57606a; }
.fc-team .widget-html-content { font-size: 15px; }
</style>"""


def day(date: str) -> str:
    """``2026-03-04`` as ``4 Mar 2026``; anything else as it is."""
    try:
        when = dt.date.fromisoformat(date)
        return f"{when.day} {when:%b %Y}"
    except ValueError:
        return date


def short_day(date: str) -> str:
    """``2026-03-04`` as ``4 Mar``: the board's dates are all recent."""
    try:
        when = dt.date.fromisoformat(date)
    except ValueError:
        return date
    return f"{when.day} {when:%b}"


def support_line(
    support: Support, cycle: str, notes: dict[str, str] | None = None
) -> str:
    """Tier and what, then owner and since when, then the causes it targets
    (``notes``: cause -> its note); planned supports in italics."""
    planned = support.start > cycle
    when = (
        f"from {short_day(support.start)}"
        if planned
        else (f"since {short_day(support.start)}")
    )
    css = "fc-support fc-planned" if planned else "fc-support"
    prefix = "Planned, " if planned else ""
    targeted = [(notes or {}).get(c, "") for c in support.causes]
    targets = "; ".join(note for note in targeted if note)
    aim = f'<div class="fc-targets">Targets: {escape(targets)}</div>' if targets else ""
    return (
        f'<div class="{css}"><b>{escape(prefix)}T{support.tier}</b> '
        f"{escape(support.what)}"
        f'<div class="fc-muted">{escape(support.owner)} · {escape(when)}</div>'
        f"{aim}</div>"
    )


def response_badge(check: Check) -> str:
    label = RESPONSE_LABELS.get(check.response, check.response)
    return (
        f'<span class="fc-response fc-response-{escape(check.response)}">'
        f"{escape(label)} · {escape(short_day(check.cycle))}</span>"
    )


def _cell_html(cell: Cell, cycle: str, notes: dict[str, str]) -> str:
    parts = [support_line(s, cycle, notes) for s in (*cell.now, *cell.planned)]
    if not parts:
        parts.append('<p class="fc-muted">No support yet</p>')
    if cell.last is not None:
        parts.append(response_badge(cell.last))
    if cell.due:
        parts.append('<span class="fc-badge fc-due">Check due</span>')
    parts += [
        f'<span class="fc-badge fc-cell-flag">{escape(FLAG_TITLES[f])}</span>'
        for f in cell.flags
    ]
    return f'<td class="fc-cell" data-area="{escape(cell.area)}">{"".join(parts)}</td>'


def board_html(board: Board, content: FourQuestions) -> str:
    """Students by areas; a student with no area yet gets an empty row."""
    if not board.rows:
        return '<p class="fc-muted">No students of concern yet: add one (Q1).</p>'
    head = "".join(f"<th>{escape(content.area_label(a))}</th>" for a in board.areas)
    rows = []
    for row in board.rows:
        notes = {c.cause: c.note for c in row.causes}
        cells = "".join(
            _cell_html(row.cells[a], board.cycle, notes)
            if a in row.cells
            else '<td class="fc-none"></td>'
            for a in board.areas
        )
        if not row.cells:
            cells = (
                f'<td class="fc-muted" colspan="{max(len(board.areas), 1)}">'
                "No area chosen yet (Q2)</td>"
            )
        label = escape(row.student.label)
        behind = "; ".join(c.note for c in row.causes)
        causes = (
            f'<div class="fc-causes">Behind it: {escape(behind)}</div>'
            if behind
            else ""
        )
        rows.append(
            f'<tr class="fc-board-row" data-student="{label}">'
            f"<th>{label}{causes}</th>{cells}</tr>"
        )
    closed = ""
    if board.closed:
        names = ", ".join(escape(s.label) for s in board.closed)
        closed = f'<p class="fc-muted">Concerns closed: {names}.</p>'
    return (
        f'<table class="fc-board-table"><thead><tr><th>Student</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{closed}"
    )


def flags_html(
    flags: tuple[Flag, ...] | list[Flag], state: TeamState, content: FourQuestions
) -> str:
    """The flags grouped by kind, each with what the team might do about it."""
    if not flags:
        return '<p class="fc-flags-none">No flags at this meeting.</p>'
    blocks = []
    for kind in FLAG_KINDS:
        mine = [f for f in flags if f.kind == kind.key]
        if not mine:
            continue
        items = "".join(
            f'<li class="fc-flag fc-flag-{kind.key}">'
            f"{escape(_flag_text(f, state, content))}</li>"
            for f in mine
        )
        blocks.append(
            f"<h4>{escape(kind.title)} ({len(mine)})</h4>"
            f'<p class="fc-muted">{escape(kind.action)}</p>'
            f'<ul class="fc-flag-list">{items}</ul>'
        )
    return "".join(blocks)


def _flag_text(flag: Flag, state: TeamState, content: FourQuestions) -> str:
    student = state.students.get(flag.student)
    text = f"{student.label if student else '?'}, {content.area_label(flag.area)}"
    support = state.supports.get(flag.support or "")
    if support is not None:
        text += f": tier {support.tier}, {support.what} ({support.owner})"
    return text


def _moment_text(moment: Moment, content: FourQuestions) -> str:
    area = content.area_label(moment.area)
    if moment.what == "cause":
        return f"What we think is behind it: {moment.note}"
    if moment.what in ("raised", "resolved"):
        return f"Concern {moment.what}: {area}"
    if moment.support is not None and moment.what == "support":
        s = moment.support
        return (
            f"Support decided, {area}: tier {s.tier}, {s.what} "
            f"({content.type_label(s.support_type)}; {s.owner}; from {day(s.start)})"
        )
    if moment.support is not None:
        reason = REASONS.get(moment.reason, moment.reason)
        return f"Support ended, {area}: {moment.support.what} ({reason})"
    if moment.check is not None:
        label = RESPONSE_LABELS.get(moment.check.response, moment.check.response)
        return f"Response, {area}: {label}. Evidence: {moment.check.evidence}"
    return area


def timeline_html(moments: dict[str, list[Moment]], content: FourQuestions) -> str:
    """One row per meeting, what happened to the student then."""
    if not moments:
        return '<p class="fc-muted">No meetings yet.</p>'
    rows = []
    for cycle, happened in moments.items():
        lines = (
            "".join(f"<li>{escape(_moment_text(m, content))}</li>" for m in happened)
            or '<li class="fc-muted">Nothing recorded</li>'
        )
        rows.append(f"<tr><th>{escape(day(cycle))}</th><td><ul>{lines}</ul></td></tr>")
    return (
        '<table class="fc-timeline-table"><thead><tr><th>Meeting</th>'
        f"<th>What happened</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def equity_html(lens: EquityLens) -> str:
    """Counts and shares per group; "–" where the release gate withholds a cell."""
    if not lens.has_groups:
        return (
            '<p class="fc-muted">No groups yet. Enter your classes\' composition '
            "below, then choose a group when adding a student.</p>"
        )
    head = "".join(
        f"<th>{escape(c.title)}"
        + (f" (of {c.total})" if c.total is not None else "")
        + "</th>"
        for c in lens.columns
    )
    rows = []
    for group in lens.groups:
        cells = []
        for column in lens.columns:
            count = column.shown.get(group)
            share = column.share(group)
            if group not in column.shown:
                cells.append('<td class="fc-muted">not entered</td>')
            elif count is None:
                cells.append('<td class="fc-withheld">–</td>')
            else:
                shown = f" ({share:.0f}%)" if share is not None else ""
                cells.append(f"<td>{count}{shown}</td>")
        name = escape(group or NOT_RECORDED_LABEL)
        rows.append(f'<tr class="fc-equity-row"><th>{name}</th>{"".join(cells)}</tr>')
    note = (
        f"– : withheld, because a group there has fewer than {lens.k} students (or "
        "would let one be worked out). Shares are of each column's total."
    )
    return (
        f'<table class="fc-equity-table"><thead><tr><th>Group</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p class="fc-muted">{escape(note)}</p>'
    )
