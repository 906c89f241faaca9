"""Q3 and Q4 on the team page: supports now and planned, and response checks.

A support is decided at the meeting the page is on; its start date says whether
it is in place now or planned, and it says which of the notes of what is behind
the difficulty (Q2) it targets, so the team reads cause, support, response. A
response check is one per student, area and meeting, and always carries the
evidence it rests on: a short note of what the team looked at, because the point
is evidence over opinion.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import ipywidgets as widgets

from facilitate.core.errors import InvalidInput
from facilitate.core.events import Event
from facilitate.core.text import clean_text
from facilitate.teams.content import FourQuestions
from facilitate.teams.events import (
    END_REASONS,
    RESPONSES,
    TIERS,
    ResponseChecked,
    SupportAdded,
    SupportEnded,
)
from facilitate.teams.fields import (
    Options,
    chosen,
    dropdown,
    meeting,
    new_id,
    set_options,
    student_options,
    text,
)
from facilitate.teams.state import TeamState
from facilitate.ui.widgets import (
    CheckboxGroup,
    button,
    field_label,
    heading,
    message,
    styled,
)

WHAT_LIMIT = 120
OWNER_LIMIT = 60
EVIDENCE_LIMIT = 300
CHECK_EVERY: Options = [
    ("Every meeting", 1),
    ("Every second meeting", 2),
    ("Every third meeting", 3),
]


def area_options(
    state: TeamState, content: FourQuestions, student: object, cycle: str | None
) -> Options:
    """The student's open areas of concern at ``cycle``, in the file's order."""
    if not cycle or not student:
        return []
    areas = [a for s, a in state.open_pairs(cycle) if s == student]
    areas.sort(key=lambda a: (content.area_order(a), a))
    return [(content.area_label(a), a) for a in areas]


def cause_options(state: TeamState, student: object, cycle: str | None) -> Options:
    """The student's notes of what is behind the difficulty, as of ``cycle``."""
    if not cycle or not student:
        return []
    return [(c.note, c.cause) for c in state.causes_of(str(student), cycle)]


def toggles(options: Options, css_class: str) -> widgets.ToggleButtons:
    return styled(widgets.ToggleButtons(options=options, value=None), css_class)


