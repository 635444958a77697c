"""The taxonomy room: one model (:class:`Term`, :class:`Session`), one loader, one alias matcher.

``content/taxonomy/*.yaml`` is read only here (:func:`load_taxonomy`); the converter's tagger,
the editors' ``check`` and the site plugins all take their terms from it. Lower rooms
(:mod:`briefing.contract`, :mod:`briefing.frontmatter`) are its only project imports.
"""

from briefing.taxonomy.loader import Taxonomy, load_taxonomy, main
from briefing.taxonomy.model import EXTRA_KINDS, KINDS, LANGS, Session, TaxonomyError, Term, name

__all__ = [
    "EXTRA_KINDS",
    "KINDS",
    "LANGS",
    "Session",
    "Taxonomy",
    "TaxonomyError",
    "Term",
    "load_taxonomy",
    "main",
    "name",
]
