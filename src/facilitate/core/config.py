"""Runtime configuration, read once from the environment.

Voila's own options (pool size, culling, ports) live at its edge in ``server.py``;
this holds only what our code needs: where the data lives, which store holds the
session log (SQLite in the data directory unless ``FACILITATE_STORE`` names
another) and privacy defaults.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from facilitate.core.errors import InvalidInput
from facilitate.core.store.address import StoreAddress, parse_store_address

DATA_DIR_VARIABLE = "FACILITATE_DATA_DIR"
STORE_VARIABLE = "FACILITATE_STORE"
MIN_GROUP_SIZE_VARIABLE = "FACILITATE_MIN_GROUP_SIZE"
#: The address people in the room use (set by ``facilitate serve`` for its pages).
PUBLIC_URL_VARIABLE = "FACILITATE_PUBLIC_URL"

#: A fixed k, where one is needed (teams; a number a facilitator types).
DEFAULT_MIN_GROUP_SIZE = 5
#: The floor below which no setting may go.
SMALLEST_ALLOWED_GROUP_SIZE = 3
#: A session's k "fits the room" (see ``group_size.fitted_k``) unless one is chosen:
#: the floor, 3, for a room of up to ``LARGE_ROOM - 1`` people (usual survey
#: practice for rooms this small), and ``DEFAULT_MIN_GROUP_SIZE`` from
#: ``LARGE_ROOM`` on, fixed when results are first revealed.
AUTO_GROUP_SIZE = 0
LARGE_ROOM = 15


def default_data_dir() -> Path:
    """The user's data directory for facilitate, outside any checkout."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("facilitate", appauthor=False))


@dataclass(frozen=True)
class Config:
    """``public_url`` is empty unless ``facilitate serve`` said where the room
    reaches it; pages then fall back to the address their browser reports."""

    data_dir: Path
    min_group_size: int = AUTO_GROUP_SIZE
    public_url: str = ""

    #: ``--store`` / ``FACILITATE_STORE`` as given; empty: SQLite in ``data_dir``.
    store: str = ""

    @property
    def store_address(self) -> StoreAddress:
        """Where the session log lives (checked when the config was built)."""
        return parse_store_address(self.store, self.data_dir)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Config:
        """Build the configuration from ``environ`` (the process's by default)."""
        env = os.environ if environ is None else environ
        raw_dir = env.get(DATA_DIR_VARIABLE, "").strip()
        data_dir = Path(raw_dir).expanduser() if raw_dir else default_data_dir()
        raw_k = env.get(MIN_GROUP_SIZE_VARIABLE, "").strip()
        k = checked_group_size(raw_k) if raw_k else AUTO_GROUP_SIZE
        store = env.get(STORE_VARIABLE, "").strip()
        parse_store_address(store, data_dir)
        public_url = env.get(PUBLIC_URL_VARIABLE, "").strip().rstrip("/")
        return cls(
            data_dir=data_dir, min_group_size=k, store=store, public_url=public_url
        )


def checked_group_size(raw: str | int) -> int:
    """Parse a minimum group size, refusing values below the privacy floor;
    "auto" is ``AUTO_GROUP_SIZE`` (k fits the room)."""
    if str(raw).strip().lower() == "auto":
        return AUTO_GROUP_SIZE
    try:
        k = int(raw)
    except (TypeError, ValueError):
        raise InvalidInput(
            f"'{raw}' is not a whole number. Give the minimum group size as a "
            f"number such as {DEFAULT_MIN_GROUP_SIZE}, or 'auto' to fit the room."
        ) from None
    if k < SMALLEST_ALLOWED_GROUP_SIZE:
        raise InvalidInput(
            f"A minimum group size of {k} could expose individuals. "
            f"Use {SMALLEST_ALLOWED_GROUP_SIZE} or more."
        )
    return k
