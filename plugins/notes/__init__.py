"""Pelican plugin ``notes``: editor notes from ``content/notes/*.md`` shown on release pages."""

from .notes import register

__all__ = ["register"]