@dataclass
class SupportForm:
    """Q3: what, tier, owner, start date and how often it will be checked."""

    content: FourQuestions
    student: widgets.Dropdown = field(
        default_factory=lambda: dropdown("fc-support-student")
    )
    area: widgets.Dropdown = field(default_factory=lambda: dropdown("fc-support-area"))
    what: widgets.Text = field(
        default_factory=lambda: text(
            "fc-support-what", "What, e.g. phonics group 3x/week"
        )
    )
    support_type: widgets.Dropdown = field(init=False)
    tier: widgets.ToggleButtons = field(
        default_factory=lambda: toggles(
            [(f"Tier {t}", t) for t in TIERS], "fc-support-tier"
        )
    )
    owner: widgets.Text = field(
        default_factory=lambda: text("fc-support-owner", "Who leads it")
    )
    start: widgets.DatePicker = field(
        default_factory=lambda: styled(widgets.DatePicker(), "fc-support-start")
    )
    every: widgets.Dropdown = field(
        default_factory=lambda: dropdown("fc-support-every", CHECK_EVERY)
    )
    targets: CheckboxGroup = field(default_factory=lambda: CheckboxGroup([]))
    targets_box: widgets.VBox = field(default_factory=widgets.VBox)
    target_options: Options | None = None
    add: widgets.Button = field(
        default_factory=lambda: button("Add support", "fc-add-support")
    )
    ending: widgets.Dropdown = field(default_factory=lambda: dropdown("fc-end-which"))
    reason: widgets.Dropdown = field(
        default_factory=lambda: dropdown(
            "fc-end-reason", [(label, key) for key, label in END_REASONS]
        )
    )
    end: widgets.Button = field(
        default_factory=lambda: button("End this support", "fc-end-support", style="")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-support-status"))
    root: widgets.VBox = field(default_factory=widgets.VBox)
    dated_for: str = ""

    def __post_init__(self) -> None:
        self.support_type = dropdown(
            "fc-support-type", [(t.label, t.key) for t in self.content.support_types]
        )
        self.root.children = [
            heading("Q3. What are we doing now, and what will we do next?", level=3),
            field_label("Student"),
            self.student,
            field_label("Area"),
            self.area,
            field_label("Support"),
            self.what,
            self.support_type,
            self.tier,
            field_label("Owner"),
            self.owner,
            field_label("Starts (a later date makes it a planned support)"),
            self.start,
            field_label("Checked"),
            self.every,
            field_label("What is behind it that this support targets (Q2)"),
            self.targets_box,
            self.add,
            field_label("Ending a support (stepping down, changing, intensifying)"),
            self.ending,
            self.reason,
            self.end,
            self.status,
        ]

    def update(self, state: TeamState, cycle: str | None) -> None:
        set_options(self.student, student_options(state, cycle))
        set_options(
            self.area, area_options(state, self.content, self.student.value, cycle)
        )
        set_options(self.ending, self.running(state, cycle))
        self.show_targets(cause_options(state, self.student.value, cycle))
        if cycle and cycle != self.dated_for:
            self.dated_for = cycle
            self.start.value = dt.date.fromisoformat(cycle)

    def show_targets(self, options: Options) -> None:
        """One box per note of the chosen student; ticks kept while notes stay."""
        if options == self.target_options:
            return
        self.target_options = options
        kept = self.targets.value
        self.targets = styled(CheckboxGroup(options, kept), "fc-support-causes")
        self.targets_box.children = (
            [self.targets]
            if options
            else [field_label("No note yet: add one in Q2 to say what it targets.")]
        )

    def running(self, state: TeamState, cycle: str | None) -> Options:
        """The chosen student's supports in place or planned, to end one."""
        if not cycle or not self.student.value:
            return []
        supports = [
            s
            for s in state.supports.values()
            if s.student == self.student.value and s in state.supports_of(s.pair, cycle)
        ]
        return [
            (f"{self.content.area_label(s.area)}: tier {s.tier}, {s.what}", s.support)
            for s in supports
        ]

    def events(self, state: TeamState, cycle: str | None) -> list[Event]:
        when = meeting(cycle)
        student = chosen(self.student.value, "a student (add one in Q1)")
        area = chosen(self.area.value, "an area (tick the student's areas in Q2)")
        what = clean_text(
            self.what.value, what="what the support is", limit=WHAT_LIMIT, required=True
        )
        tier = int(chosen(self.tier.value, "a tier"))
        owner = clean_text(
            self.owner.value,
            what="who owns the support",
            limit=OWNER_LIMIT,
            required=True,
        )
        if self.start.value is None:
            raise InvalidInput("Please choose the date the support starts.")
        return [
            SupportAdded(
                support=new_id("su"),
                student=student,
                area=area,
                what=what,
                support_type=chosen(self.support_type.value, "a kind of support"),
                tier=tier,
                owner=owner,
                start=self.start.value.isoformat(),
                check_every=int(self.every.value or 1),
                cycle=when,
                causes=list(self.targets.value),
            )
        ]

    def end_events(self, state: TeamState, cycle: str | None) -> list[Event]:
        when = meeting(cycle)
        support = chosen(self.ending.value, "a support to end")
        return [SupportEnded(support, chosen(self.reason.value, "a reason"), when)]

    def done(self) -> None:
        self.what.value = ""
        self.owner.value = ""
        self.tier.value = None
        self.targets.value = ()


@dataclass
class CheckForm:
    """Q4: has the student responded? One check per student, area and meeting."""

    content: FourQuestions
    student: widgets.Dropdown = field(
        default_factory=lambda: dropdown("fc-check-student")
    )
    area: widgets.Dropdown = field(default_factory=lambda: dropdown("fc-check-area"))
    response: widgets.ToggleButtons = field(
        default_factory=lambda: toggles(
            [(label, key) for key, label in RESPONSES], "fc-check-response"
        )
    )
    evidence: widgets.Text = field(
        default_factory=lambda: text(
            "fc-check-evidence", "What we looked at, e.g. running record 12 Mar"
        )
    )
    record: widgets.Button = field(
        default_factory=lambda: button("Record check", "fc-record-check")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-check-status"))
    root: widgets.VBox = field(default_factory=widgets.VBox)

    def __post_init__(self) -> None:
        self.root.children = [
            heading("Q4. Has the student responded?", level=3),
            field_label("Student"),
            self.student,
            field_label("Area"),
            self.area,
            field_label("Response at this meeting"),
            self.response,
            field_label("Evidence (required): what did we look at?"),
            self.evidence,
            self.record,
            self.status,
        ]

    def update(self, state: TeamState, cycle: str | None) -> None:
        set_options(self.student, student_options(state, cycle))
        set_options(
            self.area, area_options(state, self.content, self.student.value, cycle)
        )

    def events(self, state: TeamState, cycle: str | None) -> list[Event]:
        when = meeting(cycle)
        student = chosen(self.student.value, "a student (add one in Q1)")
        area = chosen(self.area.value, "an area (tick the student's areas in Q2)")
        response = chosen(self.response.value, "how the student responded")
        evidence = clean_text(
            self.evidence.value,
            what="the evidence this rests on (what the team looked at)",
            limit=EVIDENCE_LIMIT,
            required=True,
        )
        return [ResponseChecked(student, area, when, response, evidence)]

    def saved(self, state: TeamState, events: list[Event]) -> str:
        check = events[0]
        assert isinstance(check, ResponseChecked)
        earlier = check.cycle in state.checks.get((check.student, check.area), {})
        return (
            "Check recorded; it replaces this meeting's earlier check."
            if earlier
            else "Check recorded."
        )

    def done(self) -> None:
        self.evidence.value = ""
        self.response.value = None
