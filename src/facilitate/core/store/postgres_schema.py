"""The PostgreSQL schema: the events table and the rules the database enforces.

Everything lives in the ``facilitate`` schema, so the log can share a database.
What the triggers and grants guarantee, whoever connects and whatever code runs:

- **Append-only.** UPDATE, DELETE and TRUNCATE on ``events`` are refused by
  triggers, for the owner too. The one exception is ``delete_session()``, which
  lifts the guard for one session inside its own transaction (the same design as
  the SQLite store's flag table).
- **A role without UPDATE or DELETE.** Normal use runs as ``facilitate_writer``
  (``SET ROLE`` on every pooled connection): it may read and insert events, read
  tombstones, and call ``delete_session()`` and ``append_unlinked()``, nothing
  else. A deployment may also log in as a member of that role and nothing more.
- **Ids in commit order per session.** A trigger numbers each event while holding
  a lock on its session until commit, so a session's ids become visible in
  increasing order and ``read(after=last_seen)`` never skips an event that
  committed late. Sessions do not wait for each other.
- **Tombstones.** ``delete_session()`` takes the same session lock, leaves a row
  in ``tombstones`` and removes the session's events and held contents. The
  numbering trigger looks for a tombstone after it has the lock (a fresh
  snapshot, the connections being READ COMMITTED), so an append racing a
  deletion is either removed by it or refused after it: none survives.
- **Held contents.** ``append_unlinked()`` keeps what a person said in ``held``,
  one row per session and kind whose JSON array is shuffled on every write, so
  no row's position or transaction id says who sent which; it appends them all,
  in random order, once ``batch`` are held. The writer role cannot read ``held``
  at all: nothing is seen before its batch is complete.
- **News.** Every insert sends ``NOTIFY`` on the session's channel, with the
  event's id and kind, so live pages on any machine wake at once (and a page
  can sleep through kinds it never shows).

The schema is created (or brought up to date) once, by whoever opens the store
first with the right to, under an advisory lock so simultaneous kernels agree.
"""

from __future__ import annotations

import hashlib
from typing import Any

