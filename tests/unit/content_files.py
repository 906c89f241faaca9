"""Every editable content file, the package it ships in and the loader that reads it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parents[2] / "src"


@dataclass(frozen=True)
class ContentFile:
    name: str
    package: str
    loader: str  # "module:function", called with no arguments

    @property
    def in_wheel(self) -> str:
        """The file's path inside a wheel (or a ``src/`` tree)."""
        return f"{self.package.replace('.', '/')}/{self.name}"


CONTENT_FILES = (
    ContentFile(
        "checkin.yaml",
        "facilitate.activities.checkin",
        "facilitate.activities.checkin.content:load_checkin",
    ),
    ContentFile(
        "self_assessment.yaml",
        "facilitate.activities.self_assessment",
        "facilitate.activities.self_assessment.content:load_self_assessment",
    ),
    ContentFile(
        "practices.yaml",
        "facilitate.activities.alignment",
        "facilitate.activities.alignment.content:load_alignment",
    ),
    ContentFile(
        "feedback.yaml",
        "facilitate.activities.feedback",
        "facilitate.activities.feedback.content:load_feedback",
    ),
    ContentFile(
        "four_questions.yaml",
        "facilitate.teams",
        "facilitate.teams.content:load_four_questions",
    ),
    ContentFile(
        "evidence.yaml", "facilitate.evidence", "facilitate.evidence.content:load_guide"
    ),
    ContentFile(
        "rubric.yaml", "facilitate.evidence", "facilitate.evidence.content:load_rubric"
    ),
    *(
        ContentFile(
            f"{key}_guide.yaml",
            f"facilitate.activities.{key}.guide",
            f"facilitate.activities.{key}.guide:GUIDE",
        )
        for key in (
            "checkin",
            "self_assessment",
            "alignment",
            "root_cause",
            "participation",
            "feedback",
        )
    ),
)


def yaml_files_in_source() -> set[str]:
    """Every YAML content file under ``src/``, as a path inside a wheel (their
    translations, beside them in ``translations/``, are checked by
    ``test_language_completeness``)."""
    return {
        path.relative_to(SOURCE_ROOT).as_posix()
        for path in SOURCE_ROOT.rglob("*.yaml")
        if path.parent.name != "translations"
    }
