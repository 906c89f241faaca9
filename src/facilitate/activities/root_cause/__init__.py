"""The root-cause protocol: from a finding in the district's data to its causes.

The leader shares released findings of the needs assessment (``facilitate.audit``,
a package of its own; ``audit_workbook`` is its page in this phase, ``share`` what
the room sees of it); the room then names causes in four categories (``board``,
``affinity``), asks "why?" up to five deep and dot-votes, with counts shown only
in groups of k.
"""
