"""The differencing attack, replayed against every alignment view and the summary.

Two rooms are run side by side, identical except for what one person ("the last
person") answers. A batch of people has already answered and been revealed, so
the screen shows means, labels, gaps, the tension list, the spectrum and the
vision words. Then the last person rates two practices, changes a rating, skips
a practice the other room's last person rates, and offers a vision; someone
else joins and rates too. After every step the shared screen (its text and
every chart's data, on each of the three views) and the summary's tables and
notes are captured. If the two rooms ever read differently, someone watching
learned something about that one person: without batched release "now" would
move by exactly their rating.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from facilitate.activities.alignment.controls import VIEWS
from facilitate.activities.alignment.display import AlignmentPanel
from facilitate.activities.alignment.events import PracticeRated, VisionOffered
from facilitate.activities.alignment.report import alignment_part
from facilitate.core.events import (
    ParticipantJoined,
    PhaseChanged,
    ResultsRevealed,
    SettingChanged,
)
from facilitate.core.roster import roster_of
from facilitate.core.sessions import create_session
from facilitate.core.store import open_store
from facilitate.ui.contexts import DisplayContext
from tests.reliability.test_differencing import screen

K = 3
BEFORE = 10  # enough for labels and gaps to be told (from 8 answers)
PRACTICES = ("letter_grades", "pep_rallies", "peer_collaboration")
VISIONS = ("Joy and belonging for all", "Belonging, curiosity and joy")


def early(store, code, index: int) -> None:
    """A person of the batch already on the screen: two camps on letter grades,
    pep rallies ahead of the vision, peer collaboration agreed on."""
    who = f"early{index}"
    store.append(code, ParticipantJoined(who, who.upper(), "teacher"))
    camp = index % 2
    store.append(code, PracticeRated(who, PRACTICES[0], 1 + 6 * camp, 4, 1 + 4 * camp))
    store.append(code, PracticeRated(who, PRACTICES[1], 2, 4 + index % 2, 2))
    store.append(code, PracticeRated(who, PRACTICES[2], 6, 2, 4 + index % 2))
    store.append(code, VisionOffered(who, VISIONS[index % 2]))


Step = Callable[[Any, str, str], None]


def rated(practice: int, spectrum: int, now: int, vision: int) -> Step:
    return lambda s, c, w: s.append(
        c, PracticeRated(w, PRACTICES[practice], spectrum, now, vision)
    )


def joined(s, c, w):
    s.append(c, ParticipantJoined(w, w.upper(), "teacher"))


#: The last person's steps, each as (room A, room B): in room A they answer as
#: the batch's first camp does, in room B as far from it as the scales allow.
LAST: list[tuple[Step, Step]] = [
    (joined, joined),
    (rated(0, 1, 4, 1), rated(0, 7, 1, 5)),
    (rated(1, 2, 4, 2), rated(1, 7, 1, 5)),
    (rated(0, 2, 3, 2), rated(0, 6, 5, 4)),  # a change of mind
    (
        lambda s, c, w: s.append(c, PracticeRated(w, PRACTICES[2], skipped=True)),
        rated(2, 1, 5, 1),
    ),
    (
        lambda s, c, w: s.append(c, VisionOffered(w, "Joy")),
        lambda s, c, w: s.append(c, VisionOffered(w, "Compliance and order")),
    ),
]


def run_room(folder, room: int) -> list[list[Any]]:
    """Every view and the summary after each step of one room."""
    store = open_store(folder)
    session = create_session(store, "Differencing", min_group_size=K)
    code = session.code
    store.append(code, PhaseChanged("alignment"))
    panels = {
        key: AlignmentPanel(DisplayContext(store, session)) for _, key, _ in VIEWS
    }
    for index in range(BEFORE):
        early(store, code, index)
    store.append(code, ResultsRevealed("alignment", True))
    seen: list[list[Any]] = []

    def look() -> None:
        state: list[Any] = []
        for view, panel in panels.items():  # the remote shows each view in turn
            store.append(code, SettingChanged("alignment.view", view))
            records = store.read(code)
            panel.refresh(roster_of(records), records)
            state += [part.replace(code, "CODE") for part in screen(panel.root)]
        state += summary(store.read(code), session)
        seen.append(state)

    look()
    for step in LAST:
        step[room](store, code, "last")
        look()
    joined(store, code, "outsider")
    rated(0, 4, 3, 3)(store, code, "outsider")
    look()
    store.close()
    return seen


def summary(records, session) -> list[str]:
    part = alignment_part(records, session)
    tables = [f"{name}\n{table.to_csv()}" for name, table in part.tables.items()]
    figures = [
        json.dumps(f.to_plotly_json()["data"], default=str) for f in part.figures
    ]
    return [*tables, *figures, *part.notes]


def test_no_alignment_view_tells_the_last_person_apart(tmp_path):
    room_a = run_room(tmp_path / "a", 0)
    room_b = run_room(tmp_path / "b", 1)
    assert len(room_a) == len(room_b) == len(LAST) + 2
    for step, (seen_a, seen_b) in enumerate(zip(room_a, room_b, strict=True)):
        assert seen_a == seen_b, f"step {step} differs"
    shown = "\n".join(room_a[0])
    for words in ("split into two camps", "runs ahead of our vision", "joy"):
        assert words in shown, f"the batch on the screen shows {words!r}"
    assert any(part.startswith("[{") and '"x": [' in part for part in room_a[0])
