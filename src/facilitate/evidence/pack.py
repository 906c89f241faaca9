"""The evidence pack: one self-contained HTML document in the credential's order.

Checklist first, then the earning rule and the method, then Part 1, Part 2 (with
the colleague's words under their own heading), the Part 3 scoring guide with the
leader's self-ratings and linked evidence, and Part 4. Each part carries its
prompts, passing criterion, text, word count against its limit (over the limit is
a flag, and nothing is ever cut), its session evidence, what the leader heard
(Part 1) and its attachments. No script, no external file: attached images and
files travel inside it, and it prints to PDF as it reads on screen, listing each
attachment.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from facilitate.core.events import Recorded
from facilitate.core.evidence import EvidenceItem
from facilitate.core.sessions import SessionInfo
from facilitate.core.text import escape
from facilitate.evidence.attached import attachments_html
from facilitate.evidence.attachments import read_file
from facilitate.evidence.checklist import CheckItem, checklist, stamp
from facilitate.evidence.content import (
    Guide,
    PartGuide,
    Rubric,
    emphasis,
    load_guide,
    load_rubric,
    word_count,
)
from facilitate.evidence.heard import heard_html
from facilitate.evidence.render import (
    STYLES,
    answer_html,
    checklist_html,
    count_html,
    earning_rule_html,
    feedback_html,
    item_html,
    levels_html,
    passes_html,
    preamble_html,
    prompts_html,
)
from facilitate.evidence.session_evidence import session_evidence, titles
from facilitate.evidence.state import EvidenceState, evidence_state

PRINT_STYLES = """
@page { size: A4; margin: 16mm 15mm; }
body { font: 11pt/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
       color: #1b1b1b; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2em; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #3a3a34; margin-top: 1.6em;
     break-after: avoid; }
