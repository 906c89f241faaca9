"""What a participant does in the alignment phase: one practice at a time.

A phone shows one card: the practice, three rows of numbered buttons and
Save / Skip / Previous. Every answer is an event the moment it is saved, so a
reload (a new kernel) rebuilds the position from the log and resumes at the
first practice not yet answered. Lean on purpose: no pandas, no plotly.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from facilitate.activities.alignment.content import (
    LEVEL_ENDS,
    LEVEL_POINTS,
    SPECTRUM_ENDS,
    SPECTRUM_POINTS,
    Practice,
    load_alignment,
    session_practices,
)
from facilitate.activities.alignment.events import (
    PracticeAdded,
    PracticeRated,
    VisionOffered,
)
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.language import N_
from facilitate.core.language import gettext as _
from facilitate.core.roster import Roster
from facilitate.core.text import clean_text, escape
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.widgets import button, message, say, styled, typed_on_leave

VISION_LIMIT = 200
_KINDS = [PracticeAdded.kind, PracticeRated.kind, VisionOffered.kind]


def _scale(points: int, ends: tuple[str, str], css_class: str) -> Any:
    return styled(
        widgets.ToggleButtons(
            options=[(str(n), n) for n in range(1, points + 1)],
            value=None,
            tooltips=[_(ends[0]), *[""] * (points - 2), _(ends[1])],
            layout=widgets.Layout(width="100%"),
        ),
        "fc-scale",
        css_class,
    )


def _question(text: str, ends: tuple[str, str], points: int) -> widgets.HTML:
    return widgets.HTML(
        f"<p><b>{escape(text)}</b><br><small>1 = {escape(_(ends[0]))} · "
        f"{points} = {escape(_(ends[1]))}</small></p>"
    )


class AlignmentActivity:
    """The practice cards, the vision words, and a thank-you that allows changes."""

    def __init__(self, context: ParticipantContext) -> None:
        self.context = context
        self.store = context.store
        self.code = context.session.code
        self.participant = context.participant
        self.content = load_alignment()
        records = self.store.read(self.code, kinds=_KINDS)
        self.practices: list[Practice] = session_practices(
            self.content.practices, records
        )
        self.answers: dict[str, PracticeRated] = {}
        self.vision_given = False
        self._fold_own(records)
        self.index = 0
        self._build()
        self.resume()

    def _build(self) -> None:
        content = self.content
        self.progress = message("fc-align-progress")
        self.practice_title = message("fc-align-practice")
        self.description = message("fc-align-description")
        self.spectrum = _scale(SPECTRUM_POINTS, SPECTRUM_ENDS, "fc-align-spectrum")
        self.now = _scale(LEVEL_POINTS, LEVEL_ENDS, "fc-align-now")
        self.vision = _scale(LEVEL_POINTS, LEVEL_ENDS, "fc-align-vision")
        self.save = button("Save and next", "fc-align-save")
        self.skip = button("Skip this one", "fc-align-skip", style="")
        self.back = button("◀ Previous", "fc-align-back", style="")
        self.status = message("fc-align-status")
        self.card = styled(
            widgets.VBox(
                [
                    self.practice_title,
                    self.description,
                    _question(
                        content.spectrum_question, SPECTRUM_ENDS, SPECTRUM_POINTS
                    ),
                    self.spectrum,
                    _question(content.now_question, LEVEL_ENDS, LEVEL_POINTS),
                    self.now,
                    _question(content.vision_question, LEVEL_ENDS, LEVEL_POINTS),
                    self.vision,
                    widgets.HBox([self.back, self.skip, self.save]),
                ]
            ),
            "fc-align-card",
        )
        self.vision_text = styled(
            typed_on_leave(
                widgets.Textarea(
                    placeholder=_("For example: curious, known, brave together"),
                    layout=widgets.Layout(width="100%", max_width="32em"),
                )
            ),
            "fc-vision-text",
        )
        self.vision_submit = button("Share", "fc-vision-submit")
        self.vision_skip = button("Skip", "fc-vision-skip", style="")
        self.done = message("fc-align-done")
        self.review = button("Change my answers", "fc-align-review", style="")
        self.root = styled(widgets.VBox(), "fc-alignment")
        self.save.on_click(lambda _: self.save_answer())
        self.skip.on_click(lambda _: self.skip_practice())
        self.back.on_click(lambda _: self.show_practice(self.index - 1))
        self.vision_submit.on_click(lambda _: self.offer_vision())
        self.vision_skip.on_click(lambda _: self.show_done())
        self.review.on_click(lambda _: self.show_practice(0))

    def _fold_own(self, records: list[Recorded]) -> None:
        """Keep this person's latest answer per practice (a reload starts here)."""
        for record in records:
            event = record.event
            if getattr(event, "participant", None) != self.participant:
                continue
            if isinstance(event, PracticeRated):
                self.answers[event.practice] = event
            elif isinstance(event, VisionOffered):
                self.vision_given = True

    def resume(self) -> None:
        """Open at the first practice without an answer, else at the end steps."""
        for index, practice in enumerate(self.practices):
            if practice.key not in self.answers:
                self.show_practice(index)
                return
        self.show_vision_step()

    def show_practice(self, index: int) -> None:
        self.index = max(0, min(index, len(self.practices) - 1))
        practice = self.practices[self.index]
        self.practice_title.value = f"<h3>{escape(practice.label)}</h3>"
        self.description.value = (
            f"<p>{escape(practice.description)}</p>" if practice.description else ""
        )
        earlier = self.answers.get(practice.key)
        self.spectrum.value = earlier.spectrum if earlier else None
        self.now.value = earlier.now if earlier else None
        self.vision.value = earlier.vision if earlier else None
        self.back.disabled = self.index == 0
        say(self.status, "")
        self.show_progress()
        self.root.children = [self.progress, self.card, self.status]

    def show_progress(self) -> None:
        answered = sum(not a.skipped for a in self.answers.values())
        skipped = len(self.answers) - answered
        words = _(
            "Practice {number} of {count} · {answered} answered · {skipped} skipped"
        ).format(
            number=self.index + 1,
            count=len(self.practices),
            answered=answered,
            skipped=skipped,
        )
        self.progress.value = f"<p>{escape(words)}</p>"

    def save_answer(self) -> None:
        """Record the three answers (checked here: a browser can send anything)."""
        self.keep(self.context.record(self.rating, self.status))

    def rating(self) -> PracticeRated:
        return PracticeRated(
            self.participant,
            self.practices[self.index].key,
            spectrum=_checked(self.spectrum.value, SPECTRUM_POINTS),
            now=_checked(self.now.value, LEVEL_POINTS),
            vision=_checked(self.vision.value, LEVEL_POINTS),
        )

    def skip_practice(self) -> None:
        practice = self.practices[self.index].key
        skip = PracticeRated(self.participant, practice, skipped=True)
        self.keep(self.context.record(skip, self.status))

    def keep(self, recorded: list[Recorded] | None) -> None:
        """Remember a saved rating and move on; on failure stay, answers intact."""
        if recorded is None:
            return
        event = recorded[0].event
        assert isinstance(event, PracticeRated)
        self.answers[event.practice] = event
        self.advance()

    def advance(self) -> None:
        if self.index + 1 < len(self.practices):
            self.show_practice(self.index + 1)
        else:
            self.show_vision_step()

    def show_vision_step(self) -> None:
        if self.vision_given:
            self.show_done()
            return
        say(self.status, "")
        prompt = widgets.HTML(f"<h3>{escape(self.content.vision_prompt)}</h3>")
        self.root.children = [
            prompt,
            self.vision_text,
            widgets.HBox([self.vision_skip, self.vision_submit]),
            self.status,
        ]

    def offer_vision(self) -> None:
        if self.context.record(self.vision_offered, self.status) is None:
            return
        self.vision_given = True
        self.show_done()

    def vision_offered(self) -> VisionOffered:
        text = clean_text(
            self.vision_text.value,
            what=N_("a few words"),
            limit=VISION_LIMIT,
            required=True,
        )
        return VisionOffered(self.participant, text)

    def show_done(self) -> None:
        answered = sum(not a.skipped for a in self.answers.values())
        skipped = len(self.answers) - answered
        words = _(
            "Thank you. You placed {answered} practices and skipped {skipped}. "
            "Watch the screen: the room's picture appears when the facilitator "
            "reveals it."
        ).format(answered=answered, skipped=skipped)
        self.done.value = f"<p>{escape(words)}</p>"
        self.root.children = [self.done, self.review]

    def refresh(self, roster: Roster, new: list[Recorded]) -> None:
        """Practices the facilitator adds join the end of the list."""
        before = len(self.practices)
        self.practices = session_practices(self.practices, new)
        if len(self.practices) != before and self.card in self.root.children:
            self.show_progress()


def _checked(value: object, points: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(
            _("Please answer all three questions, or skip this practice.")
        )
    if not 1 <= value <= points:
        raise InvalidInput(
            _("Answers go from 1 to {points}; {value} is not one of them.").format(
                points=points, value=value
            )
        )
    return value
