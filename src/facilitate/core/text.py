"""Cleaning what people type, and escaping it wherever it is shown.

Every display name and free-text answer passes through ``clean_text`` before it
becomes an event, and through ``escape`` before it reaches any HTML. Limits are
refused with a message, never cut silently.
"""

from __future__ import annotations

import html
import unicodedata

from facilitate.core.errors import InvalidInput
from facilitate.core.language import N_
from facilitate.core.language import gettext as _

NAME_LIMIT = 40
TEXT_LIMIT = 2000


def clean_text(raw: object, *, what: str, limit: int, required: bool = False) -> str:
    """Strip control characters and outer space; refuse empty or over-long text."""
    text = "" if raw is None else str(raw)
    text = "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc"
    ).strip()
    if required and not text:
        raise InvalidInput(_("Please enter {what}.").format(what=_(what)))
    if len(text) > limit:
        said = _(what)
        raise InvalidInput(
            _(
                "{What} is {count} characters; the limit is {limit}. Please shorten it."
            ).format(
                What=f"{said[0].upper()}{said[1:]}",
                count=f"{len(text):,}",
                limit=f"{limit:,}",
            )
        )
    return text


def clean_name(raw: object) -> str:
    return clean_text(raw, what=N_("a display name"), limit=NAME_LIMIT, required=True)


def escape(text: object) -> str:
    """HTML-escape anything a person wrote, quotes included."""
    return html.escape("" if text is None else str(text), quote=True)
