"""The closing phase: anonymous feedback on how the session was facilitated.

That a person gave feedback and what the form said are two events stored apart
(``FeedbackSent`` and ``FeedbackContent``), so no answer can be tied to a
person; ratings reach the display and the summary only in batches of k.
"""
