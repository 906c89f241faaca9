"""facilitate: live, equity-focused professional-learning sessions on Voila.

The public surface is small on purpose: workbooks import the view functions from
``facilitate.views``; everything else is reached through them.
"""

from __future__ import annotations

__version__ = "0.1.0"
