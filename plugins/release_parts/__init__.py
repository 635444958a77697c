"""release_parts: a release too long for one light page is shown in parts (cabinet digests)."""

from pelican import signals

from .release_parts import get_generators, split_long_releases


def register():
    signals.article_generator_finalized.connect(split_long_releases)
    signals.get_generators.connect(get_generators)
