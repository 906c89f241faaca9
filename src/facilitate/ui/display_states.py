"""The shape of every activity's shared screen, and its designed states.

A room reads one idea per screen: a title line in the room's words, then either
the result (a chart, big) or a designed state saying in words where we are, and
one line under it (a discussion prompt, or what happens next). Every activity
goes through the same states, so the room learns to read them:

1. waiting to start: what is coming and how to take part;
2. answering: progress in steps of k and what happens next;
3. not enough answers yet: the reason, in words (never an empty axis);
4. revealed: the result and one discussion prompt drawn from the data;
5. hidden again: a neutral screen, so nothing lingers while people talk.

All text is escaped here; callers pass plain sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import ipywidgets as widgets

from facilitate.core.events import Recorded, ResultsRevealed
from facilitate.core.group_size import floored
from facilitate.core.language import N_, in_each, ngettext, versions
from facilitate.core.language import gettext as _
from facilitate.core.release_words import at_least
from facilitate.core.text import escape
from facilitate.ui.widgets import styled

WAITING = "waiting"
ANSWERING = "answering"
NOT_ENOUGH = "not-enough"
REVEALED = "revealed"
HIDDEN_AGAIN = "hidden-again"
STATES = (WAITING, ANSWERING, NOT_ENOUGH, REVEALED, HIDDEN_AGAIN)
HIDDEN_AGAIN_WORDS = N_("Results are put away while we talk.")
ANSWER_ON_PHONES = N_("Answer on your phone or laptop.")


def two_line_heading(title: str) -> str:
    """``<h2>`` in the screen's language; a second language on a line beneath,
    smaller, so the room reads its own without the heading doubling in width."""
    (_lead, first), *others = versions(title) if title else [("", "")]
    beneath = "".join(
        f'<br><span lang="{code}" class="fc-also" '
        f'style="font-size:0.7em;font-weight:normal">{escape(words)}</span>'
        for code, words in others
    )
    return f"<h2>{escape(first)}{beneath}</h2>"


class ScreenFrame:
    """Named widgets: ``title``, ``state`` (words), ``body`` (the result) and
    ``prompt``; ``root`` carries ``fc-screen`` and ``fc-state-<state>``."""

    def __init__(self, css_class: str, title: str) -> None:
        self.title = styled(widgets.HTML(), "fc-screen-title")
        self.state = styled(widgets.HTML(), "fc-screen-state")
        self.body = styled(widgets.VBox(), "fc-screen-body")
        self.prompt = styled(widgets.HTML(), "fc-screen-prompt")
        self.root = styled(
            widgets.VBox([self.title, self.state, self.body, self.prompt]),
            "fc-screen",
            css_class,
        )
        self.current = ""
        self.set_title(title)

    def set_title(self, title: str) -> None:
        """The heading, in the screen's language (in two lines when it speaks two)."""
        self.title.value = two_line_heading(title)

    def show_state(
        self,
        state: str,
        headline: str,
        detail: str = "",
        key: str = "",
        next_step: str = "",
    ) -> None:
        """A designed state: a key figure or phrase, a headline and a detail."""
        self.mark(state)
        self.state.value = state_html(
            _(headline), _(detail), key, calm=state == ANSWERING
        )
        self.body.children = []
        self.prompt.value = _line(_(next_step), "fc-next-step")

    def show_result(self, parts: Sequence[widgets.Widget], prompt: str = "") -> None:
        """The revealed result: ``parts`` (charts, a list) and one prompt."""
        self.mark(REVEALED)
        self.state.value = ""
        if tuple(self.body.children) != tuple(parts):
            self.body.children = list(parts)
        self.prompt.value = _line(_(prompt), "fc-discussion-prompt")

    def show_hidden_again(self) -> None:
        self.show_state(HIDDEN_AGAIN, HIDDEN_AGAIN_WORDS)

    def mark(self, state: str) -> None:
        """Name the state in a class, so checks and styles can find it."""
        if state == self.current:
            return
        if self.current:
            self.root.remove_class(f"fc-state-{self.current}")
        self.root.add_class(f"fc-state-{state}")
        self.current = state


def state_html(
    headline: str, detail: str = "", key: str = "", calm: bool = False
) -> str:
    parts = []
    if key:
        parts.append(f'<div class="fc-key">{escape(key)}</div>')
    parts.append(_line(headline, "fc-state-headline"))
    if detail:
        parts.append(_line(detail, "fc-state-detail"))
    if calm:
        parts.append(
            '<div class="fc-calm" aria-hidden="true"><i></i><i></i><i></i></div>'
        )
    return "".join(parts)


def _line(text: str, css_class: str) -> str:
    return f'<p class="{css_class}">{escape(text)}</p>' if text else ""


def progress_key(count: int, k: int) -> str:
    """The key figure while people answer: "10+" in steps of k, never exact."""
    return f"{at_least(count, k)}+" if count >= floored(k) else ""


def progress_words(count: int, k: int, done: str) -> str:
    """The sentence beside it: "have finished", or "fewer than 5 have finished",
    in the page's language (``done``: English words marked with ``N_``)."""
    k = floored(k)
    return in_each(lambda: _progress_words(count, k, done))


def _progress_words(count: int, k: int, done: str) -> str:
    if count < k:
        return ngettext(
            "Fewer than {k} {done} so far.", "Fewer than {k} {done} so far.", k
        ).format(k=k, done=_(done))
    shown = at_least(count, k)
    return ngettext("At least {n} {done}.", "At least {n} {done}.", shown).format(
        n=shown, done=_(done)
    )


def was_revealed(records: Iterable[Recorded], activity: str) -> bool:
    """True once ``activity`` has been revealed at least once (so a hide is a
    "hidden again" screen, not a "waiting" one)."""
    return any(
        isinstance(r.event, ResultsRevealed)
        and r.event.activity == activity
        and r.event.revealed
        for r in records
    )
