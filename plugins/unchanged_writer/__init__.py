"""unchanged_writer: Pelican's writer, but a page whose text is unchanged is not rewritten."""

from pelican import signals

from .unchanged_writer import get_writer


def register():
    signals.get_writer.connect(get_writer)
