"""Reader of `content/releases/{th,en}/*.md`: pelican-yaml-metadata's reader with two changes.

* YAML is parsed with libyaml (``CSafeLoader``) when PyYAML has it: the front matter of a release
  carries lists, maps and the converter's bookkeeping, and the pure-Python parser was half of the
  build time on a few hundred releases.
* Invalid YAML stops the file with a readable error naming the file and the line (the upstream
  reader logs it and returns no metadata, which loses the cause); an unclosed quote is reported
  where it opens.
"""

from __future__ import annotations

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from briefing.notes import yaml_error_mark

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(ValueError):
    """The front matter of a content file is not a valid YAML mapping."""


def parse_front_matter(text: str, source_path: str) -> dict:
    """The YAML mapping in ``text``; :class:`FrontMatterError` names the file and line if bad."""
    try:
        data = yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark, problem = yaml_error_mark(error)  # an unclosed quote: the line where it opens
        where = f"{source_path}:{mark.line + 1}" if mark else source_path  # text starts after ---
        raise FrontMatterError(f"{where}: front matter is not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise FrontMatterError(f"{source_path}: front matter must be a YAML mapping (key: value)")
    return data


class FrontMatterReader(YAMLMetadataReader):
    """``YAMLMetadataReader`` with fast, strict YAML parsing."""

    def _load_yaml_metadata(self, text, source_path):
        return self._parse_yaml_metadata(parse_front_matter(text, source_path), source_path)


def add_reader(readers) -> None:
    """``readers_init`` handler: read Markdown files with :class:`FrontMatterReader`."""
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader
