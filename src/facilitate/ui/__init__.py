"""What the activities' views are made of, and the pages that gather them.

Widget helpers, the key gate of every keyed page (a session's or a team's),
``record`` (the one guarded path for a write from a widget), the live chart and
the base of the display panels are shared by every activity; the page factories
the workbooks call (participant, display, remote, console) lay out whatever
views the agenda names. It imports only the core, so it never names an
activity.
"""
