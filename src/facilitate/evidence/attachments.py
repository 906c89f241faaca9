"""Files and links the leader attaches to the pack: what is accepted, and where
files are kept.

A recording of ten minutes is hundreds of megabytes, too large to travel through
a page, so videos are given as links (a school drive, a video host); documents and
images are uploaded as files (PDF, PNG or JPEG, up to ``MOST_BYTES``), checked by
their first bytes rather than their names. A file is kept in the session's private
folder (0600, see ``core.session_files``) under a name we choose, never the one it
was uploaded with, and is removed with the session. Nothing here is served: the
pack embeds images and links the rest from its own file.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from facilitate.core.errors import InvalidInput
from facilitate.core.events import AttachmentAdded
from facilitate.core.session_files import forget_file, session_folder, write_private
from facilitate.core.text import clean_text

#: Files larger than this travel badly through a page; give a link instead.
MOST_BYTES = 8_000_000
LINK = "link"
#: Accepted file types: media type -> (what to call it, file suffix, first bytes).
FILE_TYPES: dict[str, tuple[str, str, bytes]] = {
    "application/pdf": ("PDF", ".pdf", b"%PDF-"),
    "image/png": ("PNG image", ".png", b"\x89PNG\r\n\x1a\n"),
    "image/jpeg": ("JPEG image", ".jpg", b"\xff\xd8\xff"),
}
ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
LIMITS = (
    "Files: PDF, PNG or JPEG, up to 8 MB each. Video: give a link (to your school "
    "drive or a video site) that your assessor can open; a 10-minute recording is "
    "too large to upload here."
)
DESCRIPTION_LIMIT = 2_000
LINK_LIMIT = 2_000
FILE_NAME_LIMIT = 200


@dataclass(frozen=True)
class Attachment:
    """One attachment as the pack shows it (from its ``AttachmentAdded``)."""

    attachment: str
    part: str
    form: str
    name: str
    media_type: str
    size: int
    link: str
    description: str

    @property
    def is_link(self) -> bool:
        return self.media_type == LINK

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")

    @property
    def kept_as(self) -> str:
        """The file's name in the session's folder (links have none)."""
        suffix = FILE_TYPES.get(self.media_type, ("", ".bin", b""))[1]
        return f"attachment-{self.attachment}{suffix}"

    def what(self) -> str:
        """ "PDF, 120 KB", or "link": how the pack names its kind and size."""
        if self.is_link:
            return "link"
        kind = FILE_TYPES.get(self.media_type, ("file", "", b""))[0]
        return f"{kind}, {size_words(self.size)}"

    @classmethod
    def of(cls, event: AttachmentAdded) -> Attachment:
        return cls(
            event.attachment,
            event.part,
            event.form,
            event.name,
            event.media_type,
            event.size,
            event.link,
            event.description,
        )


def size_words(size: int) -> str:
    """A file size as people say it: "820 KB", "3.4 MB"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(round(size / 1000), 1)} KB"


def media_type_of(name: str, content: bytes) -> str:
    """The file's type from its first bytes; a one-sentence refusal otherwise."""
    if len(content) > MOST_BYTES:
        raise InvalidInput(
            f"{name} is {size_words(len(content))}; files can be up to 8 MB. "
            "Make it smaller, or put it online and give the link instead."
        )
    for media_type, (_, _, magic) in FILE_TYPES.items():
        if content.startswith(magic):
            return media_type
    raise InvalidInput(
        f"{name} is not a PDF, PNG or JPEG file. Save it as one of those, or give "
        "a link instead."
    )


def checked_link(raw: object) -> str:
    """A web address the assessor can open: http or https, with a host."""
    link = clean_text(raw, what="the link", limit=LINK_LIMIT, required=True)
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in link:
        raise InvalidInput(
            f"'{link}' is not a web address. Paste the full link, starting "
            "with https://."
        )
    return link


def checked_description(raw: object) -> str:
    return clean_text(raw, what="a description", limit=DESCRIPTION_LIMIT, required=True)


def new_id() -> str:
    return secrets.token_hex(6)


def attach_file(
    data_dir: Path,
    code: str,
    where: tuple[str, str],
    name: str,
    content: bytes,
    description: object,
) -> AttachmentAdded:
    """Keep ``content`` privately for session ``code``; the event to record.

    ``where`` is ``(part, form)``. Everything is checked before the file is
    written, so a refused file leaves nothing behind.
    """
    said = checked_description(description)
    media_type = media_type_of(name, content)
    shown_name = clean_text(name, what="the file name", limit=FILE_NAME_LIMIT)
    event = AttachmentAdded(
        new_id(), *where, shown_name, media_type, len(content), "", said
    )
    write_private(data_dir, code, Attachment.of(event).kept_as, content)
    return event


def attach_link(
    where: tuple[str, str], link: object, description: object
) -> AttachmentAdded:
    """The event for a link (to a video, say); nothing is written to disk."""
    said = checked_description(description)
    return AttachmentAdded(new_id(), *where, "", LINK, 0, checked_link(link), said)


def read_file(data_dir: Path, code: str, attachment: Attachment) -> bytes | None:
    """The kept file's bytes, or None when it is a link or no longer on disk."""
    if attachment.is_link:
        return None
    path = session_folder(data_dir, code) / attachment.kept_as
    return path.read_bytes() if path.is_file() else None


def remove_file(data_dir: Path, code: str, attachment: Attachment) -> None:
    """Delete the kept file of ``attachment`` (a link has none)."""
    if not attachment.is_link:
        forget_file(data_dir, code, attachment.kept_as)
