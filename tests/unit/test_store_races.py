"""Writers racing each other, and a deletion: nothing lost, repeated or left over.

Each test runs on SQLite and on a real PostgreSQL, with writer processes that each
open their own store, as kernels on several machines would.
"""

from __future__ import annotations

import multiprocessing
import time
from typing import Any

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
from facilitate.core.errors import AlreadyRecorded, SessionEnded
from tests.store_backends import Backend

SENDERS = 6
PEOPLE = 21
BATCH = 4
_start: Any = None


def _wait_for_each_other(start: Any) -> None:
    global _start
    _start = start


def send_everyone(args: tuple[Backend, int]) -> list[str]:
    """Try to send every person's form, in the same order as the other senders."""
    backend, sender = args
    store = backend.open()
    _start.wait(timeout=60)
    sent = []
    for person in range(PEOPLE):
        form = FeedbackContent({"voice": 3}, helped=f"s{sender} p{person}")
        try:
            store.append_unlinked("RACE01", FeedbackSent(f"p{person}"), form, BATCH)
        except AlreadyRecorded:
            continue
        sent.append(form.helped)
    store.close()
    return sent


def test_racing_senders_record_each_form_once_and_lose_none(backend: Backend):
    backend.open().close()
    context = multiprocessing.get_context("fork")
    start = context.Barrier(SENDERS)
    with context.Pool(SENDERS, _wait_for_each_other, (start,)) as pool:
        results = pool.map(send_everyone, [(backend, s) for s in range(SENDERS)], 1)
    sent = sorted(helped for result in results for helped in result)
    store = backend.open()
    markers = store.read("RACE01", kinds=["feedback_sent"])
    released = store.read("RACE01", kinds=["feedback_content"])
    held = store.held_contents("RACE01")
    store.close()
    assert len(sent) == PEOPLE, "each person's form is taken once, whoever wins"
    assert sorted(r.event.participant for r in markers) == sorted(
        f"p{n}" for n in range(PEOPLE)
    )
    assert len(released) == PEOPLE - PEOPLE % BATCH
    assert len(held) == PEOPLE % BATCH
    assert sorted([r.event.helped for r in released] + [h.helped for h in held]) == sent


def write_until_ended(args: tuple[Backend, int]) -> tuple[int, int, bool]:
    """Append answers (and now and then a form) until the session is deleted."""
    backend, writer = args
    store = backend.open()
    appended = unlinked = 0
    # Write until refused, however long the deletion takes to come on a busy
    # machine; a minute without refusal is a write that outlived it.
    deadline = time.monotonic() + 60
    turn = 0
    try:
        while time.monotonic() < deadline:
            turn += 1
            if turn % 5 == 4:
                marker = FeedbackSent(f"w{writer}-{turn}")
                store.append_unlinked("ENDING", marker, FeedbackContent(), BATCH)
                unlinked += 1
            else:
                store.append("ENDING", CheckinAnswered(f"w{writer}", str(turn)))
                appended += 1
    except SessionEnded:
        return appended, unlinked, True
    finally:
        store.close()
    return appended, unlinked, False


def test_no_write_outlives_a_deletion_it_raced(backend: Backend):
    backend.open().close()
    with multiprocessing.get_context("fork").Pool(4) as pool:
        running = pool.map_async(write_until_ended, [(backend, w) for w in range(4)])
        store = backend.open()
        deadline = time.monotonic() + 60
        while len(store.read("ENDING")) < 40 and time.monotonic() < deadline:
            time.sleep(0.01)
        removed = store.delete_session("ENDING")
        results = running.get(timeout=120)
    assert all(ended for _, _, ended in results), "every writer was refused"
    appended = sum(a for a, _, _ in results)
    unlinked = sum(u for _, u, _ in results)
    assert removed == appended + 2 * unlinked, "the deletion took every write made"
    assert store.read("ENDING") == []
    assert store.held_contents("ENDING") == []
    assert store.is_deleted("ENDING")
    store.close()
