"""What the front door answers instead of a page: a decision, and a sentence.

Every refusal is a small page readable on a phone, saying what happened and
what to do next, and nothing about the session.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitate.core.text import escape


@dataclass(frozen=True)
class Answer:
    """``status`` 0 means "let it through"; otherwise answer with ``message``."""

    status: int = 0
    message: str = ""
    location: str = ""


RESTARTING = "The server is starting or restarting. Try again in a moment."
TOO_FAST = "Too many pages opened from this device. Wait a minute and try again."
TOO_MANY_CODES = (
    "Too many session codes tried from this device. Wait a few minutes, then type "
    "the code shown on the projected screen."
)
NOT_HERE = (
    "There is no such page here. Open the link printed by facilitate, or the one "
    "on the projected screen."
)
NOT_YOURS = (
    "This belongs to a page opened in another browser. Open your own link again."
)
STORE_DOWN = (
    "The session log cannot be read just now. Try again in a moment; if this "
    "stays, the facilitator should check the server's messages."
)


def refusal_page(message: str) -> str:
    """A small page saying why, readable on a phone; nothing about the session."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>facilitate</title><style>body{font:1.25rem/1.5 system-ui,sans-serif;"
        "max-width:34em;margin:3rem auto;padding:0 1rem;color:#1a1a1a;"
        "background:#fafaf7}</style></head><body><main>"
        f'<p class="fc-refused">{escape(message)}</p></main></body></html>'
    )
