"""The talk table and the group sentence, for the facilitator's remote.

Per person: share of talk, turns, and written contributions (what each person
wrote for the group, as the agenda's activities define it). It is the
facilitator's detail, on their own device; the shared screen shows charts.
"""

from __future__ import annotations

import math
from typing import Any

from facilitate.activities.participation.metrics import TalkSummary
from facilitate.activities.participation.roles import roles_grouped
from facilitate.core.release_words import needs_more
from facilitate.core.text import escape


def summary_sentence(summary: TalkSummary) -> str:
    """The group figures in one line; "not yet" before anyone has spoken."""
    if summary.turns == 0:
        return f"{summary.people} people; nobody has spoken yet."
    minutes, seconds = divmod(round(summary.longest_turn_seconds), 60)
    if summary.evenness is None:
        even = "evenness needs two people or more"
    else:
        even = f"evenness {_two_places(summary.evenness)} (1 = everyone equally)"
    return (
        f"{summary.people} people; {summary.spoken} have spoken, "
        f"{summary.not_spoken} not yet heard; {summary.turns} turns; "
        f"longest turn {minutes} min {seconds:02d} s; {even}."
    )


def _two_places(value: float) -> str:
    """``value`` to two decimals, never "-0.00"."""
    return f"{round(value, 2) + 0.0:.2f}"


def _share_cell(share: float) -> str:
    return "not yet" if math.isnan(share) else f"{share * 100:.1f}%"


def talk_table_html(per_person: Any, labels: dict[str, str]) -> str:
    """Each person's share of talk, turns and written contributions (labels escaped)."""
    rows = "".join(
        f'<tr class="fc-row"><td class="fc-who">{labels[str(speaker)]}</td>'
        f'<td class="fc-share">{_share_cell(share)}</td>'
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


def equity_note(per_person: Any, k: int, every_role: bool = False) -> str:
    """Say which roles the equity chart merges on the screen (without naming
    them), and which ratios wait for a first word spoken or written."""
    if per_person.empty:
        return f"<p>{escape(needs_more(0, k))}</p>"
    sentences = []
    grouped = 0 if every_role else roles_grouped(per_person, k)
    if grouped:
        sentences.append(
            f"{grouped} roles are shown together as one group in the equity chart, "
            f"so that no group on the screen has fewer than {k} people."
        )
    sentences += _not_yet(
        talked=float(per_person["talk_seconds"].sum()) > 0,
        wrote=int(per_person["contributions"].sum()) > 0,
    )
    return "".join(f"<p>{escape(sentence)}</p>" for sentence in sentences)


def _not_yet(talked: bool, wrote: bool) -> list[str]:
    """Why a ratio is missing from the equity chart: nothing to share out yet."""
    if not talked and not wrote:
        return ["Nobody has talked or written yet, so there are no equity ratios."]
    if not talked:
        return ["No talk tracked yet: talk-time ratios appear once someone speaks."]
    if not wrote:
        return [
            "No written contributions yet: their ratios appear once someone "
            "answers in the workbook."
        ]
    return []
