"""Reading the projected display in a real browser: states, geometry, screenshots.

The geometry check runs in the page and returns every problem it finds, so a
failing test says what is wrong ("text at 18 px", "chart leaves the viewport",
"text lines overlap") rather than only that something is. Lines are compared
as the browser boxes them (``Range.getClientRects()``), so a headline whose
lines are set closer than its type is tall fails, whatever caused it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

#: At 1080 pixels high; other heights scale in proportion.
BODY_PX = 28
KEY_PX = 64
CHART_TEXT_PX = 20
CODE_PX = 160
QR_SHARE = 0.4

GEOMETRY = """
([body, key, chartText, code, qrShare]) => {
  const h = window.innerHeight, w = window.innerWidth, k = h / 1080;
  const problems = [];
  const shown = (el) => {
    const cs = getComputedStyle(el);
    if (cs.visibility !== "visible" || cs.display === "none") return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const name = (el) => (el.className && el.className.baseVal !== undefined
    ? el.className.baseVal : el.className || el.tagName).toString().slice(0, 60);
  const root = document.querySelector(".fc-display");
  if (!root) return ["no .fc-display on the page"];
  for (const el of root.querySelectorAll("*")) {
    if (!shown(el) || el.closest("svg") && el.tagName !== "svg") continue;
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1) {
      problems.push(`${name(el)} leaves the viewport: ${JSON.stringify(
        [r.left, r.top, r.right, r.bottom].map(Math.round))}`);
    }
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const cs = getComputedStyle(el), size = parseFloat(cs.fontSize);
    if (own && !el.closest(".js-plotly-plot") && size < body * k - 0.5) {
      problems.push(`text at ${size} px in ${name(el)}: "${el.textContent.trim()
        .slice(0, 40)}"`);
    }
    const lineHeight = cs.lineHeight === "normal" ? size : parseFloat(cs.lineHeight);
    if (own && !el.closest(".js-plotly-plot") && lineHeight < size - 0.5) {
      problems.push(`${size} px text on a ${lineHeight} px line in ${name(el)}: "${
        el.textContent.trim().slice(0, 40)}"`);
    }
  }
  // Every line of text drawn, as the browser boxes it; no two may overlap.
  const lines = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest("svg, .js-plotly-plot")) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== "visible") continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width > 1 && r.height > 1) {
        lines.push({r, size: parseFloat(cs.fontSize), text: n.textContent.trim()});
      }
    }
  }
  const overlaps = (a, b) => {
    const across = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
    const down = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
    return across > 2 && down > 0.25 * Math.min(a.size, b.size);
  };
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      if (overlaps(lines[i], lines[j])) {
        problems.push(`text lines overlap: "${lines[i].text.slice(0, 30)}" and "${
          lines[j].text.slice(0, 30)}"`);
      }
    }
  }
  for (const plot of root.querySelectorAll(".js-plotly-plot")) {
    if (!shown(plot)) continue;
    const r = plot.getBoundingClientRect();
    if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1) {
      problems.push(`chart ${name(plot)} leaves the viewport`);
    }
    for (const t of plot.querySelectorAll("text")) {
      if (!t.textContent.trim() || !shown(t)) continue;
      const size = parseFloat(getComputedStyle(t).fontSize);
      if (size < chartText * k - 0.5) {
        problems.push(`chart text at ${size} px: "${t.textContent.slice(0, 30)}"`);
      }
      const b = t.getBoundingClientRect();
      if (b.left < -1 || b.right > w + 1 || b.top < -1 || b.bottom > h + 1) {
        problems.push(`chart text leaves the viewport: "${t.textContent}"`);
      }
    }
  }
  for (const el of root.querySelectorAll(".fc-key")) {
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (shown(el) && size < key * k - 0.5) problems.push(`key number at ${size} px`);
  }
  const big = root.querySelector(".fc-welcome.fc-current .fc-big-code");
  if (big && big.getBoundingClientRect().height < code * k - 0.5) {
    problems.push(`join code ${big.getBoundingClientRect().height} px high`);
  }
  const qr = root.querySelector(".fc-welcome.fc-current .fc-qr svg");
  if (qr && qr.getBoundingClientRect().height < qrShare * h) {
    problems.push(`QR code ${qr.getBoundingClientRect().height} px high`);
  }
  const doc = document.documentElement;
  if (doc.scrollWidth > w + 1 || doc.scrollHeight > h + 1) {
    problems.push(`the page scrolls: ${doc.scrollWidth}x${doc.scrollHeight}`);
  }
  return problems;
}
"""


def artifacts() -> Path:
    """Where screenshots go: $FACILITATE_ARTIFACTS or a folder under /tmp."""
    folder = Path(os.environ.get("FACILITATE_ARTIFACTS", "/tmp/facilitate-artifacts"))
    folder = folder / "display"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def geometry_problems(page: Any) -> list[str]:
    return list(
        page.evaluate(GEOMETRY, [BODY_PX, KEY_PX, CHART_TEXT_PX, CODE_PX, QR_SHARE])
    )


def settled_geometry(page: Any, seconds: float = 20) -> list[str]:
    """Geometry problems once the screen settles (charts refit after a resize);
    the problems still there after ``seconds``, or none."""
    deadline = time.monotonic() + seconds
    problems = geometry_problems(page)
    while problems and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        problems = geometry_problems(page)
    return problems


def current(slot: str, state: str) -> str:
    """The selector of a phase's screen in a given state, shown now."""
    return (
        f".fc-display-panel.fc-current .fc-slot-{slot}.fc-current "
        f".fc-screen.fc-state-{state}"
    )


#: The display's two sizes: a 1080p projector and a 720p one.
DISPLAY_SIZES = ((1920, 1080), (1280, 720))


def open_display(page: Any, server: Any, session: Any) -> None:
    """Open ``session``'s display at 1080p with its view token, as the
    projector does, and wait for its join screen."""
    from facilitate.core.sessions import display_token

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(
        f"{server.base}/voila/render/display.ipynb?code={session.code}"
        f"&view={display_token(server.store, session)}"
    )
    page.wait_for_selector(".fc-welcome.fc-current .fc-big-code")


def photograph(
    page: Any, name: str, problems: dict[str, list[str]], sizes: Any = DISPLAY_SIZES
) -> None:
    """A screenshot at each size, and the geometry problems found there."""
    for width, height in sizes:
        page.set_viewport_size({"width": width, "height": height})
        found = settled_geometry(page)
        page.screenshot(path=str(artifacts() / f"{name}-{width}x{height}.png"))
        if found:
            problems[f"{name} at {width}x{height}"] = found
    page.set_viewport_size({"width": 1920, "height": 1080})
