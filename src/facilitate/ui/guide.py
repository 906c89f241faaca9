"""The facilitator's guide notes beside an activity's controls on the remote.

Each activity's notes come from its own folder (see ``guide_notes``). They fold
away under one heading so the buttons stay first; a mistake in the file shows
its sentence where the notes would be, never a traceback.
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.core.errors import FacilitateError
from facilitate.core.text import escape
from facilitate.ui.guide_notes import GuideNote, guide_notes
from facilitate.ui.widgets import styled


def guide_html(notes: tuple[GuideNote, ...]) -> str:
    """The notes as a folded list: title, what to do, and the source in small type."""
    if not notes:
        return ""
    items = "".join(
        f'<li class="fc-guide-note"><b>{escape(note.title)}</b>'
        f"<p>{escape(note.text)}</p>"
        + (f"<p><small>{escape(note.source)}</small></p>" if note.source else "")
        + "</li>"
        for note in notes
    )
    return (
        '<details class="fc-guide-notes"><summary>Guide notes for this activity'
        f"</summary><ul>{items}</ul></details>"
    )


def guide_box(activity: str) -> widgets.HTML:
    """The notes for ``activity`` (an agenda key), or why they cannot be read."""
    try:
        html = guide_html(guide_notes(activity))
    except FacilitateError as error:
        html = f'<p class="fc-say fc-say-error">{escape(str(error))}</p>'
    return styled(widgets.HTML(html), "fc-guide")
