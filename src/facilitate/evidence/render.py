"""HTML fragments the evidence page and the exported pack share.

One rendering for both, so what the leader sees while writing is what the assessor
reads. Everything a person wrote passes through ``escape`` (via ``paragraphs``);
the credential's key terms come out bold through ``emphasis``. The styles are
plain CSS with ``fc-`` names, embedded in the pack and injected once in the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitate.core.report import paragraphs
from facilitate.core.text import escape
from facilitate.evidence.checklist import CheckItem, stamp
from facilitate.evidence.content import (
    Criterion,
    Guide,
    PartGuide,
    Rubric,
    WordCount,
    emphasis,
    word_count,
)
from facilitate.evidence.state import ColleagueFeedback

if TYPE_CHECKING:
    from facilitate.core.evidence import EvidenceItem, EvidenceTable

STYLES = """
.fc-prompts { background: #f3f3ee; border-left: 4px solid #5a5a52;
              padding: 0.3em 0.9em; margin: 0.5em 0; }
.fc-passes { background: #edf5ee; border-left: 4px solid #1e5631;
             padding: 0.3em 0.9em; margin: 0.5em 0; }
.fc-label { font-weight: 700; margin: 0.4em 0 0.2em; }
.fc-wordcount { color: #333; margin: 0.3em 0; }
.fc-wordcount-warning { color: #8a5300; font-weight: 700; }
.fc-over-limit { color: #9b1c1c; font-weight: 700; border: 2px solid #9b1c1c;
                 padding: 0.2em 0.6em; display: inline-block; }
.fc-answer, .fc-colleague-words { overflow-wrap: anywhere; }
.fc-colleague-words { border-left: 4px solid #2b5d8a; padding: 0.1em 0.9em;
                      margin: 0.4em 0; background: #f1f6fb; }
.fc-meta, .fc-about { color: #555; font-size: 0.92em; }
.fc-missing { color: #9b1c1c; }
.fc-evidence { border: 1px solid #d6d6cc; padding: 0.2em 0.9em; margin: 0.6em 0;
               break-inside: avoid; }
.fc-evidence table { border-collapse: collapse; margin: 0.3em 0; }
.fc-evidence th, .fc-evidence td {
  border: 1px solid #c8c8be; padding: 0.2em 0.5em; text-align: left;
  vertical-align: top; }
.fc-level { border-left: 4px solid #c8c8be; padding: 0 0.9em; margin: 0.4em 0; }
.fc-level p { margin: 0.25em 0; }
.fc-level.fc-chosen { border-left-color: #b07d00; background: #fff4cc; }
.fc-level, .fc-colleague, .fc-passes { break-inside: avoid; }
.fc-checklist li { margin: 0.15em 0; }
.fc-check-missing, .fc-check-over { color: #9b1c1c; font-weight: 700; }
.fc-check-done { color: #1e5631; font-weight: 700; }
.fc-check-note { color: #555; font-weight: 700; }
.fc-quote { margin: 0.3em 0 0.3em 0.6em; font-style: italic; }
.fc-private { border: 2px dashed #5a5a52; padding: 0.2em 0.9em; }
.fc-attachment img { max-width: 100%; max-height: 24rem; }
"""


def prompts_html(part: PartGuide) -> str:
    items = "".join(f"<li>{emphasis(p)}</li>" for p in part.prompts)
    return (
        '<div class="fc-prompts"><p class="fc-label">What this part asks</p>'
        f"<ul>{items}</ul></div>"
    )


def quote_html(text: str) -> str:
    """The credential's own words, exactly, as a quotation."""
    return f'<blockquote class="fc-quote"><p>“{escape(text)}”</p></blockquote>'


def passes_html(part: PartGuide) -> str:
    """The credential's passing line, quoted, where it gives one; else ours."""
    if part.passing_line:
        return (
            '<div class="fc-passes"><p class="fc-label">Passes when (the '
            f"credential's words)</p>{quote_html(part.passing_line)}</div>"
        )
    label = "Who sees it" if part.private else "Passes when"
    return (
        f'<div class="fc-passes"><p class="fc-label">{label}</p>'
        f"<p>{emphasis(part.passes)}</p></div>"
    )


def earning_rule_html(guide: Guide) -> str:
    """The credential's sentence first, then our reading of it, marked as ours."""
    return (
        '<p class="fc-label">The credential\'s words</p>'
        f"{quote_html(guide.earning_rule_quote)}"
        "<p class=\"fc-label\">Our reading (facilitate's, not the credential's)</p>"
        f"<p>{emphasis(guide.earning_rule)}</p>"
    )


def introduction_html(guide: Guide) -> str:
    """The page's opening: what the pack is, the earning rule, the method."""
    return (
        f"<p>{emphasis(guide.introduction)}</p>"
        '<h2 id="earning-rule">What it takes to earn the credential</h2>'
        f"{earning_rule_html(guide)}"
        "<details><summary>The method in four steps</summary><ol>"
        + "".join(f"<li>{emphasis(step)}</li>" for step in guide.method)
        + "</ol></details>"
    )


def preamble_html(rubric: Rubric) -> str:
    """The scoring guide's own opening sentence, quoted, then our instruction."""
    quoted = quote_html(rubric.preamble) if rubric.preamble else ""
    ours = f"<p>{emphasis(rubric.introduction)}</p>" if rubric.introduction else ""
    return quoted + ours


def count_html(count: WordCount) -> str:
    """The count and limit; over the limit it is a flag no reader can miss."""
    tone = "fc-over-limit" if count.over_by else f"fc-wordcount-{count.tone}"
    return f'<p class="fc-wordcount {tone}">{escape(count.sentence())}</p>'


def answer_html(text: str) -> str:
    body = paragraphs(text) if text.strip() else ""
    return body or '<p class="fc-missing">Not written yet.</p>'


def table_html(table: EvidenceTable) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
        for row in table.rows
    )
    return (
        f'<p class="fc-label">{escape(table.caption)}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def item_html(item: EvidenceItem, anchor: str = "", link: str = "") -> str:
    """One piece of session evidence; ``link`` points at its full summary section."""
    ident = f' id="{escape(anchor)}"' if anchor else ""
    tables = "".join(table_html(t) for t in item.tables)
    notes = "".join(f'<p class="fc-meta">{escape(n)}</p>' for n in item.notes)
    source = (
        f'<p class="fc-meta"><a href="{escape(link)}" target="_blank">'
        "See it in the reflection summary</a></p>"
        if link
        else ""
    )
    missing = "" if item.available else '<p class="fc-missing">Not available.</p>'
    return (
        f'<div class="fc-evidence"{ident}><p class="fc-label">Session evidence: '
        f"{escape(item.title)}</p>"
        f'<p class="fc-about">{escape(item.about)}</p>'
        f"{tables}{missing}{notes}{source}</div>"
    )


def checklist_html(lines: Sequence[CheckItem], links: bool = True) -> str:
    open_items = [line for line in lines if line.status in ("missing", "over")]
    heading = (
        f"Still missing before you submit: {len(open_items)}"
        if open_items
        else "Nothing is missing: every part is complete."
    )
    items = "".join(
        f'<li><span class="fc-check-{line.status}">{escape(line.mark)}:</span> '
        + (
            f'<a href="#{escape(line.anchor)}">{escape(line.what)}</a>'
            if links
            else escape(line.what)
        )
        + f". {escape(line.detail)}</li>"
        for line in lines
    )
    return f'<p class="fc-label">{escape(heading)}</p><ul>{items}</ul>'


def levels_html(rubric: Rubric, criterion: Criterion, chosen: str = "") -> str:
    """One row of the scoring guide: each level with its criteria, top to bottom.

    Stacked rather than a table, so it reads in order on a phone, to a screen
    reader and in the PDF's text; the self-rated level is marked in words. Each
    level's criteria are the credential's words, quoted exactly.
    """
    blocks = ""
    for level in rubric.levels:
        mine = level.key == chosen
        blocks += (
            f'<div class="fc-level{" fc-chosen" if mine else ""}">'
            f'<p class="fc-label">{escape(criterion.label)}, {escape(level.label)}'
            + (" (the leader's self-rating)" if mine else "")
            + f"</p>{quote_html(criterion.descriptors[level.key])}</div>"
        )
    return f'<div class="fc-levels">{blocks}</div>'


def feedback_html(feedback: ColleagueFeedback, limit: int) -> str:
    """A colleague's words under their own heading, marked as not the leader's."""
    who = escape(feedback.name) + (
        f", {escape(feedback.role)}" if feedback.role else ""
    )
    count = word_count(feedback.text, limit)
    return (
        f'<div class="fc-colleague" id="colleague-{escape(feedback.invitation)}">'
        f"<h4>In the colleague's own words: {who}</h4>"
        f'<p class="fc-meta">Sent through their one-time link on '
        f"{escape(stamp(feedback.at))}. {escape(count.sentence())} Written by the "
        "colleague; the leader cannot edit it.</p>"
        f'<div class="fc-colleague-words">{paragraphs(feedback.text)}</div></div>'
    )
