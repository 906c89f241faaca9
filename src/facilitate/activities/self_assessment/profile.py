"""One person's own answers, profile and downloadable reflection.

Pure Python (no pandas): it runs in the participant's kernel and only ever sees
that person's events. Latest event wins for every answer, so a changed answer is a
new event and nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitate.activities.self_assessment.content import PREFER_NOT, SelfAssessment
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.core.events import Recorded

#: Event kinds this activity reads back for one person (to resume and to profile).
MY_KINDS = (
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

    def apply(self, records: Iterable[Recorded], participant: str) -> MyAnswers:
        """Fold in ``participant``'s events (others' are ignored); returns self."""
        for record in records:
            event = record.event
            if getattr(event, "participant", None) != participant:
                continue
            if isinstance(event, SelfAssessmentAnswered):
                self.answers[event.item] = event.answer
            elif isinstance(event, IdentityReflected):
                self.identities[event.question] = list(event.identities)
            elif isinstance(event, ZoneChecked):
                self.zones[event.moment] = event.zone
            elif isinstance(event, PrivateReflectionSaved):
                self.reflections[event.prompt] = event.text
            elif isinstance(event, SelfAssessmentSubmitted):
                self.submitted = True
        return self


@dataclass(frozen=True)
class DomainScore:
    """A person's domain result: ``share`` of the top score, None if all skipped."""

    domain: str
    title: str
    prompt: str
    answered: int
    prefer_not: int
    share: float | None


def domain_scores(
    answers: dict[str, str], content: SelfAssessment
) -> list[DomainScore]:
    """Mean score per domain as a share of the top of the scale (0.0 to 1.0)."""
    scores = []
    for domain in content.domains:
        given = [answers.get(item.key) for item in domain.items]
        points = [s for a in given if a and (s := content.score_of(a)) is not None]
        share = sum(points) / (len(points) * content.max_score) if points else None
        scores.append(
            DomainScore(
                domain=domain.key,
                title=domain.title,
                prompt=domain.prompt,
                answered=len(points),
                prefer_not=given.count(PREFER_NOT),
                share=share,
            )
        )
    return scores


def first_open_domain(answers: dict[str, str], content: SelfAssessment) -> int | None:
    """Index of the first domain with an unanswered statement, or None if done."""
    for index, domain in enumerate(content.domains):
        if any(item.key not in answers for item in domain.items):
            return index
    return None


def reflection_text(mine: MyAnswers, content: SelfAssessment, session: str) -> str:
    """The plain-text file a person downloads: their answers and their words."""
    lines = [f"{content.title} — my private reflection ({session})", ""]
    for score in domain_scores(mine.answers, content):
        shown = "—" if score.share is None else f"{round(score.share * 100)}%"
        lines += [f"## {score.title}: {shown}", ""]
        domain = next(d for d in content.domains if d.key == score.domain)
        for item in domain.items:
            answer = content.answer_label(mine.answers.get(item.key, "")) or "—"
            lines.append(f"- {item.text} {answer}")
        lines += ["", f"To reflect on: {score.prompt}", ""]
    labels = {c.key: c.label for c in content.identities}
    for question in content.identity_questions:
        chosen = [labels.get(k, k) for k in mine.identities.get(question.key, [])]
        lines.append(f"{question.prompt} {', '.join(chosen) or '—'}")
    zones = {z.key: z.label for z in content.zones}
    for moment in ("start", "end"):
        if moment in mine.zones:
            where = zones.get(mine.zones[moment], mine.zones[moment])
            lines.append(f"Zone at the {moment}: {where}")
    lines.append("")
    for prompt in content.reflections:
        lines += [prompt.prompt, mine.reflections.get(prompt.key, "") or "—", ""]
    return "\n".join(lines).rstrip() + "\n"
