"""One person's own answers, their private profile and downloadable reflection.

The profile is deliberately not a score. A percentage ("Always = 100%") brings
back the grading the session questions and invites the socially desirable
answer, and ordering parts from strongest to weakest ranks a person against
themselves. So each part says, in words, where the person's answers gather
("Often" for most of the statements about ...) in the content's order, and
offers something to notice and something to try next.

Pure Python (no pandas): it runs in the participant's kernel and only ever sees
that person's events. Latest event wins for every answer, so a changed answer is a
new event and nothing is overwritten.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from facilitate.activities.self_assessment.content import (
    PREFER_NOT,
    SelfAssessment,
    Variant,
)
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.core.events import ParticipantJoined, Recorded
from facilitate.core.language import N_, ngettext
from facilitate.core.language import gettext as _

#: Event kinds this activity reads back for one person (to resume and to profile).
MY_KINDS = (
    ParticipantJoined.kind,
    SelfAssessmentAnswered.kind,
    SelfAssessmentSubmitted.kind,
    IdentityReflected.kind,
    ZoneChecked.kind,
    PrivateReflectionSaved.kind,
)


@dataclass
class MyAnswers:
    """What one person has said so far, latest answer per question."""

    answers: dict[str, str] = field(default_factory=dict)
    identities: dict[str, list[str]] = field(default_factory=dict)
    zones: dict[str, str] = field(default_factory=dict)
    reflections: dict[str, str] = field(default_factory=dict)
    submitted: bool = False
    role: str = ""
    last_item: str = ""

    def apply(self, records: Iterable[Recorded], participant: str) -> MyAnswers:
        """Fold in ``participant``'s events (others' are ignored); returns self."""
        for record in records:
            event = record.event
            if getattr(event, "participant", None) != participant:
                continue
            if isinstance(event, SelfAssessmentAnswered):
                self.answers[event.item] = event.answer
                self.last_item = event.item
            elif isinstance(event, ParticipantJoined):
                self.role = event.role
            elif isinstance(event, IdentityReflected):
                self.identities[event.question] = list(event.identities)
            elif isinstance(event, ZoneChecked):
                self.zones[event.moment] = event.zone
            elif isinstance(event, PrivateReflectionSaved):
                self.reflections[event.prompt] = event.text
            elif isinstance(event, SelfAssessmentSubmitted):
                self.submitted = True
        return self


def current_variant(mine: MyAnswers, content: SelfAssessment) -> Variant:
    """The variant of the person's latest answer, else their role's, else the default.

    Answers win over the role so that what a person sees always matches what
    the room counts them under (the variant of their latest answer).
    """
    answered = content.variant_of_item(mine.last_item)
    if answered is not None:
        return content.variant(answered)
    return content.variant_for_role(mine.role) or content.variant(
        content.default_variant
    )


def first_open_domain(answers: dict[str, str], variant: Variant) -> int | None:
    """Index of the first domain with an unanswered statement, or None if done."""
    for index, domain in enumerate(variant.domains):
        if any(item.key not in answers for item in domain.items):
            return index
    return None


# --- where answers gather, in words -------------------------------------------------


@dataclass(frozen=True)
class PartReflection:
    """One part of the private profile: where answers gather and what to try."""

    domain: str
    title: str
    gather: str
    notice: str
    try_next: str


def where_answers_gather(
    given: Sequence[str], about: str, content: SelfAssessment
) -> str:
    """A sentence on where a person's answers to one part gather, never a number."""
    scaled = [a for a in given if content.score_of(a) is not None]
    withheld = sum(answer == PREFER_NOT for answer in given)
    if not scaled:
        if withheld:
            return _(
                "You preferred not to say for the statements about {about}."
            ).format(about=about)
        return _("You have not answered the statements about {about} yet.").format(
            about=about
        )
    common, times = Counter(scaled).most_common(1)[0]
    label = content.answer_label(common)
    if times == len(scaled):
        sentence = (
            _(
                "You answered “{label}” for all of the statements about {about} that "
                "you answered."
            )
            if withheld
            else _("You answered “{label}” for all of the statements about {about}.")
        ).format(label=label, about=about)
    elif times * 2 > len(scaled):
        sentence = _(
            "You answered “{label}” for most of the statements about {about}."
        ).format(label=label, about=about)
    else:
        order = [point.key for point in content.scale]
        low, high = min(scaled, key=order.index), max(scaled, key=order.index)
        sentence = _(
            "Your answers about {about} range from “{low}” to “{high}”."
        ).format(
            about=about,
            low=content.answer_label(low),
            high=content.answer_label(high),
        )
    if withheld:
        sentence += " " + ngettext(
            "You preferred not to say for one of them.",
            "You preferred not to say for some of them.",
            withheld,
        )
    return sentence


def part_reflections(
    answers: dict[str, str], variant: Variant, content: SelfAssessment
) -> list[PartReflection]:
    """Every part of ``variant`` in the content's order (never sorted by answers)."""
    return [
        PartReflection(
            domain=domain.key,
            title=domain.title,
            gather=where_answers_gather(
                [answers[i.key] for i in domain.items if i.key in answers],
                domain.about,
                content,
            ),
            notice=domain.notice,
            try_next=domain.try_next,
        )
        for domain in variant.domains
    ]


# --- the file a person takes away ---------------------------------------------------


def reflection_text(mine: MyAnswers, content: SelfAssessment, session: str) -> str:
    """The plain-text file a person downloads: their answers and their words."""
    variant = current_variant(mine, content)
    heading = _("{title} — my private reflection ({session})")
    lines = [heading.format(title=content.title, session=session), ""]
    if content.profile_introduction:
        lines += [content.profile_introduction, ""]
    parts = part_reflections(mine.answers, variant, content)
    for part, domain in zip(parts, variant.domains, strict=True):
        lines += [f"## {part.title}", "", part.gather, ""]
        for item in domain.items:
            answer = content.answer_label(mine.answers.get(item.key, "")) or "—"
            lines.append(f"- {item.text} {answer}")
        lines += [
            "",
            f"{_('To notice:')} {part.notice}",
            f"{_('To try next:')} {part.try_next}",
            "",
        ]
    labels = {c.key: c.label for c in content.identities}
    for question in content.identity_questions:
        chosen = [labels.get(k, k) for k in mine.identities.get(question.key, [])]
        lines.append(f"{question.prompt} {', '.join(chosen) or '—'}")
    zones = {z.key: z.label for z in content.zones}
    said = {
        "start": N_("Zone at the start: {zone}"),
        "end": N_("Zone at the end: {zone}"),
    }
    for moment in ("start", "end"):
        if moment in mine.zones:
            where = zones.get(mine.zones[moment], mine.zones[moment])
            lines.append(_(said[moment]).format(zone=where))
    lines.append("")
    for prompt in content.reflections:
        lines += [prompt.prompt, mine.reflections.get(prompt.key, "") or "—", ""]
    if content.profile_closing:
        lines += [content.profile_closing, ""]
    return "\n".join(lines).rstrip() + "\n"
