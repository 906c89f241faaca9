"""The poll's participant view, shared-screen panel and summary part."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import ipywidgets as widgets

from facilitate.core.events import Recorded
from facilitate.core.group_size import release_k
from facilitate.core.release import release_partition
from facilitate.core.report import ReportPart
from facilitate.core.roster import Roster, roster_of
from facilitate.core.sessions import SessionInfo
from facilitate.core.text import escape
from facilitate.ui.contexts import DisplayContext, ParticipantContext
from facilitate.ui.widgets import message, styled
from tests.activities.poll.content import load_poll
from tests.activities.poll.events import PollAnswered

ANSWERS = load_poll().keys


class PollQuestion:
    def __init__(self, context: ParticipantContext) -> None:
        poll = load_poll()
        self.status = message("fc-poll-status")
        self.prompt = styled(widgets.HTML(f"<p>{escape(poll.prompt)}</p>"), "fc-poll-q")
        options = [(choice.label, choice.key) for choice in poll.choices]
        self.choice = styled(
            widgets.RadioButtons(options=options, value=None), "fc-poll"
        )
        self.choice.observe(
            lambda change: context.record(
                PollAnswered(context.participant, str(change["new"])), self.status
            ),
            "value",
        )
        self.root = widgets.VBox([self.prompt, self.choice, self.status])

    def refresh(self, roster: Roster, new: list[Recorded]) -> None:
        """Nothing here depends on others."""


def released_counts(records: Sequence[Recorded], k: int) -> dict[str, int | None]:
    latest = {r.event.participant: r.event.answer for r in records
              if isinstance(r.event, PollAnswered)}  # fmt: skip
    counts = Counter(latest.values())
    return release_partition({answer: counts[answer] for answer in ANSWERS}, k)


class PollPanel:
    def __init__(self, context: DisplayContext) -> None:
        self.session = context.session
        self.counts = message("fc-poll-counts")
        self.root = styled(widgets.VBox([self.counts]), "fc-poll-display")

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        shown = released_counts(records, release_k(roster, self.session))
        self.counts.value = ", ".join(
            f"{answer}: {'fewer than k' if n is None else n}"
            for answer, n in shown.items()
        )


def poll_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    import pandas as pd

    shown = released_counts(records, release_k(roster_of(records), session))
    table = pd.DataFrame({"answer": list(shown), "people": list(shown.values())})
    return ReportPart(key="poll", heading="Quick poll", tables={"poll_answers": table})
