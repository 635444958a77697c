"""front_matter: Markdown releases with YAML front matter (C-speed YAML, ``check``'s checks)."""

from pelican import signals

from .front_matter import add_reader, collect_problems, refuse_problems


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_context.connect(collect_problems)
    signals.article_generator_finalized.connect(refuse_problems)
