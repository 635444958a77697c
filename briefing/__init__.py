"""Briefing: turn Thai government press releases into a tagged bilingual Markdown corpus.

The converter is a pipeline of small pure stages over one :class:`briefing.model.Release`:
normalise → parse → dates → tag → render. I/O and the command line stay thin (``briefing.cli``).
"""

__version__ = "0.1.0"
