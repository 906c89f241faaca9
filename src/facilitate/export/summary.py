"""What ``workbooks/summary.ipynb`` displays, one method per section.

The workbook stays a page: it opens the summary for one session and shows each
section. The session comes from ``FACILITATE_SUMMARY_CODE`` / ``_KEY`` (set by the
exporter) or from the page address, and the facilitator key is checked either way,
since Voila serves this workbook like the others. The activity sections come from
the agenda, in order; a part that fails to build is replaced by one sentence, so
one broken activity never loses the leader's summary.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from facilitate.core.agenda import current_agenda
from facilitate.core.config import Config
from facilitate.core.errors import FacilitateError
from facilitate.core.events import Recorded
from facilitate.core.report import PartBuilder, ReportPart
from facilitate.core.sessions import SessionInfo, check_key, find_session
from facilitate.core.store import open_store
from facilitate.evidence.content import load_guide, load_rubric
from facilitate.evidence.state import evidence_state
from facilitate.evidence.summary_sections import (
    context_html,
    reflection_html,
    rubric_html,
)
from facilitate.export import sections

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
    """Every activity's part, in agenda order; a failing part becomes a sentence."""
    parts: list[ReportPart] = []
    for activity in current_agenda().activities:
        if activity.report is None:
            continue
        try:
            builder: PartBuilder = activity.report.load()
            built = builder(records, session)
            parts += built if isinstance(built, list) else [built]
        except Exception:
            log.exception("summary part %s failed", activity.key)
            parts.append(
                ReportPart(
                    key=activity.key,
                    heading=activity.phase.title if activity.phase else activity.key,
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
        """Part 1 of the leader's evidence pack."""
        return self._shown(context_html(load_guide(), evidence_state(self.records)))

    def activities(self) -> HTML:
        """Every activity's part; plotly.js is inlined with the first chart."""
        html = "".join(
            sections.part_html(part, with_plotlyjs=index == self._first_chart())
            for index, part in enumerate(self.parts)
        )
        return self._shown(html)

    def _first_chart(self) -> int:
        return next((i for i, p in enumerate(self.parts) if p.figures), -1)

    def reflection(self) -> HTML:
        """Part 4 of the leader's evidence pack."""
        return self._shown(reflection_html(load_guide(), evidence_state(self.records)))

    def rubric(self) -> HTML:
        """The scoring guide with the leader's self-ratings and linked evidence."""
        present = {p.key for p in self.parts}
        state = evidence_state(self.records)
        return self._shown(rubric_html(load_guide(), load_rubric(), state, present))


def open_summary(code: str | None = None, config: Config | None = None) -> Summary:
    """The summary of the session named by the environment (or ``code``)."""
    config = config or Config.from_environ()
    env_code, key = session_address()
    store = open_store(config)
    try:
        session = find_session(store, code or env_code)
        check_key(session, key)
        records = store.read(session.code)
    except FacilitateError as error:
        return Summary(refusal=str(error))
    finally:
        store.close()
    return Summary(session, records, parts=build_parts_safely(records, session))
