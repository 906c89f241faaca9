"""The figures participation shares, and which kind of number each is.

Who was present, who talked how much and how often, and who followed whom were
seen by everyone in the room: observations. Written contributions are given on
a person's own device: an answer. The spec declares them; the views name them
when they ask the release gate, so this sits below both.
"""

from __future__ import annotations

from facilitate.core.agenda import ANSWER, OBSERVATION

ACTIVITY = "participation"
PEOPLE_BY_ROLE = "people_by_role"
TALK_BY_ROLE = "talk_by_role"
TURNS_BY_ROLE = "turns_by_role"
FOLLOWS_BY_ROLE = "follows_by_role"
CONTRIBUTIONS_BY_ROLE = "contributions_by_role"
NUMBERS = (
    (PEOPLE_BY_ROLE, OBSERVATION),
    (TALK_BY_ROLE, OBSERVATION),
    (TURNS_BY_ROLE, OBSERVATION),
    (FOLLOWS_BY_ROLE, OBSERVATION),
    (CONTRIBUTIONS_BY_ROLE, ANSWER),
)
