from __future__ import annotations

import pytest

from facilitate.core.errors import AccessRefused, InvalidInput, SessionNotFound
from facilitate.core.roster import roster_of
from facilitate.core.sessions import (
    CODE_ALPHABET,
    check_key,
    create_session,
    find_session,
    list_sessions,
    normalise_code,
)


def test_codes_avoid_look_alike_characters(store):
    codes = {create_session(store, f"Session {n}").code for n in range(40)}
    assert len(codes) == 40
    assert all(len(code) == 6 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_new_session_opens_at_welcome_and_is_listed(store, session):
    assert roster_of(store.read(session.code)).phase == "welcome"
    assert [s.code for s in list_sessions(store)] == [session.code]
    assert len(session.key) >= 20


def test_typed_code_is_forgiving_about_case_and_spaces(store, session):
    typed = f" {session.code[:3].lower()} {session.code[3:].lower()} "
    assert find_session(store, typed).code == session.code


def test_wrong_code_is_one_sentence(store, session):
    with pytest.raises(SessionNotFound) as raised:
        find_session(store, "ZZZZZZ")
    assert str(raised.value) == (
        "'ZZZZZZ' is not a session code we know. "
        "Check the code on the projected screen and try again."
    )
    with pytest.raises(InvalidInput, match="is not a session code: codes are 6"):
        normalise_code("<script>")


def test_key_check(session):
    check_key(session, session.key)
    for wrong in (None, "", "nope", session.key + "x"):
        with pytest.raises(AccessRefused):
            check_key(session, wrong)


@pytest.mark.parametrize("title", ["", "   ", "x" * 121])
def test_titles_are_checked(store, title):
    with pytest.raises(InvalidInput):
        create_session(store, title)


def test_school_and_district_label_a_session_and_old_logs_load_unlabelled(
    store, tmp_path, capsys
):
    from facilitate.cli import main

    labelled = create_session(
        store, "Spring PD", school="  Lincoln   Elementary ", district="North"
    )
    assert (labelled.school, labelled.district) == ("Lincoln Elementary", "North")
    assert find_session(store, labelled.code).label == (
        f"{labelled.code} (Lincoln Elementary, North)"
    )
    store._db.execute(
        "INSERT INTO events (session, kind, at, payload) VALUES "
        '(\'QQQQQQ\', \'session_created\', 1.0, \'{"title": "Old", "key": "k"}\')'
    )
    old = find_session(store, "QQQQQQ")
    assert (old.school, old.district, old.label) == ("", "", "QQQQQQ")
    with pytest.raises(InvalidInput, match="That school name is 81 characters"):
        create_session(store, "Too long", school="x" * 81)
    args = ["--data-dir", str(tmp_path), "session", "new", "PD", "--school", "Oak"]
    assert main([*args, "--district", "South"]) == 0
    assert "Place:        Oak, South" in capsys.readouterr().out
