"""The self-assessment activity's content, personal profile, demo data and report.

Metrics, charts and views live in their own layers (``facilitate.metrics`` and so
on); this package holds what belongs to the activity alone. Nothing here imports
pandas or plotly at import time, so participant kernels can load the content.
"""
