"""The facilitator's guide notes for the root-cause analysis, read from
``root_cause_guide.yaml`` in this folder (see ``facilitate.ui.guide_notes``)."""

from __future__ import annotations

from facilitate.ui.guide_notes import GuideFile

GUIDE = GuideFile("root_cause_guide.yaml", __package__)
