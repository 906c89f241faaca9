"""Every preheated kernel pays for what the participant page imports: keep it lean."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "plotly", "voila", "numpy")

SCRIPT = """
import sys
from facilitate.core.agenda import current_agenda
from facilitate.ui.participant_page import ParticipantPage
for role in ("participant", "join_question", "closing"):
    current_agenda().loaded(role)
print(",".join(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def test_participant_page_and_activities_import_no_heavy_modules():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == ""
