"""A hall's joins wait in line instead of being dropped.

Hundreds of phones open the join link in the same moment, and the front door
asks Voila for each page on a connection of its own. Past tornado's default
listen backlog of 128 the system drops the other connections, and each of those
phones waits a second before trying again. Both listen with room for a hall.
"""

from __future__ import annotations

import asyncio
import select
import socket
import time

from tornado.web import Application

from facilitate.server import bind_public
from facilitate.server.voila_process import listen_with_room_for_a_hall
from tests.live_server import free_port

#: More connections at once than tornado's default backlog holds.
AT_ONCE = 300
CONNECT_SECONDS = 3.0


def connections_made(port: int) -> int:
    """Open ``AT_ONCE`` connections to a socket nobody accepts on yet: how many
    the system completed (the others it dropped, full)."""
    clients = [socket.socket() for _ in range(AT_ONCE)]
    try:
        for client in clients:
            client.setblocking(False)
            client.connect_ex(("127.0.0.1", port))
        pending = set(clients)
        deadline = time.monotonic() + CONNECT_SECONDS
        while pending and time.monotonic() < deadline:
            _, done, _ = select.select([], list(pending), [], 0.1)
            pending -= set(done)
        return AT_ONCE - len(pending)
    finally:
        for client in clients:
            client.close()


def test_the_front_door_holds_a_hall_joining_at_once():
    listening = bind_public("127.0.0.1", 0)
    try:
        assert connections_made(listening[0].getsockname()[1]) == AT_ONCE
    finally:
        for each in listening:
            each.close()


def test_voila_holds_the_front_doors_requests_at_once():
    original = Application.listen
    listen_with_room_for_a_hall()

    async def listen_and_count() -> int:
        port = free_port()
        server = Application([]).listen(port, "127.0.0.1")
        try:
            return connections_made(port)  # the loop never gets to accept
        finally:
            server.stop()

    try:
        assert asyncio.run(listen_and_count()) == AT_ONCE
    finally:
        Application.listen = original  # type: ignore[method-assign]
