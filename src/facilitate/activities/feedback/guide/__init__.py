"""The facilitator's guide notes for the feedback, read from
``feedback_guide.yaml`` in this folder (see ``facilitate.ui.guide_notes``)."""

from __future__ import annotations

from facilitate.ui.guide_notes import GuideFile

GUIDE = GuideFile("feedback_guide.yaml", __package__)
