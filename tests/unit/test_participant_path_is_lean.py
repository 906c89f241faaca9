"""Every preheated kernel pays for what the participant page imports: keep it lean."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "plotly", "voila", "numpy")

SCRIPT = """
import sys
from facilitate.views.participant import ParticipantPage
from facilitate.views.activities import PARTICIPANT_ACTIVITIES, participant_activity
for phase in PARTICIPANT_ACTIVITIES:
    participant_activity(phase)
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
