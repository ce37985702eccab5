"""Errors raised by lookthrough.

    LookthroughError            base of everything below; carries `detail` and `status`
    ├── InvalidInput            a file the user gave us cannot be used (file, line, field)
    ├── SourceError             one record of an official list is malformed; the load goes on
    ├── SourceAbort             a list file as a whole cannot be loaded; the load stops
    ├── SnapshotRefused         a load finished but must not replace the current snapshot
    ├── StoreError              the database cannot be opened or migrated (or the disk is full)
    ├── InvalidSetting          a LOOKTHROUGH_* variable or configuration-file value is not valid
    ├── FileAccessError         the system refused a read or write (no space left, no permission)
    ├── InvalidModel            a saved screening model cannot be used (damaged, or other code)
    ├── NotFound                an entity, snapshot or run that does not exist
    └── NotPermitted            the user's role or the four-eyes rule does not allow it

"One record failed, carry on" (SourceError) is kept apart from "this source is
unusable, stop" (SourceAbort): a list that failed to load must never look like "no match".
"""

from __future__ import annotations

import errno


class LookthroughError(Exception):
    """Base class of every error lookthrough raises on purpose."""

    status = 500

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class Located(LookthroughError):
    """An error tied to a place in a file: path, line and field when known."""

    def __init__(
        self,
        detail: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        super().__init__(detail)
        self.reason = detail
        self.detail = self.location_prefix() + detail

    def location_prefix(self) -> str:
        parts = []
        if self.path is not None:
            parts.append(self.path)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return (", ".join(parts) + ": ") if parts else ""

    def __str__(self) -> str:
        return self.detail


class InvalidInput(Located):
    """A file the user gave us cannot be used as it is."""

    status = 400


class SourceError(Located):
    """One record of an official list is malformed; it is rejected and the load goes on."""

    status = 422


class SourceAbort(Located):
    """A list file cannot be loaded at all; nothing from it replaces the current snapshot."""

    status = 422


class SnapshotRefused(LookthroughError):
    """A load completed but looks wrong (e.g. far fewer entries); the old snapshot stays."""

    status = 409


class StoreError(LookthroughError):
    """The database cannot be opened, read or migrated."""


class InvalidSetting(LookthroughError):
    """A setting (environment variable or configuration file) holds a value that cannot be used."""

    status = 500


class FileAccessError(LookthroughError):
    """The operating system refused to read or write a file: a full disk, a missing permission."""

    @classmethod
    def of(cls, error: OSError) -> FileAccessError:
        """The error in words, naming the file when the system said which."""
        reason = "no space left on device" if error.errno == errno.ENOSPC else (error.strerror or str(error))
        where = f"{error.filename}: " if error.filename else ""
        return cls(f"{where}{reason}")


class InvalidModel(LookthroughError):
    """A saved screening model cannot be used: damaged, of another layout, or built by other code."""


class NotFound(LookthroughError):
    """The thing asked for does not exist."""

    status = 404


class NotPermitted(LookthroughError):
    """The user may not do this: their role is too low, or four eyes needs a second person."""

    status = 403
