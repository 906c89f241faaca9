"""Deleting a session completes: from the command line, and on pages still open."""

from __future__ import annotations

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.cli import main
from facilitate.core.events import ParticipantJoined
from facilitate.core.sessions import create_session, display_token
from facilitate.core.store import open_store
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.display_page import DisplayPage
from facilitate.ui.remote_page import RemotePage
from tests.unit.test_pages import open_participant, sign_in


def delete(tmp_path, code: str) -> int:
    return main(["--data-dir", str(tmp_path), "session", "delete", code, "--yes"])


def test_delete_is_idempotent_and_takes_events_without_a_session_row(tmp_path, capsys):
    store = open_store(tmp_path)
    session = create_session(store, "Gone soon")
    store.append(session.code, ParticipantJoined("p1", "Ana"))
    store.append("STRAY2", CheckinAnswered("p9", "tired"))  # no session row at all
    assert delete(tmp_path, session.code) == 0
    out = capsys.readouterr().out
    assert f"Deleted 'Gone soon' ({session.code}): 4 events removed." in out
    assert delete(tmp_path, session.code) == 0
    assert capsys.readouterr().out == (
        f"Session {session.code} was already deleted: nothing is left under that "
        "code.\n"
    )
    assert delete(tmp_path, "stray2") == 0
    assert "Deleted session STRAY2: 1 events removed." in capsys.readouterr().out
    assert store.read("STRAY2") == []
    assert delete(tmp_path, "QQQQQQ") == 2, "a code never used is a typo"
    assert "is not a session code we know" in capsys.readouterr().err
    store.close()


def test_an_open_participant_page_says_the_session_ended(store, session):
    page = open_participant(store, session.code)
    sign_in(page, "Ana")
    assert page.activity_box in page.root.children
    context = ParticipantContext(store, page.session, page.participant)
    store.delete_session(session.code)
    # A write already on its way is refused with the same plain sentence.
    context.record(CheckinAnswered(page.participant, "tired"), page.status)
    assert "This session has ended" in page.status.value
    page.refresh()
    shown = " ".join(getattr(child, "value", "") for child in page.root.children)
    assert "This session has ended" in shown
    assert page.activity_box not in page.root.children
    assert page.session is None
    assert store.read(session.code) == []
    page.enter(session.code)
    assert "This session has ended" in page.status.value


def test_an_open_remote_and_display_say_the_session_ended(store, session):
    remote = RemotePage(store=store)
    remote.start()
    remote.open(session.code, session.key)
    display = DisplayPage(store=store)
    display.start()
    display.open(session.code, display_token(store, session))
    store.delete_session(session.code)
    remote.refresh()
    display.refresh()
    for page in (remote, display):
        assert "This session has ended" in page.refused.value
        assert page.refused in page.root.children
        assert page.session is None


def test_on_postgresql_deletion_completes_and_open_pages_say_so(
    postgres_url, capsys, monkeypatch
):
    from facilitate.core.store.postgres import PostgresStore

    monkeypatch.setenv("FACILITATE_STORE", "")
    store = PostgresStore(postgres_url)
    session = create_session(store, "Gone soon")
    page = open_participant(store, session.code)
    sign_in(page, "Ana")
    args = ["--store", postgres_url, "session", "delete", session.code, "--yes"]
    assert main(args) == 0
    assert f"Deleted 'Gone soon' ({session.code}): 5 events removed." in (
        capsys.readouterr().out
    )
    page.refresh()
    shown = " ".join(getattr(child, "value", "") for child in page.root.children)
    assert "This session has ended" in shown
    assert page.activity_box not in page.root.children
    page.enter(session.code)
    assert "This session has ended" in page.status.value
    assert main(args) == 0
    assert capsys.readouterr().out.startswith(
        f"Session {session.code} was already deleted"
    )
    store.close()
