"""A tiny widget that asks the browser to warn before leaving with unsaved text.

Autosave runs in the kernel a moment after typing stops, so for that moment what
was typed lives only in the page. While the kernel says ``unsaved`` (or the person
typed since the kernel last said it was saved), leaving or reloading the page shows
the browser's own "leave site?" question. The page's body carries
``data-fc-unsaved`` so tests and styles can see the state.
"""

from __future__ import annotations

import anywidget
import traitlets

_ESM = """
function render({ model, el }) {
  el.style.display = "none";
  let typed = false;
  const show = () => {
    document.body.dataset.fcUnsaved = (typed || model.get("unsaved")) ? "1" : "0";
  };
  const onInput = (event) => {
    if (event.target && event.target.closest && event.target.closest(".fc-autosave")) {
      typed = true;
      show();
    }
  };
  const onLeave = (event) => {
    if (typed || model.get("unsaved")) {
      event.preventDefault();
      event.returnValue = "";
      return "";
    }
  };
  model.on("change:unsaved", () => { typed = false; show(); });
  model.on("change:saves", () => { typed = false; show(); });
  document.addEventListener("input", onInput, true);
  window.addEventListener("beforeunload", onLeave);
  show();
  return () => {
    document.removeEventListener("input", onInput, true);
    window.removeEventListener("beforeunload", onLeave);
  };
}
export default { render };
"""


class UnsavedGuard(anywidget.AnyWidget):  # type: ignore[misc]
    """Set ``unsaved`` while text awaits autosave; bump ``saves`` after each save."""

    _esm = _ESM
    unsaved = traitlets.Bool(False).tag(sync=True)
    saves = traitlets.Int(0).tag(sync=True)

    def mark(self, unsaved: bool) -> None:
        """Tell the browser whether anything typed is still waiting to be saved."""
        if unsaved:
            self.unsaved = True
        else:
            self.unsaved = False
            self.saves += 1
