"""A whole room behind one address: N participant pages at once, all from 127.0.0.1.

A school network reaching a hosted server through one public address, or a room
behind a proxy, looks to the front door like one client. Every one of the N
phones here opens the join link from the same address, at the same moment
(through the front door, with a pool of N warm kernels), and every page must be
served: prints how many were, and p50/p95/max of the time to answer. Then one
browser (keeping its cookie, as browsers do) reloads at 200 a minute from that
same address, and must be refused well before the minute is out.
Usage: python bench/joins_one_address.py [N] [--workers W]
"""

from __future__ import annotations

import http.client
import statistics
import sys
import time

from _phones import PAGE, Phone, open_pages
from _server import running_server, settle
from facilitate.core.sessions import create_session
from facilitate.core.store import open_store

ADDRESS = "127.0.0.1"
#: The display's and the remote's warm kernels, in the lead's Voila.
LEAD_WARM_KERNELS = 2
RELOADS_PER_MINUTE = 200


class RoomPhone(Phone):
    """A phone on the room's network: its address is everyone's."""

    @property
    def source(self) -> str:
        return ADDRESS


def report(label: str, times: list[float]) -> None:
    if not times:
        print(f"{label}: none answered")
        return
    p95 = times[max(round(0.95 * len(times)) - 1, 0)]
    print(
        f"{label}: n={len(times)} p50={statistics.median(times):.3f}s "
        f"p95={p95:.3f}s max={times[-1]:.3f}s"
    )


def reload_in_a_loop(port: int, code: str, reloads: int) -> list[int]:
    """One browser reloading its page at 200 a minute; the statuses it got.

    It keeps every cookie it is given, as a browser does: with several workers,
    HAProxy's cookie keeps it on the worker that counts its reloads."""
    cookies: dict[str, str] = {}
    statuses = []
    for _ in range(reloads):
        started = time.monotonic()
        conn = http.client.HTTPConnection(ADDRESS, port, timeout=600)
        jar = "; ".join(f"{name}={value}" for name, value in cookies.items())
        headers = {"Cookie": jar} if jar else {}
        conn.request("GET", f"{PAGE}?code={code}", headers=headers)
        response = conn.getresponse()
        response.read()
        statuses.append(response.status)
        for given in response.msg.get_all("Set-Cookie") or []:
            name, _, value = given.split(";")[0].partition("=")
            cookies[name.strip()] = value
        conn.close()
        time.sleep(max(0.0, 60 / RELOADS_PER_MINUTE - (time.monotonic() - started)))
        if statuses[-1] == 429:
            break
    return statuses


def run(count: int, extra: tuple[str, ...]) -> int:
    with running_server(count, extra=extra) as (base, data_dir, process):
        session = create_session(open_store(data_dir), "One address benchmark")
        filled = settle(process, count + LEAD_WARM_KERNELS)
        print(f"pool of {count}: filled and settled in {filled:.1f}s")
        port = int(base.rsplit(":", 1)[1])
        phones = [RoomPhone(index, f"room-{index}") for index in range(count)]
        open_pages(port, session.code, phones, at_once=count)
        served = sorted(phone.seconds for phone in phones if phone.kernel)
        print(f"served {len(served)} of {count} pages from one address")
        report("time to answer", served)
        statuses = reload_in_a_loop(port, session.code, RELOADS_PER_MINUTE)
        limited = statuses[-1] == 429
        verdict = f"refused after {len(statuses) - 1}" if limited else "never refused"
        print(f"a browser reloading {RELOADS_PER_MINUTE} a minute: {verdict}")
        return 0 if len(served) == count and limited else 1


if __name__ == "__main__":
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), "250"))
    workers = ()
    if "--workers" in sys.argv:
        workers = ("--workers", sys.argv[sys.argv.index("--workers") + 1])
    sys.exit(run(n, workers))
