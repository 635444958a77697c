"""term_pages: index and term pages (countries, meetings + sessions, topics, organisations…)."""

from pelican import signals

from .term_pages import get_generators


def register():
    signals.get_generators.connect(get_generators)
