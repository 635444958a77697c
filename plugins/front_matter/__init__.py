"""front_matter: Markdown releases with YAML front matter (pelican-yaml-metadata, C-speed YAML)."""

from pelican import signals

from .front_matter import add_reader


def register():
    signals.readers_init.connect(add_reader)
