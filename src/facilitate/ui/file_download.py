"""A file handed to the browser as a download link, whatever its size.

A path on the server means nothing to the facilitator's browser, and a ``data:``
link stops working above a couple of megabytes (the summary with its charts is
larger). So the file's bytes travel to the page as a binary widget buffer and
the browser makes a local link to them (a blob URL with a ``download`` name):
one click saves it, and nothing is served where others could fetch it.
"""

from __future__ import annotations

import anywidget
import traitlets

_ESM = """
function render({ model, el }) {
  const link = document.createElement("a");
  link.className = "fc-download-link";
  el.appendChild(link);
  let url = null;
  const draw = () => {
    if (url) { URL.revokeObjectURL(url); url = null; }
    const data = model.get("data");
    const bytes = data && data.buffer ? new Uint8Array(data.buffer, data.byteOffset,
      data.byteLength) : new Uint8Array(0);
    link.textContent = model.get("label");
    link.download = model.get("filename");
    if (bytes.length) {
      url = URL.createObjectURL(new Blob([bytes], { type: model.get("mime") }));
      link.href = url;
      link.removeAttribute("aria-disabled");
    } else {
      link.removeAttribute("href");
      link.setAttribute("aria-disabled", "true");
    }
  };
  model.on("change:data", draw);
  model.on("change:label", draw);
  model.on("change:filename", draw);
  draw();
  return () => { if (url) { URL.revokeObjectURL(url); } };
}
export default { render };
"""


class FileDownload(anywidget.AnyWidget):  # type: ignore[misc]
    """A link that saves ``data`` as ``filename``; empty until data is given."""

    _esm = _ESM
    label = traitlets.Unicode("").tag(sync=True)
    filename = traitlets.Unicode("download").tag(sync=True)
    mime = traitlets.Unicode("application/octet-stream").tag(sync=True)
    #: None until a file is offered: an empty binary buffer on the kernel's
    #: socket stalls the channel when a page asks for the widget's state.
    data = traitlets.Bytes(None, allow_none=True).tag(sync=True)

    def offer(self, label: str, filename: str, mime: str, data: bytes) -> None:
        """Show the link for these bytes (replacing any earlier file)."""
        self.label, self.filename, self.mime = label, filename, mime
        self.data = data
