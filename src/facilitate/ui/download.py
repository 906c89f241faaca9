"""Files a page hands to the browser as a download, without a server path.

Voila serves notebooks, not arbitrary files, and a path on the server means
nothing to the person's browser. So the file travels inside the link itself, as a
``data:`` URL with a ``download`` name: one click saves it, and nothing is written
where others could fetch it.
"""

from __future__ import annotations

import base64

from facilitate.core.text import escape


def download_link(label: str, filename: str, mime: str, data: bytes, css: str) -> str:
    """An ``<a download>`` carrying ``data``; ``label`` and names are escaped."""
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f'<a class="{escape(css)}" download="{escape(filename)}" '
        f'href="data:{escape(mime)};base64,{encoded}">{escape(label)}</a>'
    )
