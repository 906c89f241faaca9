"""The comparison as one self-contained HTML page: tables side by side, no script.

Plain tables with inline styles read the same in a browser, a printed copy and
an e-mail attachment, offline and without plotly's 5 MB. The page is a frame:
the rooms, then each activity's own section (``ComparisonPart.html``) in agenda
order. Every value is escaped; a suppressed figure says so in words.
"""

from __future__ import annotations

from facilitate.compare.comparison import Comparison
from facilitate.core.comparison import table
from facilitate.core.text import escape

STYLE = """
body,.fc-compare{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:80em}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:2px solid #0072B2}
table{border-collapse:collapse;margin:.6em 0 1.2em}
th,td{border:1px solid #ccc;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#f2f6fa}.fc-suppressed{color:#777;font-style:italic}
.fc-note{color:#444;font-size:.95em}.fc-up{color:#B35900}.fc-down{color:#0072B2}
.fc-strip span{display:inline-block;min-width:1.6em;text-align:center;
border:1px solid #ddd;margin-right:1px;font-size:.85em}
"""
HEADING = "Rooms compared"
RULES = (
    "Each room's figures follow that room's own release rules (its k is shown): a "
    "figure that room had too few people for says “suppressed”. Tables put the "
    "largest gaps and tensions first, not the best scores."
)


def rooms_html(comparison: Comparison) -> str:
    frame = comparison.tables["rooms"]
    rows = [[escape(v) for v in row] for row in frame.itertuples(index=False)]
    return table(["Session", "School", "District", "Date", "k", "Joined"], rows)


def comparison_fragment(comparison: Comparison) -> str:
    """The page's content with its style, for a widget or the file below."""
    notes = "".join(f'<p class="fc-note">{escape(n)}</p>' for n in comparison.notes)
    body = "".join(
        f'<h2 id="compare-{escape(part.key)}">{escape(part.heading)}</h2>{part.html}'
        for part in comparison.parts
    )
    return (
        f'<div class="fc-compare"><style>{STYLE}</style><h1>{HEADING}</h1>'
        f'<p class="fc-note">{escape(RULES)}</p>{notes}'
        f"{rooms_html(comparison)}{body}</div>"
    )


def comparison_html(comparison: Comparison) -> str:
    """The whole page as one self-contained HTML document."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{HEADING}</title></head><body>"
        f"{comparison_fragment(comparison)}</body></html>"
    )
