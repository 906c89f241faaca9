"""The affinity map as HTML: the finding on top, four columns of causes below.

Read like a fishbone turned upright: the finding is the head, each category a
bone, each cause a card on it with its "why?" follow-ups stepping in beneath.
Plain HTML with inline styles, large enough to read from the back of a room,
and shared by the display and the reflection summary. Every word a participant
or the district's file supplied is escaped here; vote counts arrive already
through the release gate (``metrics``).
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitate.activities.root_cause.content import CATEGORIES, Category
from facilitate.activities.root_cause.events import FindingShared
from facilitate.activities.root_cause.fit import fitting
from facilitate.activities.root_cause.metrics import CauseCard, vote_words
from facilitate.core.text import escape
from facilitate.ui.charts import OKABE_ITO

COLOURS = dict(
    zip(
        (c.key for c in CATEGORIES),
        (OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2], OKABE_ITO[3]),
        strict=True,
    )
)
#: Causes shown per column; the rest are counted in one line beneath.
MOST_CARDS = 6
_GRID = (
    "display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:1em;margin-top:.5em"
)
_CARD = (
    "background:#fff;border:2px solid #d0d0d0;border-radius:8px;"
    "padding:.3em .5em;margin:.35em 0;line-height:1.2"
)
_WHY = "border-left:4px solid #b0b0b0;margin:.3em 0 0 .1em;padding-left:.5em"
#: Type sizes (cards, headings, hints): projected, and in the printed summary.
#: Projected sizes follow the display's body type (28 px at 1080p, scaled with
#: the viewport's height), so the back of the room reads them at any resolution.
PROJECTED = ("1em", "1.2em", "1em")
PRINTED = ("15px", "19px", "13px")


def findings_html(findings: Iterable[FindingShared], big: bool = True) -> str:
    """The shared findings, each a statement and its smaller detail line."""
    size, detail = ("1.3em", "1em") if big else ("1.15em", ".9em")
    items = "".join(
        '<li class="fc-rc-finding" style="margin-bottom:.5em">'
        f'<span class="fc-rc-statement" style="font-size:{size};font-weight:700;'
        'line-height:1.2">'
        f"{escape(f.statement)}</span><br>"
        f'<span class="fc-rc-detail" style="font-size:{detail}">'
        f"{escape(f.detail)}</span>"
        "</li>"
        for f in findings
    )
    return (
        '<ul class="fc-rc-findings" style="list-style:none;padding:0;margin:0">'
        f"{items}</ul>"
    )


def _card_html(card: CauseCard, k: int, size: str, why: bool = False) -> str:
    """A cause, its released vote count beneath, and its whys stepping in.

    A "why?" follow-up sits inside its cause, marked by a rule on its left, so a
    chain of five stays readable in a narrow column.
    """
    lead = '<span style="color:#555">Why? → </span>' if why else ""
    whys = "".join(_card_html(c, k, size, why=True) for c in card.follow_ups)
    style = _WHY if why else f"{_CARD};font-size:{size}"
    kind = "fc-rc-cause fc-rc-why" if why else "fc-rc-cause"
    return (
        f'<div class="{kind}" data-cause="{card.id}" style="{style}">'
        f'{lead}<span class="fc-rc-text">{escape(card.text)}</span>'
        f'<div class="fc-rc-votes" style="font-weight:700;color:#333">'
        f"{escape(vote_words(card.votes, k))}</div>{whys}</div>"
    )


def _column_html(
    category: Category,
    cards: list[CauseCard],
    k: int,
    sizes: tuple[str, ...],
    lines: float | None,
) -> str:
    kept = cards[:MOST_CARDS]
    if lines is not None:
        kept = fitting(kept, lines)
    shown = "".join(_card_html(card, k, sizes[0]) for card in kept)
    more = len(cards) - len(kept)
    if more > 0:
        causes = "cause" if more == 1 else "causes"
        shown += f'<p class="fc-rc-more">and {more} more {causes}</p>'
    if not cards:
        shown = '<p class="fc-rc-empty" style="color:#666">No causes yet.</p>'
    key = category.key
    return (
        f'<section class="fc-rc-category fc-rc-{key}" '
        f'style="border-top:10px solid {COLOURS[key]};padding-top:.3em">'
        f'<h3 style="font-size:{sizes[1]};margin:.2em 0">{escape(category.label)}</h3>'
        f'<p style="margin:0;color:#444;font-size:{sizes[2]};line-height:1.2">'
        f"{escape(category.hint)}</p>{shown}</section>"
    )


def map_html(
    columns: dict[str, list[CauseCard]],
    k: int,
    sizes: tuple[str, ...] = PROJECTED,
    lines: float | None = None,
) -> str:
    """Four columns, one per category, in the protocol's order; with ``lines``,
    each shows only the cards that fit in that many lines (see ``fit``)."""
    body = "".join(
        _column_html(c, columns.get(c.key, []), k, sizes, lines) for c in CATEGORIES
    )
    return f'<div class="fc-rc-map" style="{_GRID}">{body}</div>'


def calm_html(sentence: str) -> str:
    """A designed empty state: one sentence, large and centred, never a blank chart."""
    return (
        '<div class="fc-rc-calm" style="text-align:center;padding:2.5em 1em;'
        f'font-size:30px;color:#333">{escape(sentence)}</div>'
    )
