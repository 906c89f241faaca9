"""Files a session keeps beside its events, private to this computer's user.

Some activities need a file that is not an event: a leader's uploaded student
data, or the files attached to their evidence pack, for example. It lives in the
data directory, in one folder per session (``sessions/<CODE>/``), readable by the
owner only (folders 0700, files 0600), written whole or not at all, and removed
with the session by ``facilitate session delete``. Nothing here is ever served or
shown to the room; only the leader's own evidence pack carries its attachments.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from facilitate.core.sessions import normalise_code

SESSIONS_FOLDER = "sessions"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def session_folder(data_dir: Path, code: str) -> Path:
    """Where ``code``'s files live (not created); the code is checked first."""
    return Path(data_dir) / SESSIONS_FOLDER / normalise_code(code)


def private_folder(data_dir: Path, code: str) -> Path:
    """``session_folder``, created when missing, with owner-only modes."""
    folder = session_folder(data_dir, code)
    for path in (folder.parent, folder):
        path.mkdir(mode=FOLDER_MODE, exist_ok=True)
        path.chmod(FOLDER_MODE)
    return folder


def write_private(data_dir: Path, code: str, name: str, content: bytes) -> Path:
    """Write ``content`` as ``name`` in the session's folder, whole or not at all."""
    if not name or Path(name).name != name or name.startswith("."):
        raise ValueError(f"'{name}' is not a plain file name.")
    folder = private_folder(data_dir, code)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".writing-")
    try:
        os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        target = folder / name
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def kept_files(data_dir: Path, code: str) -> list[Path]:
    """The files a session keeps, in name order (none when it keeps none)."""
    folder = session_folder(data_dir, code)
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*") if path.is_file())


def forget_file(data_dir: Path, code: str, name: str) -> bool:
    """Remove one kept file, leaving the session's others; True if it was there."""
    if not name or Path(name).name != name or name.startswith("."):
        raise ValueError(f"'{name}' is not a plain file name.")
    path = session_folder(data_dir, code) / name
    existed = path.is_file()
    path.unlink(missing_ok=True)
    return existed


def delete_session_files(data_dir: Path, code: str) -> int:
    """Remove the session's folder; returns how many files it held."""
    files = kept_files(data_dir, code)
    folder = session_folder(data_dir, code)
    if folder.is_dir():
        shutil.rmtree(folder)
    return len(files)
