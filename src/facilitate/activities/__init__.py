"""The session's activities, one folder each, in the order the room meets them.

``AGENDA`` is the only list of activities: phases, event kinds, export policies,
report parts and demo seeders are derived from it (``facilitate.core.agenda``).
Adding an activity is a new folder with a ``spec.py`` and one line here.
"""

from __future__ import annotations

from facilitate.activities.alignment.spec import SPEC as ALIGNMENT
from facilitate.activities.checkin.spec import SPEC as CHECKIN
from facilitate.activities.feedback.spec import SPEC as FEEDBACK
from facilitate.activities.participation.spec import SPEC as PARTICIPATION
from facilitate.activities.root_cause.spec import SPEC as ROOT_CAUSE
from facilitate.activities.self_assessment.spec import SPEC as SELF_ASSESSMENT
from facilitate.core.agenda import Agenda

AGENDA = Agenda(
    (CHECKIN, SELF_ASSESSMENT, ALIGNMENT, ROOT_CAUSE, PARTICIPATION, FEEDBACK)
)
