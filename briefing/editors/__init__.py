"""Editors' tools: notes, the safe Markdown renderer, ``check`` of releases, notes and taxonomy.

Uses the taxonomy and front-matter rooms; never the converter stages or the site.
"""
