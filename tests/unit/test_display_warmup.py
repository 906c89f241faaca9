"""The display pays for its panels before the room waits: every panel is drawn
once as the display opens, so the first phase change has nothing new to do."""

from __future__ import annotations

from facilitate.core.agenda import current_agenda
from facilitate.core.sessions import display_token
from facilitate.demo import seed_demo
from facilitate.ui.chart_warmup import warm_charts
from facilitate.ui.display_page import DisplayPage


def test_hidden_panels_are_drawn_with_the_log_as_the_display_opens(store):
    session = seed_demo(store)
    display = DisplayPage(store=store)
    display.start()
    display.open(session.code, display_token(store, session))
    records = len(display.records)
    panel = display.slots["self_assessment"].panel
    assert display.current != "self_assessment"
    assert panel.seen == records  # drawn already, though not shown


def test_warming_the_charts_draws_without_a_page():
    warm_charts()  # raises if a figure of ours could not be built
    assert current_agenda().phases
