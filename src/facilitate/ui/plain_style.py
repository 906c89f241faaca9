"""One plain style of each kind, shared by every widget that has none of its own.

Like its layout (``plain_layout``), ipywidgets gives every button, text and
HTML widget a style widget of its own even when nothing is set on it: 13 of
the 34 widgets a participant's join page builds before anyone opens it, each
one more message for the kernel to build, Voila to relay and the phone to
render, 250 times over as a hall's pool warms.

So a widget created without a style gets the shared plain style of its kind
(``plain_style``): 5 style widgets on a join page instead of 13. A widget
whose style changes later takes its own first, through ``own_style``;
changing a shared style would change every widget of its kind on the page, so
it refuses, saying what to do instead. A style given when the widget is made
(``style={"button_width": "auto"}``) is the widget's own, as before.
"""

from __future__ import annotations

from functools import cache, partial
from typing import Any

import ipywidgets as widgets
from traitlets import Instance, validate

from facilitate.ui.plain_layout import settings_of


@cache
def plain_style(style_class: type[widgets.Widget]) -> widgets.Widget:
    """The one shared, unchangeable style of ``style_class``."""

    def refuse(self: Any, proposal: dict[str, Any]) -> None:
        raise TypeError(
            f"This plain style is shared by many widgets: give the widget its "
            f"own style (facilitate.ui.plain_style.own_style) before setting "
            f"{proposal['trait'].name}."
        )

    shared = type(
        f"Shared{style_class.__name__}",
        (style_class,),
        {
            "_refuse": validate(*settings_of(style_class))(refuse),
            "plain_of": style_class,
        },
    )
    return shared()


def style_traits() -> list[Instance[Any]]:
    """The ``style`` trait of every widget class there is (one per declaration)."""
    found: dict[int, Instance[Any]] = {}
    pending = [widgets.DOMWidget]
    while pending:
        widget_class = pending.pop()
        pending.extend(widget_class.__subclasses__())
        trait = widget_class.class_traits().get("style")
        if isinstance(trait, Instance) and isinstance(trait.klass, type):
            found[id(trait)] = trait
    return list(found.values())


def share_plain_styles() -> None:
    """Make the plain style of its kind the style of every widget made without one."""
    for trait in style_traits():
        kind: type[widgets.Widget] = trait.klass  # type: ignore[assignment]
        trait.make_dynamic_default = partial(plain_style, kind)  # type: ignore[method-assign,arg-type]


def own_style(widget: widgets.DOMWidget) -> widgets.Widget:
    """The widget's style, made its own first if it shares a plain one."""
    kind = getattr(widget.style, "plain_of", None)
    if kind is not None:
        widget.style = kind()
    return widget.style
