"""The anonymous self-assessment of bias and privilege, with comfort zones.

Like every activity, its content, events, metrics, charts and views live in this
folder. What a participant's page loads (the content, the participant view, the
private profile) imports no pandas or plotly, so a phone's kernel stays light;
the metrics and charts load only for the display, the remote and the summary.
"""
