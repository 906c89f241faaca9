"""The evidence page's attachments for one part: what it accepts, said first, then
a file or a link with its description, then the list of what is attached.

The panel shows and reads; the page records (``on_attach``, ``on_remove``), so
every write goes through ``record()`` like the rest of the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import ipywidgets as widgets

from facilitate.core.report import paragraphs
from facilitate.core.text import escape
from facilitate.evidence.attachments import ACCEPT, LIMITS, Attachment
from facilitate.evidence.content import PartGuide
from facilitate.ui.plain_layout import own_layout
from facilitate.ui.widgets import button, message, styled


@dataclass
class AttachmentPanel:
    """Named widgets: ``form`` (which kind), ``upload``, ``link``, ``description``,
    ``attach`` (button), ``status``, ``listed`` (rows with a remove button each)."""

    part: PartGuide
    form: widgets.Dropdown
    upload: widgets.FileUpload
    link: widgets.Text
    description: widgets.Textarea
    attach: widgets.Button
    status: widgets.HTML
    listed: widgets.VBox = field(default_factory=widgets.VBox)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    on_remove: Callable[[Attachment], None] = lambda _: None

    @classmethod
    def build(cls, part: PartGuide) -> AttachmentPanel:
        key = part.key
        wide = widgets.Layout(width="100%")
        panel = cls(
            part=part,
            form=styled(
                widgets.Dropdown(
                    options=[(f.label, f.key) for f in part.attachments],
                    description="What it is",
                    layout=wide,
                ),
                f"fc-attach-form-{key}",
            ),
            upload=styled(
                widgets.FileUpload(accept=ACCEPT, multiple=False, description="File"),
                f"fc-attach-file-{key}",
            ),
            link=styled(
                widgets.Text(
                    description="or a link",
                    placeholder="https://…",
                    layout=wide,
                ),
                f"fc-attach-link-{key}",
            ),
            description=styled(
                widgets.Textarea(
                    description="Description",
                    placeholder="What it is, who is in it, and what it shows.",
                    rows=3,
                    layout=wide,
                ),
                f"fc-attach-description-{key}",
            ),
            attach=button("Attach", f"fc-attach-add-{key}"),
            status=message(f"fc-attach-status-{key}"),
        )
        styled(panel.listed, f"fc-attach-list-{key}")
        panel.root.children = [
            widgets.HTML(
                f'<p class="fc-label">Attachments for {escape(part.label)}</p>'
                f'<p class="fc-meta fc-attach-limits">{escape(LIMITS)}</p>'
            ),
            panel.form,
            panel.upload,
            panel.link,
            panel.description,
            panel.attach,
            panel.status,
            panel.listed,
        ]
        styled(panel.root, "fc-attachments-panel", f"fc-attachments-{key}")
        return panel

    def chosen_file(self) -> tuple[str, bytes] | None:
        """The file picked for upload, if any: its name and bytes."""
        files = self.upload.value
        if not files:
            return None
        return str(files[0]["name"]), bytes(files[0]["content"])

    def clear(self) -> None:
        self.upload.value = ()
        self.link.value = ""
        self.description.value = ""

    def show(self, attachments: Sequence[Attachment]) -> None:
        """One line per attachment, each with its own remove button."""
        forms = {f.key: f.label for f in self.part.attachments}
        rows = []
        for a in attachments:
            what = escape(a.name or a.link)
            text = widgets.HTML(
                f"<p><strong>{escape(forms.get(a.form, a.form))}</strong>: {what} "
                f'<span class="fc-meta">({escape(a.what())})</span></p>'
                f"{paragraphs(a.description)}",
                layout=widgets.Layout(flex="1 1 auto"),
            )
            remove = button("Remove", "fc-attach-remove", "")
            own_layout(remove).flex = "0 0 auto"
            remove.on_click(lambda _, a=a: self.on_remove(a))
            rows.append(styled(widgets.HBox([text, remove]), "fc-attached"))
        self.listed.children = rows
