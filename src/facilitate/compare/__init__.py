"""Rooms side by side: several sessions' released figures in one view.

At the edge, like the export, and naming no activity: it asks the agenda for each
activity's ``comparison`` part (``facilitate.core.comparison``), which reuses that
activity's own released figures, each computed for one session under that
session's k and release state, so a comparison never shows what a session's own
screen or summary would not. A session under k in a figure shows that figure as
suppressed. Tables put the largest gaps and tensions first, never the best scores.
"""
