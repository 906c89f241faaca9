"""The shared-vision alignment exercise: where the room pulls apart on its practices.

Each person places practices on a spectrum from extrinsic to intrinsic motivation
and rates them now and in the shared vision, then offers words for that vision.
Inside the folder the usual direction holds: content and events; the room's
answers released in batches of k (``room``) and how sure a picture is
(``agreement``, ``chance``, ``verdicts``, ``prompts``); then charts, and the
participant, display and remote views.
"""
