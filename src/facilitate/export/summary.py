"""What ``workbooks/summary.ipynb`` displays, one method per section.

The workbook stays a page: it opens the summary for one session and shows each
section. The session comes from ``FACILITATE_SUMMARY_CODE`` / ``_KEY`` (set by the
exporter) or from the page address, and the facilitator key is checked either way,
since Voila serves this workbook like the others. A part that fails to build is
replaced by one sentence, so one broken activity never loses the leader's summary.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import import_module
from urllib.parse import parse_qsl

from facilitate.config import Config
from facilitate.errors import FacilitateError
from facilitate.events import FeedbackGiven, Recorded
from facilitate.export import sections
from facilitate.frames import kind_frame
from facilitate.metrics.feedback import feedback_comments, respondent_count
from facilitate.metrics.privacy import is_shown, needs_more
from facilitate.reflection import (
    latest_notes,
    latest_rubric,
    load_feedback,
    load_rubric,
    word_report,
)
from facilitate.report_parts import REPORT_PARTS, PartBuilder, ReportPart
from facilitate.roster import roster_of
from facilitate.sessions import SessionInfo, check_key, find_session
from facilitate.store import open_store

CODE_VARIABLE = "FACILITATE_SUMMARY_CODE"
KEY_VARIABLE = "FACILITATE_SUMMARY_KEY"
log = logging.getLogger(__name__)


class HTML:
    """Shown as HTML by Jupyter and Voila (no IPython import needed)."""

    def __init__(self, html: str) -> None:
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def session_address(environ: dict[str, str] | None = None) -> tuple[str, str]:
    """Code and key from the exporter's variables, else from the page's query."""
    env = dict(os.environ if environ is None else environ)
    query = dict(parse_qsl(env.get("QUERY_STRING", "")))
    code = env.get(CODE_VARIABLE) or query.get("code", "")
    key = env.get(KEY_VARIABLE) or query.get("key", "")
    return code, key


def build_parts_safely(
    records: Sequence[Recorded], session: SessionInfo
) -> list[ReportPart]:
    """Every registered part in order, feedback last (it is collected last).

    A part that fails becomes a sentence, so the rest of the summary still comes out.
    """
    parts = []
    ordered = sorted(REPORT_PARTS.items(), key=lambda item: item[0] == "feedback")
    for key, target in ordered:
        module_name, _, name = target.partition(":")
        try:
            builder: PartBuilder = getattr(import_module(module_name), name)
            parts.append(builder(records, session))
        except Exception:
            log.exception("summary part %s failed", key)
            parts.append(
                ReportPart(
                    key=key,
                    heading=key.replace("_", " ").capitalize(),
                    notes=["This section could not be built; see the export's log."],
                )
            )
    return parts


@dataclass
class Summary:
    """One session's summary, or the refusal when the key is wrong."""

    session: SessionInfo | None = None
    records: list[Recorded] = field(default_factory=list)
    refusal: str = ""
    parts: list[ReportPart] = field(default_factory=list)

    def _shown(self, html: str) -> HTML:
        return HTML("" if self.session is None else html)

    def status(self) -> HTML:
        """The refusal sentence, or nothing when the summary may be shown."""
        return HTML(sections.refusal_html(self.refusal) if self.refusal else "")

    def context(self) -> HTML:
        return self._shown(sections.context_html(latest_notes(self.records)))

    def activities(self) -> HTML:
        """Every registered activity part; plotly.js is inlined with the first chart."""
        html = "".join(
            sections.part_html(part, with_plotlyjs=index == self._first_chart())
            for index, part in enumerate(self.parts)
        )
        return self._shown(html)

    def _first_chart(self) -> int:
        return next((i for i, p in enumerate(self.parts) if p.figures), -1)

    def feedback_words(self) -> HTML:
        """Open answers, from k respondents on, sorted and unattributed."""
        if self.session is None:
            return HTML("")
        form = load_feedback()
        feedback = kind_frame(self.records, FeedbackGiven.kind)
        respondents = respondent_count(feedback)
        k = roster_of(self.records).min_group_size(self.session.min_group_size)
        shown = is_shown(respondents, k)
        note = (
            "Answers are listed in alphabetical order, without names."
            if shown
            else needs_more(respondents, k)
        )
        questions = [
            (form.helped, feedback_comments(feedback, "helped")),
            (form.more_equitable, feedback_comments(feedback, "more_equitable")),
        ]
        return HTML(sections.comments_html(questions, shown, note))

    def reflection(self) -> HTML:
        notes = latest_notes(self.records)
        return self._shown(sections.reflection_html(notes, word_report(notes)))

    def rubric(self) -> HTML:
        present = {p.key for p in self.parts} | {
            "context",
            "reflection",
            "feedback_words",
        }
        levels = latest_rubric(self.records)
        return self._shown(sections.rubric_html(load_rubric(), levels, present))


def open_summary(code: str | None = None, config: Config | None = None) -> Summary:
    """The summary of the session named by the environment (or ``code``)."""
    config = config or Config.from_environ()
    env_code, key = session_address()
    store = open_store(config.data_dir)
    try:
        session = find_session(store, code or env_code)
        check_key(session, key)
        records = store.read(session.code)
    except FacilitateError as error:
        return Summary(refusal=str(error))
    finally:
        store.close()
    return Summary(session, records, parts=build_parts_safely(records, session))
