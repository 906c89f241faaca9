"""Collaborative teams: the four questions about students, meeting after meeting.

A product beside sessions, not an activity of the room: it has no phase. A team
of teachers, specialists and administrators keeps its own log (under a team
code) across many meetings, works on its own page (``workbooks/team.ipynb``)
behind its own key, and exports only team-level aggregates. Its code lookup, key
check, page gate and delete are a session's (``core.keyed_log``). It imports only
``core`` and ``ui``; the CLI, the server's gate and the export use it, and the
agenda names its event kinds (``beside``) so the store can read its log.
"""
