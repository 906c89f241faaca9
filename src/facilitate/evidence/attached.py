"""Attachments as the pack prints them: images shown, the rest linked, all listed.

The pack is one self-contained file, so an image is embedded (a ``data:`` URL)
and a PDF is linked as a download carried inside the pack itself; a link stays a
link. The PDF printout cannot carry files, so when printing, each file is listed
by name, kind, size and description instead (images are still shown), and every
link is written out in full so it can be typed from paper.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence

from facilitate.core.report import paragraphs
from facilitate.core.text import escape
from facilitate.evidence.attachments import Attachment
from facilitate.evidence.content import PartGuide


def data_url(media_type: str, content: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(content).decode('ascii')}"


def attachments_html(
    part: PartGuide,
    attachments: Sequence[Attachment],
    files: Mapping[str, bytes],
    printing: bool = False,
) -> str:
    """The part's attachments under one heading; a sentence when there are none."""
    if not part.attachments:
        return ""
    forms = {form.key: form.label for form in part.attachments}
    items = "".join(
        _one(a, forms.get(a.form, a.form), files.get(a.attachment), printing)
        for a in attachments
    )
    listed = (
        f'<ol class="fc-attachments">{items}</ol>'
        if items
        else '<p class="fc-meta">Nothing attached.</p>'
    )
    return (
        f'<div class="fc-evidence" id="attachments-{escape(part.key)}">'
        f'<p class="fc-label">Attachments ({len(attachments)})</p>{listed}</div>'
    )


def _one(a: Attachment, form: str, content: bytes | None, printing: bool) -> str:
    head = (
        f'<p class="fc-label">{escape(form)}: {escape(a.name or "link")} '
        f'<span class="fc-meta">({escape(a.what())})</span></p>'
    )
    described = (
        f'<div class="fc-attachment-description">{paragraphs(a.description)}</div>'
    )
    return (
        f'<li class="fc-attachment" id="attachment-{escape(a.attachment)}">'
        f"{head}{_body(a, content, printing)}{described}</li>"
    )


def _body(a: Attachment, content: bytes | None, printing: bool) -> str:
    if a.is_link:
        return (
            f'<p><a class="fc-attachment-link" href="{escape(a.link)}" '
            f'rel="noopener noreferrer">{escape(a.link)}</a></p>'
        )
    if content is None:
        return '<p class="fc-missing">The file is no longer on this computer.</p>'
    url = data_url(a.media_type, content)
    if a.is_image:
        return f'<p><img src="{escape(url)}" alt="{escape(a.description)}"></p>'
    if printing:
        return '<p class="fc-meta">Carried inside the HTML pack as a download.</p>'
    return (
        f'<p><a class="fc-attachment-file" href="{escape(url)}" '
        f'download="{escape(a.name)}">Open {escape(a.name)}</a></p>'
    )
