"""sitemap_hreflang: ``/sitemap.xml`` listing every page with its Thai/English alternates."""

from pelican import signals

from .sitemap_hreflang import write_sitemap


def register():
    signals.finalized.connect(write_sitemap)
