"""How people join, on the projected display: the welcome screen and the badge.

The welcome screen is the join screen: the session code large enough to read
from the back of the room, a QR code taking almost half the height, and the join
address written out. After the welcome a small badge in a corner keeps the code
in sight for late arrivals. Neither holds a link: the display is read, not
clicked, and its page carries no facilitator key.

The address comes from where the display was opened. Opened on this computer's
loopback address (127.0.0.1), it would send phones nowhere, so the screen says
so and how to fix it instead of projecting a code that cannot work.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

import ipywidgets as widgets

from facilitate.core.language import N_, ngettext, spoken, translate
from facilitate.core.language import gettext as _
from facilitate.core.launcher import serve_setting
from facilitate.core.links import join_page_link, participant_link
from facilitate.core.sessions import SessionInfo
from facilitate.core.text import escape
from facilitate.ui.qr import qr_svg_fitted
from facilitate.ui.widgets import styled

#: The corner badge's words (shown with ``translate``, so named here).
BADGE = N_("Join at {address} · code {code}")
UNREACHABLE = N_(
    "Phones cannot reach this address: it is this computer's own. Restart with "
    "{command} and open the display from the new link."
)


def unreachable_hint() -> str:
    """Why phones cannot join, naming the command the facilitator started with."""
    every_address = serve_setting("host", "0.0.0.0")  # noqa: S104 - words, not a bind
    return _(UNREACHABLE).format(command=every_address)


def is_loopback(url: str) -> bool:
    """True when ``url`` points at this computer only (127.x, ::1, localhost)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def written_out(url: str) -> str:
    """The address as people type it (no scheme), breakable only at its slashes
    and separators, never inside a word."""
    bare = re.sub(r"^https?://", "", url)
    parts = re.split(r"(?<=[/?&=])", bare)
    return "<wbr>".join(escape(part) for part in parts)


class JoinScreen:
    """Named widgets: ``welcome`` (the whole join screen) and ``badge``."""

    def __init__(self) -> None:
        self.qr = styled(widgets.HTML(), "fc-qr")
        self.words = styled(widgets.HTML(), "fc-join-words")
        self.count = styled(widgets.HTML(), "fc-count")
        self.title = styled(widgets.HTML(), "fc-welcome-title")
        self.welcome = styled(
            widgets.VBox(
                [
                    self.title,
                    styled(widgets.HBox([self.qr, self.words]), "fc-join-row"),
                    self.count,
                ]
            ),
            "fc-welcome",
        )
        self.badge = styled(widgets.HTML(), "fc-join-badge")
        self.drawn: tuple[str, str] | None = None

    def show(self, session: SessionInfo, base: str) -> None:
        """Fill both in for ``session`` as reached from ``base`` (an origin)."""
        url = participant_link(base, session)
        if self.drawn == (session.code, url):
            return
        self.drawn = (session.code, url)
        code = escape(session.code)
        self.title.value = f"<h1>{escape(session.title)}</h1>"
        self.qr.value = qr_svg_fitted(url, _("QR code that opens the join page"))
        warning = (
            f'<p class="fc-unreachable">{escape(unreachable_hint())}</p>'
            if is_loopback(url)
            else ""
        )
        scan = escape(_("Join on your phone: scan the code, or go to"))
        enter = escape(_("and enter the code"))
        self.words.value = (
            f'<p class="fc-join-lead">{scan}</p>'
            f'<p class="fc-join-link">{written_out(join_page_link(base))}</p>'
            f'<p class="fc-join-lead">{enter}</p>'
            f'<p class="fc-big-code" aria-label="session code">{code}</p>'
            f"{warning}"
        )
        host = escape(urlsplit(url).netloc)
        # The corner badge speaks the screen's leading language only: in two
        # it would wrap under the heading, and the address and code need none.
        words = translate(BADGE, spoken()[0])
        badge = escape(words).format(
            address=f"<strong>{host}</strong>",
            code=f'<strong class="fc-badge-code">{code}</strong>',
        )
        self.badge.value = f"<p>{badge}</p>"

    def count_people(self, joined: int) -> None:
        number = f'<span class="fc-count-number">{joined}</span>'
        words = escape(
            ngettext(
                "{number} person has joined", "{number} people have joined", joined
            )
        )
        self.count.value = f"<p>{words.format(number=number)}</p>"
