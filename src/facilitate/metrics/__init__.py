"""Pure functions from event frames to result frames: no I/O, no widgets."""
