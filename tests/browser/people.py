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
