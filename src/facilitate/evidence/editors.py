"""The evidence page's building blocks: a written part and a scoring-guide row.

Each is a small dataclass of named widgets (tests reach them by name, browsers by
their ``fc-*`` classes). They show and count; the page decides when to save.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as widgets

from facilitate.core.text import escape
from facilitate.evidence.content import Criterion, PartGuide, Rubric, word_count
from facilitate.evidence.render import (
    count_html,
    levels_html,
    passes_html,
    prompts_html,
)
from facilitate.ui.widgets import CheckboxGroup, styled

_GROW = widgets.Layout(flex="2 1 26em", min_width="0")
_SIDE = widgets.Layout(flex="1 1 14em", min_width="0", margin="0 0 0 1em")


@dataclass
class PartEditor:
    """Prompts, a text box with a live word count, and the passing criterion."""

    part: PartGuide
    text: widgets.Textarea
    count: widgets.HTML
    evidence: widgets.HTML = field(default_factory=widgets.HTML)
    root: widgets.VBox = field(default_factory=widgets.VBox)

    @classmethod
    def build(cls, part: PartGuide) -> PartEditor:
        text = styled(
            widgets.Textarea(
                rows=14,
                placeholder="Write here; it is saved as you type.",
                continuous_update=True,
                layout=widgets.Layout(width="100%"),
            ),
            f"fc-text-{part.key}",
            "fc-autosave",
        )
        editor = cls(part, text, styled(widgets.HTML(), f"fc-words-{part.key}"))
        heading = widgets.HTML(
            f'<h3 id="part-{escape(part.key)}">{escape(part.label)}</h3>'
            + prompts_html(part)
        )
        writing = widgets.VBox([text, editor.count], layout=_GROW)
        passes = styled(
            widgets.HTML(passes_html(part), layout=_SIDE), f"fc-passes-{part.key}"
        )
        row = widgets.HBox(
            [writing, passes], layout=widgets.Layout(flex_flow="row wrap")
        )
        editor.root.children = [heading, row, editor.evidence]
        styled(editor.root, "fc-part", f"fc-part-{part.key}")
        editor.show_count()
        return editor

    def show_count(self) -> None:
        """The count against the limit: a warning at it, a flag over it, no cut."""
        self.count.value = count_html(word_count(self.text.value, self.part.limit))


@dataclass
class RubricRowEditor:
    """One scoring-guide row: the levels' criteria, a self-rating, evidence links."""

    criterion: Criterion
    rubric: Rubric
    rating: widgets.RadioButtons
    links: CheckboxGroup
    levels: widgets.HTML = field(default_factory=widgets.HTML)
    root: widgets.VBox = field(default_factory=widgets.VBox)

    @classmethod
    def build(
        cls, rubric: Rubric, criterion: Criterion, options: list[tuple[str, str]]
    ) -> RubricRowEditor:
        rating = styled(
            widgets.RadioButtons(
                options=[(level.label, level.key) for level in rubric.levels],
                value=None,
            ),
            f"fc-rating-{criterion.key}",
        )
        links = styled(CheckboxGroup(options), f"fc-links-{criterion.key}")
        editor = cls(criterion, rubric, rating, links)
        editor.root.children = [
            widgets.HTML(
                f'<h3 id="row-{escape(criterion.key)}">{escape(criterion.label)}</h3>'
                f'<p class="fc-meta">{escape(criterion.question)}</p>'
            ),
            editor.levels,
            widgets.HTML('<p class="fc-label">Your self-rating</p>'),
            rating,
            widgets.HTML('<p class="fc-label">Evidence that shows it</p>'),
            links,
        ]
        styled(editor.root, "fc-rubric-row", f"fc-row-{criterion.key}")
        editor.show_levels()
        return editor

    def show_levels(self) -> None:
        chosen = str(self.rating.value or "")
        self.levels.value = levels_html(self.rubric, self.criterion, chosen)
