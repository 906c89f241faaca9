"""The address the room types: this machine's LAN address when it serves the room.

``facilitate serve`` listens on one host and port; the links it prints and the QR
on the display must point where phones can actually reach it. Binding 0.0.0.0
means "every interface", which no phone can type, so the machine's address on the
network that carries its default route is used instead (found without sending a
packet). Binding loopback keeps 127.0.0.1, and the display then says so.
"""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
_WILDCARDS = ("0.0.0.0", "::", "")  # noqa: S104 - compared, not bound


def lan_address() -> str:
    """This machine's address on its main network, or 127.0.0.1 if it has none."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent for UDP connect
        address = str(probe.getsockname()[0])
    except OSError:
        address = ""
    finally:
        probe.close()
    if not address or ipaddress.ip_address(address).is_loopback:
        try:
            address = socket.gethostbyname(socket.gethostname())
        except OSError:
            address = ""
    if not address or ipaddress.ip_address(address).is_loopback:
        return "127.0.0.1"
    return address


def public_url(host: str, port: int, secure: bool = False) -> str:
    """The base URL people in the room use for a server bound to ``host``."""
    shown = lan_address() if host in _WILDCARDS else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    scheme = "https" if secure else "http"
    default = 443 if secure else 80
    return f"{scheme}://{shown}" + ("" if port == default else f":{port}")


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS
