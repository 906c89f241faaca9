"""Debounced autosave on a real loop: once after a pause, and during long typing."""

from __future__ import annotations

import asyncio
import time

from facilitate.ui.autosave import Debounced

TIMEOUT = 5.0


def test_pokes_in_quick_succession_save_once_after_the_pause():
    saves: list[float] = []

    async def scenario() -> None:
        saved = asyncio.Event()

        def action() -> None:
            saves.append(time.monotonic())
            saved.set()

        debounced = Debounced(action, pause=0.2, longest=10.0)
        started = time.monotonic()
        for _ in range(5):
            debounced.poke()
            await asyncio.sleep(0.02)
        last_poke = time.monotonic()
        await asyncio.wait_for(saved.wait(), TIMEOUT)
        assert saves[0] - last_poke >= 0.15
        assert saves[0] - started < TIMEOUT

    asyncio.run(scenario())
    assert len(saves) == 1


def test_long_typing_saves_before_it_stops():
    saves: list[float] = []

    async def scenario() -> None:
        saved = asyncio.Event()

        def action() -> None:
            saves.append(time.monotonic())
            saved.set()

        debounced = Debounced(action, pause=0.5, longest=0.3)
        while not saved.is_set():
            debounced.poke()
            await asyncio.sleep(0.05)
            assert debounced.first_poke
            assert time.monotonic() - debounced.first_poke < TIMEOUT

    asyncio.run(scenario())
    assert len(saves) == 1


def test_without_a_loop_flush_saves_and_only_when_something_changed():
    saves = []
    debounced = Debounced(lambda: saves.append(1))
    debounced.flush()
    assert saves == []
    debounced.poke()
    debounced.poke()
    debounced.flush()
    debounced.flush()
    assert saves == [1]
