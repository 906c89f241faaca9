from __future__ import annotations

import pytest

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.config import Config, checked_group_size
from facilitate.core.errors import InvalidInput
from facilitate.core.events import ParticipantJoined, PhaseChanged, SettingChanged
from facilitate.core.roster import roster_of
from facilitate.core.text import clean_name, clean_text, escape


def test_rejoin_is_one_person_and_latest_answers_win(store, session):
    code = session.code
    store.append(code, ParticipantJoined("p1", "Ana", "teacher"))
    store.append(code, CheckinAnswered("p1", "tired"))
    store.append(code, ParticipantJoined("p1", "Ana B.", "teacher"))
    store.append(code, CheckinAnswered("p1", "hopeful"))
    store.append(code, ParticipantJoined("p2", "Bo"))
    store.append(code, PhaseChanged("alignment"))
    store.append(code, SettingChanged("min_group_size", 7))
    roster = roster_of(store.read(code))
    assert roster.count == 2
    assert roster.members["p1"].name == "Ana B."
    assert roster.phase == "alignment"
    assert roster.min_group_size(5) == 7


def test_clean_text_strips_controls_and_refuses_over_limit():
    assert clean_text(" a\x00b\u202ec ", what="a note", limit=10) == "ab\u202ec"
    assert clean_name("  Zoë 🌱 ") == "Zoë 🌱"
    with pytest.raises(InvalidInput, match="^Please enter a display name.$"):
        clean_name(" \t ")
    with pytest.raises(InvalidInput) as raised:
        clean_text("x" * 1_000_000, what="a note", limit=2000)
    assert str(raised.value) == (
        "A note is 1,000,000 characters; the limit is 2,000. Please shorten it."
    )


def test_escape_neutralises_markup():
    assert escape('<img src=x onerror="alert(1)">') == (
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    )


def test_config_from_environ(tmp_path):
    config = Config.from_environ(
        {"FACILITATE_DATA_DIR": str(tmp_path), "FACILITATE_MIN_GROUP_SIZE": "6"}
    )
    assert config == Config(data_dir=tmp_path, min_group_size=6)
    with pytest.raises(InvalidInput, match="could expose individuals. Use 3 or more."):
        checked_group_size(2)
