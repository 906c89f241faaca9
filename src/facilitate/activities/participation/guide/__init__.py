"""The facilitator's guide notes for the discussion's participation, read from
``participation_guide.yaml`` in this folder (see ``facilitate.ui.guide_notes``)."""

from __future__ import annotations

from facilitate.ui.guide_notes import GuideFile

GUIDE = GuideFile("participation_guide.yaml", __package__)
