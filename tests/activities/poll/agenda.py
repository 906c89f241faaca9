"""The shipped agenda with the poll added at the end: its one line."""

from __future__ import annotations

from facilitate.activities import AGENDA as SHIPPED
from facilitate.core.agenda import Agenda
from tests.activities.poll.spec import SPEC

AGENDA = Agenda((*SHIPPED.activities, SPEC))
