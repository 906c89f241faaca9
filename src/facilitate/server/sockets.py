"""Kernel websockets through the front door, each behind its page's ticket.

A socket is relayed only to a kernel's canonical ``/channels`` address, and only
for the browser holding that kernel's ticket (``kernel_tickets``): the one its
page was handed to after the front door checked the page's credential. Anything
else is refused before Voila is asked.

Frames are relayed one by one, compressed with permessage-deflate, with the
kernel subprotocol Voila chose passed back to the browser.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from tornado import httpclient, websocket

from facilitate.server.kernel_tickets import COOKIE
from facilitate.server.routes import Kind

if TYPE_CHECKING:
    from facilitate.server.proxy import Front

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 200 * 1024 * 1024
OPEN_TIMEOUT_SECONDS = 300


class SocketProxy(websocket.WebSocketHandler):
    """Relays a kernel's websocket between the browser and its Voila.

    Voila is connected first, offering the subprotocols the browser offered, so
    the browser is answered with the one Voila chose. Messages Voila sends
    before the browser's side is open wait in a short queue.
    """

    def initialize(self, front: Front) -> None:
        self.front = front
        self.upstream: websocket.WebSocketClientConnection | None = None
        self.chosen: str | None = None
        self.waiting: list[str | bytes | None] | None = []

    def check_origin(self, origin: str) -> bool:
        """Voila checks the origin against the host; both are passed on as sent."""
        return True

    def get_compression_options(self) -> dict[str, Any] | None:
        """permessage-deflate when the browser offers it (every current one does):
        widget state is JSON, which shrinks to about a fifth."""
        return {}

    def select_subprotocol(self, subprotocols: list[str]) -> str | None:
        return self.chosen if self.chosen in subprotocols else None

    def admitted(self) -> str | None:
        """The canonical address to relay to, or None to refuse the socket."""
        route = self.front.route(self.request.path)
        if route.kind is not Kind.KERNEL or not route.channels:
            return None
        ticket = self.get_cookie(COOKIE)
        if not self.front.tickets.admits(route.lead, route.kernel, ticket):
            return None
        query = self.request.query
        return route.path + (f"?{query}" if query else "")

    async def get(self, *args: Any, **kwargs: Any) -> None:
        target = self.admitted()
        if target is None:
            self.set_status(403)
            self.finish()
            return
        offered = [
            name.strip()
            for name in self.request.headers.get("Sec-WebSocket-Protocol", "").split(
                ","
            )
            if name.strip()
        ]
        try:
            self.upstream = await websocket.websocket_connect(
                self.upstream_request(target),
                on_message_callback=self.from_voila,
                max_message_size=MAX_MESSAGE_BYTES,
                subprotocols=offered or None,
            )
        except Exception as error:
            log.warning("kernel socket %s refused: %s", target, error)
            self.set_status(502)
            self.finish()
            return
        self.chosen = self.upstream.selected_subprotocol
        await super().get(*args, **kwargs)

    def upstream_request(self, target: str) -> httpclient.HTTPRequest:
        """The request opening ``target`` on its Voila, with the browser's
        cookies, origin, host and agent."""
        headers = {
            name: value
            for name in ("Cookie", "Origin", "Host", "User-Agent")
            if (value := self.request.headers.get(name))
        }
        return httpclient.HTTPRequest(
            self.front.backend_for(target).url(target, scheme="ws"),
            headers=headers,
            connect_timeout=OPEN_TIMEOUT_SECONDS,
            request_timeout=OPEN_TIMEOUT_SECONDS,
        )

    def open(self, *_: str) -> None:
        waiting, self.waiting = self.waiting or [], None
        for message in waiting:
            self.from_voila(message)

    def from_voila(self, message: str | bytes | None) -> None:
        if self.waiting is not None:
            self.waiting.append(message)
            return
        if message is None:
            self.close()
            return
        try:
            self.write_message(message, binary=isinstance(message, bytes))
        except websocket.WebSocketClosedError:
            self._close_upstream()

    async def on_message(self, message: str | bytes) -> None:
        if self.upstream is None:
            return
        binary = isinstance(message, bytes)
        try:
            await self.upstream.write_message(message, binary=binary)
        except websocket.WebSocketClosedError:
            self.close()

    def on_close(self) -> None:
        self._close_upstream()

    def _close_upstream(self) -> None:
        if self.upstream is not None:
            self.upstream.close()
            self.upstream = None
