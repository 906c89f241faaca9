"""The leader's sections of the reflection summary, drawn from the evidence pack.

Context is the pack's Part 1 (needs assessment, plan of action), the reflection is
its Part 4, and the rubric section shows each scoring-guide row with the leader's
self-rating, that level's criteria and the evidence they linked. Every word the
leader wrote is escaped; going over a word limit is stated, never hidden by cutting.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitate.core.report import section
from facilitate.core.text import escape
from facilitate.evidence.content import Guide, PartGuide, Rubric, word_count
from facilitate.evidence.render import (
    answer_html,
    count_html,
    preamble_html,
    quote_html,
)
from facilitate.evidence.session_evidence import (
    summary_anchor,
    summary_sections,
    titles,
)
from facilitate.evidence.state import EvidenceState

#: Parts the summary itself prints, and the section that holds each.
IN_SUMMARY = {"needs_assessment": "context", "plan_of_action": "context"}
IN_SUMMARY_REFLECTION = "reflection"


def _written(part: PartGuide, state: EvidenceState) -> str:
    text = state.texts.get(part.key, "")
    return (
        f"<h3>{escape(part.label)}</h3>"
        + count_html(word_count(text, part.limit))
        + answer_html(text)
    )


def context_html(guide: Guide, state: EvidenceState) -> str:
    """Part 1 of the pack: needs assessment and plan of action, with word counts."""
    body = "".join(_written(p, state) for p in guide.parts if p.key in IN_SUMMARY)
    return section("context", "Context and goals", body)


def reflection_html(guide: Guide, state: EvidenceState) -> str:
    """Part 4 of the pack, with its word count against the limit."""
    body = "".join(
        _written(p, state) for p in guide.parts if p.key == IN_SUMMARY_REFLECTION
    )
    return section("reflection", "Leader's reflection", body)


def rubric_html(
    guide: Guide, rubric: Rubric, state: EvidenceState, present: Iterable[str]
) -> str:
    """Each row: self-rating, that level's criteria, and the evidence linked."""
    sections = set(present) | {"cover", "context", "reflection"}
    body = preamble_html(rubric)
    for criterion in rubric.criteria:
        level = state.ratings.get(criterion.key, "")
        label = rubric.level_label(level) or "Not checked yet"
        descriptor = criterion.descriptors.get(level, "")
        linked = "".join(
            _evidence_line(guide, key, sections)
            for key in state.links.get(criterion.key, ())
        )
        body += (
            f"<h3>{escape(criterion.label)}: {escape(label)}</h3>"
            f"<p><em>{escape(criterion.question)}</em></p>"
            + (quote_html(descriptor) if descriptor else "")
            + "<p>Evidence the leader links to this row:</p>"
            + (
                f"<ul>{linked}</ul>"
                if linked
                else '<p class="fc-missing">None yet.</p>'
            )
        )
    return section("rubric", "Rubric: Facilitate and Lead", body)


def _evidence_line(guide: Guide, key: str, sections: set[str]) -> str:
    """A linked piece of evidence: an anchor if this summary holds it."""
    items = titles()
    if key in items:
        label, where = items[key], summary_sections()[key]
    elif any(p.key == key and not p.private for p in guide.parts):
        label = guide.part(key).label
        where = IN_SUMMARY_REFLECTION if key == IN_SUMMARY_REFLECTION else ""
        where = IN_SUMMARY.get(key, where)
    else:
        return ""
    if where and where in sections:
        return (
            f'<li><a href="#{escape(summary_anchor(where))}">{escape(label)}</a></li>'
        )
    return f"<li>{escape(label)} (in the evidence pack)</li>"
