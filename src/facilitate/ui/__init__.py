"""What the activities' views are made of, and the pages that gather them.

Widget helpers, the facilitator-key gate, ``record`` (the one guarded path for a
write from a widget) and the live chart are shared by every activity; the page
factories the workbooks call (participant, display, remote, console) lay out
whatever views the agenda names. It imports only the core, so it never names an
activity.
"""
