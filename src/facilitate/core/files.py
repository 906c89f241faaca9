"""Files for the owner only: the data directory 0700, everything in it 0600.

The data directory holds facilitator keys, names, answers and exports, often on a
school computer other people log in to. So the ``facilitate`` command sets an
owner-only umask, which every process it starts inherits (Voila, each kernel,
nbconvert, Chromium printing the PDF), and the store tightens what it opens
itself, since a kernel or a test may open it without the command. Existing files
only ever lose group and world bits here: a file someone made read-only stays
read-only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

OWNER_ONLY_UMASK = 0o077
DIRECTORY_MODE = 0o700
FILE_MODE = 0o600
log = logging.getLogger(__name__)


def owner_only_umask() -> None:
    """Make everything this process and its children create private to the owner."""
    os.umask(OWNER_ONLY_UMASK)


def restrict(path: Path) -> None:
    """Take group and world permissions off ``path`` (if it exists)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & OWNER_ONLY_UMASK:
            path.chmod(mode & ~OWNER_ONLY_UMASK)
    except FileNotFoundError:
        return
    except PermissionError:
        log.warning("cannot make %s private to its owner", path)


def private_directory(path: Path) -> Path:
    """Create ``path`` (0700) if needed and make it private; returns it."""
    path.mkdir(mode=DIRECTORY_MODE, parents=True, exist_ok=True)
    restrict(path)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty as 0600 if it is missing, else make it private."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    restrict(path)
    return path
