"""The leader's evidence pack for the Purposeful Collaboration micro-credential.

At the edge, like ``export``: it names no activity. Each activity's spec declares
its evidence part, which reads that activity's released report part; the pack
asks the agenda for them, and no activity imports it. ``content`` and ``state`` are
light (the colleague's page uses only them); the page, the pack and the session
evidence bring in the report parts.
"""
