"""Errors meant for the user: every message is one Swedish line."""


class RemissdraftError(Exception):
    """Base class; `str(error)` is the Swedish message shown to the user."""


class UnreadableFileError(RemissdraftError):
    """A file that cannot be read as a remiss (missing, empty, corrupt, encrypted, scanned)."""


class UnsupportedFileError(RemissdraftError):
    """A file type remissdraft does not read."""


class TemplateError(RemissdraftError):
    """A template that is missing or does not follow the template format."""


class ProfileError(RemissdraftError):
    """A profile file that cannot be read or written."""


class DraftError(RemissdraftError):
    """A draft file that cannot be read or written, or an edit aimed at a section that does not exist."""


class ExportError(RemissdraftError):
    """An export that cannot be made: required sections empty, output exists, unwritable folder."""


class UnknownSectionError(RemissdraftError):
    """A section asked for by number or title that the remiss does not have; the message lists the closest."""


class MatchError(RemissdraftError):
    """A request for suggestions that cannot be answered as asked (unknown stance, no suggestions wanted)."""
