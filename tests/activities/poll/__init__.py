"""A one-question poll, defined only here, proving an activity is one folder."""
