"""What a participant does in the browser, as reusable steps for browser tests."""

from __future__ import annotations

import time
from typing import Any


def join(
    page: Any, url: str, name: str, role: str = "Teacher", choice: int = 0
) -> None:
    """Open the participant link, fill the join form and wait to be in."""
    page.goto(url)
    page.wait_for_selector(".fc-name input")
    page.fill(".fc-name input", name)
    page.select_option(".fc-role select", label=role)
    page.locator(".fc-checkin input[type=radio]").nth(choice).check()
    page.click(".fc-submit")
    page.wait_for_selector(".fc-phase h2")


def wait_for_text(
    page: Any, selector: str, text: str, timeout_ms: int = 15_000
) -> None:
    """Wait until ``selector``'s text is exactly ``text`` (no click needed)."""
    page.wait_for_function(
        "([sel, want]) => { const el = document.querySelector(sel);"
        " return el !== null && el.innerText.trim() === want; }",
        arg=[selector, text],
        timeout=timeout_ms,
    )


def plot_selector(css_class: str) -> str:
    """A plotly FigureWidget carries its CSS class on the plot element itself."""
    return f".{css_class}.js-plotly-plot, .{css_class} .js-plotly-plot"


def plot_data(page: Any, css_class: str) -> list[dict[str, Any]] | None:
    """The traces plotly is drawing in the chart with ``css_class`` (None if absent)."""
    return page.evaluate(
        "(sel) => { const p = document.querySelector(sel);"
        " return p && p.data ? JSON.parse(JSON.stringify(p.data)) : null; }",
        plot_selector(css_class),
    )


def wait_for_count(store: Any, code: str, kind: str, count: int) -> None:
    """Wait until the store holds at least ``count`` events of ``kind``."""
    deadline = time.monotonic() + 30
    while len(store.read(code, kinds=[kind])) < count:
        assert time.monotonic() < deadline, f"only {store.read(code, kinds=[kind])}"
        time.sleep(0.05)


#: A common phone, held upright.
PHONE = {"width": 390, "height": 844}

#: Problems with the options inside one element, as a phone draws them: radio
#: options that overlap, a circle outside its own option (so tapping it picks
#: another), words running out of their box, and numbered scale buttons that
#: wrap onto a second row or cut their number short.
OPTION_GEOMETRY = """
(selector) => {
  const problems = [];
  const root = document.querySelector(selector);
  if (!root) return [`nothing matches ${selector}`];
  const inside = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1
    && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const labels = [...root.querySelectorAll(".widget-radio-box label")];
  const boxes = labels.map(l => l.getBoundingClientRect());
  labels.forEach((label, i) => {
    const words = label.textContent.trim();
    boxes.forEach((other, j) => {
      if (j > i && overlap(boxes[i], other)) {
        problems.push(`"${words}" overlaps "${labels[j].textContent.trim()}"`);
      }
    });
    const circle = label.querySelector("input").getBoundingClientRect();
    if (!inside(circle, boxes[i])) {
      problems.push(`the circle of "${words}" is outside it`);
    }
    boxes.forEach((other, j) => {
      if (j !== i && overlap(circle, other)) {
        problems.push(`the circle of "${words}" lies on "${
          labels[j].textContent.trim()}"`);
      }
    });
    const range = document.createRange();
    range.selectNodeContents(label);
    for (const line of range.getClientRects()) {
      if (!inside(line, boxes[i])) problems.push(`"${words}" runs out of its box`);
    }
  });
  const buttons = [...root.querySelectorAll(".widget-toggle-button")];
  const rows = new Set(buttons.map(b => Math.round(b.getBoundingClientRect().top)));
  if (rows.size > 1) problems.push(`the scale wraps onto ${rows.size} rows`);
  for (const b of buttons) {
    if (b.scrollWidth > b.clientWidth + 1) {
      problems.push(`"${b.textContent}" is cut short`);
    }
    if (b.getBoundingClientRect().right > window.innerWidth) {
      problems.push(`"${b.textContent}" leaves the screen`);
    }
  }
  return problems;
}
"""


def option_problems(page: Any, selector: str) -> list[str]:
    """What is wrong with how the options in ``selector`` are drawn (see above)."""
    return list(page.evaluate(OPTION_GEOMETRY, selector))


def tap_circle(page: Any, radio: Any) -> None:
    """Tap the very middle of a radio button's circle, as a thumb would, and
    wait for that option (not whichever lies on top of it) to be chosen."""
    radio.scroll_into_view_if_needed()
    box = radio.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert radio.is_checked(), "tapping the circle did not choose its option"
