"""The private profile as a participant sees it: words and prompts, never a score.

Plain HTML built in the participant's own kernel (no plotly on phones). Each part
says where the person's answers gather, then what to notice and what to try
next, in the content's order; there is no bar, no percentage and no ranking, and
the downloadable reflection follows the same rules (see ``profile``).
"""

from __future__ import annotations

from facilitate.activities.self_assessment.content import SelfAssessment
from facilitate.activities.self_assessment.profile import (
    MyAnswers,
    current_variant,
    part_reflections,
)
from facilitate.core.language import gettext as _
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
            f'<p class="fc-sa-notice"><i>{escape(_("To notice:"))}</i> '
            f"{escape(part.notice)}</p>"
            f'<p class="fc-sa-try"><i>{escape(_("To try next:"))}</i> '
            f"{escape(part.try_next)}</p>"
            "</div>"
        )
    if content.profile_closing:
        rows.append(f'<p class="fc-sa-closing">{escape(content.profile_closing)}</p>')
    return "".join(rows)
