"""The pages a session serves, each declared once with who may open it.

A page is a workbook and its credential: open to anyone with the link (the
participant page), the projector's view-only token (the display), the
session's facilitator key (every other page unless it says otherwise), or a
gate of its own (``module:function``, called with the store and the query,
raising a ``FacilitateError`` to refuse), declared by the package whose
credential it checks, so the core never imports it.

``SESSION_PAGES`` are the pages every session has. An activity adds its own
in its spec (``ActivitySpec.pages``), and a package beside sessions (teams, the
evidence pack) in the list the agenda names (``Agenda.pages_beside``). The
front door, the Voila setup and the links all read the one table built from
them (``core.page_table``), so a page nobody declared is served by nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

from facilitate.core.errors import FacilitateError
from facilitate.core.paths import workbooks_dir

#: Anyone with the link.
OPEN = "open"
#: The projector's view-only token.
DISPLAY = "display"
#: The session's facilitator key.
FACILITATOR = "facilitator"
ACCESS = (OPEN, DISPLAY, FACILITATOR)
SUFFIX = ".ipynb"


class PageError(FacilitateError):
    """A page is declared in a way the server cannot serve."""


@dataclass(frozen=True)
class Page:
    """One workbook the server serves, and the credential it needs.

    ``package`` is where the workbook ships (read with ``importlib.resources``),
    so an activity's page travels with its folder; empty means the project's
    ``workbooks/`` folder. ``warm`` keeps one kernel started ahead for a
    facilitator page that must open at once (the display, the remote).
    ``remote`` is the page's name in the remote's list of the facilitator's other
    pages, which carries the session's key; a page without one is not listed.
    """

    name: str
    access: str = FACILITATOR
    #: ``module:function`` of a gate of its own; replaces ``access``.
    gate: str = ""
    package: str = ""
    warm: bool = False
    remote: str = ""

    def __post_init__(self) -> None:
        if not self.name.endswith(SUFFIX) or "/" in self.name:
            raise PageError(
                f"The page '{self.name}' is not a workbook's file name; "
                f"name it like 'poll{SUFFIX}'."
            )
        if self.access not in ACCESS:
            raise PageError(
                f"The page '{self.name}' asks for '{self.access}'; give it one of "
                f"{', '.join(ACCESS)}, or a gate of its own."
            )

    @property
    def open(self) -> bool:
        """Anyone with the link may open it: the room's Voila serves it."""
        return self.access == OPEN and not self.gate

    @property
    def lead(self) -> bool:
        """Whether the facilitator's Voila (under ``/lead``) serves it."""
        return not self.open

    @property
    def stem(self) -> str:
        """The name without ``.ipynb``, as links and people say it."""
        return self.name.removesuffix(SUFFIX)

    def workbook(self) -> Traversable:
        """The workbook's file, where its declaration says it ships."""
        if self.package:
            return files(self.package) / self.name
        return workbooks_dir() / self.name


#: The page people join from: the room's address leads here.
JOIN_PAGE = Page("participant.ipynb", OPEN)
#: The pages every session has.
SESSION_PAGES = (
    JOIN_PAGE,
    Page("display.ipynb", DISPLAY, warm=True),
    Page("remote.ipynb", warm=True),
    Page("console.ipynb"),
    Page("summary.ipynb"),
    Page("compare.ipynb", gate="facilitate.compare.gate:compare_gate"),
)
