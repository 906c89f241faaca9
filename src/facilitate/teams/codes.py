"""Creating, finding and opening teams: a code, a key and a link.

A team lives in the same store as sessions, under its own code in the store's
``session`` column. Team codes have their own shape, ``T-`` and six characters
(``T-7KQ2XM``), which no session code can take (session codes are exactly six
characters with no prefix), so a team and a session never share a log, and
``find_session`` refuses a team code as surely as ``find_team`` refuses a
session's. The team key is a long random secret carried only in the team link.
Finding, listing, key checks and deletion are those of every keyed log
(``TEAMS``, a ``core.keyed_log.KeyedLog``), the same as a session's.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from facilitate.core.config import checked_group_size
from facilitate.core.errors import FacilitateError, InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.keyed_log import KeyedLog, new_key
from facilitate.core.links import lead_folder, workbook_link
from facilitate.core.sessions import CODE_ALPHABET, CODE_LENGTH
from facilitate.core.store.base import EventStore
from facilitate.teams.events import TeamCreated

PREFIX = "T-"
TEAM_NOTEBOOK = "team"
MAX_TITLE_LENGTH = 120
_TEAM_CODE = re.compile(f"T-?([{CODE_ALPHABET}]{{{CODE_LENGTH}}})")


class TeamNotFound(FacilitateError):
    def __init__(self, code: str) -> None:
        super().__init__(
            f"'{code}' is not a team we know. Check the team link, or list the "
            "teams with `facilitate team list`."
        )


class TeamAccessRefused(FacilitateError):
    def __init__(self) -> None:
        super().__init__(
            "This page needs the team's key. Open it with the team link that "
            "`facilitate team new` or `facilitate team list` printed."
        )


class TeamEnded(FacilitateError):
    def __init__(self) -> None:
        super().__init__(
            "This team was deleted with everything it recorded, so nothing more "
            "can be saved here. Ask the team's lead for a new team link."
        )


@dataclass(frozen=True)
class TeamInfo:
    code: str
    title: str
    key: str
    min_group_size: int
    created_at: float


def new_team_code() -> str:
    return PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_team_code(raw: str) -> str:
    """``T-XXXXXX`` from what people paste; refuse anything else (a session code)."""
    cleaned = re.sub(r"\s", "", str(raw)).upper()
    match = _TEAM_CODE.fullmatch(cleaned)
    if match is None:
        shown = str(raw)[:20]
        raise InvalidInput(
            f"'{shown}' is not a team code: team codes look like T-7KQ2XM. "
            "For a session's code, use the `facilitate session` commands."
        )
    return PREFIX + match.group(1)


def create_team(store: EventStore, title: str, min_group_size: int = 5) -> TeamInfo:
    """Record a new team with a fresh code and key."""
    title = " ".join(str(title).split())
    if not title:
        raise InvalidInput('A team needs a name, for example "Grade 4 team".')
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidInput(
            f"That name is {len(title)} characters; keep it under {MAX_TITLE_LENGTH}."
        )
    k = checked_group_size(min_group_size)
    code = TEAMS.fresh_code(store, new_team_code)
    created = store.append(
        code, TeamCreated(title=title, key=new_key(), min_group_size=k)
    )
    return team_info(created)


def team_info(record: Recorded) -> TeamInfo:
    event = record.event
    assert isinstance(event, TeamCreated)
    return TeamInfo(
        code=record.session,
        title=event.title,
        key=event.key,
        min_group_size=event.min_group_size,
        created_at=record.at,
    )


TEAMS: KeyedLog[TeamInfo] = KeyedLog(
    noun="team",
    key_name="team key",
    query="team",
    created_kind=TeamCreated.kind,
    normalise=normalise_team_code,
    info=team_info,
    not_found=TeamNotFound,
    ended=TeamEnded,
    refused=TeamAccessRefused,
)


def list_teams(store: EventStore) -> list[TeamInfo]:
    return TEAMS.listed(store)


def find_team(store: EventStore, raw_code: str) -> TeamInfo:
    """The team with this code, or a plain error saying so (or that it ended)."""
    return TEAMS.find(store, raw_code)


def check_team_key(team: TeamInfo, key: object) -> None:
    """Refuse unless ``key`` is this team's key."""
    TEAMS.check_key(team, key)


def team_link(base: str, team: TeamInfo) -> str:
    """The team page's link, carrying the team key: for the team's members only."""
    return workbook_link(lead_folder(base), TEAM_NOTEBOOK, team=team.code, key=team.key)
