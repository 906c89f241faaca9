"""One plain style of each kind shared by every widget without one of its own."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from facilitate.ui.plain_style import own_style, plain_style
from tests.unit.join_page_widgets import code_step_root, inside


def test_a_join_page_shares_one_plain_style_of_each_kind(store):
    root = code_step_root(store)
    styles = [w.style for w in inside(root) if "style" in w.trait_names()]
    plain = [style for style in styles if hasattr(style, "plain_of")]
    assert len(plain) >= 4
    assert len({id(style) for style in plain}) == len({type(s) for s in plain})


def test_a_shared_style_refuses_changes_with_what_to_do():
    shared = plain_style(widgets.ButtonStyle)
    assert widgets.Button().style is shared
    with pytest.raises(TypeError, match="give the widget its own style"):
        shared.button_color = "red"
    assert shared.button_color is None


def test_a_widget_given_its_own_style_changes_only_itself():
    coloured, other = widgets.Button(), widgets.Button()
    own_style(coloured).text_color = "#111"
    assert coloured.style.text_color == "#111"
    assert other.style is plain_style(widgets.ButtonStyle)
    assert other.style.text_color is None
    assert own_style(coloured) is coloured.style


def test_a_style_given_at_creation_is_the_widgets_own():
    choice = widgets.ToggleButtons(options=["a"], style={"button_width": "auto"})
    assert not hasattr(choice.style, "plain_of")
    assert choice.style.button_width == "auto"
