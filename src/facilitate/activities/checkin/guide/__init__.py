"""The facilitator's guide notes for the check-in, read from
``checkin_guide.yaml`` in this folder (see ``facilitate.ui.guide_notes``)."""

from __future__ import annotations

from facilitate.ui.guide_notes import GuideFile

GUIDE = GuideFile("checkin_guide.yaml", __package__)
