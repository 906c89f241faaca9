"""What a worker's front door tells the proxy in front of it.

``/healthz`` answers 200 as long as the front door runs. It deliberately asks
nothing of the two Voila processes behind it: a Voila that stops takes its whole
worker down within a second (``serve_room`` watches them), and a Voila that is
merely busy refilling its pool must not look dead, or HAProxy would move every
browser off a healthy worker at the worst moment.

Each answer names the worker that gave it (``X-Facilitate-Worker``), so a
facilitator (or a test) can see where a browser was sent.
"""

from __future__ import annotations

from tornado import web

WORKER_HEADER = "X-Facilitate-Worker"


class HealthHandler(web.RequestHandler):
    """200 "ok" while this front door runs; never rate-limited, never cached."""

    def initialize(self, worker: str) -> None:
        self.worker = worker

    def get(self) -> None:
        self.set_header("Cache-Control", "no-store")
        if self.worker:
            self.set_header(WORKER_HEADER, self.worker)
        self.finish("ok")

    def head(self) -> None:
        self.get()
