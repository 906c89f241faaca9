"""QR codes for the join link: SVG for the projected console, text for the terminal."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, scale: int = 6) -> str:
    """An inline SVG of ``url`` (dark on light, with a quiet zone)."""
    return str(
        segno.make(url, error="m").svg_inline(scale=scale, dark="#111", light="#fff")
    )


def qr_terminal(url: str) -> str:
    """A QR code drawn with block characters, for ``facilitate serve``."""
    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    return buffer.getvalue()
