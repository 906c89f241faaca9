"""Watching the projected display's count of people for benchmarks.

The display's welcome screen says how many people have joined
(``.fc-count .fc-count-number``); its widget stays on the page in every phase,
so its number follows the log whichever screen is shown (read as textContent:
innerText is empty while the welcome is hidden). A MutationObserver in the page
notes when each number first appears, on the browser's own clock.
"""

from __future__ import annotations

from typing import Any

NUMBER = ".fc-count .fc-count-number"

OBSERVE = """() => {
  window.seen = [];
  const el = document.querySelector('.fc-count');
  const note = () => {
    const number = el.querySelector('.fc-count-number');
    if (number) { window.seen.push([Date.now() / 1000, number.textContent.trim()]); }
  };
  new MutationObserver(note)
    .observe(el, {subtree: true, childList: true, characterData: true});
}"""


def count_shown(display: Any) -> int:
    """The number of people the display shows now."""
    return int(display.text_content(NUMBER).strip())


def wait_for_count(display: Any, count: int, timeout_ms: float = 60_000) -> None:
    """Wait until the display shows at least ``count`` people."""
    display.wait_for_function(
        "([sel, want]) => { const el = document.querySelector(sel);"
        " return el !== null && Number(el.textContent.trim()) >= want; }",
        arg=[NUMBER, count],
        timeout=timeout_ms,
    )


def first_shown(seen: list[tuple[float, str]]) -> dict[int, float]:
    """When each count was first on the display: a jump from 3 to 5 shows 4 too."""
    shown_at: dict[int, float] = {}
    for at, text in seen:
        if text.isdigit():
            for n in range(1, int(text) + 1):
                shown_at.setdefault(n, at)
    return shown_at
