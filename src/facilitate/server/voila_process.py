"""Run Voila with its templates loaded once, and its pool filled one kernel at a time.

Voila renders every page, and every preheated kernel's page, with a new nbconvert
exporter, and each exporter builds a new Jinja environment that parses and
compiles the same templates again. Measured while a pool of 100 kernels warmed
on two cores: 60 % of the room Voila's time went to compiling templates, and
the room Voila, one Python thread, is what a hall of 250 waits on.

Jinja's own answer is one environment, which loads each template once and
checks only that its file has not changed (``auto_reload``), and a bytecode
cache for environments that cannot be shared. This module gives exporters
that would build the same environment (same exporter class, template folders,
loaders and filters) the one built first (``share_template_environments``),
each with one in-memory cache of compiled templates (``CompiledTemplates``),
then runs Voila as ``python -m voila`` would. A template whose file changed is
loaded and compiled afresh, so an edited template still shows. With the cache
alone, loading templates still took 18 % of the room Voila's time while a pool
warmed; sharing the environment took its CPU per warmed kernel from 0.10 s to
0.07 s.
"""

from __future__ import annotations

import asyncio
import copy
import inspect
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
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
#: The parser ``jupyter_client.jsonutil.parse_date`` calls for a message's dates.
DATE_PARSER = "_dateutil_parse"
#: Where Voila reads the extensions' page configuration, in ``voila.utils``.
EXTENSION_READERS = ("gpc", "get_federated_extensions")
#: Connections a listening socket may hold before they are accepted, for the
#: front door and for each Voila: a hall joining at once opens hundreds.
LISTEN_BACKLOG = 1024


#: The Jinja environments of this process, by ``environment_key``.
ENVIRONMENTS: dict[tuple[Any, ...], Any] = {}


def environment_key(exporter: Any) -> tuple[Any, ...]:
    """What decides the environment an nbconvert exporter builds."""
    return (
        type(exporter),
        tuple(exporter.template_paths),
        exporter.template_extension,
        exporter.raw_template,
        exporter.enable_async,
        tuple(id(loader) for loader in exporter.extra_loaders),
        repr(sorted(exporter.filters.items())),
    )


def share_template_environments() -> None:
    """Give nbconvert's exporters that would build the same Jinja environment
    the one built first, each environment with the cache ``COMPILED``."""
    from nbconvert.exporters.templateexporter import TemplateExporter

    create = getattr(TemplateExporter, ENVIRONMENT_HOOK, None)
    if create is None or getattr(create, "shares_environments", False):
        return  # an nbconvert without the hook: pages are only slower

    def shared_environment(exporter: Any) -> Any:
        key = environment_key(exporter)
        environment = ENVIRONMENTS.get(key)
        if environment is None:
            environment = create(exporter)  # type: ignore[no-untyped-call]
            environment.bytecode_cache = COMPILED
            ENVIRONMENTS[key] = environment
        return environment

    shared_environment.shares_environments = True  # type: ignore[attr-defined]
    setattr(TemplateExporter, ENVIRONMENT_HOOK, shared_environment)


T = TypeVar("T")


def read_once(read: Callable[..., T]) -> Callable[..., T]:
    """``read``, remembering its answer for each set of arguments; each caller
    gets a copy of its own, which it may change."""
    answers: dict[str, T] = {}

    def remembered(*args: Any, **kwargs: Any) -> T:
        key = repr((args, sorted(kwargs.items())))
        if key not in answers:
            answers[key] = read(*args, **kwargs)
        return copy.deepcopy(answers[key])

    remembered.reads_once = True  # type: ignore[attr-defined]
    return remembered


def read_extensions_once() -> None:
    """Make Voila read the lab extensions' page configuration once per process."""
    from voila import utils

    for name in EXTENSION_READERS:
        read = getattr(utils, name, None)
        if read is None or getattr(read, "reads_once", False):
            continue  # a Voila that reads them elsewhere: pages are only slower
        setattr(utils, name, read_once(read))


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


def parse_dates_quickly() -> None:
    """Make Jupyter's client read message dates with ``datetime.fromisoformat``
    (Python 3.11 and later, where it reads every shape those dates take)."""
    from jupyter_client import jsonutil

    if sys.version_info >= (3, 11) and hasattr(jsonutil, DATE_PARSER):
        setattr(jsonutil, DATE_PARSER, datetime.fromisoformat)


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
    share_template_environments()
    read_extensions_once()
    parse_dates_quickly()
    fill_one_at_a_time()
    listen_with_room_for_a_hall()
    from voila.app import main as voila_main

    sys.argv[0] = "voila"
    voila_main()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    main()
