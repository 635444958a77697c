"""site_pages: the bilingual landing page ``/``, language homes ``/{lang}/`` and language feeds."""

from pelican import signals

from .site_pages import get_generators, settle_feed


def register():
    signals.get_generators.connect(get_generators)
    signals.feed_generated.connect(settle_feed)