SCHEMA_VERSION = 3
WRITER_ROLE = "facilitate_writer"
#: Advisory-lock namespace (first key) of facilitate: "fc" in ASCII.
LOCK_SPACE = 0x6663
SETUP_LOCK = 0x6663_0001
#: What the database says when a write comes under a deleted session's code.
TOMBSTONE_REFUSAL = "session deleted: writes are refused"
#: What it says when a once-only marker is sent again.
ALREADY_RECORDED = "already recorded: this marker is in the log"
DELETE_SESSION = "facilitate.delete_session(text, double precision)"
APPEND_UNLINKED = (
    "facilitate.append_unlinked(text, text, json, text, json, integer, "
    "double precision)"
)

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
CREATE TABLE IF NOT EXISTS facilitate.tombstones (
    session text PRIMARY KEY,
    at double precision NOT NULL
);
CREATE TABLE IF NOT EXISTS facilitate.held (
    session text NOT NULL,
    kind text NOT NULL,
    contents json NOT NULL,
    PRIMARY KEY (session, kind)
);
"""

#: What earlier versions had that this one replaces (version 1: a deletion
#: without a tombstone's time; version 2: news without the event's kind).
UPGRADES = """
DROP FUNCTION IF EXISTS facilitate.delete_session(text);
"""

# Interpolated names below are this module's constants, never input.
FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION facilitate.lock_open_session(target text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK_SPACE}, hashtext(target));
    IF EXISTS (SELECT 1 FROM facilitate.tombstones t WHERE t.session = target) THEN
        RAISE EXCEPTION '{TOMBSTONE_REFUSAL}' USING ERRCODE = 'restrict_violation',
            HINT = 'The session was deleted; its code takes no more writes.';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION facilitate.number_event() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM facilitate.lock_open_session(NEW.session);
    NEW.id := nextval('facilitate.event_ids');
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION facilitate.hold_in_open_session() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM facilitate.lock_open_session(NEW.session);
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION facilitate.announce_event() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_notify('facilitate_' || md5(NEW.session),
                      NEW.id::text || ' ' || NEW.kind);
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

CREATE OR REPLACE FUNCTION facilitate.delete_session(
    target text, moment double precision
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    removed bigint;
    held_contents bigint;
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK_SPACE}, hashtext(target));
    INSERT INTO facilitate.tombstones VALUES (target, moment) ON CONFLICT DO NOTHING;
    INSERT INTO facilitate.deletion_guard VALUES (target) ON CONFLICT DO NOTHING;
    DELETE FROM facilitate.events WHERE session = target;
    GET DIAGNOSTICS removed = ROW_COUNT;
    WITH gone AS (
        DELETE FROM facilitate.held h WHERE h.session = target RETURNING h.contents
    )
    SELECT coalesce(sum(json_array_length(gone.contents)), 0)
        INTO held_contents FROM gone;
    DELETE FROM facilitate.deletion_guard WHERE session = target;
    PERFORM pg_notify('facilitate_' || md5(target), 'deleted');
    RETURN removed + held_contents;
END $$;

CREATE OR REPLACE FUNCTION facilitate.append_unlinked(
    target text, marker_kind text, marker json,
    content_kind text, content json, batch integer, moment double precision
) RETURNS TABLE (event_id bigint, event_kind text, event_payload json)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    waiting json;
BEGIN
    PERFORM facilitate.lock_open_session(target);
    IF EXISTS (
        SELECT 1 FROM facilitate.events e WHERE e.session = target
            AND e.kind = marker_kind AND e.payload::jsonb = marker::jsonb
    ) THEN
        RAISE EXCEPTION '{ALREADY_RECORDED}' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN QUERY INSERT INTO facilitate.events AS e (session, kind, at, payload)
        VALUES (target, marker_kind, moment, marker)
        RETURNING e.id, e.kind, e.payload;
    INSERT INTO facilitate.held AS h (session, kind, contents)
        VALUES (target, content_kind, json_build_array(content))
        ON CONFLICT (session, kind) DO UPDATE SET contents = (
            SELECT json_agg(everything.c ORDER BY gen_random_uuid()) FROM (
                SELECT json_array_elements(h.contents) AS c
                UNION ALL SELECT json_array_elements(EXCLUDED.contents)
            ) AS everything
        )
        RETURNING h.contents INTO waiting;
    IF json_array_length(waiting) < greatest(batch, 1) THEN
        RETURN;
    END IF;
    DELETE FROM facilitate.held h WHERE h.session = target AND h.kind = content_kind;
    RETURN QUERY INSERT INTO facilitate.events AS e (session, kind, at, payload)
        SELECT target, content_kind, moment, shuffled.c
        FROM json_array_elements(waiting) AS shuffled(c)
        RETURNING e.id, e.kind, e.payload;
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
DROP TRIGGER IF EXISTS held_not_after_deletion ON facilitate.held;
CREATE TRIGGER held_not_after_deletion BEFORE INSERT OR UPDATE ON facilitate.held
    FOR EACH ROW EXECUTE FUNCTION facilitate.hold_in_open_session();
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
REVOKE ALL ON FUNCTION {DELETE_SESSION} FROM PUBLIC;
REVOKE ALL ON FUNCTION {APPEND_UNLINKED} FROM PUBLIC;
GRANT USAGE ON SCHEMA facilitate TO {WRITER_ROLE};
GRANT SELECT, INSERT ON facilitate.events TO {WRITER_ROLE};
GRANT SELECT ON facilitate.schema_version, facilitate.tombstones TO {WRITER_ROLE};
GRANT USAGE ON SEQUENCE facilitate.event_ids TO {WRITER_ROLE};
GRANT EXECUTE ON FUNCTION {DELETE_SESSION}, {APPEND_UNLINKED} TO {WRITER_ROLE};
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
        for script in (TABLES, UPGRADES, FUNCTIONS, TRIGGERS, ROLE, GRANTS):
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
