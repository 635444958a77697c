"""briefing_taxonomy: load the taxonomy, refuse unknown tag ids, link releases to terms."""

from pelican import signals

from .briefing_taxonomy import (
    guard_draft_categories,
    index_articles,
    load_on_init,
    skip_unwritten_authors,
)
from .translation import hide_placeholders


def register():
    signals.initialized.connect(load_on_init)
    signals.article_generator_finalized.connect(index_articles)
    signals.article_generator_finalized.connect(guard_draft_categories)
    signals.article_generator_finalized.connect(hide_placeholders)
    signals.article_generator_finalized.connect(skip_unwritten_authors)
