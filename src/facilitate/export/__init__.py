"""The reflection summary export: ``export_session`` writes HTML, PDF and CSV.

Kept tiny so importing it costs nothing; nbconvert, pandas and plotly load only
when an export actually runs.
"""

from __future__ import annotations

from facilitate.export.run import FORMATS, ExportResult, chosen_formats, export_session

__all__ = ["FORMATS", "ExportResult", "chosen_formats", "export_session"]
