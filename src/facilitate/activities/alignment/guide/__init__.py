"""The facilitator's guide notes for the shared-vision alignment, read from
``alignment_guide.yaml`` in this folder (see ``facilitate.ui.guide_notes``)."""

from __future__ import annotations

from facilitate.ui.guide_notes import GuideFile

GUIDE = GuideFile("alignment_guide.yaml", __package__)
