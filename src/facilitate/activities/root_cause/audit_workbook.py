"""The leader's equity-audit page (``audit.ipynb``): upload, map, audit, share.

Facilitator-only, like the remote: without the session's key it is one
refusal sentence. The leader uploads a CSV; the file is checked whole, then
kept with the session in the data directory (owner-only modes, removed by
``facilitate session delete`` or the Forget button) so a reload finds it again,
and the upload widget is emptied so the file does not linger in the page. The
mapping step shows each column's name and proposed role, never a value. The
results are released aggregates only: the clear differences in sentences, both
charts and the full table; from them the leader shares findings with the room.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from facilitate.activities.root_cause.share import SharePanel
from facilitate.audit.charts import (
    composition_figure,
    risk_ratio_figure,
    withheld_note,
)
from facilitate.audit.data import (
    GROUP,
    IGNORE,
    OUTCOME,
    aggregated_counts,
    guess_mapping,
    student_counts,
)
from facilitate.audit.files import (
    about_html,
    audit_csv,
    findings_html,
    rules_html,
    table_html,
)
from facilitate.audit.findings import findings_of, headline_findings
from facilitate.audit.stats import (
    DEFAULT_MIN_N,
    Audit,
    checked_min_n,
    run_audit,
)
from facilitate.audit.table import RawTable, read_table
from facilitate.core.config import SMALLEST_ALLOWED_GROUP_SIZE, Config
from facilitate.core.errors import FacilitateError
from facilitate.core.session_files import (
    forget_file,
    session_folder,
    write_private,
)
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.core.text import escape
from facilitate.ui.browser import BrowserContext
from facilitate.ui.keyed import KeyedPage, build_page
from facilitate.ui.live_chart import chart_of
from facilitate.ui.widgets import (
    ErrorPage,
    button,
    heading,
    message,
    say,
    styled,
)

UPLOAD_NAME = "audit-upload.csv"
META_NAME = "audit-upload.json"
#: Larger files travel badly through a page; the command line takes any size.
MOST_BYTES = 8_000_000
ROLE_OPTIONS = [("Group", GROUP), ("Outcome", OUTCOME), ("Ignore", IGNORE)]


@dataclass
class AuditPage(KeyedPage):
    title = "Equity audit"

    store: EventStore
    data_dir: Path
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    status: widgets.HTML = field(default_factory=lambda: message("fc-audit-status"))
    upload: widgets.FileUpload = field(
        default_factory=lambda: styled(
            widgets.FileUpload(
                accept=".csv,text/csv", multiple=False, description="Upload CSV"
            ),
            "fc-audit-upload",
        )
    )
    kept: widgets.HTML = field(default_factory=lambda: message("fc-audit-file"))
    forget: widgets.Button = field(
        default_factory=lambda: button("Forget this file", "fc-audit-forget", "")
    )
    mapping: widgets.VBox = field(
        default_factory=lambda: styled(widgets.VBox(), "fc-audit-mapping")
    )
    min_n: widgets.BoundedIntText = field(
        default_factory=lambda: styled(
            widgets.BoundedIntText(
                value=DEFAULT_MIN_N,
                min=SMALLEST_ALLOWED_GROUP_SIZE,
                max=1000,
                description="Minimum n-size",
                style={"description_width": "initial"},
            ),
            "fc-audit-min-n",
        )
    )
    run: widgets.Button = field(
        default_factory=lambda: button("Run the audit", "fc-audit-run")
    )
    results: widgets.VBox = field(
        default_factory=lambda: styled(widgets.VBox(), "fc-audit-results")
    )
    roles: dict[str, widgets.Dropdown] = field(default_factory=dict)
    table: RawTable | None = None
    audit: Audit | None = None
    share: SharePanel | None = None
    session: SessionInfo | None = None

    def start(self) -> None:
        self.upload.observe(lambda _: self.uploaded(), "value")
        self.forget.on_click(lambda _: self.forget_file())
        self.run.on_click(lambda _: self.run_audit())
        self.await_key()

    def open(self, code: str, key: Any) -> None:
        """Show the page for ``code`` if ``key`` is right, else refuse."""
        session = self.unlock(code, key)
        if session is None:
            return
        self.share = SharePanel(self.store, session)
        say(self.status, "")
        self.root.children = [
            self.browser,
            heading(f"Equity audit: {session.title}", "fc-session-title"),
            styled(widgets.HTML(_INTRO), "fc-audit-intro"),
            self.upload,
            self.kept,
            self.status,
            self.mapping,
            self.results,
        ]
        self.load_kept()

    # --- the file -------------------------------------------------------------------

    def uploaded(self) -> None:
        """Check the uploaded file whole, keep it with the session, then map it."""
        files = self.upload.value
        if not files or self.session is None:
            return
        name, content = str(files[0]["name"]), bytes(files[0]["content"])
        self.upload.value = ()
        if len(content) > MOST_BYTES:
            say(
                self.status,
                f"{name} is {len(content) / 1e6:.0f} MB; upload files under "
                f"{MOST_BYTES / 1e6:.0f} MB here, or run `facilitate audit` on it.",
                "error",
            )
            return
        try:
            table = read_table(content, name)
        except FacilitateError as error:
            say(self.status, str(error), "error")
            return
        code = self.session.code
        write_private(self.data_dir, code, UPLOAD_NAME, content)
        write_private(self.data_dir, code, META_NAME, _meta(name, {}))
        say(self.status, f"{name} is kept with this session, in your data folder.")
        self.show_mapping(table, {})

    def load_kept(self) -> None:
        """Reopen the file uploaded earlier for this session, if there is one."""
        assert self.session is not None
        folder = session_folder(self.data_dir, self.session.code)
        path, meta = folder / UPLOAD_NAME, folder / META_NAME
        if not path.exists():
            self.kept.value = "<p>Upload a student-level or aggregated CSV.</p>"
            return
        saved = json.loads(meta.read_text()) if meta.exists() else {}
        name = str(saved.get("name", UPLOAD_NAME))
        try:
            table = read_table(path.read_bytes(), name)
        except FacilitateError as error:
            say(self.status, str(error), "error")
            return
        self.show_mapping(table, dict(saved.get("mapping", {})))

    def forget_file(self) -> None:
        """Remove the kept file now (what the room was shown stays shared)."""
        if self.session is None:
            return
        for name in (UPLOAD_NAME, META_NAME):
            forget_file(self.data_dir, self.session.code, name)
        self.table = self.audit = None
        self.mapping.children = self.results.children = ()
        self.kept.value = "<p>Upload a student-level or aggregated CSV.</p>"
        say(self.status, "The file was removed from this computer.", "success")

    # --- mapping and results --------------------------------------------------------

    def show_mapping(self, table: RawTable, saved: dict[str, str]) -> None:
        """One row per column: its name, a role to choose and why it was proposed."""
        self.table = table
        rows = f"{table.size:,} rows" + (" of counts" if table.aggregated() else "")
        notes = "".join(
            f'<p class="fc-audit-note">{escape(note)}</p>' for note in table.notes
        )
        self.kept.value = (
            f"<p>File: <b>{escape(table.name)}</b> ({escape(rows)}), kept with this "
            f"session only.</p>{notes}"
        )
        if table.aggregated():
            self.roles = {}
            lines: list[Any] = [
                widgets.HTML("<p>This file holds counts; no mapping is needed.</p>")
            ]
        else:
            self.roles = {}
            lines = [widgets.HTML("<h3>What each column holds</h3>")]
            for guess in guess_mapping(table):
                role = saved.get(guess.name, guess.role)
                self.roles[guess.name] = styled(
                    widgets.Dropdown(
                        options=ROLE_OPTIONS,
                        value=role if role in dict(ROLE_OPTIONS).values() else IGNORE,
                        description=guess.name,
                        style={"description_width": "16em"},
                        layout=widgets.Layout(width="30em"),
                    ),
                    "fc-audit-role",
                )
                reason = widgets.HTML(f"<small>{escape(guess.reason)}</small>")
                lines.append(widgets.HBox([self.roles[guess.name], reason]))
        self.mapping.children = [
            *lines,
            widgets.HBox([self.min_n, self.run, self.forget]),
        ]
        self.results.children = ()

    def run_audit(self) -> None:
        """Count, compute and suppress; show the released results, or one sentence."""
        if self.table is None or self.session is None:
            return
        try:
            roles = {name: str(box.value) for name, box in self.roles.items()}
            counts = (
                aggregated_counts(self.table)
                if self.table.aggregated()
                else student_counts(self.table, roles)
            )
            self.audit = run_audit(counts, checked_min_n(self.min_n.value))
        except FacilitateError as error:
            say(self.status, str(error), "error")
            return
        meta = _meta(self.table.name, roles)
        write_private(self.data_dir, self.session.code, META_NAME, meta)
        say(self.status, "")
        self.show_results(self.audit)

    def show_results(self, audit: Audit) -> None:
        """Sentences and the share form first; the charts and table follow.

        Each assignment reaches the browser at once, so the leader can read and
        share while the (heavier) charts are still being drawn.
        """
        assert self.share is not None
        headlines = headline_findings(audit)
        rest = [f for f in findings_of(audit) if f not in headlines]
        self.share.offer(headlines + rest)
        self.results.children = [
            styled(widgets.HTML(about_html(audit)), "fc-audit-about"),
            styled(
                widgets.HTML("<h3>Clear differences</h3>" + findings_html(audit)),
                "fc-audit-findings",
            ),
            self.share.root,
        ]
        csv = base64.b64encode(audit_csv(audit).encode("utf-8")).decode("ascii")
        download = (
            f'<p><a download="audit.csv" href="data:text/csv;base64,{csv}">'
            "Download audit.csv</a> (released figures only)</p>"
        )
        self.results.children += (
            chart_of(risk_ratio_figure(audit), "fc-audit-ratios"),
            chart_of(composition_figure(audit), "fc-audit-shares"),
            widgets.HTML(f"<p>{escape(withheld_note(audit))}</p>{rules_html(audit)}"),
            styled(widgets.HTML(download + table_html(audit)), "fc-audit-table"),
        )


_INTRO = (
    "<p>Find where outcomes can be predicted from who a student is. Upload one "
    "row per student (group columns, and outcome columns of 1/0 or yes/no) or "
    "counts with the columns <code>group_column, group, outcome, students, "
    "with_outcome</code>. The file stays on this computer; the room only ever "
    "sees findings you share, built from released figures.</p>"
)


def _meta(name: str, mapping: dict[str, str]) -> bytes:
    return json.dumps({"name": name, "mapping": mapping}).encode("utf-8")


def audit_page(config: Config | None = None) -> AuditPage | ErrorPage:
    """Build the page; it opens once the facilitator key has been checked."""

    def make(store: EventStore) -> AuditPage:
        data_dir = (config or Config.from_environ()).data_dir
        return AuditPage(store=store, data_dir=data_dir)

    return build_page(make, config)
