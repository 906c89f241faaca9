"""What only the PostgreSQL store has to prove: roles, commit order, news, errors."""

from __future__ import annotations

import asyncio
import sys
import threading
import time

import pytest

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.errors import StoreUnavailable
from facilitate.core.events import PhaseChanged
from facilitate.core.store.postgres import INSTALL_HINT, PostgresStore
from facilitate.core.store.postgres_schema import WRITER_ROLE
from facilitate.ui.live import keep_polling, news_of
from tests.postgres_server import PostgresServer

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


def test_a_login_with_only_the_writer_role_appends_reads_and_deletes_sessions(
    store, postgres_server: PostgresServer, postgres_url
):
    postgres_server.sql(
        "DO $$ BEGIN CREATE ROLE kiosk LOGIN IN ROLE facilitate_writer; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    kiosk = PostgresStore(postgres_url.replace("facilitate_owner@", "kiosk@"))
    kiosk.append("AAAAAA", CheckinAnswered("p1", "curious"))
    assert len(store.read("AAAAAA")) == 1
    assert kiosk.delete_session("AAAAAA") == 1
    assert kiosk.read("AAAAAA") == []
    kiosk.close()


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
