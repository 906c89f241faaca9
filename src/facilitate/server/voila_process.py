"""Run Voila with its templates compiled once, and its pool filled one kernel at a time.

Voila renders every page, and every preheated kernel's page, with a new nbconvert
exporter, and each exporter builds a new Jinja environment that parses and
compiles the same templates again. Measured while a pool of 100 kernels warmed
on two cores: 60 % of the room Voila's time went to compiling templates, and
the room Voila, one Python thread, is what a hall of 250 waits on.

Jinja's own answer to "parse templates once" is a bytecode cache. This module
gives every environment nbconvert creates in this process one shared, in-memory
cache (``CompiledTemplates``), then runs Voila as ``python -m voila`` would. A
template whose file changed has another checksum and is compiled afresh, so an
edited template still shows.

When people take pool kernels, Voila schedules a replacement for each, a fixed
delay later, and each replacement first builds its page renderer (reading the
notebook, the extensions' page configuration, an exporter: about 10 ms of the
loop) before its kernel waits its turn to start (``room_kernels``). 250 people
joining within a second meant 250 renderers built back to back half a second
later, and the pages of everyone still arriving waited behind them (join p95
2 s). ``fill_one_at_a_time`` lets one replacement prepare at a time, so its
kernel's turn paces the renderers too and pages are served in between.

A hall's joins arrive at once: the front door asks Voila for hundreds of pages
in the same moment, one connection each. Past tornado's default listen backlog
of 128 the system drops the rest, and each waits a second before trying again
(join p95 1.1-1.3 s instead of 0.6 s in one run out of three).
``listen_with_room_for_a_hall`` gives Voila's socket the front door's backlog.

Run as ``python -m facilitate.server.voila_process ARGS...`` (Voila's arguments).
"""

from __future__ import annotations

import asyncio
import inspect
import sys
from collections.abc import Awaitable
from typing import Any, TypeVar

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, by template and source checksum."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}
        self.compilations = 0

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # checks the source's checksum

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compilations += 1
        self.compiled[bucket.key] = bucket.bytecode_to_string()


#: The one cache of this process.
COMPILED = CompiledTemplates()
#: Where nbconvert builds an exporter's Jinja environment, and where Voila
#: waits before preparing a pool kernel: the two places this module changes.
#: Both are checked against the installed versions by the tests.
ENVIRONMENT_HOOK = "_create_environment"
POOL_FILL_HOOK = "wait_before"
#: Connections a listening socket may hold before they are accepted, for the
#: front door and for each Voila: a hall joining at once opens hundreds.
LISTEN_BACKLOG = 1024


def share_compiled_templates() -> None:
    """Give every Jinja environment nbconvert's exporters create ``COMPILED``."""
    from nbconvert.exporters.templateexporter import TemplateExporter

    create = getattr(TemplateExporter, ENVIRONMENT_HOOK, None)
    if create is None or getattr(create, "shares_compiled_templates", False):
        return  # an nbconvert without the hook: pages are only slower

    def with_shared_cache(exporter: Any) -> Any:
        environment = create(exporter)  # type: ignore[no-untyped-call]
        environment.bytecode_cache = COMPILED
        return environment

    with_shared_cache.shares_compiled_templates = True  # type: ignore[attr-defined]
    setattr(TemplateExporter, ENVIRONMENT_HOOK, with_shared_cache)


T = TypeVar("T")


def fill_one_at_a_time() -> None:
    """Make Voila's pool prepare its kernels one after another, not all at once."""
    from voila import voila_kernel_manager

    if not hasattr(voila_kernel_manager, POOL_FILL_HOOK):
        return  # a Voila without the hook: the pool only fills less evenly
    turn: asyncio.Lock | None = None

    async def wait_then_take_turn(delay: float, prepare: Awaitable[T]) -> T:
        nonlocal turn
        await asyncio.sleep(delay)
        turn = turn or asyncio.Lock()
        async with turn:
            return await prepare

    setattr(voila_kernel_manager, POOL_FILL_HOOK, wait_then_take_turn)


def listen_with_room_for_a_hall() -> None:
    """Make Voila listen with ``LISTEN_BACKLOG`` (tornado's ``Application.listen``)."""
    from tornado.web import Application

    listen = Application.listen
    if "backlog" not in inspect.signature(listen).parameters:
        return  # a tornado without the option: a burst of joins is only slower
    if getattr(listen, "room_for_a_hall", False):
        return

    def listen_with_backlog(self: Application, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("backlog", LISTEN_BACKLOG)
        return listen(self, *args, **kwargs)

    listen_with_backlog.room_for_a_hall = True  # type: ignore[attr-defined]
    Application.listen = listen_with_backlog  # type: ignore[method-assign]


def main() -> None:
    share_compiled_templates()
    fill_one_at_a_time()
    listen_with_room_for_a_hall()
    from voila.app import main as voila_main

    sys.argv[0] = "voila"
    voila_main()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    main()
