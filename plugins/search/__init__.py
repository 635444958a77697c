"""search: client-side Pagefind search for Thai and English, with facets.

Writes ``/{lang}/search/`` and indexes every release into ``output/pagefind/`` (see
:mod:`.search`); :func:`.index.build_index` is usable without Pelican (benchmarks).
"""

from pelican import signals

from .search import get_generators


def register():
    signals.get_generators.connect(get_generators)
