"""The participant's self-assessment: one part at a time, then a private profile.

The role chosen at join picks the statements (``current_variant``): educators,
support staff, families and community members, and students each meet a complete
inventory written for them. People whose role no variant lists ("Prefer not to
say", "Other") start with the default and may choose another on the first step.

Every answer is appended as it is chosen, so a reload resumes at the first part
with an open statement. After submitting, the person sees where their answers
gather in each part, in words, with prompts (``private_profile``), and a link
that hands them their answers and words as a text file. Their private
reflections never reach the server: the browser keeps them (``private_notes``)
and fills them into that file itself. No pandas or plotly: this module is
imported in participant kernels.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from facilitate.activities.self_assessment.content import (
    Domain,
    Variant,
    load_self_assessment,
)
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
)
from facilitate.activities.self_assessment.private_notes import (
    offer_download,
    reflection_notes,
)
from facilitate.activities.self_assessment.private_profile import profile_html
from facilitate.activities.self_assessment.profile import (
    MY_KINDS,
    MyAnswers,
    current_variant,
    first_open_domain,
)
from facilitate.activities.self_assessment.zone import ZoneCheck
from facilitate.core.events import Recorded
from facilitate.core.language import N_, ngettext
from facilitate.core.language import gettext as _
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.private_notes import notes_promise
from facilitate.ui.widgets import (
    CheckboxGroup,
    button,
    heading,
    message,
    say,
    styled,
)

_WIDE = widgets.Layout(width="100%", max_width="36em")
TICK_ANY = N_(
    "Tick any that fit. The room sees only how many people chose an identity, "
    "and only when enough did."
)


class SelfAssessmentActivity:
    """Named widgets per step; ``step`` counts intro, domains, identities, notes."""

    def __init__(self, context: ParticipantContext) -> None:
        self.step: int = 0
        self.context = context
        self.content = load_self_assessment()
        self.code = context.session.code
        records = context.store.read(self.code, kinds=list(MY_KINDS))
        self.mine = MyAnswers().apply(records, context.participant)
        self.zone = ZoneCheck(context, "start", self.content, self.mine)
        self.variant: Variant = current_variant(self.mine, self.content)
        #: Answer buttons and identity boxes are built when their step is first
        #: shown: a hundred phones opening this phase at once send the room's
        #: server a few dozen widgets each, not three hundred.
        self.items: dict[str, widgets.RadioButtons] = {}
        self.identities: dict[str, CheckboxGroup] = {}
        self.chooser = self._variant_chooser()
        self.variant_note = message("fc-sa-variant")
        self.notes = reflection_notes(context, self.content, self.mine)
        self.progress_label = message("fc-sa-progress-label")
        self.progress = styled(
            widgets.IntProgress(min=0, max=self.step_count, layout=_WIDE),
            "fc-sa-progress",
        )
        self.body = styled(widgets.VBox(), "fc-sa-body")
        self.back = button("◀ Back", "fc-sa-back", style="")
        self.next = button("Next ▶", "fc-sa-next")
        self.submit = button("Submit my answers", "fc-sa-submit", style="success")
        self.status = message("fc-sa-status")
        self.profile = message("fc-sa-profile")
        self.edit = button("Change my answers", "fc-sa-edit", style="")
        self.back.on_click(lambda _: self.go(self.step - 1))
        self.next.on_click(lambda _: self.go_next())
        self.submit.on_click(lambda _: self.finish())
        self.edit.on_click(lambda _: self.go(1))
        self.root = styled(widgets.VBox(), "fc-self-assessment")
        self.resume()

    # --- building -----------------------------------------------------------------

    @property
    def step_count(self) -> int:
        return len(self.variant.domains) + 3

    def _item(self, key: str) -> widgets.RadioButtons:
        """A statement's answer buttons, built the first time they are shown."""
        if key not in self.items:
            self.items[key] = self._item_radio(key)
        return self.items[key]

    def _variant_chooser(self) -> widgets.RadioButtons | None:
        """For roles no variant lists: which statements fit best (else None)."""
        if self.content.variant_for_role(self.mine.role) is not None:
            return None
        chooser = styled(
            widgets.RadioButtons(
                options=[(v.label, v.key) for v in self.content.variants],
                value=self.variant.key,
                layout=widgets.Layout(width="auto"),
            ),
            "fc-sa-variant-choice",
        )
        chooser.observe(lambda change: self.choose_variant(change["new"]), "value")
        return chooser

    def choose_variant(self, key: Any) -> None:
        """Switch statements; the answers given later say which ones were used."""
        if key not in {v.key for v in self.content.variants}:
            say(self.status, "Please choose one of the sets listed.", "error")
            return
        self.variant = self.content.variant(str(key))
        if self.step == 0:
            self.go(0)

    def _item_radio(self, item: str) -> widgets.RadioButtons:
        radio = styled(
            widgets.RadioButtons(
                options=[
                    (self.content.answer_label(k), k) for k in self.content.answer_keys
                ],
                value=self.mine.answers.get(item),
                layout=widgets.Layout(width="auto"),
            ),
            "fc-sa-item",
            f"fc-sa-item-{item}",
        )
        radio.observe(lambda change: self.record_answer(item, change["new"]), "value")
        return radio

    def _identity_select(self, question: str) -> CheckboxGroup:
        group = CheckboxGroup(
            [(c.label, c.key) for c in self.content.identities],
            tuple(self.mine.identities.get(question, [])),
        )
        return styled(
            group,
            "fc-sa-identity",
            f"fc-sa-identity-{question}",
        )

    # --- moving between steps -----------------------------------------------------

    def resume(self) -> None:
        """Open where this person left off: profile, first open part, or the start."""
        if self.mine.submitted:
            self.show_profile()
            return
        open_domain = first_open_domain(self.mine.answers, self.variant)
        if not self.mine.answers:
            self.go(0)
        elif open_domain is None:
            self.go(len(self.variant.domains) + 1)
        else:
            self.go(open_domain + 1)

    def go(self, step: int) -> None:
        self.step = max(0, min(step, self.step_count - 1))
        domains = self.variant.domains
        if self.step == 0:
            title, parts = _("Before we start"), self._intro_parts()
        elif self.step <= len(domains):
            domain = domains[self.step - 1]
            title, parts = domain.title, self._domain_parts(domain)
        elif self.step == len(domains) + 1:
            title, parts = _("My identities"), self._identity_parts()
        else:
            title, parts = _("My private reflection"), self._reflection_parts()
        number = self.step + 1
        say(
            self.progress_label,
            _("Part {number} of {count}: {title}").format(
                number=number, count=self.step_count, title=title
            ),
        )
        self.progress.value = number
        last = self.step == self.step_count - 1
        buttons = [self.back] if self.step else []
        buttons.append(self.submit if last else self.next)
        self.body.children = [heading(title, "fc-sa-step-title", level=3), *parts]
        say(self.status, "")
        self.root.children = [
            self.progress_label, self.progress, self.body,
            widgets.HBox(buttons), self.status,
        ]  # fmt: skip

    def _intro_parts(self) -> list[widgets.Widget]:
        content, variant = self.content, self.variant
        size = _(
            "{statements} statements in {parts} parts, then "
            "a few questions about identity and a private note."
        ).format(statements=len(variant.items), parts=len(variant.domains))
        intro = widgets.HTML(
            f"<p>{escape(content.introduction)}</p><p>{escape(size)}</p>"
            f'<p class="fc-sa-guidance"><b>{escape(content.guidance)}</b></p>'
        )
        say(self.variant_note, variant.introduction)
        parts: list[widgets.Widget] = [intro, self.variant_note]
        if self.chooser is not None:
            prompt = widgets.HTML(f"<p><b>{escape(content.variant_prompt)}</b></p>")
            parts += [prompt, self.chooser]
        return [*parts, self.zone.root]

    def _domain_parts(self, domain: Domain) -> list[widgets.Widget]:
        parts: list[widgets.Widget] = []
        for number, item in enumerate(domain.items, start=1):
            text = widgets.HTML(
                f'<p class="fc-sa-statement"><b>{number}.</b> {escape(item.text)}<br>'
                f'<small style="color:#555">{escape(item.source)}</small></p>'
            )
            parts += [text, self._item(item.key)]
        return parts

    def _identity_parts(self) -> list[widgets.Widget]:
        note = widgets.HTML(
            f"<p>{escape(_(TICK_ANY))}</p>"
            f'<p><small style="color:#555">{escape(self.content.identity_source)}'
            "</small></p>"
        )
        parts: list[widgets.Widget] = [note]
        for question in self.content.identity_questions:
            if question.key not in self.identities:
                self.identities[question.key] = self._identity_select(question.key)
            prompt = widgets.HTML(f"<p><b>{escape(question.prompt)}</b></p>")
            parts += [prompt, self.identities[question.key]]
        return parts

    def _reflection_parts(self) -> list[widgets.Widget]:
        return [notes_promise(), self.notes]

    def go_next(self) -> None:
        """Move on once every statement in this part has an answer."""
        domains = self.variant.domains
        if 1 <= self.step <= len(domains):
            missing = [
                i
                for i in domains[self.step - 1].items
                if i.key not in self.mine.answers
            ]
            if missing:
                still_open = ngettext(
                    "1 statement is still open. Choose an answer, or “Prefer not "
                    "to say”.",
                    "{count} statements are still open. Choose an answer, or "
                    "“Prefer not to say”.",
                    len(missing),
                ).format(count=len(missing))
                say(self.status, still_open, "error")
                return
        if self.step == len(domains) + 1 and not self.save_identities():
            return
        self.go(self.step + 1)

    # --- recording ----------------------------------------------------------------

    def record_answer(self, item: str, answer: Any) -> None:
        if answer not in self.content.answer_keys:
            say(self.status, "Please choose one of the answers listed.", "error")
            return
        event = SelfAssessmentAnswered(self.context.participant, item, str(answer))
        if self.context.record(event, self.status) is not None:
            self.mine.answers[item] = str(answer)
            self.mine.last_item = item

    def save_identities(self) -> bool:
        """Record identity boxes that changed (boxes never shown have not)."""
        known = {c.key for c in self.content.identities}
        for question, select in self.identities.items():
            chosen = [str(key) for key in select.value]
            if not set(chosen) <= known:
                say(self.status, "Please choose identities from the list.", "error")
                return False
            if chosen != self.mine.identities.get(question, []):
                event = IdentityReflected(self.context.participant, question, chosen)
                if self.context.record(event, self.status) is None:
                    return False
                self.mine.identities[question] = chosen
        return True

    def finish(self) -> None:
        """Submit: every statement answered, identities saved, then the profile."""
        open_domain = first_open_domain(self.mine.answers, self.variant)
        if open_domain is not None:
            self.go(open_domain + 1)
            say(self.status, "Some statements are still open in this part.", "error")
            return
        if not self.save_identities():
            return
        submitted = SelfAssessmentSubmitted(self.context.participant)
        if self.context.record(submitted, self.status) is None:
            return
        self.mine.submitted = True
        self.step = 0
        self.show_profile()

    # --- the private profile ------------------------------------------------------

    def show_profile(self) -> None:
        self.profile.value = profile_html(self.mine, self.content)
        offer_download(self.notes, self.mine, self.content, self.context.session.title)
        self.root.children = [
            heading("My private profile", "fc-sa-profile-title", level=3),
            self.profile,
            notes_promise(),
            self.notes,
            self.edit,
        ]

    def refresh(self, roster: Roster, new: list[Recorded]) -> None:
        """Nothing here depends on other people's events."""
