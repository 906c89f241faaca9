"""Q1 and Q2 on the team page, and the class composition for the equity lens.

Each form holds its widgets, refreshes its options from the folded log, and
builds the events to record (raising InvalidInput with a sentence when the input
cannot be kept); the page records them through ``record()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as widgets

from facilitate.core.errors import InvalidInput
from facilitate.core.events import Event
from facilitate.core.text import clean_text
from facilitate.teams.content import FourQuestions
from facilitate.teams.events import (
    CauseNoted,
    ClassCounted,
    ConcernRaised,
    ConcernResolved,
    StudentAdded,
)
from facilitate.teams.fields import (
    chosen,
    dropdown,
    meeting,
    new_id,
    set_options,
    student_options,
    text,
)
from facilitate.teams.identifiers import same_student_key, student_label
from facilitate.teams.state import TeamState
from facilitate.ui.widgets import CheckboxGroup, button, field_label, heading, message

GROUP_LIMIT = 40
CAUSE_LIMIT = 160
NO_GROUP = ("No group recorded", "")


@dataclass
class StudentForm:
    """Q1: a student of concern, by initials or school ID, with an optional group."""

    label: widgets.Text = field(
        default_factory=lambda: text("fc-student-label", "Initials or school ID")
    )
    group: widgets.Dropdown = field(
        default_factory=lambda: dropdown("fc-student-group", [NO_GROUP])
    )
    add: widgets.Button = field(
        default_factory=lambda: button("Add student", "fc-add-student")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-student-status"))
    root: widgets.VBox = field(default_factory=widgets.VBox)

    def __post_init__(self) -> None:
        self.root.children = [
            heading("Q1. About which students do we have concerns?", level=3),
            field_label("Initials (like M.L.) or a school ID, never a full name"),
            self.label,
            field_label("Group, for the equity lens (optional)"),
            self.group,
            self.add,
            self.status,
        ]

    def update(self, state: TeamState) -> None:
        used = sorted({s.group for s in state.students.values()} - {""})
        groups = [*state.composition, *(g for g in used if g not in state.composition)]
        set_options(self.group, [NO_GROUP, *((g, g) for g in groups)])

    def events(self, state: TeamState, cycle: str | None) -> list[Event]:
        label = student_label(self.label.value)
        when = meeting(cycle)
        twin = next(
            (
                s.label
                for s in state.students.values()
                if same_student_key(s.label) == same_student_key(label)
            ),
            None,
        )
        if twin is not None:
            raise InvalidInput(
                f"'{label}' is already on the team's list (as {twin}). If this is "
                "another student, add a digit or use a school ID (like M.L.2)."
            )
        return [StudentAdded(new_id("st"), label, str(self.group.value or ""), when)]

    def done(self) -> None:
        self.label.value = ""


@dataclass
class AreasForm:
    """Q2: the areas of concern for one student, and what we think is behind it.

    Unticking an area closes that concern. The note of what is behind the
    difficulty (a cause or antecedent the team can act on) stays on this page;
    a support then says which notes it targets (Q3).
    """

    content: FourQuestions
    student: widgets.Dropdown = field(
        default_factory=lambda: dropdown("fc-areas-student")
    )
    cause: widgets.Text = field(
        default_factory=lambda: text(
            "fc-cause-note", "e.g. missed most of grade 2; decoding, not meaning"
        )
    )
    save: widgets.Button = field(
        default_factory=lambda: button("Save areas", "fc-save-areas")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-areas-status"))
    root: widgets.VBox = field(default_factory=widgets.VBox)
    areas: CheckboxGroup = field(init=False)
    shown_for: tuple[str, frozenset[str]] = ("", frozenset())

    def __post_init__(self) -> None:
        self.areas = CheckboxGroup([(a.label, a.key) for a in self.content.areas])
        self.areas.add_class("fc-areas")
        self.root.children = [
            heading("Q2. In which areas, and what is behind it?", level=3),
            field_label("Student"),
            self.student,
            field_label("Areas of concern (untick an area to close that concern)"),
            self.areas,
            field_label(
                "What we think is behind it (optional, a short note; it stays on "
                "this page)"
            ),
            self.cause,
            self.save,
            self.status,
        ]

    def update(self, state: TeamState, cycle: str | None) -> None:
        """New students in the list; ticks follow the stored areas when they change."""
        set_options(self.student, student_options(state, cycle))
        now = (str(self.student.value or ""), self.open_areas(state, cycle))
        if now != self.shown_for:
            self.shown_for = now
            self.areas.value = tuple(now[1])

    def open_areas(self, state: TeamState, cycle: str | None) -> frozenset[str]:
        student = str(self.student.value or "")
        if not cycle or not student:
            return frozenset()
        return frozenset(a for s, a in state.open_pairs(cycle) if s == student)

    def events(self, state: TeamState, cycle: str | None) -> list[Event]:
        when = meeting(cycle)
        student = chosen(self.student.value, "a student (add one in Q1)")
        before = self.open_areas(state, when)
        ticked = set(self.areas.value)
        events: list[Event] = [
            ConcernRaised(student, a, when) for a in self.areas.value if a not in before
        ]
        events += [ConcernResolved(student, a, when) for a in sorted(before - ticked)]
        note = clean_text(self.cause.value, what="what is behind it", limit=CAUSE_LIMIT)
        if note:
            events.append(CauseNoted(new_id("ca"), student, note, when))
        if not events:
            raise InvalidInput(
                "Nothing changed: tick or untick an area, or write what is behind "
                "it, first."
            )
        return events

    def saved(self, events: list[Event]) -> str:
        """What was saved, in words; the note's box is emptied for the next one."""
        added = [
            self.content.area_label(e.area)
            for e in events
            if isinstance(e, ConcernRaised)
        ]
        closed = [
            self.content.area_label(e.area)
            for e in events
            if isinstance(e, ConcernResolved)
        ]
        said = []
        if added:
            said.append(f"concern added in {', '.join(added)}")
        if closed:
            said.append(f"concern closed in {', '.join(closed)}")
        if any(isinstance(e, CauseNoted) for e in events):
            said.append("note of what is behind it added")
            self.cause.value = ""
        return "Saved: " + "; ".join(said) + "."


@dataclass
class CompositionForm:
    """The classes' composition for the equity lens: a count per group."""

    group: widgets.Text = field(
        default_factory=lambda: text(
            "fc-class-group", "Group, as the school records it"
        )
    )
    count: widgets.BoundedIntText = field(
        default_factory=lambda: widgets.BoundedIntText(value=0, min=0, max=5000)
    )
    save: widgets.Button = field(
        default_factory=lambda: button("Save count", "fc-save-class-count", style="")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-class-status"))
    root: widgets.VBox = field(default_factory=widgets.VBox)

    def __post_init__(self) -> None:
        self.count.add_class("fc-class-count")
        self.group.layout = widgets.Layout(width="20em")
        self.count.layout = widgets.Layout(width="7em")
        self.root.children = [
            field_label(
                "Our classes' composition: students per group (0 removes a group)"
            ),
            widgets.HBox([self.group, self.count, self.save]),
            self.status,
        ]

    def events(self) -> list[Event]:
        group = clean_text(
            self.group.value, what="a group name", limit=GROUP_LIMIT, required=True
        )
        return [ClassCounted(group, int(self.count.value))]

    def done(self) -> None:
        self.group.value = ""
        self.count.value = 0
