"""Private notes that live in the participant's browser and never reach the server.

A widget's value travels to the kernel, which runs on the server: so these notes
are not widgets' values at all. This anywidget draws its own text boxes in the
browser and keeps what is typed in ``localStorage`` (so a reload on the same
device shows it again) and in the file the person downloads, which the browser
builds itself. The kernel only ever sends the prompts, a storage key and, for
the download, a document whose ``note_mark`` placeholders the browser fills in
with the notes. Nothing typed here is ever synced back.

``BrowserContext.forget`` (the "Not you?" control) clears every note this device
keeps, because the storage keys all start with ``NOTES_STORAGE_PREFIX``.
"""

from __future__ import annotations

import hashlib

import anywidget
import ipywidgets as widgets
import traitlets

from facilitate.core.language import N_
from facilitate.core.language import gettext as _
from facilitate.core.text import TEXT_LIMIT, escape
from facilitate.ui.browser import NOTES_STORAGE_PREFIX
from facilitate.ui.widgets import styled

PROMISE = N_(
    "These notes stay in this browser, on this device, and in the file you "
    "download. They are never sent to the server, so they are not kept anywhere "
    "else: not by the facilitator, not in any export. Download them to keep them."
)
NO_STORAGE = N_(
    "This browser does not let the page keep your notes: download them before "
    "you close or reload the page."
)
DOWNLOAD = N_("Download my reflection")
ONLY_YOU = N_("Only you will see this.")

_ESM = """
function storage() {
  try { const s = window.localStorage; s.getItem("x"); return s; }
  catch (e) { return null; }
}
function render({ model, el }) {
  const store = storage();
  const key = (name) => model.get("storage_key") + "." + name;
  const areas = {};
  el.classList.add("fc-notes");
  const link = document.createElement("a");
  link.className = "fc-notes-download";
  link.textContent = "\\u2B07 " + model.get("download_label");
  link.style.cssText = "display:inline-block;padding:0.6em 1em;margin-top:0.5em;"
    + "background:#0072B2;color:#fff;border-radius:4px;text-decoration:none";
  const text = () => {
    let doc = model.get("document");
    for (const p of model.get("prompts")) {
      const note = areas[p.key].value.trim() || "\\u2014";
      const mark = model.get("mark").replace("KEY", p.key);
      doc = doc.includes(mark) ? doc.split(mark).join(note)
        : doc + "\\n" + p.label + "\\n" + note + "\\n";
    }
    return doc;
  };
  const update = () => {
    link.style.display = model.get("document") ? "inline-block" : "none";
    link.download = model.get("filename");
    link.href = "data:text/plain;charset=utf-8," + encodeURIComponent(text());
  };
  for (const p of model.get("prompts")) {
    const label = document.createElement("p");
    const bold = document.createElement("b");
    bold.textContent = p.label;
    label.appendChild(bold);
    const area = document.createElement("textarea");
    area.className = "fc-notes-text fc-notes-text-" + p.key;
    area.maxLength = model.get("limit");
    area.placeholder = model.get("placeholder");
    area.style.cssText = "width:100%;max-width:36em;height:7em;box-sizing:border-box";
    const kept = store ? store.getItem(key(p.key)) : null;
    area.value = kept !== null ? kept : (model.get("initial")[p.key] || "");
    area.addEventListener("input", () => {
      if (store) { try { store.setItem(key(p.key), area.value); } catch (e) {} }
      update();
    });
    areas[p.key] = area;
    el.append(label, area);
  }
  if (!store) {
    const warn = document.createElement("p");
    warn.className = "fc-notes-no-storage";
    warn.textContent = model.get("no_storage");
    el.append(warn);
  }
  el.append(link);
  model.on("change:document", update);
  update();
}
export default { render };
"""


class PrivateNotes(anywidget.AnyWidget):  # type: ignore[misc]
    """Text boxes kept in ``localStorage``; only prompts and the document sync."""

    _esm = _ESM
    prompts = traitlets.List(traitlets.Dict()).tag(sync=True)
    storage_key = traitlets.Unicode("").tag(sync=True)
    initial = traitlets.Dict().tag(sync=True)
    document = traitlets.Unicode("").tag(sync=True)
    filename = traitlets.Unicode("my-notes.txt").tag(sync=True)
    mark = traitlets.Unicode("[[private note: KEY]]").tag(sync=True)
    limit = traitlets.Int(TEXT_LIMIT).tag(sync=True)
    no_storage = traitlets.Unicode(NO_STORAGE).tag(sync=True)
    download_label = traitlets.Unicode(DOWNLOAD).tag(sync=True)
    placeholder = traitlets.Unicode(ONLY_YOU).tag(sync=True)

    def note_mark(self, key: str) -> str:
        """Where the note for prompt ``key`` goes in ``document``."""
        return str(self.mark).replace("KEY", key)


def notes_storage_key(session: str, participant: str, activity: str) -> str:
    """The key this person's notes of one activity and session are kept under."""
    digest = hashlib.sha256(participant.encode()).hexdigest()[:16]
    return f"{NOTES_STORAGE_PREFIX}{activity}.{session}.{digest}"


def private_notes(
    prompts: list[tuple[str, str]],
    storage_key: str,
    filename: str,
    initial: dict[str, str] | None = None,
) -> PrivateNotes:
    """Notes for ``prompts`` ((key, label) pairs), kept under ``storage_key``."""
    notes = PrivateNotes(
        prompts=[{"key": key, "label": label} for key, label in prompts],
        storage_key=storage_key,
        filename=filename,
        initial=dict(initial or {}),
        no_storage=_(NO_STORAGE),
        download_label=_(DOWNLOAD),
        placeholder=_(ONLY_YOU),
    )
    return styled(notes, "fc-private-notes")


def notes_promise() -> widgets.HTML:
    """The sentence that says where the notes are kept, and nowhere else."""
    return styled(widgets.HTML(f"<p>{escape(_(PROMISE))}</p>"), "fc-notes-promise")
