"""Collaborative teams: the four questions about students, meeting after meeting.

An activity outside the room: a team of teachers, specialists and administrators
keeps its own log (under a team code) across many meetings, works on its own page
(``workbooks/team.ipynb``) and exports only team-level aggregates.
"""
