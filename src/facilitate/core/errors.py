"""Errors a facilitator or participant may see, each phrased as one plain sentence.

Every message names the bad value and says what to do next, because it may be shown
on a projected screen where a traceback would help nobody.
"""

from __future__ import annotations

from facilitate.core.language import gettext as _


class FacilitateError(Exception):
    """Base class: the message is safe and useful to show to a person.

    ``at_terminal`` is the same message for the facilitator at the command line,
    where "the projected screen" is not what to check.
    """

    at_terminal: str = ""

    def for_terminal(self) -> str:
        return self.at_terminal or str(self)


class SessionNotFound(FacilitateError):
    """No session has the code someone typed or followed."""

    def __init__(self, code: str) -> None:
        super().__init__(
            _(
                "'{code}' is not a session code we know. "
                "Check the code on the projected screen and try again."
            ).format(code=code)
        )
        self.at_terminal = (
            f"'{code}' is not a session code we know. "
            "See your sessions' codes with: facilitate session list"
        )


class AccessRefused(FacilitateError):
    """A facilitator-only workbook was opened without the right key."""

    def __init__(self) -> None:
        super().__init__(
            "This page needs the facilitator's key. Open it with the remote link "
            "that `facilitate session new` or `facilitate session list` printed."
        )


class DisplayRefused(FacilitateError):
    """The projected display was opened with a missing or replaced view token."""

    def __init__(self) -> None:
        super().__init__(
            "This display link is not valid any more. Open the display link shown "
            "on the facilitator's remote."
        )


class InvalidInput(FacilitateError):
    """A value a person entered is outside what we accept."""


class InvalidContent(FacilitateError):
    """An editable content file does not have the expected shape."""


class StoreUnavailable(FacilitateError):
    """The event store cannot be opened or written."""


class SessionEnded(FacilitateError):
    """The session was deleted: its tombstone refuses every later write."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "This session has ended and its answers were deleted, so nothing "
                "more can be saved here. Thank you for taking part."
            )
        )


class AlreadyRecorded(FacilitateError):
    """A once-only marker (such as "has given feedback") was sent a second time."""

    def __init__(self) -> None:
        super().__init__(
            _("This was already sent once from your device and cannot be sent again.")
        )


class TooFast(FacilitateError):
    """More writes or attempts than a person plausibly makes; wait and retry."""
