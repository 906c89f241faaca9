"""Keep what a person typed and chose when their page is built again.

Switching language builds each form again in the new words. The new form is
built by the same code from the same log, so it has the same shape as the old
one: walking both side by side, every field's value (typed text, a choice, a
ticked box) moves across. Only words change; keys and typed text do not.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

#: Widgets whose value is words we wrote, not something a person entered.
_OURS = (widgets.HTML, widgets.HTMLMath, widgets.Label, widgets.Button)


def carry_over(old: Any, new: Any) -> None:
    """Copy every entered value from ``old``'s widget tree to ``new``'s."""
    if type(old) is not type(new):
        return
    if _entered(old):
        _copy(old, new)
    for before, after in zip(_children(old), _children(new), strict=False):
        carry_over(before, after)


def _entered(widget: Any) -> bool:
    if isinstance(widget, _OURS) or not isinstance(widget, widgets.Widget):
        return False
    return isinstance(widget, widgets.ValueWidget) or hasattr(widget, "choice_keys")


def _copy(old: Any, new: Any) -> None:
    value = old.value
    options = getattr(new, "options", None)
    if options is not None and value is not None:
        keys = [
            option[1] if isinstance(option, tuple) else option for option in options
        ]
        chosen = value if isinstance(value, tuple) else (value,)
        if not all(key in keys for key in chosen):
            return
    try:
        new.value = value
    except Exception:
        return


def _children(widget: Any) -> list[Any]:
    children = getattr(widget, "children", None)
    return list(children) if isinstance(children, (list, tuple)) else []
