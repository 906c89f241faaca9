"""One plain layout shared by every widget that has none of its own.

ipywidgets gives each widget a ``Layout`` widget of its own, even when it sets
nothing on it: a participant's join page held 50 widgets, 12 of them empty
layouts, each one more message for the kernel to build, Voila to relay and the
phone to render, and a hall warming 250 pages pays that 250 times. Shared, the
join page has 39 widgets; warming 100 pages took about 6 % less CPU per page in
kernels and in the room's Voila (three runs each, within this machine's noise).

So a widget without a layout gets ``PLAIN``, one layout with nothing set. A
widget whose layout changes later (shown and hidden) takes its own first,
through ``show``; changing ``PLAIN`` itself would change every widget on the
page, so it refuses, saying what to do instead.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from traitlets import validate


def settings_of(widget_class: type[widgets.Widget]) -> list[str]:
    """A layout's or style's own settings (``width``, ``button_color``, ...),
    not the widget machinery's."""
    return sorted(
        set(widget_class.class_trait_names(sync=True))
        - set(widgets.Widget.class_trait_names())
    )


#: Layout's own settings (width, display, ...).
SETTINGS = settings_of(widgets.Layout)


class SharedLayout(widgets.Layout):  # type: ignore[misc]
    """A layout many widgets share, and so nobody may change."""

    @validate(*SETTINGS)
    def _refuse(self, proposal: dict[str, Any]) -> None:
        raise TypeError(
            f"The plain layout is shared by many widgets: give the widget its "
            f"own layout (facilitate.ui.plain_layout.show) before setting "
            f"{proposal['trait'].name}."
        )


PLAIN = SharedLayout()


def share_plain_layout() -> None:
    """Make ``PLAIN`` the layout of every widget created without one."""
    trait = widgets.DOMWidget.class_traits()["layout"]
    trait.make_dynamic_default = lambda: PLAIN


def own_layout(widget: widgets.DOMWidget) -> widgets.Layout:
    """The widget's layout, made its own first if it shares ``PLAIN``."""
    if widget.layout is PLAIN:
        widget.layout = widgets.Layout()
    return widget.layout


def show(widget: widgets.DOMWidget, shown: bool) -> None:
    """Show or hide ``widget`` (its layout's ``display``)."""
    own_layout(widget).display = None if shown else "none"
