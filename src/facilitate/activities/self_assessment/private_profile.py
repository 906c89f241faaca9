"""The private profile as a participant sees it: words and prompts, never a score.

Plain HTML built in the participant's own kernel (no plotly on phones). Each part
says where the person's answers gather, then what to notice and what to try
next, in the content's order; there is no bar, no percentage and no ranking, and
the downloadable reflection follows the same rules (see ``profile``).
"""

from __future__ import annotations

import base64

from facilitate.activities.self_assessment.content import SelfAssessment
from facilitate.activities.self_assessment.profile import (
    MyAnswers,
    current_variant,
    part_reflections,
)
from facilitate.core.text import escape


def profile_html(mine: MyAnswers, content: SelfAssessment) -> str:
    """Where answers gather per part, with prompts to notice and to try next."""
    variant = current_variant(mine, content)
    rows = []
    if content.profile_introduction:
        rows.append(f"<p>{escape(content.profile_introduction)}</p>")
    for part in part_reflections(mine.answers, variant, content):
        rows.append(
            f'<div class="fc-sa-part fc-sa-part-{escape(part.domain)}">'
            f"<p><b>{escape(part.title)}</b></p>"
            f'<p class="fc-sa-gather">{escape(part.gather)}</p>'
            f'<p class="fc-sa-notice"><i>To notice:</i> {escape(part.notice)}</p>'
            f'<p class="fc-sa-try"><i>To try next:</i> {escape(part.try_next)}</p>'
            "</div>"
        )
    if content.profile_closing:
        rows.append(f'<p class="fc-sa-closing">{escape(content.profile_closing)}</p>')
    return "".join(rows)


def download_link(text: str, filename: str) -> str:
    """A link that hands the text to its owner as a file (base64, nothing to escape)."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (
        f'<a class="fc-sa-download-link" download="{escape(filename)}" '
        f'href="data:text/plain;charset=utf-8;base64,{data}" '
        'style="display:inline-block;padding:0.6em 1em;background:#0072B2;'
        'color:#fff;border-radius:4px;text-decoration:none">'
        "⬇ Download my reflection</a>"
    )
