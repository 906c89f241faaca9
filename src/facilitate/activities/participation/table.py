"""The talk table and the group sentence, for the facilitator's remote.

Per person: share of talk, turns, and written contributions (what each person
wrote for the group, as the agenda's activities define it). It is the
facilitator's detail, on their own device; the shared screen shows charts.
"""

from __future__ import annotations

from typing import Any

from facilitate.activities.participation.metrics import TalkSummary, roles_below_k
from facilitate.core.release import needs_more
from facilitate.core.text import escape


def summary_sentence(summary: TalkSummary) -> str:
    """The group figures in one line."""
    minutes, seconds = divmod(round(summary.longest_turn_seconds), 60)
    even = f"{summary.evenness:.2f}" if summary.evenness is not None else "–"
    return (
        f"{summary.people} people; {summary.spoken} have spoken, "
        f"{summary.not_spoken} not yet heard; {summary.turns} turns; "
        f"longest turn {minutes} min {seconds:02d} s; "
        f"evenness {even} (1 = everyone equally)."
    )


def talk_table_html(per_person: Any, labels: dict[str, str]) -> str:
    """Each person's share of talk, turns and written contributions (labels escaped)."""
    rows = "".join(
        f'<tr class="fc-row"><td class="fc-who">{labels[str(speaker)]}</td>'
        f'<td class="fc-share">{share * 100:.1f}%</td>'
        f'<td class="fc-turns">{turns}</td><td class="fc-given">{given}</td></tr>'
        for speaker, share, turns, given in zip(
            per_person["speaker"],
            per_person["talk_share"],
            per_person["turns"],
            per_person["contributions"],
            strict=True,
        )
    )
    return (
        "<table><thead><tr><th>Who</th><th>Talk</th><th>Turns</th>"
        f"<th>Written</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def equity_note(per_person: Any, equity: Any, k: int) -> str:
    """Say which roles are not drawn and why, without naming them."""
    hidden = roles_below_k(per_person, k)
    if per_person.empty:
        return f"<p>{escape(needs_more(0, k))}</p>"
    if not hidden:
        return ""
    roles = "role is" if hidden == 1 else "roles are"
    return (
        f"<p>{hidden} {roles} not shown in the equity chart: "
        f"groups smaller than {k} stay private.</p>"
    )
