"""The comfort / risk / danger check-in, reusable at the start and end of a session.

The self-assessment asks it at the ``start``; its spec adds ``end_zone_check`` to
the session's last phase so the shared screen can show the room's shift. Each
choice is a new ``ZoneChecked`` event (latest wins). No pandas or plotly here.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from facilitate.activities.self_assessment.content import (
    SelfAssessment,
    load_self_assessment,
)
from facilitate.activities.self_assessment.events import ZoneChecked
from facilitate.activities.self_assessment.profile import MyAnswers
from facilitate.core.errors import InvalidInput
from facilitate.core.language import gettext as _
from facilitate.core.text import escape
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.widgets import message, say, styled

MOMENTS = ("start", "end")


class ZoneCheck:
    """Named widgets: ``root``, ``prompt``, ``choice`` (radio buttons), ``status``."""

    def __init__(
        self,
        context: ParticipantContext,
        moment: str,
        content: SelfAssessment | None = None,
        mine: MyAnswers | None = None,
    ) -> None:
        if moment not in MOMENTS:
            raise InvalidInput(f"'{moment}' is not a zone moment; use start or end.")
        self.context = context
        self.moment = moment
        self.content = content or load_self_assessment()
        if mine is None:
            records = context.store.read(context.session.code, kinds=[ZoneChecked.kind])
            mine = MyAnswers().apply(records, context.participant)
        source = self.content.zone_source
        self.prompt = widgets.HTML(
            f"<p><b>{escape(self.content.zone_prompt)}</b>"
            + (
                f'<br><small style="color:#555">{escape(source)}</small>'
                if source
                else ""
            )
            + "</p>"
        )
        self.choice = styled(
            widgets.RadioButtons(
                options=[
                    (
                        f"{z.label} — {z.description}" if z.description else z.label,
                        z.key,
                    )
                    for z in self.content.zones
                ],
                value=mine.zones.get(moment),
                layout=widgets.Layout(width="auto"),
            ),
            "fc-zone",
            f"fc-zone-{moment}",
        )
        self.status = message("fc-zone-status")
        self.choice.observe(self.record, "value")
        self.root = styled(
            widgets.VBox([self.prompt, self.choice, self.status]), "fc-zone-check"
        )

    def record(self, change: dict[str, Any]) -> None:
        """Append the new choice; a value the page could not have offered is refused."""
        zone = change["new"]
        if zone not in {z.key for z in self.content.zones}:
            say(self.status, "Please choose one of the zones listed.", "error")
            return
        event = ZoneChecked(self.context.participant, self.moment, str(zone))
        self.context.record(
            event, self.status, saved=_("Noted. Only group totals are ever shown.")
        )


def end_zone_check(context: ParticipantContext) -> ZoneCheck:
    """The zone question again at the end, shown on the session's last phase."""
    return ZoneCheck(context, "end")
