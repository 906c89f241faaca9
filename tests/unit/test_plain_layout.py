"""One plain layout shared by every widget without one of its own."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from facilitate.ui.plain_layout import PLAIN, own_layout, show
from tests.unit.join_page_widgets import code_step_root, inside


def test_a_join_page_shares_one_plain_layout(store):
    layouts = [widget.layout for widget in inside(code_step_root(store))]
    assert sum(layout is PLAIN for layout in layouts) >= 5
    # the fields' one wide layout, the plain one, a few buttons' own
    assert len({id(layout) for layout in layouts}) <= 4


def test_the_shared_layout_refuses_changes_with_what_to_do():
    with pytest.raises(TypeError, match="give the widget its own layout"):
        PLAIN.display = "none"
    assert PLAIN.display is None


def test_showing_and_hiding_changes_only_that_widget():
    hidden, other = widgets.HTML(), widgets.HTML()
    show(hidden, False)
    assert hidden.layout.display == "none"
    assert other.layout is PLAIN
    assert PLAIN.display is None
    show(hidden, True)
    assert hidden.layout.display is None
    assert own_layout(hidden) is hidden.layout is not PLAIN
