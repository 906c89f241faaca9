"""QR codes for the join link: SVG for the projected display, text for the terminal."""

from __future__ import annotations

import io

import segno

from facilitate.core.text import escape


def qr_svg_fitted(url: str, label: str) -> str:
    """An inline SVG that takes the size its box gives it (a viewBox, no size),
    named for screen readers by ``label``."""
    svg = str(
        segno.make(url, error="m").svg_inline(
            scale=1, omitsize=True, dark="#111", light="#fff", title=label
        )
    )
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def qr_terminal(url: str) -> str:
    """A QR code drawn with block characters, for ``facilitate serve``."""
    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    return buffer.getvalue()
