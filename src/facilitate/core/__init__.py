"""The core: what every page and command stands on, knowing none of them.

Events and the one write path to the store, sessions (a keyed log, as teams
are) and the roster, the agenda (the only list of activities, which the core
reaches by name and never imports), the release gate that keeps groups under k
private, and the writers every layer shares (the safe CSV, the PDF printer, the
summary's cover). Nothing here imports ``ui``, an activity or the edge; the
import-linter contracts in ``pyproject.toml`` hold that.
"""
