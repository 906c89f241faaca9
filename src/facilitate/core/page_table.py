"""The one table of pages: the session's own, the activities', and those beside.

Built from ``core.pages.SESSION_PAGES`` and the agenda (each activity's
``pages``, and each package's beside sessions), it is what the front door
routes and gates by, what the Voila setup serves and keeps warm, and what links
are built from. A name declared twice is an error, since the front door would
not know which credential to ask for.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from facilitate.core.agenda import Agenda, agenda_target, current_agenda
from facilitate.core.pages import JOIN_PAGE, SESSION_PAGES, SUFFIX, Page, PageError


class PageTable:
    """Every page, found by its name whatever the case of the name asked for."""

    def __init__(self, pages: Iterable[Page]) -> None:
        self._pages: dict[str, Page] = {}
        for page in pages:
            key = page.name.casefold()
            if key in self._pages:
                raise PageError(
                    f"The page '{page.name}' is declared twice; keep one declaration."
                )
            self._pages[key] = page

    def find(self, name: str) -> Page | None:
        """The page whose file is named ``name`` (``remote.ipynb``), or None."""
        return self._pages.get(name.casefold())

    def named(self, name: str) -> Page:
        """The page called ``name`` (``remote`` or ``remote.ipynb``), for a link;
        a name nobody declared is a mistake in the code, said plainly."""
        page = self.find(name if name.endswith(SUFFIX) else f"{name}{SUFFIX}")
        if page is None:
            raise PageError(f"No page '{name}' is declared; declare it in core.pages.")
        return page

    @property
    def pages(self) -> tuple[Page, ...]:
        return tuple(self._pages.values())

    @property
    def on_the_remote(self) -> tuple[Page, ...]:
        """The facilitator's other pages the remote links to, in table order."""
        return tuple(page for page in self._pages.values() if page.remote)

    @property
    def join(self) -> Page:
        """The page the room's address leads to."""
        return JOIN_PAGE


def declared_pages(agenda: Agenda) -> list[Page]:
    """The session's pages, then each activity's, then those beside sessions."""
    pages = list(SESSION_PAGES)
    pages += [page for activity in agenda.activities for page in activity.pages]
    pages += [page for beside in agenda.pages_beside for page in beside.load()]
    return pages


@lru_cache(maxsize=4)
def _table(target: str) -> PageTable:
    return PageTable(declared_pages(current_agenda()))


def page_table() -> PageTable:
    """The table of the agenda this process runs (``FACILITATE_AGENDA``)."""
    return _table(agenda_target())
