"""The needs assessment: an equity audit of a district's file, in released figures.

A package of its own, beside the activities rather than inside one: the leader
runs it before a session (``facilitate audit``) or in the root-cause phase,
whose audit page and demo use it to share findings with the room. It reads a
file, counts, computes and suppresses; it imports only ``core`` and ``ui``, so
it knows nothing of the room and any activity may use it.
"""
