"""What only the PostgreSQL store has to prove: roles, commit order, news, errors."""

from __future__ import annotations

import asyncio
import itertools
import sys
import threading
import time
from urllib.parse import urlsplit

import pytest

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
from facilitate.core.agenda import current_agenda
from facilitate.core.errors import SessionEnded, StoreUnavailable
from facilitate.core.events import PhaseChanged
from facilitate.core.store.postgres import INSTALL_HINT, PostgresStore
from facilitate.core.store.postgres_schema import SCHEMA_VERSION, WRITER_ROLE
from facilitate.ui.live import keep_polling, news_of
from tests.postgres_server import OWNER, PostgresServer

psycopg = pytest.importorskip("psycopg", reason="pip install 'facilitate[postgresql]'")
ARRIVAL_SECONDS = 2.0


@pytest.fixture
def store(postgres_url):
    opened = PostgresStore(postgres_url)
    yield opened
    opened.close()


def test_the_store_works_as_the_writer_role(store):
    with store._pool.connection() as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == WRITER_ROLE
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE facilitate.events SET kind = 'x'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM facilitate.events")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO facilitate.deletion_guard VALUES ('AAAAAA')")
        for forbidden in (
            "SELECT * FROM facilitate.held",
            "INSERT INTO facilitate.tombstones VALUES ('AAAAAA', 1)",
            "DELETE FROM facilitate.tombstones",
            "DELETE FROM facilitate.held",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(forbidden)


def test_a_login_with_only_the_writer_role_appends_reads_and_deletes_sessions(
    store, postgres_server: PostgresServer, postgres_url
):
    postgres_server.sql(
        "DO $$ BEGIN CREATE ROLE kiosk LOGIN IN ROLE facilitate_writer; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    kiosk = PostgresStore(postgres_url.replace("facilitate_owner@", "kiosk@"))
    kiosk.append("AAAAAA", CheckinAnswered("p1", "curious"))
    kiosk.append_unlinked("AAAAAA", FeedbackSent("p1"), FeedbackContent(), 3)
    assert len(store.read("AAAAAA")) == 2
    assert len(store.held_contents("AAAAAA")) == 1
    with pytest.raises(StoreUnavailable) as refused:
        kiosk.held_contents("AAAAAA")
    assert str(refused.value).startswith(
        "Forms held for their batch at postgresql://kiosk@"
    )
    assert "only by the database owner" in str(refused.value)
    assert kiosk.delete_session("AAAAAA") == 3
    assert kiosk.read("AAAAAA") == []
    assert kiosk.is_deleted("AAAAAA")
    with pytest.raises(SessionEnded):
        kiosk.append("AAAAAA", CheckinAnswered("p1", "again"))
    kiosk.close()


def test_held_forms_are_one_shuffled_row_per_session_with_no_time(store, postgres_url):
    """So neither row order nor transaction ids say which form came when."""
    forms = [FeedbackContent(helped=f"form {n}") for n in range(6)]
    for index, form in enumerate(forms):
        store.append_unlinked("AAAAAA", FeedbackSent(f"p{index}"), form, 10)
    with psycopg.connect(postgres_url, autocommit=True) as owner:
        columns = owner.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = 'facilitate' AND table_name = 'held' "
            "ORDER BY ordinal_position"
        ).fetchall()
        rows = owner.execute("SELECT contents FROM facilitate.held").fetchall()
    assert [c[0] for c in columns] == ["session", "kind", "contents"]
    assert len(rows) == 1
    assert sorted(form["helped"] for form in rows[0][0]) == [f.helped for f in forms]


def test_a_deletion_leaves_no_row_version_behind(
    store, postgres_server: PostgresServer, postgres_url
):
    """Not even a dead one a superuser could read page by page: the store vacuums.
    (PostgreSQL may keep the bytes in free space and its write-ahead log until
    they are overwritten; see the README.)"""
    database = urlsplit(postgres_url).path.lstrip("/")
    postgres_server.sql("CREATE EXTENSION IF NOT EXISTS pageinspect", database)
    for index in range(300):
        store.append("AAAAAA", CheckinAnswered(f"p{index}", f"Zelda{index}"))
        store.append("KEEPME", CheckinAnswered(f"k{index}", "Yusuf"))
    store.append_unlinked(
        "AAAAAA", FeedbackSent("p1"), FeedbackContent(helped="Zelda"), 9
    )
    assert tuples_saying(postgres_server, database, "Zelda") > 300
    assert store.delete_session("AAAAAA") == 302
    assert tuples_saying(postgres_server, database, "Zelda") == 0
    assert len(store.read("KEEPME")) == 300


def test_a_deletion_retires_the_write_ahead_log_where_the_login_may(
    store, postgres_server: PostgresServer, postgres_url
):
    """Allowed ``pg_switch_wal()`` and ``CHECKPOINT``, the store ends the log
    segment that recorded the deletion and checkpoints past it, so PostgreSQL
    recycles it; without them the deletion completes and nothing is switched."""
    store.append("AAAAAA", CheckinAnswered("p1", "Zelda"))
    segment, _ = wal_segments(postgres_server)
    assert store.delete_session("AAAAAA") == 1
    assert wal_segments(postgres_server)[0] == segment, "not allowed: not switched"
    database = urlsplit(postgres_url).path.lstrip("/")
    rights = ("pg_checkpoint", "EXECUTE ON FUNCTION pg_switch_wal()")
    for right in rights:
        postgres_server.sql(f"GRANT {right} TO {OWNER}", database)
    try:
        store.append("BBBBBB", CheckinAnswered("p2", "Zelda"))
        segment, _ = wal_segments(postgres_server)
        assert store.delete_session("BBBBBB") == 1
        current, redo = wal_segments(postgres_server)
        assert current != segment, "the deletion's segment was ended"
        assert redo != segment, "and a checkpoint began after it"
    finally:
        for right in rights:
            postgres_server.sql(f"REVOKE {right} FROM {OWNER}", database)


def wal_segments(server: PostgresServer) -> tuple[str, str]:
    """The write-ahead log segment written now, and the last checkpoint's."""
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT pg_walfile_name(pg_current_wal_lsn()), pg_walfile_name(redo_lsn)"
            " FROM pg_control_checkpoint()"
        ).fetchone()
    return str(row[0]), str(row[1])


