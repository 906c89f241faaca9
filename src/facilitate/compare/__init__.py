"""Rooms side by side: several sessions' released figures in one view.

At the edge, like the export: it reuses each activity's own released figures
(``room_results``, ``room_picture``, ``equity_by_role``, ``released_feedback``),
each computed for one session under that session's k and release state, so a
comparison never shows what a session's own screen or summary would not. A
session under k in a figure shows that figure as suppressed. Tables put the
largest gaps and tensions first, never the best scores.
"""
