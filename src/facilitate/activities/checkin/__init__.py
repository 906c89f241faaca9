"""The check-in: how each person is arriving, asked on the join form.

A person may change their answer during the welcome; no phone sees anyone
else's, and the display and the summary show the counts only in released
batches of k.
"""
