"""The poll's page is run by a real server in ``test_poll_page.py``, with this
folder importable; nbval's kernel could not import it, so it does not collect it."""

collect_ignore = ["poll.ipynb"]
