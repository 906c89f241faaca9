"""Words the display builds around numbers (progress, k, merged groups) are said
in the room's language, and in both on a two-language display."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from facilitate.activities.checkin.events import (
    ANOTHER_FEELING,
    CheckinAnswered,
)
from facilitate.core import language
from facilitate.core.coarsen import group_label
from facilitate.core.events import ParticipantJoined
from facilitate.core.language import N_
from facilitate.core.release_words import needs_more, progress_in_steps, shown_once
from facilitate.core.sessions import display_token

ENGLISH_PROGRESS = ("Fewer than", "At least", "Shown once", "more people need", " or ")


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.use(language.SOURCE)


def test_progress_and_merged_groups_are_said_in_spanish():
    language.use("es")
    said = [
        progress_in_steps(2, 3),
        progress_in_steps(7, 3, N_("have voted")),
        shown_once(5),
        needs_more(1, 3),
        needs_more(2, 3),
        group_label(["Cansado", "Con esperanza"], ANOTHER_FEELING),
        group_label(["Nunca", "A veces"]),
    ]
    assert said == [
        "Menos de 3 han terminado.",
        "Al menos 6 han votado.",
        "Se mostrará cuando al menos 5 personas han respondido "
        "(los grupos más pequeños se mantienen privados).",
        "Faltan 2 personas más por responder para mostrarlo "
        "(los grupos de menos de 3 se mantienen privados).",
        "Falta que responda 1 persona más para mostrarlo "
        "(los grupos de menos de 3 se mantienen privados).",
        "Cansado u otra sensación",
        "Nunca o a veces",
    ]
    assert not [s for s in said for english in ENGLISH_PROGRESS if english in s]


def test_a_two_language_display_builds_each_sentence_in_each_language():
    language.use("en+es")
    assert progress_in_steps(4, 3, N_("have voted")) == (
        "At least 3 have voted. / Al menos 3 han votado."
    )


def test_exports_keep_the_leader_s_english():
    assert progress_in_steps(2, 3) == "Fewer than 3 have finished."
    assert group_label(["Tired", "Hopeful"], ANOTHER_FEELING) == (
        "Tired or another feeling"
    )


def test_a_spanish_display_shows_check_in_progress_in_spanish(store, session):
    from tests.unit.test_pages import open_display, open_remote

    remote = open_remote(store, session)
    display = open_display(store, session, view=display_token(store, session))
    assert remote.screen_language is not None
    remote.screen_language.choice.value = "es"
    store.append(session.code, ParticipantJoined("p1", "Ana"))
    store.append(session.code, CheckinAnswered("p1", "hopeful"))
    display.refresh()
    state = str(display.slots["welcome"].panel.frame.state.value)
    step = str(display.slots["welcome"].panel.frame.prompt.value)
    assert "Menos de 5 han contado cómo llegan hasta ahora." in state
    assert "en grupos de al menos 5" in step
    assert not [e for e in ENGLISH_PROGRESS if e in state + step]


def test_a_spanish_display_invites_the_room_to_talk_in_spanish(store, session):
    from facilitate.core.events import PhaseChanged
    from tests.unit.test_pages import open_display, open_remote

    remote = open_remote(store, session)
    display = open_display(store, session, view=display_token(store, session))
    assert remote.screen_language is not None
    remote.screen_language.choice.value = "es"
    store.append(session.code, PhaseChanged("participation"))
    display.refresh()
    frame = display.slots["participation"].panel.frame
    assert "Conversen entre todos." in str(frame.state.value)
    assert "Talk together." not in str(frame.state.value)
