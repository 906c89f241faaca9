"""The self-assessment's private reflections, kept only on the person's device.

The reflection prompts are answered in ``facilitate.ui.private_notes``: text boxes
the browser keeps in ``localStorage`` and never sends to the server, because the
facilitator who runs the server may also be the person's evaluator. The profile's
download is built by the browser too, from the profile text made here with a
placeholder where each note goes. Sessions recorded before this kept notes as
``PrivateReflectionSaved`` events; those are still read, and offered to the
browser as the notes' starting text when it has none of its own.
"""

from __future__ import annotations

from dataclasses import replace

from facilitate.activities.self_assessment.content import SelfAssessment
from facilitate.activities.self_assessment.profile import MyAnswers, reflection_text
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.private_notes import (
    PrivateNotes,
    notes_storage_key,
    private_notes,
)

ACTIVITY = "self_assessment"


def reflection_notes(
    context: ParticipantContext, content: SelfAssessment, mine: MyAnswers
) -> PrivateNotes:
    """The reflection prompts as browser-only notes for this person and session."""
    code = context.session.code
    return private_notes(
        [(prompt.key, prompt.prompt) for prompt in content.reflections],
        notes_storage_key(code, context.participant, ACTIVITY),
        f"my-reflection-{code}.txt",
        initial=mine.reflections,
    )


def offer_download(
    notes: PrivateNotes, mine: MyAnswers, content: SelfAssessment, title: str
) -> None:
    """Let the browser build the download: the profile, notes filled in there."""
    marks = {prompt.key: notes.note_mark(prompt.key) for prompt in content.reflections}
    notes.document = reflection_text(replace(mine, reflections=marks), content, title)
