"""open_data: ``/data/releases.json`` and ``/data/taxonomy.json`` for re-use."""

from pelican import signals

from .open_data import get_generators


def register():
    signals.get_generators.connect(get_generators)
