"""A Pelican ``Writer`` that leaves a file alone when what it would write is already there.

A rebuild renders every page again, but most come out byte for byte as before: rewriting them
costs disk work (truncate, write, journal) and changes their modification times, which makes
every page look new to ``rsync``, caches and deploy diffs. :class:`UnchangedWriter` renders as
Pelican does and hands the text to :class:`SameContentFile`, which compares it with the file on
disk on ``close()`` (sizes first, then bytes) and writes only when they differ. Pelican's own
bookkeeping (a page written twice is an error unless ``override``) is kept as it is.

Connected on Pelican's ``get_writer`` signal, so it is the site's writer for pages and feeds.
It shares the set of files this build wrote (changed or not) as the setting :data:`WRITTEN_KEY`,
from which ``sitemap_hreflang`` lists the pages and removes the stale ones.
"""

from __future__ import annotations

import io
import logging
import os

from pelican.writers import FileOverwriteFailedError, Writer

log = logging.getLogger(__name__)
#: Setting holding the set of absolute paths this build's writer wrote (changed or not).
WRITTEN_KEY = "BRIEFING_WRITTEN_FILES"


class SameContentFile(io.StringIO):
    """A text buffer for ``path`` that is written to disk on close only if it differs."""

    def __init__(self, path: str, encoding: str):
        super().__init__()
        self.path, self.target_encoding = path, encoding

    def close(self) -> None:
        if not self.closed:
            write_if_changed(self.path, self.getvalue().encode(self.target_encoding))
        super().close()


def write_if_changed(path: str, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless the file already holds exactly it; True if written."""
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as existing:
                if existing.read() == data:
                    return False
    except OSError:
        pass  # no such file (or unreadable): write it
    with open(path, "wb") as out:
        out.write(data)
    return True


class UnchangedWriter(Writer):
    """Pelican's :class:`~pelican.writers.Writer` with :class:`SameContentFile` outputs."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        if settings is not None:
            settings[WRITTEN_KEY] = self._written_files  # this build's, filled as it writes

    def _open_w(self, filename, encoding, override=False):
        # Pelican's checks, as in Writer._open_w: a second write of one file is refused unless
        # exactly one of the writes asked to override.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)')
            log.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return SameContentFile(filename, encoding)


def get_writer(pelican):
    """``get_writer`` handler."""
    return UnchangedWriter
