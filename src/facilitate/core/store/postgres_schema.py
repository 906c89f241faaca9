"""The PostgreSQL schema: the events table and the rules the database enforces.

Everything lives in the ``facilitate`` schema, so the log can share a database.
What the triggers and grants guarantee, whoever connects and whatever code runs:

- **Append-only.** UPDATE, DELETE and TRUNCATE on ``events`` are refused by
  triggers, for the owner too. The one exception is ``delete_session()``, which
  lifts the guard for one session inside its own transaction (the same design as
  the SQLite store's flag table).
- **A role without UPDATE or DELETE.** Normal use runs as ``facilitate_writer``
  (``SET ROLE`` on every pooled connection): it may read, insert and call
  ``delete_session()``, nothing else. A deployment may also log in as a member
  of that role and nothing more.
- **Ids in commit order per session.** A trigger numbers each event while holding
  a lock on its session until commit, so a session's ids become visible in
  increasing order and ``read(after=last_seen)`` never skips an event that
  committed late. Sessions do not wait for each other.
- **News.** Every insert sends ``NOTIFY`` on the session's channel, so live
  pages on any machine wake at once.

The schema is created (or brought up to date) once, by whoever opens the store
first with the right to, under an advisory lock so simultaneous kernels agree.
"""

from __future__ import annotations

import hashlib
from typing import Any

SCHEMA_VERSION = 1
WRITER_ROLE = "facilitate_writer"
#: Advisory-lock namespace (first key) of facilitate: "fc" in ASCII.
LOCK_SPACE = 0x6663
SETUP_LOCK = 0x6663_0001

TABLES = """
CREATE SCHEMA IF NOT EXISTS facilitate;
CREATE TABLE IF NOT EXISTS facilitate.schema_version (version integer NOT NULL);
CREATE SEQUENCE IF NOT EXISTS facilitate.event_ids AS bigint;
CREATE TABLE IF NOT EXISTS facilitate.events (
    id bigint PRIMARY KEY,
    session text NOT NULL,
    kind text NOT NULL,
    at double precision NOT NULL,
    payload json NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_session ON facilitate.events (session, id);
CREATE INDEX IF NOT EXISTS events_by_kind ON facilitate.events (kind, id);
CREATE TABLE IF NOT EXISTS facilitate.deletion_guard (session text PRIMARY KEY);
"""

# Interpolated names below are this module's constants, never input.
FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION facilitate.number_event() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK_SPACE}, hashtext(NEW.session));
    NEW.id := nextval('facilitate.event_ids');
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION facilitate.announce_event() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_notify('facilitate_' || md5(NEW.session), NEW.id::text);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION facilitate.refuse_edit() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (
        SELECT 1 FROM facilitate.deletion_guard g WHERE g.session = OLD.session
    ) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'events are append-only: % is refused',
        CASE TG_OP WHEN 'UPDATE' THEN 'an update'
                   WHEN 'DELETE' THEN 'a delete'
                   ELSE 'a truncate' END
        USING ERRCODE = 'restrict_violation',
              HINT = 'Only facilitate.delete_session() removes a whole session.';
END $$;

CREATE OR REPLACE FUNCTION facilitate.delete_session(target text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    removed bigint;
BEGIN
    INSERT INTO facilitate.deletion_guard VALUES (target) ON CONFLICT DO NOTHING;
    DELETE FROM facilitate.events WHERE session = target;
    GET DIAGNOSTICS removed = ROW_COUNT;
    DELETE FROM facilitate.deletion_guard WHERE session = target;
    RETURN removed;
END $$;
"""  # noqa: S608

TRIGGERS = """
DROP TRIGGER IF EXISTS events_number ON facilitate.events;
CREATE TRIGGER events_number BEFORE INSERT ON facilitate.events
    FOR EACH ROW EXECUTE FUNCTION facilitate.number_event();
DROP TRIGGER IF EXISTS events_announce ON facilitate.events;
CREATE TRIGGER events_announce AFTER INSERT ON facilitate.events
    FOR EACH ROW EXECUTE FUNCTION facilitate.announce_event();
DROP TRIGGER IF EXISTS events_no_update ON facilitate.events;
CREATE TRIGGER events_no_update BEFORE UPDATE ON facilitate.events
    FOR EACH ROW EXECUTE FUNCTION facilitate.refuse_edit();
DROP TRIGGER IF EXISTS events_no_delete ON facilitate.events;
CREATE TRIGGER events_no_delete BEFORE DELETE ON facilitate.events
    FOR EACH ROW EXECUTE FUNCTION facilitate.refuse_edit();
DROP TRIGGER IF EXISTS events_no_truncate ON facilitate.events;
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON facilitate.events
    FOR EACH STATEMENT EXECUTE FUNCTION facilitate.refuse_edit();
"""

ROLE = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{WRITER_ROLE}') THEN
        CREATE ROLE {WRITER_ROLE} NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END $$;
"""  # noqa: S608

GRANTS = f"""
REVOKE ALL ON ALL TABLES IN SCHEMA facilitate FROM {WRITER_ROLE};
REVOKE ALL ON FUNCTION facilitate.delete_session(text) FROM PUBLIC;
GRANT USAGE ON SCHEMA facilitate TO {WRITER_ROLE};
GRANT SELECT, INSERT ON facilitate.events TO {WRITER_ROLE};
GRANT SELECT ON facilitate.schema_version TO {WRITER_ROLE};
GRANT USAGE ON SEQUENCE facilitate.event_ids TO {WRITER_ROLE};
GRANT EXECUTE ON FUNCTION facilitate.delete_session(text) TO {WRITER_ROLE};
"""


def channel_of(session: str) -> str:
    """The NOTIFY channel of one session (the triggers' ``'facilitate_' || md5``)."""
    digest = hashlib.md5(session.encode(), usedforsecurity=False).hexdigest()
    return f"facilitate_{digest}"


def schema_version(conn: Any) -> int:
    """The version of the schema in the database, 0 where there is none."""
    found = conn.execute(
        "SELECT to_regclass('facilitate.schema_version') IS NOT NULL"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM facilitate.schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def create_schema(conn: Any) -> None:
    """Create or update the schema, the writer role and its grants (one transaction).

    ``conn`` is a psycopg connection in autocommit mode, logged in as a role that
    may create in the database (and roles, unless the writer role exists and it
    is already a member).
    """
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SETUP_LOCK,))
        if schema_version(conn) >= SCHEMA_VERSION:
            return
        for script in (TABLES, FUNCTIONS, TRIGGERS, ROLE, GRANTS):
            conn.execute(script)
        member = conn.execute(
            "SELECT pg_has_role(current_user, %s, 'MEMBER')", (WRITER_ROLE,)
        ).fetchone()
        if not (member and member[0]):
            conn.execute(f"GRANT {WRITER_ROLE} TO CURRENT_USER")
        conn.execute("DELETE FROM facilitate.schema_version")
        conn.execute(
            "INSERT INTO facilitate.schema_version VALUES (%s)", (SCHEMA_VERSION,)
        )