def tuples_saying(server: PostgresServer, database: str, text: str) -> int:
    """Row versions, live or dead, in the pages of the log's tables holding ``text``."""
    import psycopg

    found = 0
    with psycopg.connect(server.url(database), autocommit=True) as conn:
        for table in ("facilitate.events", "facilitate.held"):
            found += conn.execute(
                "SELECT count(*) FROM generate_series(0, "
                "  pg_relation_size(%s::regclass) / current_setting('block_size')::int"
                "  - 1) AS page, heap_page_items(get_raw_page(%s, page::int)) AS item "
                "WHERE position(convert_to(%s, 'UTF8') IN item.t_data) > 0",
                (table, table, text),
            ).fetchone()[0]
    return found


def test_the_store_reads_committed_whatever_the_database_default(
    store, postgres_server: PostgresServer, postgres_url
):
    """The triggers' session lock orders a write after a deletion only if the
    write then sees what the deletion committed: READ COMMITTED."""
    database = urlsplit(postgres_url).path.lstrip("/")
    postgres_server.sql(
        f"ALTER DATABASE {database} SET default_transaction_isolation = "
        "'repeatable read'"
    )
    try:
        other = PostgresStore(postgres_url)
        with other._pool.connection() as conn:
            level = conn.execute("SHOW transaction_isolation").fetchone()[0]
        other.close()
    finally:
        postgres_server.sql(
            f"ALTER DATABASE {database} RESET default_transaction_isolation"
        )
    assert level == "read committed"


def test_a_deletion_wakes_the_pages_following_the_session(store, postgres_url):
    elsewhere = PostgresStore(postgres_url)

    async def scenario() -> tuple[bool, float]:
        await store.wait_for_news("GONE01", 5)  # listening
        loop = asyncio.get_running_loop()
        started = time.monotonic()
        loop.run_in_executor(None, elsewhere.delete_session, "GONE01")
        woke = await store.wait_for_news("GONE01", 10)
        return woke, time.monotonic() - started

    woke, seconds = asyncio.run(scenario())
    elsewhere.close()
    assert woke is True
    assert seconds < ARRIVAL_SECONDS
    assert store.is_deleted("GONE01")


