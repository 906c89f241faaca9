"""facilitate: live, equity-focused professional-learning sessions on Voila.

The public surface is small on purpose: each workbook imports one page factory
(``facilitate.ui.participant_page``, ``facilitate.evidence.page``, ...) and
everything else is reached through it. The packages are layered, core <- ui <-
activities <- evidence <- export, compare <- server <- cli, as the import-linter
contracts in ``pyproject.toml`` hold.
"""

from __future__ import annotations

__version__ = "0.1.0"
