"""timeline: ``/{lang}/timeline/``, every meeting session and release by date, in both languages."""

from pelican import signals

from .timeline import get_generators


def register():
    signals.get_generators.connect(get_generators)
