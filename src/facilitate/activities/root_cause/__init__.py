"""The root-cause protocol: an equity audit of district data, then the room."""