h3 { font-size: 1.1rem; margin-top: 1.2em; break-after: avoid; }
h4 { margin: 0.8em 0 0.2em; break-after: avoid; }
a { color: #1d4f7a; }
"""


@dataclass(frozen=True)
class EvidencePack:
    """Everything the pack prints, read once from the log."""

    session: SessionInfo
    guide: Guide
    rubric: Rubric
    state: EvidenceState
    items: dict[str, EvidenceItem]
    prepared_at: float = field(default_factory=time.time)
    #: Attached files' bytes by attachment id (links and missing files absent).
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def checklist(self) -> list[CheckItem]:
        return checklist(self.guide, self.rubric, self.state, self.items)

    def evidence_options(self) -> list[tuple[str, str]]:
        return evidence_options(self.guide)


def evidence_options(guide: Guide) -> list[tuple[str, str]]:
    """What a scoring-guide row may link: the parts, then the session's figures."""
    parts = [(p.label, p.key) for p in guide.parts if not p.private]
    return parts + [(f"Session: {title}", key) for key, title in titles().items()]


def build_pack(
    records: Sequence[Recorded], session: SessionInfo, data_dir: Path | None = None
) -> EvidencePack:
    """Everything the pack prints; attached files are read from ``data_dir``."""
    state = evidence_state(records)
    files: dict[str, bytes] = {}
    for attachment in state.attachments.values():
        content = read_file(data_dir, session.code, attachment) if data_dir else None
        if content is not None:
            files[attachment.attachment] = content
    return EvidencePack(
        session=session,
        guide=load_guide(),
        rubric=load_rubric(),
        state=state,
        items=session_evidence(records, session),
        files=files,
    )


def file_stem(session: SessionInfo) -> str:
    return f"evidence-{session.code}"


def pack_html(pack: EvidencePack, printing: bool = False) -> str:
    """The whole pack as one HTML document; ``printing`` lists attached files
    rather than carrying them (the PDF cannot hold them)."""
    guide = pack.guide
    held = time.strftime("%d %B %Y", time.localtime(pack.session.created_at))
    body = (
        f"<h1>{escape(guide.title)}</h1>"
        f'<p class="fc-meta">Session: {escape(pack.session.title)} · held '
        f"{escape(held)} · pack prepared {escape(stamp(pack.prepared_at))}</p>"
        f'<section id="checklist">{checklist_html(pack.checklist)}</section>'
        f"<p>{emphasis(guide.introduction)}</p>"
        f'<section id="earning-rule"><h2>What it takes to earn the credential</h2>'
        f"{earning_rule_html(guide)}</section>"
        f'<section id="method"><h2>The method in four steps</h2><ol>'
        + "".join(f"<li>{emphasis(step)}</li>" for step in guide.method)
        + "</ol></section>"
        + "".join(_group(pack, g.key, printing) for g in guide.groups)
        + _unattached(pack)
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(guide.title)}: {escape(pack.session.title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{PRINT_STYLES}{STYLES}</style></head><body>{body}</body></html>"
    )


def _group(pack: EvidencePack, key: str, printing: bool) -> str:
    group = next(g for g in pack.guide.groups if g.key == key)
    parts = pack.guide.parts_in(key)
    inner = (
        _scoring_guide(pack)
        if key == "part3"
        else "".join(_part(pack, p, printing) for p in parts)
    )
    private = ' class="fc-private"' if any(p.private for p in parts) else ""
    return (
        f'<section id="{escape(key)}"{private}><h2>{escape(group.heading)}</h2>'
        f"<p>{emphasis(group.note)}</p>{inner}</section>"
    )


def _part(pack: EvidencePack, part: PartGuide, printing: bool) -> str:
    if part.by_colleague:
        body = _colleague_words(pack, part)
    else:
        text = pack.state.texts.get(part.key, "")
        body = (
            count_html(word_count(text, part.limit))
            + f'<div class="fc-answer">{answer_html(text)}</div>'
        )
    evidence = "".join(
        item_html(pack.items[key], anchor=_anchor(pack, part.key, key))
        for key in part.evidence
        if key in pack.items
    )
    if part.qualitative:
        evidence = heard_html(pack.state.heard) + evidence
    attached = pack.state.attached_to(part.key)
    evidence += attachments_html(part, attached, pack.files, printing)
    return (
        f'<section class="fc-pack-part" id="part-{escape(part.key)}">'
        f"<h3>{escape(part.label)}</h3>"
        f"{prompts_html(part)}{passes_html(part)}{body}{evidence}</section>"
    )


def _colleague_words(pack: EvidencePack, part: PartGuide) -> str:
    received = pack.state.received()
    if not received and pack.state.attached_to(part.key):
        return '<p class="fc-meta">No written feedback: see the attachment below.</p>'
    if not received:
        return '<p class="fc-missing">No colleague feedback has arrived yet.</p>'
    return "".join(feedback_html(f, part.limit or 0) for f in received)


def _scoring_guide(pack: EvidencePack) -> str:
    rubric = pack.rubric
    html = preamble_html(rubric)
    labels = {key: label for label, key in pack.evidence_options()}
    for criterion in rubric.criteria:
        chosen = pack.state.ratings.get(criterion.key, "")
        rated = rubric.level_label(chosen) or "not rated yet"
        linked = [k for k in pack.state.links.get(criterion.key, ()) if k in labels]
        links = "".join(
            f'<li><a href="#{escape(_target(pack, k))}">{escape(labels[k])}</a></li>'
            for k in linked
        )
        html += (
            f'<section id="row-{escape(criterion.key)}">'
            f"<h3>{escape(criterion.label)}: self-rated {escape(rated)}</h3>"
            f'<p class="fc-meta">{escape(criterion.question)}</p>'
            f"{levels_html(rubric, criterion, chosen)}"
            '<p class="fc-label">Evidence the leader links to this row</p>'
            + (
                f"<ul>{links}</ul>"
                if links
                else '<p class="fc-missing">No evidence linked yet.</p>'
            )
            + "</section>"
        )
    return html


def _anchor(pack: EvidencePack, part: str, item: str) -> str:
    """Where an item is printed: the first part attaching it gets the plain id."""
    first = next((p.key for p in pack.guide.parts if item in p.evidence), "")
    return f"evidence-{item}" if part == first else f"evidence-{item}-{part}"


def _target(pack: EvidencePack, key: str) -> str:
    if key in pack.items:
        return f"evidence-{key}"
    return f"part-{key}"


def _unattached(pack: EvidencePack) -> str:
    """Linked session items no part attaches, so every link has a target."""
    attached = {k for p in pack.guide.parts for k in p.evidence}
    linked = {k for keys in pack.state.links.values() for k in keys}
    extra = [k for k in pack.items if k in linked and k not in attached]
    if not extra:
        return ""
    items = "".join(item_html(pack.items[k], anchor=f"evidence-{k}") for k in extra)
    return (
        f'<section id="more-evidence"><h2>More session evidence</h2>{items}</section>'
    )
