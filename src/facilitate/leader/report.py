"""The leader's sections of the reflection summary: context, reflection, rubric.

Every word the leader wrote is escaped; going over the word limit is stated
plainly, never hidden by cutting text.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitate.core.report import paragraphs, section
from facilitate.core.text import escape
from facilitate.leader.content import NOTE_SECTIONS, Rubric, WordReport


def context_html(notes: dict[str, str]) -> str:
    """The leader's context and goals, or a line saying they are still missing."""
    body = ""
    for note in NOTE_SECTIONS[:2]:
        text = notes.get(note.key, "").strip()
        written = (
            paragraphs(text)
            if text
            else (
                f'<p class="fc-missing">No {escape(note.title.lower())} recorded.</p>'
            )
        )
        body += f"<h3>{escape(note.title)}</h3>{written}"
    return section("context", "Context and goals", body)


def reflection_html(notes: dict[str, str], report: WordReport) -> str:
    """The reflection with word counts; going over the limit is stated plainly."""
    tone = "fc-over-limit" if report.over_by else "fc-word-total"
    body = f'<p class="{tone}">{escape(report.sentence())}</p>'
    for note in NOTE_SECTIONS[2:]:
        text = notes.get(note.key, "").strip()
        count = report.per_section[note.key]
        written = (
            paragraphs(text) if text else '<p class="fc-missing">Not written yet.</p>'
        )
        body += (
            f"<h3>{escape(note.title)} "
            f'<span class="fc-words">({count} words)</span></h3>{written}'
        )
    return section("reflection", "Leader's reflection", body)


def rubric_html(rubric: Rubric, levels: dict[str, str], present: Iterable[str]) -> str:
    """Each criterion: the leader's self-check and where the evidence is."""
    sections = set(present)
    body = ""
    for criterion in rubric.criteria:
        level = levels.get(criterion.key, "")
        label = rubric.level_label(level) or "Not checked yet"
        descriptor = criterion.descriptors.get(level, "")
        evidence = "".join(
            f'<li><a href="#part-{escape(e.section)}">{escape(e.why)}</a></li>'
            if e.section in sections
            else f'<li class="fc-missing">{escape(e.why)} (not in this session)</li>'
            for e in criterion.evidence
        )
        body += (
            f"<h3>{escape(criterion.label)}: {escape(label)}</h3>"
            f"<p><em>{escape(criterion.question)}</em></p>"
            + (f"<p>{escape(descriptor)}</p>" if descriptor else "")
            + f"<p>Evidence in this summary:</p><ul>{evidence}</ul>"
        )
    return section("rubric", "Rubric: Facilitate and Lead", body)
