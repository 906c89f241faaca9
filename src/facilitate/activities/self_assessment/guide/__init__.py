"""The facilitator's guide notes for the self-assessment, read from
``self_assessment_guide.yaml`` in this folder (see ``facilitate.ui.guide_notes``)."""

from __future__ import annotations

from facilitate.ui.guide_notes import GuideFile

GUIDE = GuideFile("self_assessment_guide.yaml", __package__)
