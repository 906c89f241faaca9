"""The participant's closing form: anonymous ratings and two open questions, once.

Lean like the rest of the participant path (no pandas, no plotly). Sending records
two things that the log never links (``EventStore.append_unlinked``): that this
person has given feedback, so the form is not offered twice, and, held apart and
added with k others' in random order, what they said. So a form cannot be
changed after it is sent: nothing says which one it is. The page says so before
anyone sends, and the display and export show only released aggregates.
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
from facilitate.activities.feedback.events import (
    FeedbackContent,
    FeedbackGiven,
    FeedbackSent,
)
from facilitate.core.errors import InvalidInput
from facilitate.core.events import (
    ParticipantJoined,
    Recorded,
    ResultsRevealed,
    SettingChanged,
)
from facilitate.core.group_size import release_k
from facilitate.core.language import N_
from facilitate.core.language import gettext as _
from facilitate.core.roster import Roster, roster_of
from facilitate.core.text import clean_text, escape
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.widgets import button, message, say, styled, typed_on_leave

ONCE = N_(
    "You can send this form once. Your answers are stored apart from your name and "
    "added to the others' in batches, so nobody, the facilitator included, can "
    "tell which answers are yours. That is also why they cannot be changed after "
    "you send them."
)
SENT = N_(
    "Thank you: your feedback was sent. It is kept apart from your name, so it "
    "cannot be changed or sent again."
)
_WIDE = widgets.Layout(width="100%", max_width="32em")


def _rating_buttons(key: str) -> widgets.ToggleButtons:
    return styled(
        widgets.ToggleButtons(
            options=[(str(value), value) for value, _label in RATING_SCALE],
            tooltips=[_(label) for _value, label in RATING_SCALE],
            value=None,
            style={"button_width": "3em"},
        ),
        "fc-rating",
        f"fc-rating-{key}",
    )


def _answer_box(css_class: str) -> widgets.Textarea:
    return styled(
        typed_on_leave(
            widgets.Textarea(placeholder=_("Optional"), layout=_WIDE, rows=3)
        ),
        css_class,
    )


class FeedbackActivity:
    """Named widgets of the form; ``submit`` sends it once, unlinked."""

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
        self.root = styled(widgets.VBox(), "fc-feedback")
        if self.already_sent():
            self.show_sent()
        else:
            self.root.children = self._children()

    def _children(self) -> list[Any]:
        scale = _("1 = strongly disagree … 5 = strongly agree.")
        rows: list[Any] = [
            widgets.HTML(f"<h3>{escape(self.form.prompt)}</h3>"),
            styled(widgets.HTML(f"<p>{escape(_(ONCE))}</p>"), "fc-feedback-once"),
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

    def already_sent(self) -> bool:
        """True when this person's feedback is in the log (marker or older form)."""
        kinds = [FeedbackSent.kind, FeedbackGiven.kind]
        records = self.context.store.read(self.context.session.code, kinds=kinds)
        me = self.context.participant
        return any(getattr(r.event, "participant", None) == me for r in records)

    def show_sent(self) -> None:
        """The form gives way to one sentence: it was sent and stays unlinked."""
        say(self.status, SENT, "success")
        self.root.children = [
            widgets.HTML(f"<h3>{escape(self.form.prompt)}</h3>"),
            self.status,
        ]

    def send(self) -> None:
        """Validate, then record the marker now and the form apart, in a batch."""
        store, session = self.context.store, self.context.session
        kinds = [SettingChanged.kind, ParticipantJoined.kind, ResultsRevealed.kind]
        batch = release_k(roster_of(store.read(session.code, kinds=kinds)), session)
        sent = self.context.record_unlinked(
            FeedbackSent(self.context.participant), self._content, batch, self.status
        )
        if sent is not None:
            self.show_sent()

    def _content(self) -> FeedbackContent:
        """The form as typed, validated (InvalidInput says what to fix)."""
        ratings: dict[str, int] = {}
        allowed = {value for value, _label in RATING_SCALE}
        for key, control in self.ratings.items():
            if control.value is None:
                continue
            if control.value not in allowed:
                raise InvalidInput(_("Please rate each statement from 1 to 5."))
            ratings[key] = int(control.value)
        helped = clean_text(
            self.helped.value, what=N_("what helped"), limit=FEEDBACK_TEXT_LIMIT
        )
        more = clean_text(
            self.more_equitable.value,
            what=N_("what would make it more equitable"),
            limit=FEEDBACK_TEXT_LIMIT,
        )
        if not ratings and not helped and not more:
            raise InvalidInput(_("Please rate at least one statement before sending."))
        return FeedbackContent(ratings=ratings, helped=helped, more_equitable=more)

    def refresh(self, roster: Roster, new: list[Recorded]) -> None:
        """Nothing on this form depends on what others do."""
