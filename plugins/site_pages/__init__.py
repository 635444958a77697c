"""site_pages: the bilingual landing page ``/``, language homes ``/{lang}/`` and language feeds."""

from pelican import signals

from .site_pages import get_generators, unique_feed_id


def register():
    signals.get_generators.connect(get_generators)
    signals.feed_generated.connect(unique_feed_id)
