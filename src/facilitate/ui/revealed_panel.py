"""The base of a display panel: waiting until revealed, too few, or the result.

Every panel whose result waits for the facilitator's reveal and for k answers
says the same three things the same way: while hidden, progress in steps of k
(or "put away" once it was shown); when revealed with too few answers, why in
words; otherwise the result. ``RevealedPanel`` says the first two once, so the
activities only write their words and their result.

``ReleasedChartPanel`` is the whole panel for an activity whose result is one
chart of its latest release (check-in, feedback): it redraws only when a new
batch is released, k or the progress step changed, or the reveal flipped.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Any

import pandas as pd

from facilitate.core.events import Recorded
from facilitate.core.language import N_
from facilitate.core.release import ReleaseState
from facilitate.core.release_words import shown_once
from facilitate.core.roster import Roster
from facilitate.ui.display_states import (
    ANSWERING,
    NOT_ENOUGH,
    WAITING,
    ScreenFrame,
    progress_key,
    progress_words,
    was_revealed,
)
from facilitate.ui.live_chart import LiveChart

#: The people a figure waits for, by the ``done`` of each panel, as whole words
#: for the catalogue (a translator cannot put "people" before a verb).
PEOPLE_WHO = {
    N_("have answered"): N_("people have answered"),
    N_("have checked in"): N_("people have checked in"),
    N_("have given feedback"): N_("people have given feedback"),
    N_("have finished"): N_("people have finished"),
}


class RevealedPanel:
    """Named widgets: ``frame`` (a ``ScreenFrame``), its ``root``, and the
    ``charts`` cleared whenever no result is shown.

    ``done`` finishes the progress sentence: "At least 5 ``have finished``".
    """

    done = N_("have answered")

    def __init__(self, frame: ScreenFrame, charts: Iterable[LiveChart]) -> None:
        self.frame = frame
        self.charts = list(charts)
        self.root = frame.root

    def clear_charts(self) -> None:
        for chart in self.charts:
            chart.clear()

    def show_waiting(
        self,
        count: int,
        k: int,
        hidden_again: bool,
        *,
        invite: str = "",
        detail: str = "",
        next_step: str = "",
    ) -> None:
        """Before the reveal: the ``invite`` until someone answered (progress
        words when there is none), then progress in steps of k; once the result
        was shown and hidden again, a neutral screen."""
        self.clear_charts()
        if hidden_again:
            self.frame.show_hidden_again()
            return
        headline = (
            invite if invite and not count else progress_words(count, k, self.done)
        )
        self.frame.show_state(
            ANSWERING if count else WAITING,
            headline,
            detail,
            key=progress_key(count, k),
            next_step=next_step,
        )

    def show_too_few(self, headline: str, count: int, k: int) -> None:
        """Revealed, but nothing may be shown yet: why, and progress beneath."""
        self.clear_charts()
        self.frame.show_state(
            NOT_ENOUGH,
            headline,
            progress_words(count, k, self.done),
            key=progress_key(count, k),
        )


class ReleasedChartPanel(RevealedPanel, ABC):
    """A panel whose result is one chart of the latest release.

    Subclasses name their ``activity``, the people who ``done`` it ("people
    have checked in" is ``people`` + ``done``), and write ``release``,
    ``figure``, ``prompt_for`` and ``waiting``.
    """

    activity = ""

    def __init__(self, frame: ScreenFrame, chart: LiveChart) -> None:
        super().__init__(frame, [chart])
        self.chart = chart
        self.seen = -1
        self.shown: tuple[object, ...] | None = None

    @abstractmethod
    def release(self, records: list[Recorded]) -> tuple[ReleaseState, Any]:
        """The release state and the released frame (None until k answered)."""

    @abstractmethod
    def figure(self, released: pd.DataFrame, k: int) -> Any:
        """The chart of the released groups."""

    @abstractmethod
    def prompt_for(self, released: pd.DataFrame) -> str:
        """One discussion prompt drawn from the released groups."""

    @abstractmethod
    def waiting(self, state: ReleaseState, hidden_again: bool) -> None:
        """The words before the reveal (most panels call ``show_waiting``)."""

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Redraw only when a new batch was released, k changed or a reveal."""
        if len(records) == self.seen:
            return
        self.seen = len(records)
        state, released = self.release(records)
        batch = state.latest.batch if state.latest else 0
        revealed = roster.revealed.get(self.activity, False)
        key = (batch, state.k, state.progress(), revealed)
        if key == self.shown:
            return
        self.shown = key
        if not revealed:
            self.waiting(state, was_revealed(records, self.activity))
        elif released is None:
            waiting_for = PEOPLE_WHO.get(self.done, N_("people have answered"))
            self.show_too_few(
                shown_once(state.k, waiting_for), state.submitted, state.k
            )
        else:
            self.chart.show(self.figure(released, state.k))
            self.frame.show_result([self.chart.root], self.prompt_for(released))
