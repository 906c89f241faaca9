"""The words a sensitive screen uses about how many have answered.

Rule 6 of the release gate (``core.release``): progress moves in steps of k
("at least 10 have finished", never "12 of 30"), and a figure not yet shown
says when it will be, in the page's language.
"""

from __future__ import annotations

from facilitate.core.group_size import floored
from facilitate.core.language import N_, in_each, ngettext
from facilitate.core.language import gettext as _


def at_least(count: int, k: int) -> int:
    """``count`` rounded down to a step of k: what progress may say."""
    k = floored(k)
    return count // k * k


def progress_in_steps(count: int, k: int, done: str = N_("have finished")) -> str:
    """Progress for a sensitive screen: "at least 10 have finished", never exact.

    ``done`` is English words marked with ``N_`` ("have voted"); the sentence is
    said in the page's language."""
    k = floored(k)
    return in_each(lambda: _progress(count, k, done))


def _progress(count: int, k: int, done: str) -> str:
    if count < k:
        return ngettext("Fewer than {k} {done}.", "Fewer than {k} {done}.", k).format(
            k=k, done=_(done)
        )
    shown = at_least(count, k)
    return ngettext("At least {n} {done}.", "At least {n} {done}.", shown).format(
        n=shown, done=_(done)
    )


def shown_once(k: int, what: str = N_("people have answered")) -> str:
    """What a sensitive screen says in place of a figure it cannot show yet
    (``what``: English words marked with ``N_``)."""
    k = floored(k)
    return in_each(
        lambda: ngettext(
            "Shown once at least {k} {what} (smaller groups stay private).",
            "Shown once at least {k} {what} (smaller groups stay private).",
            k,
        ).format(k=k, what=_(what))
    )


def needs_more(count: int, k: int) -> str:
    """In place of a non-sensitive figure: how many more answers it needs."""
    k = floored(k)
    missing = max(k - count, 0)
    return in_each(
        lambda: ngettext(
            "{missing} more person needs to answer before this is shown "
            "(groups smaller than {k} stay private).",
            "{missing} more people need to answer before this is shown "
            "(groups smaller than {k} stay private).",
            missing,
        ).format(missing=missing, k=k)
    )
