"""Small widget builders shared by every page, each with its stable CSS class.

The words given to ``heading``, ``field_label``, ``named``, ``say`` and ``button``
are English and shown in the page's language (``facilitate.core.language``): the
catalogue's extraction knows these builders, so their words are collected as
written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import ipywidgets as widgets

from facilitate.core.language import N_
from facilitate.core.language import gettext as _
from facilitate.core.text import escape
from facilitate.ui.plain_layout import share_plain_layout
from facilitate.ui.plain_style import share_plain_styles

share_plain_layout()  # before any page builds a widget: see plain_layout
share_plain_styles()  # and plain_style

WidgetT = TypeVar("WidgetT")
TextT = TypeVar("TextT", widgets.Text, widgets.Textarea)


def styled(widget: WidgetT, *classes: str) -> WidgetT:
    """Add CSS classes (the ``fc-*`` names browser tests rely on) and return it."""
    for name in classes:
        widget.add_class(name)  # type: ignore[attr-defined]
    return widget


def typed_on_leave(field: TextT) -> TextT:
    """Send what was typed when the person leaves the box, not per keystroke.

    A browser holds back a field's later keystrokes while the kernel is busy
    with its earlier ones, but sends a button press at once: typed fast and
    submitted, the kernel would read a cut-off answer ("Belonging for every s").
    Leaving the box (Tab, a click or a tap on the button) sends the whole text
    first, so a button always reads what the person sees.
    """
    field.continuous_update = False
    return field


def heading(text: str, css_class: str = "fc-heading", level: int = 2) -> widgets.HTML:
    words = escape(_(text))
    return styled(widgets.HTML(f"<h{level}>{words}</h{level}>"), css_class)


def field_label(text: str) -> widgets.HTML:
    """A label above its field: descriptions beside fields crowd phone screens."""
    return styled(widgets.HTML(f"<p>{escape(_(text))}</p>"), "fc-field-label")


def named(widget: WidgetT, name: str) -> WidgetT:
    """Give a field its accessible name, read by screen readers, not shown: the
    visible label sits above it (``field_label``), where phones have room."""
    widget.description = _(name)  # type: ignore[attr-defined]
    widget.add_class("fc-named")  # type: ignore[attr-defined]
    return widget


def message(css_class: str = "fc-message") -> widgets.HTML:
    """An empty line that callbacks fill with one plain sentence."""
    return styled(widgets.HTML(""), css_class)


def say(target: widgets.HTML, text: str, tone: str = "info") -> None:
    """Show one escaped sentence; ``tone`` is info, error or success."""
    words = escape(_(text)) if text else ""
    target.value = f'<p class="fc-say fc-say-{tone}">{words}</p>' if text else ""


#: The error page's heading, above its one sentence.
ERROR_HEADING = N_("Something needs attention")


@dataclass
class ErrorPage:
    """What a workbook shows when it cannot start: one sentence, no traceback."""

    root: widgets.VBox


def error_page(error: Exception) -> ErrorPage:
    note = message("fc-error")
    say(note, str(error), "error")
    return ErrorPage(widgets.VBox([heading(ERROR_HEADING), note]))


class CheckboxGroup(widgets.HBox):  # type: ignore[misc]
    """Tick any number of choices: a phone-friendly multi-select.

    ``value`` is the tuple of chosen keys, like ``SelectMultiple``'s, but each
    choice is a large checkbox a thumb can hit, with no Ctrl-click needed.
    """

    def __init__(
        self, options: list[tuple[str, str]], chosen: tuple[str, ...] = ()
    ) -> None:
        self.choice_keys = [key for _, key in options]
        self.boxes = [
            styled(
                widgets.Checkbox(
                    value=key in chosen,
                    description=label,
                    indent=False,
                    layout=widgets.Layout(width="auto", min_width="14em"),
                ),
                "fc-choice",
            )
            for label, key in options
        ]
        super().__init__(self.boxes, layout=widgets.Layout(flex_flow="row wrap"))

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(
            k for k, box in zip(self.choice_keys, self.boxes, strict=True) if box.value
        )

    @value.setter
    def value(self, chosen: tuple[str, ...]) -> None:
        for key, box in zip(self.choice_keys, self.boxes, strict=True):
            box.value = key in chosen


def button(label: str, css_class: str, style: str = "primary") -> widgets.Button:
    return styled(
        widgets.Button(
            description=_(label),
            button_style=style,
            layout=widgets.Layout(width="auto", min_height="44px"),
        ),
        css_class,
    )
