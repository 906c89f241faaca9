"""The evidence page's attachments: keep a file or link, remove one, show them.

A mixin of ``EvidencePage``, apart so the page stays one screen of code. Every
write goes through ``record()``; a file is written (privately) only once all its
checks pass, and deleted from this computer when the leader removes it.
"""

from __future__ import annotations

from pathlib import Path

from facilitate.core.errors import InvalidInput
from facilitate.core.events import AttachmentRemoved, Event
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.evidence.attachment_panel import AttachmentPanel
from facilitate.evidence.attachments import (
    Attachment,
    attach_file,
    attach_link,
    remove_file,
)
from facilitate.evidence.state import EvidenceState, evidence_state
from facilitate.ui.record import record


class PageAttachments:
    """For a dataclass page with ``store``, ``session``, ``data_dir``, ``state``,
    ``attachments`` (panels by part) and ``show_checklist``."""

    store: EventStore
    session: SessionInfo | None
    data_dir: Path | None
    state: EvidenceState
    attachments: dict[str, AttachmentPanel]

    def show_checklist(self) -> None:
        raise NotImplementedError

    def attach(self, panel: AttachmentPanel) -> None:
        """Keep the chosen file, or the link, with its description."""
        session = self.session
        if session is None or self.data_dir is None:
            return
        data_dir, where = self.data_dir, (panel.part.key, str(panel.form.value))
        form = next(f for f in panel.part.attachments if f.key == panel.form.value)
        chosen = panel.chosen_file()

        def added() -> Event:
            if chosen is None:
                if not str(panel.link.value).strip():
                    raise InvalidInput(
                        "Choose a file or paste a link first, then press Attach."
                    )
                return attach_link(where, panel.link.value, panel.description.value)
            if not form.files:
                raise InvalidInput(
                    f"{form.label} is attached as a link, not a file: paste the "
                    "link to the video instead."
                )
            return attach_file(
                data_dir, session.code, where, *chosen, panel.description.value
            )

        made = record(self.store, session.code, added, panel.status, "Attached.")
        panel.upload.value = ()
        if made is None:
            return
        panel.clear()
        self.refresh_attachments()

    def remove_attachment(self, attachment: Attachment) -> None:
        """Take it out of the pack and delete its file from this computer."""
        panel = self.attachments.get(attachment.part)
        if self.session is None or panel is None:
            return
        event = AttachmentRemoved(attachment.attachment)
        if record(self.store, self.session.code, event, panel.status, "Removed."):
            if self.data_dir is not None:
                remove_file(self.data_dir, self.session.code, attachment)
            self.refresh_attachments()

    def refresh_attachments(self) -> None:
        assert self.session is not None
        self.state.attachments = evidence_state(
            self.store.read(self.session.code)
        ).attachments
        for key, panel in self.attachments.items():
            panel.show(self.state.attached_to(key))
        self.show_checklist()
