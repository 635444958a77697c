"""Tiny taxonomy folders written in ``tmp_path`` for the loader's tests, and the error they give."""

from __future__ import annotations

import textwrap

import pytest

from briefing.taxonomy import TaxonomyError, load_taxonomy

MINIMAL_COUNTRIES = "- id: KH\n- id: ID\n"


def write(tmp_path, **files):
    """``tmp_path/taxonomy`` with one ``{kind}.yaml`` per keyword (dedented); two countries by
    default."""
    folder = tmp_path / "taxonomy"
    folder.mkdir(exist_ok=True)
    files.setdefault("countries", MINIMAL_COUNTRIES)
    for kind, text in files.items():
        (folder / f"{kind}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def error_of(folder) -> str:
    """The ``file:line: message`` the loader refuses ``folder`` with."""
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(folder)
    return str(info.value)
