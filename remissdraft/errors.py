"""Errors meant for the user: every message is one Swedish line."""


class RemissdraftError(Exception):
    """Base class; `str(error)` is the Swedish message shown to the user."""


class UnreadableFileError(RemissdraftError):
    """A file that cannot be read as a remiss (missing, empty, corrupt, encrypted, scanned)."""


class UnsupportedFileError(RemissdraftError):
    """A file type remissdraft does not read."""