def test_a_store_of_the_first_schema_is_brought_up_to_date(store, postgres_url):
    """Tombstones, held forms and the new functions arrive; events stay."""
    store.append("AAAAAA", PhaseChanged("before"))
    with psycopg.connect(postgres_url, autocommit=True) as owner:
        owner.execute(FIRST_SCHEMA)
    upgraded = PostgresStore(postgres_url)
    assert [r.event for r in upgraded.read("AAAAAA")] == [PhaseChanged("before")]
    assert upgraded.delete_session("AAAAAA") == 1
    assert upgraded.is_deleted("AAAAAA")
    with psycopg.connect(postgres_url, autocommit=True) as owner:
        assert owner.execute(
            "SELECT to_regprocedure('facilitate.delete_session(text)')"
        ).fetchone() == (None,)
        assert owner.execute(
            "SELECT max(version) FROM facilitate.schema_version"
        ).fetchone() == (SCHEMA_VERSION,)
        announce = "SELECT prosrc FROM pg_proc WHERE proname = 'announce_event'"
        assert "NEW.kind" in owner.execute(announce).fetchone()[0]
    upgraded.close()


#: Back to what the first schema had: no tombstones, no held forms, and the
#: one-argument deletion.
FIRST_SCHEMA = """
DROP FUNCTION facilitate.append_unlinked(
    text, text, json, text, json, integer, double precision);
DROP FUNCTION facilitate.delete_session(text, double precision);
DROP TABLE facilitate.tombstones, facilitate.held;
CREATE FUNCTION facilitate.delete_session(target text) RETURNS bigint
LANGUAGE sql SECURITY DEFINER AS $$ SELECT 0::bigint $$;
UPDATE facilitate.schema_version SET version = 1;
"""


def test_truncate_is_refused_even_for_the_owner(store, postgres_url):
    store.append("AAAAAA", PhaseChanged("alignment"))
    with (
        psycopg.connect(postgres_url, autocommit=True) as owner,
        pytest.raises(psycopg.errors.IntegrityError, match="append-only"),
    ):
        owner.execute("TRUNCATE facilitate.events")
    assert len(store.read("AAAAAA")) == 1


def test_an_append_waits_for_an_earlier_uncommitted_one_of_its_session(
    store, postgres_url
):
    """So a later id never becomes readable before an earlier one of the session."""
    with psycopg.connect(postgres_url) as slow:
        slow.execute(
            "INSERT INTO facilitate.events (session, kind, at, payload) "
            "VALUES ('AAAAAA', 'phase_changed', 1, '{\"phase\": \"slow\"}')"
        )
        later: list[int] = []
        writer = threading.Thread(
            target=lambda: later.append(store.append("AAAAAA", PhaseChanged("x")).id)
        )
        writer.start()
        other = store.append("BBBBBB", PhaseChanged("other"))  # not held up
        writer.join(timeout=0.5)
        assert writer.is_alive(), "the later append should wait for the commit"
        assert store.read("AAAAAA") == []
        slow.commit()
    writer.join(timeout=10)
    ids = [r.id for r in store.read("AAAAAA")]
    assert ids == sorted(ids)
    assert ids[1:] == later
    assert other.id < later[0]


def test_news_arrives_when_another_store_appends(store, postgres_url):
    elsewhere = PostgresStore(postgres_url)

    async def scenario() -> tuple[bool, bool, float]:
        await store.wait_for_news("NEWS01", 5)  # listening (may say True once)
        quiet = await store.wait_for_news("NEWS01", 0.2)
        loop = asyncio.get_running_loop()
        started = time.monotonic()
        loop.run_in_executor(None, elsewhere.append, "NEWS01", PhaseChanged("x"))
        woke = await store.wait_for_news("NEWS01", 10)
        return quiet, woke, time.monotonic() - started

    quiet, woke, seconds = asyncio.run(scenario())
    elsewhere.close()
    assert quiet is False
    assert woke is True
    assert seconds < ARRIVAL_SECONDS


def test_a_phone_sleeps_through_answers_it_never_shows(store, postgres_url):
    """Another person's rating does not wake a participant's page; a phase
    change does, and the page then reads both."""
    elsewhere = PostgresStore(postgres_url)
    unseen = current_agenda().unseen_by_participants()
    assert CheckinAnswered.kind in unseen
    assert PhaseChanged.kind not in unseen

    async def scenario() -> tuple[bool, bool]:
        await store.wait_for_news("QUIET1", 5, unseen)  # listening
        loop = asyncio.get_running_loop()
        answer = CheckinAnswered("p-1", "curious")
        await loop.run_in_executor(None, elsewhere.append, "QUIET1", answer)
        slept = await store.wait_for_news("QUIET1", 1.0, unseen)
        loop.run_in_executor(None, elsewhere.append, "QUIET1", PhaseChanged("x"))
        woke = await store.wait_for_news("QUIET1", 10, unseen)
        return slept, woke

    slept, woke = asyncio.run(scenario())
    elsewhere.close()
    assert slept is False
    assert woke is True
    kinds = [r.event.kind for r in store.read("QUIET1")]
    assert kinds == [CheckinAnswered.kind, PhaseChanged.kind]


