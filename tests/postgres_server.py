"""Fixtures: a real PostgreSQL server from Debian's package, one for the whole run.

``initdb`` and ``pg_ctl`` run as an unprivileged user (PostgreSQL refuses root):
the ``postgres`` system user when the tests run as root, else the current user.
The server listens on a unix socket in a temporary directory only (no TCP port),
without fsync, and is stopped and removed at the end of the run. It starts only
when a test asks for it. Each test gets a fresh database owned by a login role
that is neither superuser nor the writer role, as a real deployment would be.

When the binaries are missing the tests skip loudly; under CI (``CI=true``) that
is a failure, since .ci/run installs PostgreSQL.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest


def _pg_bin() -> Path:
    """Debian's newest PostgreSQL (15 on bookworm), or ``FACILITATE_PG_BIN``."""
    chosen = os.environ.get("FACILITATE_PG_BIN", "").strip()
    if chosen:
        return Path(chosen)
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _pg_bin()
SUPERUSER = "postgres"
OWNER = "facilitate_owner"
MAX_CONNECTIONS = 300
INSTALL = "apt-get install postgresql (Debian's package provides initdb and pg_ctl)"


def _unprivileged_user() -> str | None:
    """The user to run the server as: None for the current (non-root) user."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "postgres"], check=True
        )
    return "postgres"


@dataclass
class PostgresServer:
    """A running throwaway server reached through its socket directory."""

    root: Path
    user: str | None
    counter: Iterator[int] = field(default_factory=itertools.count)
    max_connections: int = MAX_CONNECTIONS
    #: Tests need no crash safety; benchmarks of appends measure it (fsync on).
    durable: bool = False

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@/{database}?host={self.root}"

    def run(self, *command: str) -> None:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        subprocess.run(
            [*prefix, *command], check=True, capture_output=True, cwd=self.root
        )

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser (setup only, never the code tested)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self) -> str:
        """A fresh, empty database owned by the non-superuser owner role."""
        name = f"facilitate_{next(self.counter)}"
        self.sql(f"CREATE DATABASE {name} OWNER {OWNER}")
        return self.url(name, OWNER)

    def emptied(self, url: str) -> str:
        """``url``'s database without facilitate's schema (faster than a new one)."""
        database = urlsplit(url).path.lstrip("/")
        self.sql("DROP SCHEMA IF EXISTS facilitate CASCADE", database)
        return url

    def start(self) -> None:
        self.run(
            str(PG_BIN / "initdb"),
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--no-sync",
        )
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.root}' "
            f"-c max_connections={self.max_connections}"
        )
        if not self.durable:
            options += " -c fsync=off -c full_page_writes=off"
        self.run(
            str(PG_BIN / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--log",
            str(self.root / "server.log"),
            "--options",
            options,
            "--wait",
            "start",
        )
        self.sql(f"CREATE ROLE {OWNER} LOGIN CREATEROLE")

    def stop(self) -> None:
        self.run(
            str(PG_BIN / "pg_ctl"), "--pgdata", str(self.data), "-m", "fast", "stop"
        )

    def log(self) -> str:
        path = self.root / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""


@contextmanager
def throwaway_postgres(
    max_connections: int = MAX_CONNECTIONS, durable: bool = False
) -> Iterator[PostgresServer]:
    """A started server in a temporary directory, stopped and removed after.

    Raises ``subprocess.CalledProcessError`` (with PostgreSQL's words in its
    ``stderr``) when it cannot start. Benchmarks use it too.
    """
    user = _unprivileged_user()
    root = Path(tempfile.mkdtemp(prefix="facilitate-pg-"))
    if user:
        shutil.chown(root, user)
    server = PostgresServer(
        root=root, user=user, max_connections=max_connections, durable=durable
    )
    try:
        server.start()
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    try:
        yield server
    finally:
        try:
            server.stop()
        finally:
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if not (PG_BIN / "initdb").exists():
        message = f"PostgreSQL is not installed here: {INSTALL}."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    pytest.importorskip("psycopg", reason="pip install 'facilitate[postgresql]'")
    with ExitStack() as stack:
        try:
            server = stack.enter_context(throwaway_postgres())
        except subprocess.CalledProcessError as error:
            pytest.fail(
                f"PostgreSQL did not start: {error.stderr.decode(errors='replace')}"
            )
        yield server


@pytest.fixture(scope="session")
def _shared_database(postgres_server: PostgresServer) -> str:
    return postgres_server.new_database()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer, _shared_database: str) -> str:
    """The address of an empty database (facilitate's schema not yet created)."""
    return postgres_server.emptied(_shared_database)
