"""Participation equity: who talks, how much, and who follows whom.

Someone taps whoever starts speaking on the tracker (``tracker``), including
people without a device, added by seat; the metrics fold the taps into turns,
and the summary reports group figures and roles, never names.
"""