def test_a_live_page_refreshes_on_news_long_before_its_interval(store, postgres_url):
    elsewhere = PostgresStore(postgres_url)
    seen: list[int] = []
    seen_refresh: list[bool] = []

    def refresh() -> None:
        seen_refresh.append(True)
        seen.extend(r.id for r in store.read("LIVE01", after=seen[-1] if seen else 0))

    async def scenario() -> float:
        await store.wait_for_news("LIVE01", 5)  # the listener is up
        task = keep_polling(refresh, 30.0, news_of(store, "LIVE01"))
        assert task is not None
        while not seen_refresh:
            await asyncio.sleep(0.01)
        loop = asyncio.get_running_loop()
        started = time.monotonic()
        appended = await loop.run_in_executor(
            None, elsewhere.append, "LIVE01", PhaseChanged("x")
        )
        while appended.id not in seen and time.monotonic() - started < 10:
            await asyncio.sleep(0.01)
        task.cancel()
        return time.monotonic() - started

    seconds = asyncio.run(scenario())
    elsewhere.close()
    assert len(seen) == 1
    assert seconds < ARRIVAL_SECONDS


def test_a_store_without_news_is_polled():
    assert news_of(object(), "ABCDEF") is None


def test_missing_driver_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreUnavailable) as raised:
        PostgresStore("postgresql://someone@/nowhere")
    assert str(raised.value) == INSTALL_HINT
    assert "pip install 'facilitate[postgresql]'" in INSTALL_HINT


def test_unreachable_server_is_one_sentence_without_the_password(tmp_path):
    url = f"postgresql://ana:secret@/facilitate?host={tmp_path}"
    with pytest.raises(StoreUnavailable) as raised:
        PostgresStore(url)
    message = str(raised.value)
    shown = f"postgresql://ana:***@/facilitate?host={tmp_path}"
    assert message.startswith(f"Cannot reach the PostgreSQL store at {shown} (")
    assert "secret" not in message
    assert "apt-get install postgresql" in message


def test_a_user_who_may_not_create_the_schema_is_told_who_can(
    postgres_server: PostgresServer, postgres_url
):
    postgres_server.sql(
        "DO $$ BEGIN CREATE ROLE visitor LOGIN; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    with pytest.raises(StoreUnavailable) as raised:
        PostgresStore(postgres_url.replace("facilitate_owner@", "visitor@"))
    message = str(raised.value)
    assert message.startswith("The PostgreSQL store at postgresql://visitor@")
    assert "Open it once with the database owner's address" in message


def test_a_burst_of_news_wakes_a_participant_page_once_per_gap(store, postgres_url):
    """Twenty answers in quick succession: the page reads the log a few times,
    not twenty, and still sees every one of them."""
    elsewhere = PostgresStore(postgres_url)
    refreshes: list[float] = []
    seen: list[int] = []

    def refresh() -> None:
        refreshes.append(time.monotonic())
        seen.extend(r.id for r in store.read("BURST1", after=seen[-1] if seen else 0))

    async def scenario() -> None:
        await store.wait_for_news("BURST1", 5)
        task = keep_polling(refresh, 30.0, news_of(store, "BURST1"), gap=0.5)
        assert task is not None
        while not refreshes:
            await asyncio.sleep(0.01)
        loop = asyncio.get_running_loop()
        last = None
        for index in range(20):
            event = PhaseChanged(f"p{index}")
            last = await loop.run_in_executor(None, elsewhere.append, "BURST1", event)
        started = time.monotonic()
        while last.id not in seen and time.monotonic() - started < 10:
            await asyncio.sleep(0.01)
        task.cancel()

    asyncio.run(scenario())
    elsewhere.close()
    assert len(seen) == 20
    gaps = [b - a for a, b in itertools.pairwise(refreshes)]
    assert min(gaps) >= 0.5 - 0.01
