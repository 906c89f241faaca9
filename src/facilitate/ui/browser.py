"""A tiny widget that tells the kernel about the browser it serves.

With preheated kernels the notebook runs before anyone opens the page, so the
query string (session code, facilitator key) cannot come from the environment.
This widget reads ``window.location`` and the participant token in localStorage
when the real page connects and syncs them to the kernel (with the window's size,
so a projected display can fit its charts to the screen); the kernel writes a new
token back, which the browser keeps so a reload resumes as the same person. It costs
a few KB and no server-side imports, unlike ``voila.utils``.

On a shared device, ``forget`` clears the token, the language chosen and every
private note this device keeps (``facilitate.ui.private_notes``), so the next
person starts clean.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qsl

import anywidget
import traitlets

from facilitate.core.links import workbook_link

TOKEN_STORAGE_KEY = "facilitate.participant-token"  # noqa: S105 - a key name
#: Every private note a page keeps in this browser starts with this key.
NOTES_STORAGE_PREFIX = "facilitate.notes."
#: The language a person chose on this device, kept with their seat's token.
LANGUAGE_STORAGE_KEY = "facilitate.language"

_ESM = (
    """
const KEY = "TOKEN_KEY";
const NOTES = "NOTES_PREFIX";
const LANGUAGE = "LANGUAGE_KEY";
function read(key) {
  try { return window.localStorage.getItem(key) || ""; } catch (e) { return ""; }
}
function forget() {
  try {
    const store = window.localStorage;
    const keys = [];
    for (let i = 0; i < store.length; i++) { keys.push(store.key(i)); }
    for (const key of keys) {
      if (key === KEY || key === LANGUAGE || key.startsWith(NOTES)) {
        store.removeItem(key);
      }
    }
  } catch (e) {}
}
function render({ model, el }) {
  el.style.display = "none";
  const params = {};
  for (const [k, v] of new URLSearchParams(window.location.search)) { params[k] = v; }
  const keep = () => {
    const token = model.get("token");
    if (token) { try { window.localStorage.setItem(KEY, token); } catch (e) {} }
  };
  model.on("change:token", keep);
  const speak = () => {
    const code = model.get("language");
    if (code) { try { window.localStorage.setItem(LANGUAGE, code); } catch (e) {} }
    document.documentElement.lang = code || "en";
    document.documentElement.dir = model.get("rtl") ? "rtl" : "ltr";
  };
  model.on("change:language", speak);
  model.on("change:rtl", speak);
  model.on("msg:custom", (msg) => { if (msg && msg.forget) { forget(); } });
  const measure = () => {
    model.set("viewport", [window.innerWidth, window.innerHeight]);
  };
  let pending = null;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(() => { measure(); model.save_changes(); }, 300);
  });
  measure();
  model.set("query", params);
  model.set("origin", window.location.origin);
  model.set("pathname", window.location.pathname);
  if (!model.get("token")) { model.set("token", read(KEY)); }
  model.set("stored_language", read(LANGUAGE));
  model.set("languages", Array.from(navigator.languages || [navigator.language || ""]));
  model.set("connected", true);
  model.save_changes();
  keep();
}
export default { render };
""".replace("TOKEN_KEY", TOKEN_STORAGE_KEY)
    .replace("NOTES_PREFIX", NOTES_STORAGE_PREFIX)
    .replace("LANGUAGE_KEY", LANGUAGE_STORAGE_KEY)
)


class BrowserContext(anywidget.AnyWidget):  # type: ignore[misc]
    """Query string, page location and the stored participant token."""

    _esm = _ESM
    query = traitlets.Dict().tag(sync=True)
    origin = traitlets.Unicode("").tag(sync=True)
    pathname = traitlets.Unicode("").tag(sync=True)
    token = traitlets.Unicode("").tag(sync=True)
    connected = traitlets.Bool(False).tag(sync=True)
    #: [width, height] of the browser window, kept up to date as it is resized.
    viewport = traitlets.List(traitlets.Int(), default_value=[]).tag(sync=True)
    #: The browser's languages, best first (``navigator.languages``).
    languages = traitlets.List(traitlets.Unicode(), default_value=[]).tag(sync=True)
    #: The language chosen earlier on this device (set ``language`` to keep one).
    stored_language = traitlets.Unicode("").tag(sync=True)
    language = traitlets.Unicode("").tag(sync=True)
    #: True while the page speaks a right-to-left language (``dir="rtl"``).
    rtl = traitlets.Bool(False).tag(sync=True)

    @staticmethod
    def environment_query() -> dict[str, str]:
        """The query string Voila hands a kernel it starts on request (not pooled)."""
        return dict(parse_qsl(os.environ.get("QUERY_STRING", "")))

    def page_url(self, notebook: str, **params: str) -> str:
        """A link to another workbook served next to this one."""
        folder = self.pathname.rsplit("/", 1)[0] if "/" in self.pathname else ""
        return workbook_link(f"{self.origin}{folder}", notebook, **params)

    def forget(self) -> None:
        """Clear this browser's token and private notes (someone else's turn)."""
        self.token = ""
        self.send({"forget": True})

    def on_connect(self, callback: object) -> None:
        """Call ``callback()`` once, when the page has reported its location."""

        def fire(change: dict[str, object]) -> None:
            if change["new"]:
                self.unobserve(fire, "connected")
                callback()  # type: ignore[operator]

        self.observe(fire, "connected")
