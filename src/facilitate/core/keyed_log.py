"""One kind of log opened with a code and a key: sessions and teams.

A session and a team are both a log in the store under a code people type or
follow, born with a ``*_created`` event that carries a long random key. Finding
one by its code, listing them, checking a key (in constant time, so a guess
learns nothing from how long the refusal took), and deleting one (with a
tombstone, so asking again removes nothing more) work the same way for both;
``KeyedLog`` says them once, and each kind names only its words: its noun, the
shape of its codes and the errors it raises.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from facilitate.core.errors import FacilitateError, InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.store.base import EventStore


class Keyed(Protocol):
    """What every kind of keyed log's record says about itself."""

    @property
    def code(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def key(self) -> str: ...


InfoT = TypeVar("InfoT", bound=Keyed)


@dataclass(frozen=True)
class KeyedLog(Generic[InfoT]):
    """A kind of keyed log: its words, its code shape and its errors.

    ``noun`` names one ("session"); ``key_name`` names its key on a page
    ("facilitator key"); ``query`` is the link's field carrying the code.
    ``normalise`` turns what people type into a code or raises ``InvalidInput``;
    ``info`` reads the creating record; ``not_found``, ``ended`` and ``refused``
    are the errors for a code never used, a log deleted, and a wrong key.
    """

    noun: str
    key_name: str
    query: str
    created_kind: str
    normalise: Callable[[str], str]
    info: Callable[[Recorded], InfoT]
    not_found: Callable[[str], FacilitateError]
    ended: Callable[[], FacilitateError]
    refused: Callable[[], FacilitateError]

    def listed(self, store: EventStore) -> list[InfoT]:
        """Every log of this kind still in the store, oldest first."""
        return [self.info(record) for record in store.read_kind(self.created_kind)]

    def find(self, store: EventStore, raw_code: str) -> InfoT:
        """The log with this code, or a plain error: not a code, not known, ended."""
        code = self.normalise(raw_code)
        records = store.read(code, kinds=[self.created_kind])
        if not records:
            raise self.ended() if store.is_deleted(code) else self.not_found(code)
        return self.info(records[0])

    def check_key(self, found: InfoT, key: object) -> None:
        """Refuse unless ``key`` is this log's key (compared in constant time)."""
        if not key or not hmac.compare_digest(str(key), found.key):
            raise self.refused()

    def unlock(self, store: EventStore, code: object, key: object) -> InfoT:
        """The log a link opens, or why not; a link with no code needs the key."""
        if not str(code or "").strip():
            raise self.refused()
        found = self.find(store, str(code))
        self.check_key(found, key)
        return found

    def fresh_code(self, store: EventStore, new_code: Callable[[], str]) -> str:
        """A code no log of this kind has had, deleted ones included."""
        taken = {record.session for record in store.read_kind(self.created_kind)}
        code = new_code()
        while code in taken or store.is_deleted(code):
            code = new_code()
        return code

    def confirms(self, answer: str, code: str) -> bool:
        """True when what was typed to confirm a deletion is ``code``."""
        try:
            return self.normalise(answer) == code
        except InvalidInput:
            return False


def new_key() -> str:
    """A long random key, carried only in the links of those who may open it."""
    return secrets.token_urlsafe(18)


@dataclass(frozen=True)
class Deleting:
    """What a deletion is about to remove: the code, and how to name it."""

    code: str
    what: str
    already_deleted: bool = False


def about_to_delete(store: EventStore, log: KeyedLog[InfoT], raw_code: str) -> Deleting:
    """Look before deleting: a code with events (known kind or not), one already
    deleted (asking again is not an error), or a typo (``not_found``)."""
    code = log.normalise(raw_code)
    stored = anything_stored(store, code)
    if not stored and store.is_deleted(code):
        return Deleting(code, f"{log.noun} {code}", already_deleted=True)
    if not stored:
        raise log.not_found(code)
    try:
        found: InfoT | None = log.find(store, code)
    except FacilitateError:
        found = None
    what = f"'{found.title}' ({code})" if found else f"{log.noun} {code}"
    return Deleting(code, what)


def anything_stored(store: EventStore, code: str) -> bool:
    """True when any event is stored under ``code``, of a kind known or not."""
    try:
        return bool(store.read(code))
    except FacilitateError:
        return True
