"""Collaborative teams: outside the room (no phase), with their own page and log."""

from __future__ import annotations

from facilitate.activities.teams.events import TEAM_EVENTS
from facilitate.core.agenda import ActivitySpec

SPEC = ActivitySpec(key="teams", phase=None, events=TEAM_EVENTS)
