"""The leader's evidence pack for the Purposeful Collaboration micro-credential.

At the edge, like ``export``: it reads the activities' released figures through the
agenda's report parts and no activity imports it. ``content`` and ``state`` are
light (the colleague's page uses only them); the page, the pack and the session
evidence bring in the report parts.
"""
