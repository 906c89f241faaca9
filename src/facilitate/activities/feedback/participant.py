"""The participant's closing form: anonymous ratings and two open questions.

Lean like the rest of the participant path (no pandas, no plotly). Answers are
recorded with the participant's token only so a resubmission replaces the earlier
form; the console and export show aggregates, and the open answers appear only in
the export, escaped and never next to anyone's name.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from facilitate.activities.feedback.content import (
    FEEDBACK_TEXT_LIMIT,
    RATING_SCALE,
    FeedbackForm,
    load_feedback,
)
from facilitate.activities.feedback.events import FeedbackGiven
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.roster import Roster
from facilitate.core.text import clean_text, escape
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.widgets import button, message, say, styled

_WIDE = widgets.Layout(width="100%", max_width="32em")


def _rating_buttons(key: str) -> widgets.ToggleButtons:
    return styled(
        widgets.ToggleButtons(
            options=[(str(value), value) for value, _ in RATING_SCALE],
            tooltips=[label for _, label in RATING_SCALE],
            value=None,
            style={"button_width": "3em"},
        ),
        "fc-rating",
        f"fc-rating-{key}",
    )


def _answer_box(css_class: str) -> widgets.Textarea:
    return styled(
        widgets.Textarea(placeholder="Optional", layout=_WIDE, rows=3), css_class
    )


class FeedbackActivity:
    """Named widgets of the form; ``submit`` records one FeedbackGiven."""

    def __init__(self, context: ParticipantContext) -> None:
        self.context = context
        self.form: FeedbackForm = load_feedback()
        self.ratings = {
            item.key: _rating_buttons(item.key) for item in self.form.ratings
        }
        self.helped = _answer_box("fc-feedback-helped")
        self.more_equitable = _answer_box("fc-feedback-more-equitable")
        self.submit = button("Send feedback", "fc-feedback-submit")
        self.status = message("fc-feedback-status")
        self.submit.on_click(lambda _: self.send())
        self.root = styled(widgets.VBox(self._children()), "fc-feedback")
        self._restore()

    def _children(self) -> list[Any]:
        scale = (
            "1 = strongly disagree … 5 = strongly agree. Your answers are anonymous."
        )
        rows: list[Any] = [
            widgets.HTML(f"<h3>{escape(self.form.prompt)}</h3>"),
            widgets.HTML(f"<p>{escape(scale)}</p>"),
        ]
        for item in self.form.ratings:
            rows += [
                widgets.HTML(f"<p>{escape(item.statement)}</p>"),
                self.ratings[item.key],
            ]
        rows += [
            widgets.HTML(f"<p>{escape(self.form.helped)}</p>"),
            self.helped,
            widgets.HTML(f"<p>{escape(self.form.more_equitable)}</p>"),
            self.more_equitable,
            self.submit,
            self.status,
        ]
        return rows

    def _restore(self) -> None:
        """A reload shows this person's last sent form, so they can revise it."""
        own = [
            r.event
            for r in self.context.store.read(
                self.context.session.code, kinds=[FeedbackGiven.kind]
            )
            if isinstance(r.event, FeedbackGiven)
            and r.event.participant == self.context.participant
        ]
        if not own:
            return
        last = own[-1]
        for key, value in last.ratings.items():
            if key in self.ratings:
                self.ratings[key].value = value
        self.helped.value = last.helped
        self.more_equitable.value = last.more_equitable
        say(self.status, "Your feedback was sent. You can change it and send again.")

    def send(self) -> None:
        """Validate and record the form; a resubmission replaces the earlier one."""
        self.context.record(
            self._event,
            self.status,
            saved="Thank you: your feedback was sent anonymously.",
        )

    def _event(self) -> FeedbackGiven:
        ratings: dict[str, int] = {}
        allowed = {value for value, _ in RATING_SCALE}
        for key, control in self.ratings.items():
            if control.value is None:
                continue
            if control.value not in allowed:
                raise InvalidInput("Please rate each statement from 1 to 5.")
            ratings[key] = int(control.value)
        helped = clean_text(
            self.helped.value, what="what helped", limit=FEEDBACK_TEXT_LIMIT
        )
        more = clean_text(
            self.more_equitable.value,
            what="what would make it more equitable",
            limit=FEEDBACK_TEXT_LIMIT,
        )
        if not ratings and not helped and not more:
            raise InvalidInput("Please rate at least one statement before sending.")
        return FeedbackGiven(
            self.context.participant,
            ratings=ratings,
            helped=helped,
            more_equitable=more,
        )

    def refresh(self, roster: Roster, new: list[Recorded]) -> None:
        """Nothing on this form depends on what others do."""
