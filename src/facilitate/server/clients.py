"""Who is asking: the connection's own address, or a trusted proxy's word for it.

The limits count devices by address. Behind a proxy every connection comes from
the proxy, so its forwarding headers must say whose request it is; but any client
can write those headers itself, and a client that writes a new address on every
request is never limited. So a forwarding header is read only on a connection
from a proxy named with ``--trusted-proxy`` (``serve --workers`` names the
HAProxy it starts), and only the address that proxy wrote: the last entry of
``X-Forwarded-For`` not itself a trusted proxy's (HAProxy deletes what the client
sent and writes its own). ``X-Real-Ip`` is read only when there is no
``X-Forwarded-For``. Anyone else is counted by the address they connect from.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from facilitate.core.errors import InvalidInput

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class TrustedProxies:
    """The proxies whose forwarding headers are believed."""

    networks: tuple[Network, ...] = ()

    @classmethod
    def parse(cls, given: Iterable[str]) -> TrustedProxies:
        """From ``--trusted-proxy`` values: addresses or networks, comma-separated."""
        networks = []
        for text in given:
            for part in filter(None, (p.strip() for p in text.split(","))):
                try:
                    networks.append(ipaddress.ip_network(part, strict=False))
                except ValueError:
                    raise InvalidInput(
                        f"'{part}' is not an address or a network. Give the proxy's "
                        "address as --trusted-proxy, for example 10.0.0.5 or "
                        "10.0.0.0/24."
                    ) from None
        return cls(tuple(networks))

    def trusts(self, address: str) -> bool:
        ip = _ip(address)
        return ip is not None and any(ip in network for network in self.networks)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped  # an IPv4 client on a dual-stack socket
    return ip


def client_address(
    peer: str, headers: Mapping[str, str], trusted: TrustedProxies
) -> str:
    """The address to count a request against; ``peer`` is the connection's."""
    if not trusted.trusts(peer):
        return peer
    forwarded = [p.strip() for p in headers.get("X-Forwarded-For", "").split(",")]
    for candidate in reversed([p for p in forwarded if p]):
        if _ip(candidate) is None:
            return peer  # a proxy of ours writes addresses, nothing else
        if not trusted.trusts(candidate):
            return candidate
    if not any(forwarded):
        real = headers.get("X-Real-Ip", "").strip()
        if _ip(real) is not None:
            return real
    return peer


def forwarded_https(
    peer: str, headers: Mapping[str, str], trusted: TrustedProxies
) -> bool:
    """Whether a trusted proxy says the browser reached it over https."""
    said = headers.get("X-Forwarded-Proto", "").strip().lower()
    return said == "https" and trusted.trusts(peer)
