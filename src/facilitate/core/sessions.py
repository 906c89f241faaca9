"""Creating, finding and checking sessions.

A session is born as a ``session_created`` event. Its code is what people type on a
phone, so it avoids characters that look alike (0/O, 1/I/L); its facilitator key is
a long random secret carried only in the facilitator's links. Finding, listing,
key checks and deletion are those of every keyed log (``keyed_log.SESSIONS``),
shared with teams.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass

from facilitate.core.agenda import current_agenda
from facilitate.core.errors import (
    AccessRefused,
    DisplayRefused,
    InvalidInput,
    SessionEnded,
    SessionNotFound,
)
from facilitate.core.events import (
    DisplayTokenIssued,
    PhaseChanged,
    Recorded,
    SessionCreated,
)
from facilitate.core.keyed_log import KeyedLog, new_key
from facilitate.core.store.base import EventStore

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_TITLE_LENGTH = 120
MAX_LABEL_LENGTH = 80
_CODE_PATTERN = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")


@dataclass(frozen=True)
class SessionInfo:
    code: str
    title: str
    key: str
    min_group_size: int
    created_at: float
    school: str = ""
    district: str = ""

    @property
    def label(self) -> str:
        """The code with the school and district, as comparisons name a room."""
        place = ", ".join(part for part in (self.school, self.district) if part)
        return f"{self.code} ({place})" if place else self.code


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """Upper-case and strip what people type; refuse what cannot be a code."""
    code = re.sub(r"[\s-]", "", str(raw)).upper()
    if not _CODE_PATTERN.fullmatch(code):
        shown = str(raw)[:20]
        rule = (
            f"'{shown}' is not a session code: codes are {CODE_LENGTH} letters and "
            "digits, never 0, 1, I, L or O."
        )
        refused = InvalidInput(f"{rule} Check the code on the projected screen.")
        refused.at_terminal = f"{rule} See your codes with: facilitate session list"
        raise refused
    return code


def create_session(
    store: EventStore,
    title: str,
    min_group_size: int = 5,
    school: str = "",
    district: str = "",
) -> SessionInfo:
    """Record a new session with a fresh code and key, opened at the first phase."""
    title = _checked_title(title)
    school, district = _label(school, "school"), _label(district, "district")
    code = SESSIONS.fresh_code(store, new_code)
    created = store.append(
        code,
        SessionCreated(
            title=title,
            key=new_key(),
            min_group_size=min_group_size,
            school=school,
            district=district,
        ),
    )
    store.append(code, PhaseChanged(phase=current_agenda().first_phase))
    session = _info(created)
    replace_display_token(store, session)
    return session


def _checked_title(raw: str) -> str:
    title = " ".join(str(raw).split())
    if not title:
        raise InvalidInput('A session needs a title, for example "Staff PD, May".')
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidInput(
            f"That title is {len(title)} characters; keep it under {MAX_TITLE_LENGTH}."
        )
    return title


def _label(raw: str, what: str) -> str:
    """A school or district label: one line, short (it heads comparison columns)."""
    label = " ".join(str(raw or "").split())
    if len(label) > MAX_LABEL_LENGTH:
        raise InvalidInput(
            f"That {what} name is {len(label)} characters; keep it under "
            f"{MAX_LABEL_LENGTH}."
        )
    return label


def _info(record: Recorded) -> SessionInfo:
    event = record.event
    assert isinstance(event, SessionCreated)
    return SessionInfo(
        code=record.session,
        title=event.title,
        key=event.key,
        min_group_size=event.min_group_size,
        created_at=record.at,
        school=event.school,
        district=event.district,
    )


SESSIONS: KeyedLog[SessionInfo] = KeyedLog(
    noun="session",
    key_name="facilitator key",
    query="code",
    created_kind=SessionCreated.kind,
    normalise=normalise_code,
    info=_info,
    not_found=SessionNotFound,
    ended=SessionEnded,
    refused=AccessRefused,
)


def list_sessions(store: EventStore) -> list[SessionInfo]:
    return SESSIONS.listed(store)


def find_session(store: EventStore, raw_code: str) -> SessionInfo:
    """The session with this code, or a plain error saying so (or that it ended)."""
    return SESSIONS.find(store, raw_code)


def check_key(session: SessionInfo, key: str | None) -> None:
    """Refuse unless ``key`` is this session's facilitator key."""
    SESSIONS.check_key(session, key)


def display_token(store: EventStore, session: SessionInfo) -> str:
    """The view-only token of the projected display, issued now if there is none."""
    issued = store.read(session.code, kinds=[DisplayTokenIssued.kind])
    if issued and isinstance(issued[-1].event, DisplayTokenIssued):
        return issued[-1].event.token
    return replace_display_token(store, session)


def replace_display_token(store: EventStore, session: SessionInfo) -> str:
    """Issue a new view-only token; a display opened with the old one is refused."""
    token = secrets.token_urlsafe(12)
    store.append(session.code, DisplayTokenIssued(token))
    return token


def check_display_token(
    store: EventStore, session: SessionInfo, token: str | None
) -> None:
    """Refuse unless ``token`` is the session's current view-only token."""
    issued = store.read(session.code, kinds=[DisplayTokenIssued.kind])
    current = issued[-1].event if issued else None
    if (
        not token
        or not isinstance(current, DisplayTokenIssued)
        or not hmac.compare_digest(str(token), current.token)
    ):
        raise DisplayRefused()
